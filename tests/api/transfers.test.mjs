// Transfers, exits, exemption and badges through the API.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, counts, createMember, cccd, memberPayload } from './lib/api.mjs';
import { daysFromToday, addMonths, officialMember } from './lib/lifecycle.mjs';
import { parseCsv } from './lib/csv.mjs';

let server;
let api;
let tree;

before(async () => {
  server = await startServer();
  api = server.admin;
  tree = await buildTree(api, 'Chuyển Đi');
});
after(async () => { await server?.stop(); });

const LETTER = { number: '88-GGT/ĐU', authority: 'Đảng ủy Bộ Chuyển Đi Một' };
const errorOf = (reply, field) => reply.body.errors.find((e) => e.field === field);

describe('official transfers', () => {
  test('inside the tree: one step, out of one cell into another, no gap', async () => {
    const member = await officialMember(api, tree.cellA.id);
    const [a, b] = [await counts(api, tree.cellA.id), await counts(api, tree.cellB.id)];
    const transfer = ok(await api.post('/api/v1/transfers', {
      kind: 'official', direction: 'internal', member_id: member.id, to_org_id: tree.cellB.id,
      letter_date: daysFromToday(-3), letter: LETTER,
    }), 201);
    assert.equal(transfer.state, 'completed');
    assert.equal(transfer.from_org_id, tree.cellA.id);
    assert.equal(transfer.to_name, tree.cellB.name);
    const moved = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.equal(moved.org_id, tree.cellB.id);
    assert.equal(moved.status, 'official');
    assert.equal(moved.history[0].action, 'transfer');
    assert.deepEqual(moved.history[0].document, LETTER);
    assert.equal((await counts(api, tree.cellA.id)).on_roll, a.on_roll - 1);
    assert.equal((await counts(api, tree.cellB.id)).on_roll, b.on_roll + 1);
    const lifecycle = ok(await api.get(`/api/v1/members/${member.id}/lifecycle`));
    assert.deepEqual(lifecycle.gaps, []);
    assert.equal(lifecycle.transfers[0].id, transfer.id);
    problem(await api.post('/api/v1/transfers', { kind: 'official', direction: 'internal', member_id: member.id, to_org_id: tree.cellB.id, letter_date: daysFromToday(0) }),
      422, 'validation_failed', [['to_org_id', 'transfer_same_org']]);
    problem(await api.post('/api/v1/transfers', { kind: 'official', direction: 'internal', member_id: member.id, to_org_id: tree.base.id, letter_date: daysFromToday(0) }),
      422, 'validation_failed', [['to_org_id', 'org_cannot_hold_members']]);
  });

  test('out of the tree: off the roll and in transit until the receipt; overdue after 30 working days; a cancel brings the member back', async () => {
    const member = await officialMember(api, tree.cellA.id);
    const before = await counts(api, tree.cellA.id);
    const out = ok(await api.post('/api/v1/transfers', {
      kind: 'official', direction: 'outgoing', member_id: member.id, external_org: 'Đảng bộ tỉnh Nghệ An',
      letter_date: daysFromToday(-60), letter: LETTER,
    }), 201);
    assert.equal(out.state, 'in_transit');
    assert.equal(out.overdue, true, 'sixty days ago is past 30 working days');
    assert.ok(out.present_by < daysFromToday(0));
    const gone = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.equal(gone.status, 'transferred_out');
    assert.equal(gone.exit_date, daysFromToday(-60));
    assert.equal((await counts(api, tree.cellA.id)).on_roll, before.on_roll - 1);
    const overdue = ok(await api.get(`/api/v1/transfers?org=${tree.root.id}&overdue=true`)).items;
    assert.ok(overdue.some((t) => t.id === out.id));
    // In transit: no second transfer until this one ends.
    problem(await api.post('/api/v1/transfers', { kind: 'official', direction: 'outgoing', member_id: member.id, external_org: 'x', letter_date: daysFromToday(0), letter: LETTER }),
      409, 'transfer_open');
    problem(await api.post(`/api/v1/transfers/${out.id}/cancel`, { version: out.version, on: daysFromToday(0), reason: '' }),
      422, 'validation_failed', [['reason', 'required']]);
    const cancelled = ok(await api.post(`/api/v1/transfers/${out.id}/cancel`, { version: out.version, on: daysFromToday(0), reason: 'Không nhận công tác mới' }));
    assert.equal(cancelled.state, 'cancelled');
    const back = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.equal(back.status, 'official');
    assert.equal(back.exit_date, null);
    assert.equal((await counts(api, tree.cellA.id)).on_roll, before.on_roll);
    problem(await api.post(`/api/v1/transfers/${out.id}/complete`, { version: cancelled.version, on: daysFromToday(0) }),
      422, 'validation_failed', [['state', 'transfer_closed']]);
  });

  test('into the tree: a letter presented past 30 working days needs its reason, and the days late are a party-age gap', async () => {
    const letterDate = daysFromToday(-90);
    const person = memberPayload(tree.cellB.id, { full_name: 'Hồ Văn Đến', birth_date: '1985-01-01', admission_date: '2010-01-01', ceremony_date: '2010-01-15', official_date: '2011-01-15' });
    delete person.org_id;
    const body = { kind: 'official', direction: 'incoming', to_org_id: tree.cellB.id, external_org: 'Đảng bộ tỉnh Thanh Hóa', letter_date: letterDate, letter: { number: '14-GGT/TU', authority: 'Tỉnh ủy Thanh Hóa' }, on: daysFromToday(-1), member: person };
    const late = await api.post('/api/v1/transfers', body);
    problem(late, 422, 'validation_failed', [['note', 'presented_late']]);
    assert.equal(errorOf(late, 'note').rule, 'transfer.present_working_days');
    assert.match(errorOf(late, 'note').source, /294-QĐ\/TW/);
    problem(await api.post('/api/v1/transfers', { ...body, member: { ...person, status: 'removed' }, note: 'x' }),
      422, 'validation_failed', [['member.status', 'arrival_status']]);
    const arrived = ok(await api.post('/api/v1/transfers', { ...body, note: 'Ốm dài ngày' }), 201);
    assert.equal(arrived.state, 'completed');
    assert.ok(arrived.gap_days > 0);
    const member = ok(await api.get(`/api/v1/members/${arrived.member_id}`));
    assert.equal(member.org_id, tree.cellB.id);
    assert.equal(member.history[0].action, 'transfer_in');
    const lifecycle = ok(await api.get(`/api/v1/members/${member.id}/lifecycle`));
    assert.equal(lifecycle.party_age.gap_days, arrived.gap_days);
    assert.deepEqual([lifecycle.gaps[0].to, lifecycle.gaps[0].reason], [daysFromToday(-1), 'late_transfer']);
    // The same person arriving twice is a conflict.
    problem(await api.post('/api/v1/transfers', { ...body, note: 'x' }), 409, 'duplicate_member', [['member.citizen_id', 'duplicate']]);
  });

  test('a member who left by transfer comes back to the same record', async () => {
    const member = await officialMember(api, tree.cellA.id, { birth_date: '1983-03-03', citizen_id: cccd({ birthYear: 1983 }) });
    const out = ok(await api.post('/api/v1/transfers', { kind: 'official', direction: 'outgoing', member_id: member.id, external_org: 'Đảng bộ tỉnh Hà Tĩnh', letter_date: daysFromToday(-200), letter: LETTER }), 201);
    ok(await api.post(`/api/v1/transfers/${out.id}/complete`, { version: out.version, on: daysFromToday(-190) }));
    const back = ok(await api.post('/api/v1/transfers', {
      kind: 'official', direction: 'incoming', to_org_id: tree.cellA.id, external_org: 'Đảng bộ tỉnh Hà Tĩnh',
      letter_date: daysFromToday(-5), letter: { number: '3-GGT/TU', authority: 'Tỉnh ủy Hà Tĩnh' },
      member: { full_name: member.full_name, sex: 'male', birth_date: '1983-03-03', ethnicity: '01', religion: 'none', citizen_id: member.citizen_id, admission_date: member.admission_date, ceremony_date: member.ceremony_date, official_date: member.official_date, status: 'official' },
    }), 201);
    assert.equal(back.member_id, member.id);
    const record = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.equal(record.status, 'official');
    assert.equal(record.exit_date, null);
  });
});

