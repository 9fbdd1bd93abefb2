// Terms (nhiệm kỳ), congresses and committees through the API: a congress opens a term and
// closes the previous one, seats are appointed and ended with their decisions, the committee
// shows its warnings and the standing of its term; every refusal names its field and writes
// nothing; reads and writes are scoped by the tree.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember, createOrg } from './lib/api.mjs';
import { daysFromToday } from './lib/lifecycle.mjs';

let server;
let api;
let tree;
const DECISION = { number: '125-QĐ/ĐUK', authority: 'Đảng ủy Khối' };

before(async () => {
  server = await startServer();
  api = server.admin;
  tree = await buildTree(api, 'Nhiệm Kỳ');
});
after(async () => { await server?.stop(); });

const terms = async (orgId, client = api) => ok(await client.get(`/api/v1/orgs/${orgId}/terms`));
const committee = async (orgId, client = api) => ok(await client.get(`/api/v1/orgs/${orgId}/committee`));
const term = async (id) => ok(await api.get(`/api/v1/terms/${id}`));
const congress = async (orgId, body) => ok(await api.post(`/api/v1/orgs/${orgId}/terms`, body), 201);
const appoint = async (termId, body) => ok(await api.post(`/api/v1/terms/${termId}/seats`, body), 201);
const codes = (list) => list.map((w) => w.code).sort();
async function auditActions(type) {
  return ok(await api.get(`/api/v1/audit?limit=500&object_type=${type}`)).items.map((e) => e.action);
}

describe('congresses and terms', () => {
  test('a congress opens a term; the next one closes it the day it closes', async () => {
    const first = await congress(tree.base.id, { opened_on: '2020-06-13', closed_on: '2020-06-15', delegates: 150 });
    assert.equal(first.name, 'Nhiệm kỳ 2020-2025', 'named from the term length rule (60 months)');
    assert.equal(first.starts_on, '2020-06-16');
    assert.equal(first.ends_on, null);
    assert.equal(first.congress_delegates, 150);
    assert.equal(first.may_manage, true);
    const second = await congress(tree.base.id, {
      name: 'Nhiệm kỳ 2025-2030', closed_on: '2025-06-20', approved_committee_size: 3, approved_standing_size: 3,
    });
    const list = await terms(tree.base.id);
    assert.deepEqual(list.items.map((t) => t.id), [second.id, first.id], 'newest first');
    assert.equal(list.items[0].current, true);
    assert.equal(list.items[1].current, false);
    assert.equal(list.items[1].ends_on, '2025-06-20');
    assert.equal(list.items[0].standing.code, '', 'in time: due 2030');
    assert.equal(list.items[0].standing.due_on, '2030-06-20');
    assert.equal(list.items[0].standing.length.key, 'term.standard_months');
    assert.equal(list.items[1].standing, null);
    assert.equal(list.has_congress, true);
    const actions = await auditActions('term');
    assert.equal(actions.filter((a) => a === 'term.congress').length, 2);
  });

  test('every wrong congress is refused with its field, and nothing is written', async () => {
    const before = (await terms(tree.base.id)).items;
    const refused = async (body, field, code) =>
      problem(await api.post(`/api/v1/orgs/${tree.base.id}/terms`, body), 422, 'validation_failed', [[field, code]]);
    await refused({}, 'closed_on', 'required');
    await refused({ closed_on: 'hôm qua' }, 'closed_on', null);
    await refused({ closed_on: daysFromToday(1) }, 'closed_on', 'date_in_future');
    await refused({ closed_on: '2026-01-10', opened_on: '2026-01-11' }, 'opened_on', 'congress_dates');
    await refused({ closed_on: '2025-06-20' }, 'closed_on', 'term_order');
    await refused({ closed_on: '2024-01-01' }, 'closed_on', 'term_order');
    await refused({ closed_on: '2026-01-10', delegates: -1 }, 'delegates', 'out_of_range');
    await refused({ closed_on: '2026-01-10', approved_committee_size: 'nine' }, 'approved_committee_size', 'wrong_type');
    await refused({ closed_on: '2026-01-10', term: 'x' }, 'term', 'unknown_field');
    assert.deepEqual((await terms(tree.base.id)).items, before);
    const group = await createOrg(api, { kind: 'party_group', name: 'Tổ đảng Nhiệm Kỳ', parent_id: tree.cellA.id });
    problem(await api.post(`/api/v1/orgs/${group.id}/terms`, { closed_on: '2025-01-01' }), 409, 'org_holds_no_congress');
    assert.equal((await terms(group.id)).has_congress, false);
    problem(await api.post('/api/v1/orgs/999999/terms', { closed_on: '2025-01-01' }), 404, 'not_found');
  });

  test('a term is edited with its version; a wrong value or a stale version changes nothing', async () => {
    const current = (await terms(tree.base.id)).items[0];
    const edited = ok(await api.patch(`/api/v1/terms/${current.id}`, { version: current.version, delegates: 160, note: 'Đại hội lần thứ V' }));
    assert.equal(edited.congress_delegates, 160);
    assert.equal(edited.note, 'Đại hội lần thứ V');
    assert.equal(edited.version, current.version + 1);
    problem(await api.patch(`/api/v1/terms/${current.id}`, { version: current.version, delegates: 170 }), 409, 'version_conflict');
    problem(await api.patch(`/api/v1/terms/${current.id}`, { version: edited.version, name: '' }), 422, 'validation_failed', [['name', 'required']]);
    problem(await api.patch(`/api/v1/terms/${current.id}`, { version: edited.version, opened_on: '2025-06-21' }), 422, 'validation_failed', [['opened_on', 'congress_dates']]);
    problem(await api.patch(`/api/v1/terms/${current.id}`, { version: edited.version, approved_standing_size: -2 }), 422, 'validation_failed', [['approved_standing_size', 'out_of_range']]);
    const after = await term(current.id);
    assert.equal(after.version, edited.version);
    assert.equal(after.congress_delegates, 160);
    assert.ok((await auditActions('term')).includes('term.update'));
  });
});

