// Discipline cases through the API (issue 15, rules/discipline.toml): a case against a member or
// an organization with the sanctions the Charter allows its subject (Art. 35); the vote counted
// against ALL entitled (> 1/2 reprimand and warning, > 2/3 dismissal, expulsion, dissolution);
// the decision refused without the threshold or after the limitation period, and only once; the
// appeal within its period of the decision's receipt; the clocks on every case (limitation end
// or none, deferrals, appeal deadline, the state body's 5-day notice). Restricted records: only
// discipline.read reads them (a cell secretary gets 404 on cases, 403 on a member's discipline;
// an inspection committee out of scope 404), and every read is in the audit trail. Every bad
// input is a 4xx naming the field, and nothing is written. Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let api;
let tree;
let doc;
const m = {};
let reprimand;  // the case against m.official

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Kỷ Luật');
  m.official = await createMember(api, tree.cellA.id, { full_name: 'Nguyễn Văn Phạm' });
  m.probationary = await createMember(api, tree.cellA.id, {
    full_name: 'Trần Thị Dự', birth_date: '1998-01-01', admission_date: '2026-03-02', status: 'probationary',
  });
  m.old = await createMember(api, tree.cellA.id, { full_name: 'Lê Văn Cũ' });
  m.cellB = await createMember(api, tree.cellB.id, { full_name: 'Phạm Văn Bê' });
});
after(async () => { await server?.stop(); });

async function checked(method, path, status, json, client = api) {
  let reply;
  if (method === 'GET') reply = await client.get(path);
  else if (method === 'PATCH') reply = await client.patch(path, json);
  else reply = await client.post(path, json);
  assert.deepEqual(checkReply(doc, method, path, reply), [], `${method} ${path} matches the document`);
  return ok(reply, status);
}
const caseUrl = (id, tail = '') => `/api/v1/discipline-cases/${id}${tail}`;
const get = (id) => checked('GET', caseUrl(id), 200);
const base = (member, overrides = {}) => ({
  member_id: member.id,
  breach_summary: 'Vi phạm quy định về những điều đảng viên không được làm',
  breach_date: '2026-02-10',
  sanction: 'reprimand',
  competent_level: 'Chi bộ',
  ...overrides,
});
const list = async (org = tree.root.id) => ok(await api.get(`/api/v1/discipline-cases?org_id=${org}`)).items;