describe('temporary transfers', () => {
  test('three months to under a year for work, up to two years of study; the member stays on the home roll', async () => {
    const member = await officialMember(api, tree.cellA.id);
    const start = daysFromToday(-10);
    const body = { kind: 'temporary', direction: 'outgoing', member_id: member.id, external_org: 'Chi bộ Trường Chính trị tỉnh', letter_date: start, letter: LETTER };
    problem(await api.post('/api/v1/transfers', { ...body, purpose: 'work', until: addMonths(start, 12) }),
      422, 'validation_failed', [['until', 'temporary_too_long']]);
    const short = await api.post('/api/v1/transfers', { ...body, purpose: 'work', until: addMonths(start, 2) });
    problem(short, 422, 'validation_failed', [['until', 'temporary_too_short']]);
    assert.equal(errorOf(short, 'until').rule, 'transfer.temporary_min_months');
    problem(await api.post('/api/v1/transfers', { ...body }), 422, 'validation_failed', [['purpose', 'required']]);
    const before = await counts(api, tree.cellA.id);
    const away = ok(await api.post('/api/v1/transfers', { ...body, purpose: 'study', until: addMonths(start, 24) }), 201);
    assert.equal(away.state, 'away');
    assert.deepEqual(await counts(api, tree.cellA.id), before, 'the home roll keeps the member');
    assert.equal(ok(await api.get(`/api/v1/members/${member.id}`)).status, 'official');
    problem(await api.post('/api/v1/transfers', { ...body, purpose: 'work', until: addMonths(start, 6) }), 409, 'transfer_open');
    const returned = ok(await api.post(`/api/v1/transfers/${away.id}/complete`, { version: away.version, on: daysFromToday(0) }));
    assert.equal(returned.state, 'returned');
    assert.equal(ok(await api.get(`/api/v1/members/${member.id}`)).history[0].action, 'transfer_return');
  });

  test('a cell secretary transfers temporarily but not officially', async () => {
    const member = await officialMember(api, tree.cellB.id);
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.base.id }));
    problem(await secretary.post('/api/v1/transfers', { kind: 'official', direction: 'internal', member_id: member.id, to_org_id: tree.cellA.id, letter_date: daysFromToday(0) }), 403, 'forbidden');
    const temporary = ok(await secretary.post('/api/v1/transfers', { kind: 'temporary', direction: 'internal', purpose: 'work', member_id: member.id, to_org_id: tree.cellA.id, letter_date: daysFromToday(0), until: addMonths(daysFromToday(0), 4) }), 201);
    assert.equal(temporary.state, 'away');
    // A destination beyond the secretary's scope is not found.
    const other = await officialMember(api, tree.cellB.id);
    problem(await secretary.post('/api/v1/transfers', { kind: 'temporary', direction: 'internal', purpose: 'work', member_id: other.id, to_org_id: tree.baseCell.id, letter_date: daysFromToday(0), until: addMonths(daysFromToday(0), 4) }),
      422, 'validation_failed', [['to_org_id', 'org_not_found']]);
    const list = ok(await secretary.get('/api/v1/transfers')).items;
    const inScope = [tree.cellA.id, tree.cellB.id];
    assert.ok(list.length >= 1);
    assert.ok(list.every((t) => inScope.includes(t.from_org_id) || inScope.includes(t.to_org_id)));
  });
});