describe('committees', () => {
  let baseTerm;
  let members;
  before(async () => {
    baseTerm = (await terms(tree.base.id)).items[0];
    members = [];
    for (let i = 0; i < 5; i++) members.push(await createMember(api, tree.cellA.id, { full_name: `Phạm Văn Ủy${'ABCDE'[i]}` }));
  });

  test('seats with their decisions; more committee members than approved is a warning', async () => {
    const secretary = await appoint(baseTerm.id, {
      member_id: members[0].id, position: 'secretary', started_on: '2025-06-21', decision: DECISION, decision_date: '2025-07-01',
    });
    assert.equal(secretary.member_name, members[0].full_name);
    assert.deepEqual(secretary.decision, DECISION);
    assert.equal(secretary.decision_date, '2025-07-01');
    assert.equal(secretary.ended_on, null);
    await appoint(baseTerm.id, { member_id: members[1].id, position: 'deputy_secretary', started_on: '2025-06-21' });
    await appoint(baseTerm.id, { member_id: members[2].id, position: 'committee_member', started_on: '2025-06-21' });
    await appoint(baseTerm.id, { member_id: members[3].id, position: 'inspection_chair', started_on: '2025-06-21' });
    let view = await committee(tree.base.id);
    assert.equal(view.term.id, baseTerm.id);
    assert.deepEqual(view.seats.map((s) => s.position), ['secretary', 'deputy_secretary', 'committee_member', 'inspection_chair'],
      'in the order of the position catalog');
    assert.deepEqual(codes(view.warnings), []);
    await appoint(baseTerm.id, { member_id: members[4].id, position: 'committee_member', started_on: '2025-08-01' });
    view = await committee(tree.base.id);
    const over = view.warnings.find((w) => w.code === 'committee_over_approved');
    assert.ok(over, JSON.stringify(view.warnings));
    assert.equal(over.threshold, 3);
    assert.equal(over.actual, 4);
    assert.equal(view.standing_code, null);
    assert.ok((await auditActions('committee_seat')).includes('term.seat_appoint'));
  });

  test('every wrong seat is refused with its field, and nothing is written', async () => {
    const before = (await term(baseTerm.id)).seats.length;
    const outside = await createMember(api, tree.baseCell.id, { full_name: 'Lê Văn Ngoài' });
    const probationary = await createMember(api, tree.cellA.id, { full_name: 'Lê Văn Dựbị', status: 'probationary', admission_date: daysFromToday(-100) });
    const refused = async (body, field, code) => problem(await api.post(`/api/v1/terms/${baseTerm.id}/seats`, body), 422, 'validation_failed', [[field, code]]);
    const seat = (overrides) => ({ member_id: members[2].id, position: 'standing_member', started_on: '2025-07-01', ...overrides });
    await refused(seat({ member_id: undefined }), 'member_id', 'required');
    await refused(seat({ member_id: 99999999 }), 'member_id', 'member_not_found');
    await refused(seat({ member_id: outside.id }), 'member_id', 'member_outside_org');
    await refused(seat({ member_id: probationary.id }), 'member_id', 'member_not_official');
    await refused(seat({ position: undefined }), 'position', 'required');
    await refused(seat({ position: 'chairman' }), 'position', 'unknown_code');
    await refused(seat({ position: 'cell_committee_member' }), 'position', 'position_not_in_kind');
    await refused(seat({ started_on: '2025-06-20' }), 'started_on', 'date_outside_term');
    await refused(seat({ started_on: daysFromToday(3) }), 'started_on', 'date_in_future');
    await refused(seat({ started_on: undefined }), 'started_on', 'required');
    await refused(seat({ decision_date: daysFromToday(3) }), 'decision_date', 'date_in_future');
    await refused(seat({ decision: { number: 5 } }), 'decision.number', 'wrong_type');
    await refused(seat({ member_id: members[4].id, position: 'secretary' }), 'position', 'position_taken');
    await refused(seat({ position: 'committee_member' }), 'member_id', 'seat_held');
    assert.equal((await term(baseTerm.id)).seats.length, before);
    problem(await api.post('/api/v1/terms/99999999/seats', seat({})), 404, 'not_found');
  });

  test('a seat ends with a day and a reason; its history stays', async () => {
    const view = await committee(tree.base.id);
    const seat = view.seats.find((s) => s.member_id === members[4].id);
    const refused = async (body, field, code) => problem(await api.post(`/api/v1/seats/${seat.id}/end`, body), 422, 'validation_failed', [[field, code]]);
    await refused({ version: seat.version, on: '2025-07-01', reason: 'Nghỉ hưu' }, 'on', 'date_before_start');
    await refused({ version: seat.version, on: daysFromToday(2), reason: 'Nghỉ hưu' }, 'on', 'date_in_future');
    await refused({ version: seat.version, on: daysFromToday(-2) }, 'reason', 'required');
    problem(await api.post(`/api/v1/seats/${seat.id}/end`, { version: seat.version + 7, on: daysFromToday(-2), reason: 'Nghỉ hưu' }), 409, 'version_conflict');
    const ended = ok(await api.post(`/api/v1/seats/${seat.id}/end`, { version: seat.version, on: daysFromToday(-2), reason: 'Chuyển công tác' }));
    assert.equal(ended.ended_on, daysFromToday(-2));
    assert.equal(ended.end_reason, 'Chuyển công tác');
    problem(await api.post(`/api/v1/seats/${seat.id}/end`, { version: ended.version, on: daysFromToday(-1), reason: 'x' }), 409, 'seat_ended');
    const after = await committee(tree.base.id);
    assert.ok(!after.seats.some((s) => s.id === seat.id), 'no longer on the committee');
    assert.ok(!after.warnings.some((w) => w.code === 'committee_over_approved'), 'back within the approved size');
    const history = (await term(baseTerm.id)).seats.find((s) => s.id === seat.id);
    assert.equal(history.ended_on, daysFromToday(-2));
    assert.ok((await auditActions('committee_seat')).includes('term.seat_end'));
  });

  test('a cell without a secretary is warned; the next congress ends the old committee', async () => {
    const cellTerm = await congress(tree.cellA.id, { closed_on: '2025-03-01' });
    assert.equal(cellTerm.name, 'Nhiệm kỳ 2025-2027', 'a cell under a base committee: 30 months');
    const deputy = await appoint(cellTerm.id, { member_id: members[1].id, position: 'deputy_secretary', started_on: '2025-03-02' });
    let view = await committee(tree.cellA.id);
    assert.ok(codes(view.warnings).includes('no_secretary'), JSON.stringify(view.warnings));
    problem(await api.post(`/api/v1/terms/${cellTerm.id}/seats`, { member_id: members[2].id, position: 'committee_member', started_on: '2025-03-02' }),
      422, 'validation_failed', [['position', 'position_not_in_kind']]);
    await appoint(cellTerm.id, { member_id: members[0].id, position: 'secretary', started_on: '2025-03-02' });
    view = await committee(tree.cellA.id);
    assert.ok(!codes(view.warnings).includes('no_secretary'));
    // The next congress: the old term ends, its seats with it.
    const next = await congress(tree.cellA.id, { closed_on: daysFromToday(-10) });
    const old = await term(cellTerm.id);
    assert.equal(old.ends_on, daysFromToday(-10));
    assert.equal(old.current, false);
    const ended = old.seats.find((s) => s.id === deputy.id);
    assert.equal(ended.ended_on, daysFromToday(-10));
    assert.equal(ended.end_reason, 'term_ended');
    view = await committee(tree.cellA.id);
    assert.equal(view.term.id, next.id);
    assert.deepEqual(view.seats, []);
    assert.ok(codes(view.warnings).includes('no_secretary'));
  });
});