describe('opening a case', () => {
  test('a sanction the Charter does not allow the subject is refused, naming the field; nothing is written', async () => {
    problem(await api.post('/api/v1/discipline-cases', base(m.probationary, { sanction: 'dismissal' })),
      422, 'validation_failed', [['sanction', 'discipline_sanction_not_allowed']]);
    problem(await api.post('/api/v1/discipline-cases', base(m.probationary, { sanction: 'expulsion' })),
      422, 'validation_failed', [['sanction', 'discipline_sanction_not_allowed']]);
    const dissolution = problem(await api.post('/api/v1/discipline-cases', base(m.official, { sanction: 'dissolution' })),
      422, 'validation_failed', [['sanction', 'discipline_sanction_not_allowed']]);
    const message = dissolution.errors.find((e) => e.field === 'sanction').message;
    assert.ok(message.includes('giải tán') && message.includes('đảng viên chính thức') && !message.includes('{'),
      `every placeholder filled, with words, not codes: ${message}`);
    const english = problem(await api.post('/api/v1/discipline-cases', base(m.official, { sanction: 'dissolution' }), { headers: { 'accept-language': 'en' } }),
      422, 'validation_failed', [['sanction', 'discipline_sanction_not_allowed']]);
    assert.match(english.errors[0].message, /dissolution does not apply to a subject of kind official member/);
    const { member_id: _unused, ...orgCase } = base(m.official, { org_id: tree.cellB.id, sanction: 'expulsion' });
    problem(await api.post('/api/v1/discipline-cases', orgCase), 422, 'validation_failed', [['sanction', 'discipline_sanction_not_allowed']]);
    problem(await api.post('/api/v1/discipline-cases', base(m.official, { sanction: 'fine' })), 422, 'validation_failed', [['sanction', 'not_allowed']]);
    problem(await api.post('/api/v1/discipline-cases', base(m.official, { breach_date: undefined })), 422, 'validation_failed', [['breach_date', 'required']]);
    problem(await api.post('/api/v1/discipline-cases', base(m.official, { breach_date: '2027-01-01' })), 422, 'validation_failed', [['breach_date', 'date_in_future']]);
    problem(await api.post('/api/v1/discipline-cases', base(m.official, { deferrals: [{ from: '2026-05-01', to: '2026-04-01', reason: 'inpatient' }] })),
      422, 'validation_failed', [['deferrals[0].to', 'date_before_start']]);
    problem(await api.post('/api/v1/discipline-cases', base(m.official, { deferrals: [{ from: '2026-04-01', to: '2026-05-01', reason: 'holiday' }] })),
      422, 'validation_failed', [['deferrals[0].reason', 'not_allowed']]);
    problem(await api.post('/api/v1/discipline-cases', base({ id: 999999 })), 404, 'not_found');
    assert.deepEqual(await list(), []);
  });

  test('a reprimand-level case shows its limitation clock: 5 years from the breach, moved by a deferral', async () => {
    reprimand = await checked('POST', '/api/v1/discipline-cases', 201,
      base(m.official, { deferrals: [{ from: '2026-04-01', to: '2026-04-10', reason: 'inpatient' }] }));
    assert.equal(reprimand.subject, 'official');
    assert.equal(reprimand.subject_name, 'Nguyễn Văn Phạm');
    assert.equal(reprimand.state, 'open');
    const clock = reprimand.clocks.limitation;
    assert.equal(clock.unlimited, false);
    assert.equal(clock.deferred_days, 10);
    assert.equal(clock.ends_on, '2031-02-20', '2031-02-10 plus ten days of inpatient treatment');
    assert.equal(clock.rule.key, 'discipline.limitation_reprimand_years');
    assert.equal(clock.rule.value, 5);
    assert.equal(reprimand.threshold.needed, 1, 'no vote yet: the share is shown');
    assert.equal(reprimand.threshold.rule.key, 'discipline.vote_share_reprimand');
    assert.equal(reprimand.clocks.appeal, null);
  });

  test('an expulsion-level case has no limit; a state body\'s discipline shows its 5-day notice clock', async () => {
    const expulsion = await checked('POST', '/api/v1/discipline-cases', 201,
      base(m.old, { sanction: 'expulsion', breach_date: '1999-05-01', state_decided_on: '2026-11-10' }));
    assert.equal(expulsion.clocks.limitation.unlimited, true);
    assert.equal(expulsion.clocks.limitation.unlimited_reason, 'expulsion_level');
    assert.equal(expulsion.clocks.limitation.ends_on, null);
    const notice = expulsion.clocks.state_notice;
    assert.equal(notice.rule.key, 'discipline.state_notice_days');
    assert.equal(notice.unit, 'working_days');
    assert.equal(notice.due, '2026-11-17', 'five working days after Tuesday 2026-11-10');
    assert.equal(notice.days_left, 1);
  });
});

