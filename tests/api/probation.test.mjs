// Probation and recognition through the API: the lists a committee office watches, the cell's
// resolution only after the end, the decision (late ones with a reason), official from the exact
// end of probation, not recognized off the roll.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, counts, createMember, cccd } from './lib/api.mjs';
import { daysFromToday, addMonths, DOC } from './lib/lifecycle.mjs';

let server;
let api;
let tree;

before(async () => {
  server = await startServer();
  api = server.admin;
  tree = await buildTree(api, 'Dự Bị');
});
after(async () => { await server?.stop(); });

let serial = 0;
async function probationary(ceremony, overrides = {}) {
  const year = 1995 + (serial++ % 5);
  return createMember(api, tree.cellA.id, {
    full_name: `Lê Thị Dựbị ${['An', 'Bình', 'Chi', 'Dung', 'Giang', 'Hà', 'Khánh', 'Linh'][serial % 8]}`,
    sex: 'female', birth_date: `${year}-05-05`, citizen_id: cccd({ sex: 'female', birthYear: year }),
    admission_date: daysBefore(ceremony, 10),
    ceremony_date: ceremony, status: 'probationary', ...overrides,
  });
}
function daysBefore(date, days) {
  return new Date(Date.parse(date) - days * 86400000).toISOString().slice(0, 10);
}
const errorOf = (reply, field) => reply.body.errors.find((e) => e.field === field);

describe('the end of probation', () => {
  test('twelve months from the ceremony; a ceremony on 29 February ends on 28 February', async () => {
    const leap = await probationary('2024-02-29', { admission_date: '2024-02-20' });
    assert.equal(leap.probation_ends_on, '2025-02-28');
    const lifecycle = ok(await api.get(`/api/v1/members/${leap.id}/lifecycle`));
    assert.equal(lifecycle.probation.ends_on, '2025-02-28');
    assert.equal(lifecycle.probation.ceremony_known, true);
    // Without a ceremony date, probation counts from the decision, and says so.
    const unknown = await createMember(api, tree.cellA.id, {
      full_name: 'Đặng Văn Chưaghi', birth_date: '1996-01-01', citizen_id: cccd({ birthYear: 1996 }),
      admission_date: daysFromToday(-100), status: 'probationary',
    });
    assert.equal(unknown.probation_ends_on, addMonths(daysFromToday(-100), 12));
    assert.equal(ok(await api.get(`/api/v1/members/${unknown.id}/lifecycle`)).probation.ceremony_known, false);
    // The ceremony cannot precede the decision.
    problem(await api.post('/api/v1/members', {
      full_name: 'Đặng Văn Sai', sex: 'male', birth_date: '1996-01-01', ethnicity: '01', religion: 'none',
      citizen_id: cccd({ birthYear: 1996 }), admission_date: daysFromToday(-10), ceremony_date: daysFromToday(-20),
      org_id: tree.cellA.id, status: 'probationary',
    }), 422, 'validation_failed', [['ceremony_date', 'ceremony_before_admission']]);
  });
});

describe('the lists', () => {
  let dueSoon;
  let overdue;
  let awaiting;
  let notYet;
  before(async () => {
    dueSoon = await probationary(addMonths(daysFromToday(20), -12)); // ends in 20 days
    overdue = await probationary(addMonths(daysFromToday(-80), -12)); // ended 80 days ago
    awaiting = await probationary(addMonths(daysFromToday(-70), -12));
    notYet = await probationary(addMonths(daysFromToday(200), -12));
    ok(await api.post(`/api/v1/members/${awaiting.id}/recognition`, {
      version: awaiting.version, step: 'cell_resolution', on: daysFromToday(-60), document: DOC,
      vote: { in_favour: 6, against: 0, entitled: 7 },
    }), 201);
  });

  test('due within N days, overdue past 30 working days after the end, awaiting the decision', async () => {
    const lists = ok(await api.get(`/api/v1/probation?org=${tree.root.id}&within=30`));
    const ids = (list) => list.map((m) => m.id);
    assert.ok(ids(lists.due).includes(dueSoon.id));
    assert.ok(!ids(lists.due).includes(notYet.id), 'ends in 200 days: not within 30');
    assert.ok(ids(lists.overdue).includes(overdue.id));
    assert.ok(ids(lists.awaiting_decision).includes(awaiting.id));
    const item = lists.overdue.find((m) => m.id === overdue.id);
    assert.ok(item.consider_by < daysFromToday(0));
    assert.equal(item.days_to_end, -80);
    const waiting = lists.awaiting_decision.find((m) => m.id === awaiting.id);
    assert.equal(waiting.cell_resolution.on, daysFromToday(-60));
    assert.ok(waiting.decision_due > daysFromToday(-60));
    const wide = ok(await api.get(`/api/v1/probation?org=${tree.root.id}&within=366`));
    assert.ok(ids(wide.due).includes(notYet.id));
    assert.deepEqual(lists.counts, {
      due: lists.due.length, overdue: lists.overdue.length, awaiting_decision: lists.awaiting_decision.length,
    });
    // Cut at `limit`, earliest end first; the counts stay whole.
    const cut = ok(await api.get(`/api/v1/probation?org=${tree.root.id}&within=366&limit=1`));
    assert.deepEqual(cut.counts, wide.counts);
    assert.ok(wide.due.length >= 2);
    assert.deepEqual(ids(cut.due), [wide.due[0].id]);
    problem(await api.get('/api/v1/probation?limit=0'), 400, 'invalid_parameter', [['limit', 'out_of_range']]);
    problem(await api.get('/api/v1/probation?within=400'), 400, 'invalid_parameter', [['within', 'out_of_range']]);
    problem(await api.get('/api/v1/probation?org=999999'), 404, 'not_found');
  });

  test('a scoped user sees only the probationary members of its scope', async () => {
    const outside = await createMember(api, tree.baseCell.id, {
      full_name: 'Trịnh Thị Ngoài', sex: 'female', birth_date: '1999-09-09', citizen_id: cccd({ sex: 'female', birthYear: 1999 }),
      admission_date: daysFromToday(-380), ceremony_date: daysFromToday(-375), status: 'probationary',
    });
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.base.id }));
    const lists = ok(await secretary.get('/api/v1/probation?within=366'));
    const all = [...lists.due, ...lists.overdue, ...lists.awaiting_decision];
    assert.ok(all.length >= 4);
    assert.ok(!all.some((m) => m.id === outside.id));
    assert.ok(all.every((m) => [tree.cellA.id, tree.cellB.id].includes(m.org_id)));
  });
});