describe('organizations past their term', () => {
  test('past the due date and past the tolerance: flagged on the committee and in the tree', async () => {
    // A cell's congress twice in 5 years (30 months, 6 months' tolerance): from 2023-01-10 the
    // congress was due on 2025-07-10 and at the latest on 2026-01-10; the server's today is later.
    await congress(tree.cellB.id, { closed_on: '2023-01-10' });
    const view = await committee(tree.cellB.id);
    assert.equal(view.standing_code, 'term_overdue');
    assert.equal(view.term.standing.latest_on, '2026-01-10');
    const children = ok(await api.get(`/api/v1/orgs/${tree.base.id}/children`)).items;
    const cellB = children.find((c) => c.id === tree.cellB.id);
    const warning = cellB.warnings.find((w) => w.code === 'term_overdue');
    assert.ok(warning, JSON.stringify(cellB.warnings));
    assert.equal(warning.rule, 'term.cell_months');
    assert.equal(warning.threshold, 30);
    assert.ok(warning.actual >= 40);
    const cellA = children.find((c) => c.id === tree.cellA.id);
    assert.ok(!cellA.warnings.some((w) => w.code.startsWith('term_')), 'a new term is in time');
    // An organization that holds congresses but has no term recorded.
    assert.equal((await committee(tree.above2.id)).standing_code, 'no_term');
    assert.equal((await committee(tree.above2.id)).term, null);
  });
});