describe('the vote and the decision', () => {
  test('a vote above those entitled is refused, naming the field; nothing is written', async () => {
    problem(await api.post(caseUrl(reprimand.id, '/vote'), { in_favour: 6, against: 3, abstain: 2, entitled: 10, voted_on: '2026-03-15', version: reprimand.version }),
      422, 'validation_failed', [['vote.in_favour', 'discipline_vote_above_entitled']]);
    problem(await api.post(caseUrl(reprimand.id, '/vote'), { in_favour: 6, against: 0, abstain: 0, entitled: 0, voted_on: '2026-03-15', version: reprimand.version }),
      422, 'validation_failed', [['vote.entitled', 'discipline_vote_no_entitled']]);
    problem(await api.post(caseUrl(reprimand.id, '/vote'), { in_favour: 6, against: 0, abstain: 0, entitled: 10, voted_on: '2026-12-01', version: reprimand.version }),
      422, 'validation_failed', [['voted_on', 'date_in_future']]);
    const again = await get(reprimand.id);
    assert.equal(again.vote, null);
    assert.equal(again.version, reprimand.version);
  });

  test('half of all entitled is not more than half: the decision is refused naming the rule', async () => {
    let c = await checked('POST', caseUrl(reprimand.id, '/vote'), 200,
      { in_favour: 5, against: 2, abstain: 1, entitled: 10, voted_on: '2026-03-15', version: reprimand.version });
    assert.equal(c.state, 'voted');
    assert.deepEqual([c.threshold.passes, c.threshold.needed], [false, 6]);
    const refused = problem(await api.post(caseUrl(reprimand.id, '/decide'), { decided_on: '2026-03-20', decision_number: '15-QĐ/CB', version: c.version }),
      422, 'validation_failed', [['vote', 'discipline_vote_below_threshold']]);
    assert.match(refused.errors[0].message, /discipline\.vote_share_reprimand/);
    c = await get(reprimand.id);
    assert.equal(c.decision, null);
    assert.equal(c.state, 'voted');
    // 6 of 10 entitled passes.
    c = await checked('POST', caseUrl(reprimand.id, '/vote'), 200,
      { in_favour: 6, against: 2, abstain: 1, entitled: 10, voted_on: '2026-03-16', version: c.version });
    assert.equal(c.threshold.passes, true);
    problem(await api.post(caseUrl(reprimand.id, '/decide'), { decided_on: '2026-03-20', version: c.version }),
      422, 'validation_failed', [['decision_number', 'required']]);
    problem(await api.post(caseUrl(reprimand.id, '/decide'), { decided_on: '2026-03-10', decision_number: '15-QĐ/CB', version: c.version }),
      422, 'validation_failed', [['decided_on', 'discipline_decided_before_vote']]);
    c = await checked('POST', caseUrl(reprimand.id, '/decide'), 200,
      { decided_on: '2026-03-20', decision_number: '15-QĐ/CB', received_on: '2026-03-23', version: c.version });
    reprimand = c;
    assert.equal(c.state, 'decided');
    assert.equal(c.decision.number, '15-QĐ/CB');
    assert.equal(c.clocks.appeal.rule.key, 'discipline.appeal_period_days');
    assert.equal(c.clocks.appeal.count, 30);
    assert.equal(c.clocks.appeal.unit, 'working_days');
    assert.equal(c.clocks.appeal.overdue, true, 'seen today, months later');
  });

  test('deciding twice is a conflict naming the field; the facts no longer change', async () => {
    const twice = problem(await api.post(caseUrl(reprimand.id, '/decide'), { decided_on: '2026-03-21', decision_number: '16-QĐ/CB', version: reprimand.version }),
      409, 'discipline_already_decided', [['decided_on', 'discipline_already_decided']]);
    assert.match(twice.detail, /20\/03\/2026|2026-03-20/, 'the detail names the first decision');
    problem(await api.patch(caseUrl(reprimand.id), { sanction: 'warning', version: reprimand.version }), 409, 'discipline_case_decided');
    problem(await api.patch(caseUrl(reprimand.id), { breach_summary: 'Sửa', version: reprimand.version - 1 }), 409, null);
    assert.equal((await get(reprimand.id)).decision.number, '15-QĐ/CB');
  });

  test('two thirds of the entitled is not more than two thirds for a dismissal', async () => {
    let c = await checked('POST', '/api/v1/discipline-cases', 201, base(m.cellB, { sanction: 'dismissal', breach_date: '2026-01-05' }));
    c = await checked('POST', caseUrl(c.id, '/vote'), 200, { in_favour: 6, against: 3, abstain: 0, entitled: 9, voted_on: '2026-06-01', version: c.version });
    assert.deepEqual([c.threshold.passes, c.threshold.needed, c.threshold.rule.key], [false, 7, 'discipline.vote_share_expulsion']);
    problem(await api.post(caseUrl(c.id, '/decide'), { decided_on: '2026-06-02', decision_number: '3-QĐ/ĐU', version: c.version }),
      422, 'validation_failed', [['vote', 'discipline_vote_below_threshold']]);
    // Another sanction needs a new vote.
    c = await checked('PATCH', caseUrl(c.id), 200, { sanction: 'warning', version: c.version });
    assert.equal(c.vote, null);
    assert.equal(c.state, 'open');
    assert.equal(c.clocks.limitation.rule.key, 'discipline.limitation_warning_years');
    assert.equal(c.clocks.limitation.ends_on, '2036-01-05');
  });

  test('past the limitation period the decision is refused, naming the rule', async () => {
    let c = await checked('POST', '/api/v1/discipline-cases', 201, base(m.old, { breach_date: '2019-01-10' }));
    assert.equal(c.clocks.limitation.expired, true);
    assert.equal(c.clocks.limitation.ends_on, '2024-01-10');
    c = await checked('POST', caseUrl(c.id, '/vote'), 200, { in_favour: 9, against: 0, abstain: 0, entitled: 9, voted_on: '2026-10-01', version: c.version });
    const refused = problem(await api.post(caseUrl(c.id, '/decide'), { decided_on: '2026-10-02', decision_number: '9-QĐ/CB', version: c.version }),
      422, 'validation_failed', [['decided_on', 'discipline_limitation_expired']]);
    assert.match(refused.errors.find((e) => e.field === 'decided_on').message, /discipline\.limitation_reprimand_years/);
    // A new breach restarts the count.
    c = await checked('PATCH', caseUrl(c.id), 200, { new_breach_date: '2025-06-01', version: c.version });
    assert.equal(c.clocks.limitation.counted_from, '2025-06-01');
    assert.equal(c.clocks.limitation.ends_on, '2030-06-01');
    c = await checked('POST', caseUrl(c.id, '/decide'), 200, { decided_on: '2026-10-02', decision_number: '9-QĐ/CB', version: c.version });
    assert.equal(c.state, 'decided');
  });
});