describe('recognition', () => {
  test('the cell considers only after the end of probation, with two thirds in favour', async () => {
    const member = await probationary(addMonths(daysFromToday(10), -12));
    const early = await api.post(`/api/v1/members/${member.id}/recognition`, {
      version: member.version, step: 'cell_resolution', on: daysFromToday(0), document: DOC, vote: { in_favour: 5, against: 0, entitled: 5 },
    });
    problem(early, 422, 'validation_failed', [['on', 'probation_not_ended']]);
    assert.equal(errorOf(early, 'on').rule, 'probation.months');
    assert.match(errorOf(early, 'on').source, /Điều lệ Đảng/);
    problem(await api.post(`/api/v1/members/${member.id}/recognition`, { version: member.version, step: 'decision', on: daysFromToday(0), document: { number: '1-QĐ', authority: 'Đảng ủy' } }),
      422, 'validation_failed', [['step', 'step_requires']]);
    problem(await api.post(`/api/v1/members/${member.id}/recognition`, { version: member.version + 1, step: 'cell_resolution', on: daysFromToday(0), document: DOC }),
      409, 'version_conflict');
    problem(await api.post(`/api/v1/members/${member.id}/recognition`, { step: 'cell_resolution', on: daysFromToday(0), document: DOC }),
      422, 'validation_failed', [['version', 'required']]);
  });

  test('official from the exact end of probation, however late the decision', async () => {
    const ceremony = addMonths(daysFromToday(-200), -12);
    const member = await probationary(ceremony);
    const before = await counts(api, tree.cellA.id);
    ok(await api.post(`/api/v1/members/${member.id}/recognition`, {
      version: member.version, step: 'cell_resolution', on: daysFromToday(-150), document: DOC, vote: { in_favour: 6, against: 1, entitled: 8 },
    }), 201);
    const decision = { version: member.version, step: 'decision', on: daysFromToday(-2), document: { number: '88-QĐ/ĐU', authority: 'Đảng ủy Bộ' } };
    const late = await api.post(`/api/v1/members/${member.id}/recognition`, decision);
    problem(late, 422, 'validation_failed', [['note', 'decision_late']]);
    assert.equal(errorOf(late, 'note').rule, 'recognition.decision_working_days');
    const done = ok(await api.post(`/api/v1/members/${member.id}/recognition`, { ...decision, note: 'Chờ kết luận kiểm tra' }), 201);
    assert.deepEqual(done.steps.map((s) => s.step), ['cell_resolution', 'decision']);
    const after = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.equal(after.status, 'official');
    assert.equal(after.official_date, addMonths(ceremony, 12));
    assert.equal(after.history[0].action, 'recognition');
    assert.equal(after.history[1].action, 'recognition_proposed');
    const afterCounts = await counts(api, tree.cellA.id);
    assert.equal(afterCounts.official, before.official + 1);
    assert.equal(afterCounts.probationary, before.probationary - 1);
    problem(await api.post(`/api/v1/members/${member.id}/recognition`, { ...decision, version: after.version }),
      422, 'validation_failed', [['step', 'not_probationary']]);
  });

  test('not recognized: off the roll on the decision\'s date', async () => {
    const member = await probationary(addMonths(daysFromToday(-20), -12));
    ok(await api.post(`/api/v1/members/${member.id}/recognition`, {
      version: member.version, step: 'cell_resolution', on: daysFromToday(-10), document: DOC, vote: { in_favour: 7, against: 0, entitled: 7 }, recognized: false,
    }), 201);
    ok(await api.post(`/api/v1/members/${member.id}/recognition`, {
      version: member.version, step: 'decision', on: daysFromToday(-1), document: { number: '90-QĐ/ĐU', authority: 'Đảng ủy Bộ' }, recognized: false,
    }), 201);
    const after = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.equal(after.status, 'not_recognized');
    assert.equal(after.exit_date, daysFromToday(-1));
    assert.equal(after.exit_ground, 'not_recognized');
    assert.equal(after.official_date, null);
  });

  test('a cell secretary records the resolution, not the decision', async () => {
    const member = await probationary(addMonths(daysFromToday(-5), -12));
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellA.id }));
    ok(await secretary.post(`/api/v1/members/${member.id}/recognition`, {
      version: member.version, step: 'cell_resolution', on: daysFromToday(-1), document: DOC, vote: { in_favour: 5, against: 0, entitled: 5 },
    }), 201);
    problem(await secretary.post(`/api/v1/members/${member.id}/recognition`, {
      version: member.version, step: 'decision', on: daysFromToday(0), document: { number: '91-QĐ/ĐU', authority: 'Đảng ủy' },
    }), 403, 'forbidden');
  });
});