describe('access', () => {
  test('reads need org.read in scope, writes terms.manage; outside the scope nothing is revealed', async () => {
    const baseTerm = (await terms(tree.base.id)).items[0];
    const seat = (await committee(tree.base.id)).seats[0];
    const leader = await server.login(await server.addUser({ roles: ['leader'], scope: tree.above.id }));
    const staffIn = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.above.id }));
    const staffOut = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.above2.id }));
    // The leader reads, but may not write: 403 (they know the objects exist).
    assert.equal((await committee(tree.base.id, leader)).may_manage, false);
    assert.equal((await terms(tree.base.id, leader)).items.length, 2);
    problem(await leader.post(`/api/v1/orgs/${tree.base.id}/terms`, { closed_on: daysFromToday(-1) }), 403, 'forbidden');
    problem(await leader.patch(`/api/v1/terms/${baseTerm.id}`, { version: baseTerm.version, note: 'x' }), 403, 'forbidden');
    problem(await leader.post(`/api/v1/terms/${baseTerm.id}/seats`, { member_id: 1, position: 'secretary', started_on: '2025-07-01' }), 403, 'forbidden');
    problem(await leader.post(`/api/v1/seats/${seat.id}/end`, { version: seat.version, on: daysFromToday(-1), reason: 'x' }), 403, 'forbidden');
    // Office staff of another subtree: not found, nothing about the objects.
    for (const reply of [
      await staffOut.get(`/api/v1/orgs/${tree.base.id}/terms`),
      await staffOut.get(`/api/v1/orgs/${tree.base.id}/committee`),
      await staffOut.get(`/api/v1/terms/${baseTerm.id}`),
      await staffOut.post(`/api/v1/orgs/${tree.base.id}/terms`, { closed_on: daysFromToday(-1) }),
      await staffOut.patch(`/api/v1/terms/${baseTerm.id}`, { version: baseTerm.version, note: 'x' }),
      await staffOut.post(`/api/v1/seats/${seat.id}/end`, { version: seat.version, on: daysFromToday(-1), reason: 'x' }),
    ]) {
      problem(reply, 404, 'not_found');
      assert.ok(!reply.text.includes(tree.base.name) && !reply.text.includes(seat.member_name));
    }
    // Office staff of the subtree manage it.
    assert.equal((await committee(tree.base.id, staffIn)).may_manage, true);
    const edited = ok(await staffIn.patch(`/api/v1/terms/${baseTerm.id}`, { version: baseTerm.version, approved_committee_size: 9 }));
    assert.equal(edited.approved_committee_size, 9);
    // A member of another subtree cannot be seated, even by someone who reaches both.
    const stranger = await createMember(api, tree.baseCell.id, { full_name: 'Đỗ Văn Xa' });
    problem(await staffIn.post(`/api/v1/terms/${baseTerm.id}/seats`, { member_id: stranger.id, position: 'standing_member', started_on: '2025-07-01' }),
      422, 'validation_failed', [['member_id', 'member_not_found']]);
  });
});