describe('the appeal', () => {
  test('an appeal after the period is refused naming the rule; one within it is recorded, then resolved', async () => {
    const due = reprimand.clocks.appeal.due;
    const late = problem(await api.post(caseUrl(reprimand.id, '/appeal'), { received_on: '2026-07-01', version: reprimand.version }),
      422, 'validation_failed', [['received_on', 'discipline_appeal_late']]);
    assert.match(late.errors[0].message, /discipline\.appeal_period_days/);
    assert.equal((await get(reprimand.id)).appeal, null);
    let c = await checked('POST', caseUrl(reprimand.id, '/appeal'), 200, { received_on: due, version: reprimand.version });
    assert.equal(c.state, 'appealed');
    assert.equal(c.clocks.appeal.days_left, 0, 'received on the last day');
    assert.equal(c.clocks.appeal_resolve.rule.key, 'discipline.appeal_resolve_days');
    problem(await api.post(caseUrl(reprimand.id, '/appeal'), { decided_on: '2026-05-10', outcome: 'forgiven', version: c.version }),
      422, 'validation_failed', [['outcome', 'not_allowed']]);
    c = await checked('POST', caseUrl(reprimand.id, '/appeal'), 200, { decided_on: '2026-06-10', outcome: 'upheld', version: c.version });
    assert.deepEqual([c.state, c.appeal.outcome], ['appeal_decided', 'upheld']);
    problem(await api.post(caseUrl(reprimand.id, '/appeal'), { decided_on: '2026-06-11', outcome: 'annulled', version: c.version }), 409, 'discipline_appeal_decided');
  });
});