describe('exits and exemption', () => {
  test('removal with its ground and decision; a ground of another kind is refused', async () => {
    const member = await officialMember(api, tree.cellA.id);
    problem(await api.post(`/api/v1/members/${member.id}/exit`, { version: member.version, status: 'removed', on: daysFromToday(0), ground: 'resigned', document: { number: '1-QĐ', authority: 'Đảng ủy' } }),
      422, 'validation_failed', [['ground', 'exit_ground_mismatch']]);
    problem(await api.post(`/api/v1/members/${member.id}/exit`, { version: member.version, status: 'removed', on: daysFromToday(0), ground: 'no_progress_after_help' }),
      422, 'validation_failed', [['document.number', 'required'], ['document.authority', 'required']]);
    problem(await api.post(`/api/v1/members/${member.id}/exit`, { version: member.version, status: 'vanished', on: daysFromToday(0), ground: 'x' }),
      422, 'validation_failed', [['status', 'unknown_code']]);
    const removed = ok(await api.post(`/api/v1/members/${member.id}/exit`, { version: member.version, status: 'removed', on: daysFromToday(0), ground: 'violated_standards_two_years', document: { number: '21-QĐ/ĐU', authority: 'Đảng ủy Bộ' } }));
    assert.deepEqual([removed.status, removed.exit_ground, removed.exit_date], ['removed', 'violated_standards_two_years', daysFromToday(0)]);
    const record = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.equal(record.history[0].action, 'exit');
    // Editing a status by hand is refused: it changes through the procedures.
    problem(await api.patch(`/api/v1/members/${member.id}`, { version: record.version, status: 'official' }),
      422, 'validation_failed', [['status', 'changed_by_procedure']]);
  });

  test('a probationary member is not expelled (Charter art. 35)', async () => {
    const member = await createMember(api, tree.cellA.id, { full_name: 'Tạ Văn Dựbị', birth_date: '1997-07-07', citizen_id: cccd({ birthYear: 1997 }), admission_date: daysFromToday(-100), ceremony_date: daysFromToday(-90), status: 'probationary' });
    const reply = await api.post(`/api/v1/members/${member.id}/exit`, { version: member.version, status: 'expelled', on: daysFromToday(0), ground: 'discipline', document: { number: '5-QĐ/UBKT', authority: 'Ủy ban kiểm tra' } });
    problem(reply, 422, 'validation_failed', [['status', 'probationary_not_expelled']]);
    assert.match(errorOf(reply, 'status').source, /Điều 35/);
  });

  test('exemption from activities and back; only for official members', async () => {
    const member = await officialMember(api, tree.cellA.id);
    const exempted = ok(await api.post(`/api/v1/members/${member.id}/exemption`, { version: member.version, action: 'start', on: daysFromToday(-5), document: { number: '3-QĐ/CB' }, note: 'Tuổi cao, sức yếu' }));
    assert.equal(exempted.status, 'exempted');
    problem(await api.post(`/api/v1/members/${member.id}/exemption`, { version: exempted.version, action: 'start', on: daysFromToday(0), document: { number: '4-QĐ/CB' } }),
      422, 'validation_failed', [['action', 'already_exempted']]);
    const back = ok(await api.post(`/api/v1/members/${member.id}/exemption`, { version: exempted.version, action: 'end', on: daysFromToday(0), document: { number: '9-QĐ/CB' } }));
    assert.equal(back.status, 'official');
    const probationary = await createMember(api, tree.cellA.id, { full_name: 'Tạ Thị Mới', sex: 'female', birth_date: '1998-08-08', citizen_id: cccd({ sex: 'female', birthYear: 1998 }), admission_date: daysFromToday(-50), ceremony_date: daysFromToday(-40), status: 'probationary' });
    const refused = await api.post(`/api/v1/members/${probationary.id}/exemption`, { version: probationary.version, action: 'start', on: daysFromToday(0), document: { number: '5-QĐ/CB' } });
    problem(refused, 422, 'validation_failed', [['action', 'exemption_for_official']]);
    assert.equal(errorOf(refused, 'action').rule, 'exemption.probationary_allowed');
  });
});