describe('appeals up the levels', () => {
  // A decided case: the vote passes for the sanction, the decision received the next day.
  async function decided(name, sanction) {
    const member = await createMember(api, tree.cellA.id, { full_name: name });
    let c = await checked('POST', '/api/v1/discipline-cases', 201, base(member, { sanction, breach_date: '2026-03-02' }));
    c = await checked('POST', caseUrl(c.id, '/vote'), 200,
      { in_favour: 7, against: 0, abstain: 0, entitled: 7, voted_on: '2026-06-01', version: c.version });
    c = await checked('POST', caseUrl(c.id, '/decide'), 200,
      { decided_on: '2026-06-02', decision_number: `${c.id}-QĐ/UBKT`, received_on: '2026-06-03', version: c.version });
    return { member, c };
  }
  const appeal = (c, json) => api.post(caseUrl(c.id, '/appeal'), { ...json, version: c.version });

  test('a warning goes up within the period of each outcome until the Central Inspection Committee decides, which is final', async () => {
    let { c } = await decided('Đỗ Văn Khiếu', 'warning');
    assert.deepEqual(c.next_appeal, { open: true, closed: null, level: 1, from: '2026-06-03', min_rank: null, rule: null });
    problem(await appeal(c, { received_on: '2026-06-10', body: 'politbureau' }), 422, 'validation_failed', [['body', 'not_allowed']]);
    assert.deepEqual((await get(c.id)).appeals, [], 'nothing written');

    c = await checked('POST', caseUrl(c.id, '/appeal'), 200, { received_on: '2026-06-10', body: 'superior_inspection', version: c.version });
    assert.deepEqual(c.appeals.map((a) => [a.level, a.body, a.received_on]), [[1, 'superior_inspection', '2026-06-10']]);
    assert.equal(c.next_appeal.closed, 'pending');
    c = await checked('POST', caseUrl(c.id, '/appeal'), 200, { decided_on: '2026-07-01', outcome: 'upheld', version: c.version });
    assert.equal(c.state, 'appeal_decided');
    assert.deepEqual([c.next_appeal.open, c.next_appeal.level, c.next_appeal.from, c.next_appeal.min_rank], [true, 2, '2026-07-01', 1]);
    // The day the appellant received the outcome moves the start of the next period; once.
    c = await checked('POST', caseUrl(c.id, '/appeal'), 200, { outcome_received_on: '2026-07-06', version: c.version });
    assert.equal(c.next_appeal.from, '2026-07-06');
    problem(await appeal(c, { outcome_received_on: '2026-07-07' }), 409, 'discipline_appeal_outcome_received');

    // The next level: its body is required, not before the outcome's receipt, not after the period.
    problem(await appeal(c, { received_on: '2026-07-08' }), 422, 'validation_failed', [['body', 'required']]);
    problem(await appeal(c, { received_on: '2026-07-05', body: 'central_inspection' }), 422, 'validation_failed',
      [['received_on', 'discipline_appeal_before_outcome']]);
    const late = problem(await appeal(c, { received_on: '2026-09-30', body: 'central_inspection' }), 422, 'validation_failed',
      [['received_on', 'discipline_appeal_late']]);
    assert.match(late.errors[0].message, /discipline\.appeal_period_days/);
    assert.equal((await get(c.id)).appeals.length, 1, 'nothing written');

    c = await checked('POST', caseUrl(c.id, '/appeal'), 200, { received_on: '2026-07-08', body: 'central_inspection', version: c.version });
    assert.deepEqual([c.state, c.appeal.level, c.appeal.body, c.appeals.length], ['appealed', 2, 'central_inspection', 2]);
    assert.equal(c.clocks.appeal_resolve.rule.key, 'discipline.appeal_resolve_days');
    c = await checked('POST', caseUrl(c.id, '/appeal'), 200, { decided_on: '2026-09-01', outcome: 'upheld', version: c.version });
    assert.deepEqual([c.next_appeal.open, c.next_appeal.closed, c.next_appeal.rule.key],
      [false, 'final', 'discipline.appeal_final_rank_warning']);
    const final = problem(await appeal(c, { received_on: '2026-09-03', body: 'secretariat' }), 409, 'discipline_appeal_final');
    assert.match(final.detail, /Ủy ban Kiểm tra Trung ương|discipline\.appeal_final_rank_warning/);
    assert.equal((await get(c.id)).appeals.length, 2, 'nothing written');

    const trail = ok(await api.get(`/api/v1/audit?action=discipline_case.appeal&object_type=discipline_case&object_id=${c.id}`)).items;
    assert.ok(trail.some((e) => e.details?.level === 2 && e.details?.body === 'central_inspection'),
      `the second level is in the audit trail: ${JSON.stringify(trail.map((e) => e.details))}`);
  });

  test('an expulsion goes on past the Central Inspection Committee, never to a lower body; an annulment ends it and the sanction leaves the record', async () => {
    let { member, c } = await decided('Vũ Văn Khai', 'expulsion');
    c = await checked('POST', caseUrl(c.id, '/appeal'), 200,
      { received_on: '2026-06-08', body: 'central_inspection', decided_on: '2026-07-01', outcome: 'upheld', version: c.version });
    assert.deepEqual([c.next_appeal.open, c.next_appeal.min_rank], [true, 2], 'not final for an expulsion');
    problem(await appeal(c, { received_on: '2026-07-03', body: 'superior_committee' }), 422, 'validation_failed',
      [['body', 'discipline_appeal_body_lower']]);
    c = await checked('POST', caseUrl(c.id, '/appeal'), 200, { received_on: '2026-07-03', body: 'secretariat', version: c.version });
    problem(await appeal(c, { received_on: '2026-07-04', body: 'secretariat' }), 409, 'discipline_appeal_received');
    c = await checked('POST', caseUrl(c.id, '/appeal'), 200, { decided_on: '2026-08-03', outcome: 'annulled', version: c.version });
    assert.deepEqual([c.next_appeal.closed, c.appeal.outcome], ['annulled', 'annulled']);
    problem(await appeal(c, { received_on: '2026-08-05', body: 'politburo' }), 409, 'discipline_appeal_annulled');
    // The member's record shows the sanctions in force: none.
    const record = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.deepEqual([record.discipline, record.discipline_cases], [null, []]);
  });
});