describe('badges', () => {
  let thirty;
  let fortyAwarded;
  let young;
  let occasion;
  before(async () => {
    const list = ok(await api.get(`/api/v1/badges?org=${tree.root.id}`));
    occasion = list.occasion;
    // Admitted 30 years before the occasion, minus a week: reaches 30 years before it.
    const admitted = new Date(Date.parse(addMonths(occasion, -360)) - 7 * 86400000).toISOString().slice(0, 10);
    thirty = await officialMember(api, tree.cellA.id, { birth_date: '1970-01-01', citizen_id: cccd({ birthYear: 1970 }), admission_date: admitted, ceremony_date: null, official_date: addMonths(admitted, 12) });
    fortyAwarded = await officialMember(api, tree.cellA.id, { birth_date: '1960-01-01', citizen_id: cccd({ birthYear: 1960 }), admission_date: '1985-05-05', ceremony_date: '1985-05-15', official_date: '1986-05-15' });
    young = await officialMember(api, tree.cellA.id);
  });

  test('the next occasion lists the members whose party age reaches a milestone, one badge each', async () => {
    const list = ok(await api.get(`/api/v1/badges?org=${tree.root.id}&page_size=500`));
    assert.match(list.occasion, /-(02-03|05-19|09-02|11-07)$/);
    assert.ok(list.previous_occasion < list.occasion);
    const byId = Object.fromEntries(list.items.map((i) => [i.id, i]));
    assert.equal(byId[thirty.id]?.milestone, 30);
    assert.equal(byId[thirty.id].since_last_occasion, true);
    assert.equal(byId[fortyAwarded.id]?.milestone, 40, 'more than 40 years: the 40-year badge');
    assert.equal(byId[fortyAwarded.id].since_last_occasion, false);
    assert.ok(!byId[young.id], 'under 30 years: nothing');
    assert.equal(list.total, list.items.length);
    assert.equal(list.by_milestone['30'] >= 1, true);
    problem(await api.get('/api/v1/badges?occasion=2027-03-01'), 400, 'invalid_parameter', [['occasion', 'not_an_occasion']]);
    problem(await api.get('/api/v1/badges?occasion=hôm-nay'), 400, 'invalid_parameter', [['occasion', 'invalid_date']]);
  });

  test('a decision\'s awards are recorded all or none; an award not yet reached is refused', async () => {
    const document = { number: '637-QĐ/TU', authority: 'Ban Thường vụ Tỉnh ủy' };
    const refused = await api.post('/api/v1/badges/awards', {
      occasion, decided_on: daysFromToday(0), document,
      awards: [{ member_id: fortyAwarded.id, milestone: 40 }, { member_id: young.id, milestone: 30 }],
    });
    problem(refused, 422, 'validation_failed', [['awards[1].milestone', 'badge_not_reached']]);
    assert.equal(errorOf(refused, 'awards[1].milestone').rule, 'badge.milestone_years');
    let list = ok(await api.get(`/api/v1/badges?org=${tree.root.id}&page_size=500`));
    assert.ok(list.items.some((i) => i.id === fortyAwarded.id), 'nothing was recorded');
    const done = ok(await api.post('/api/v1/badges/awards', { occasion, decided_on: daysFromToday(0), document, awards: [{ member_id: fortyAwarded.id, milestone: 40 }] }), 201);
    assert.equal(done.awarded, 1);
    list = ok(await api.get(`/api/v1/badges?org=${tree.root.id}&page_size=500`));
    assert.ok(!list.items.some((i) => i.id === fortyAwarded.id));
    problem(await api.post('/api/v1/badges/awards', { occasion, decided_on: daysFromToday(0), document, awards: [{ member_id: fortyAwarded.id, milestone: 40 }] }),
      422, 'validation_failed', [['awards[0].milestone', 'badge_already_awarded']]);
    const lifecycle = ok(await api.get(`/api/v1/members/${fortyAwarded.id}/lifecycle`));
    assert.deepEqual(lifecycle.badges.map((b) => b.milestone), [40]);
    assert.equal(lifecycle.next_badge.milestone, 45);
    assert.equal(lifecycle.party_age.years >= 40, true);
  });

  test('the list as CSV, and the rules and calendar it rests on', async () => {
    const reply = await api.get(`/api/v1/badges.csv?org=${tree.root.id}&lang=en`);
    assert.equal(reply.status, 200);
    assert.match(reply.contentType, /^text\/csv/);
    const rows = parseCsv(reply.text.replace(/^\uFEFF/, ''));
    assert.equal(rows[0][4], 'Badge (years)');
    assert.ok(rows.some((r) => Number(r[0]) === thirty.id));
    assert.equal(rows.filter((r) => r.length > 1).length - 1, Number(reply.headers.get('x-total-count')));
    const rules = ok(await api.get('/api/v1/rules')).items;
    assert.deepEqual(rules.find((r) => r.key === 'badge.milestone_years').values, [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]);
    const calendar = ok(await api.get('/api/v1/calendar?year=2026')).items;
    assert.ok(calendar.some((d) => d.date === '2026-02-17' && !d.working));
    assert.ok(calendar.every((d) => d.date.startsWith('2026-') && d.source));
  });
});