describe('restricted records', () => {
  test('a cell secretary cannot read them (404 on cases, 403 on the member\'s discipline)', async () => {
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellA.id }));
    problem(await secretary.get(caseUrl(reprimand.id)), 404, 'not_found');
    problem(await secretary.get(`/api/v1/discipline-cases?org_id=${tree.cellA.id}`), 404, 'not_found');
    problem(await secretary.get(`/api/v1/members/${m.official.id}/discipline`), 403, 'forbidden');
    problem(await secretary.post('/api/v1/discipline-cases', base(m.official)), 404, 'not_found');
    const staff = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.root.id }));
    problem(await staff.get(caseUrl(reprimand.id)), 404, 'not_found');
  });

  test('an inspection committee reads its subtree only: out of scope is 404', async () => {
    const inspector = await server.login(await server.addUser({ roles: ['inspection'], scope: tree.cellB.id }));
    problem(await inspector.get(caseUrl(reprimand.id)), 404, 'not_found');
    problem(await inspector.post(caseUrl(reprimand.id, '/vote'), { in_favour: 1, against: 0, abstain: 0, entitled: 1, voted_on: '2026-03-15', version: reprimand.version }), 404, 'not_found');
    problem(await inspector.get(`/api/v1/discipline-cases?org_id=${tree.cellA.id}`), 404, 'not_found');
    const own = await checked('GET', `/api/v1/discipline-cases?org_id=${tree.cellB.id}`, 200, undefined, inspector);
    assert.ok(own.items.length >= 1);
    assert.ok(own.items.every((c) => c.org_id === tree.cellB.id));
    const base2 = await server.login(await server.addUser({ roles: ['inspection'], scope: tree.base.id }));
    const seen = await checked('GET', caseUrl(reprimand.id), 200, undefined, base2);
    assert.equal(seen.id, reprimand.id);
    const mine = await checked('GET', `/api/v1/members/${m.official.id}/discipline`, 200, undefined, base2);
    assert.deepEqual(mine.items.map((c) => c.id), [reprimand.id]);
  });

  test('every read, list and single, is in the audit trail', async () => {
    await get(reprimand.id);
    await list(tree.cellA.id);
    const reads = ok(await api.get(`/api/v1/audit?action=discipline_case.read&object_type=discipline_case&object_id=${reprimand.id}`)).items;
    assert.ok(reads.length >= 2, 'the single reads');
    const lists = ok(await api.get(`/api/v1/audit?action=discipline_case.list&object_type=organization&object_id=${tree.cellA.id}`)).items;
    assert.ok(lists.length >= 1, 'the list reads');
    const member = ok(await api.get(`/api/v1/audit?action=member.read_discipline`)).items;
    assert.ok(member.length >= 1, 'the member\'s discipline read');
  });
});
