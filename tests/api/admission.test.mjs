// Admission (kết nạp) through the API: a candidate's file step by step, each step checked under
// the rules in force on its date (refusals name the rule and its source), the ceremony putting a
// probationary member on the roll, withdrawing and closing files, readmission, and who may
// record which step.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, counts, cccd, createMember } from './lib/api.mjs';
import {
  daysFromToday, addMonths, candidatePayload, createCandidate, step, prepare, officialMember, DOC,
} from './lib/lifecycle.mjs';

let server;
let api;
let tree;
let introducers; // two official members of the base committee's cells
let outsider; // an official member of another base organization

before(async () => {
  server = await startServer();
  api = server.admin;
  tree = await buildTree(api, 'Kết Nạp');
  introducers = [await officialMember(api, tree.cellA.id), await officialMember(api, tree.cellB.id)];
  outsider = await officialMember(api, tree.baseCell.id);
});
after(async () => { await server?.stop(); });

const knownSince = () => daysFromToday(-800);
const errorOf = (reply, field) => reply.body.errors.find((e) => e.field === field);

describe('a whole admission', () => {
  test('from the course to the ceremony: the member is on the roll, probationary, with the decision as admission date', async () => {
    const candidate = await createCandidate(api, tree.cellA.id, { youth_union_member: true });
    assert.equal(candidate.phase, 'preparing');
    assert.equal(candidate.needs_base_resolution, true);
    assert.equal(candidate.needs_sub_committee_appraisal, false);
    assert.deepEqual(candidate.missing, ['course', 'application', 'personal_history', 'verification', 'introduction', 'endorsement']);
    const prep = daysFromToday(-120);
    const prepared = await prepare(api, candidate.id, prep, introducers.map((m) => m.id), knownSince());
    assert.equal(prepared.phase, 'cell_review');
    assert.deepEqual(prepared.missing, ['cell_resolution']);
    const resolved = await step(api, candidate.id, { step: 'cell_resolution', on: daysFromToday(-50), document: DOC, vote: { in_favour: 8, against: 1, entitled: 10 } });
    assert.equal(resolved.phase, 'superior_review');
    assert.deepEqual(resolved.missing, ['base_resolution', 'decision']);
    assert.equal(resolved.notices[0].code, 'decision_due');
    assert.equal(resolved.notices[0].rule.key, 'admission.decision_working_days');
    assert.match(resolved.notices[0].rule.source, /294-QĐ\/TW/);
    await step(api, candidate.id, { step: 'base_resolution', on: daysFromToday(-45), document: { number: '30-NQ/ĐU' }, vote: { in_favour: 7, against: 0, entitled: 9 } });
    const decided = await step(api, candidate.id, { step: 'decision', on: daysFromToday(-20), document: { number: '215-QĐ/ĐU', authority: 'Đảng ủy Bộ Kết Nạp Một' } });
    assert.equal(decided.phase, 'ceremony');
    assert.equal(decided.notices[0].code, 'ceremony_due');
    const before = await counts(api, tree.cellA.id);
    const ceremonyOn = daysFromToday(-10);
    const admitted = await step(api, candidate.id, { step: 'ceremony', on: ceremonyOn, place: 'Hội trường tầng 3' });
    assert.equal(admitted.status, 'admitted');
    assert.equal(admitted.phase, 'admitted');
    assert.ok(admitted.member_id);
    assert.deepEqual(admitted.history.map((e) => e.action), ['create', 'step', 'step', 'step', 'step', 'step', 'step', 'step', 'step', 'step', 'step', 'admit']);

    const member = ok(await api.get(`/api/v1/members/${admitted.member_id}`));
    assert.equal(member.full_name, candidate.full_name);
    assert.equal(member.citizen_id, candidate.citizen_id);
    assert.equal(member.status, 'probationary');
    assert.equal(member.admission_date, daysFromToday(-20));
    assert.equal(member.ceremony_date, ceremonyOn);
    assert.equal(member.probation_ends_on, addMonths(ceremonyOn, 12));
    assert.equal(member.org_id, tree.cellA.id);
    assert.equal(member.history[0].action, 'admission');
    assert.equal(member.history[0].effective_on, ceremonyOn);
    assert.deepEqual(member.history[0].document, { number: '215-QĐ/ĐU', authority: 'Đảng ủy Bộ Kết Nạp Một' });
    const afterCounts = await counts(api, tree.cellA.id);
    assert.equal(afterCounts.probationary, before.probationary + 1);
    // The file is closed: no more steps, no more edits.
    problem(await api.post(`/api/v1/candidates/${candidate.id}/steps`, { step: 'ceremony', on: ceremonyOn }),
      422, 'validation_failed', [['step', 'candidate_closed']]);
    problem(await api.patch(`/api/v1/candidates/${candidate.id}`, { version: admitted.version, phone: '0912345678' }), 409, 'candidate_closed');
    // The audit trail has the steps and the admission, with the CCCD only hashed.
    const audit = ok(await api.get(`/api/v1/audit?object_type=candidate&object_id=${candidate.id}&limit=50`)).items;
    assert.equal(audit.filter((e) => e.action === 'candidate.step').length, 10);
    assert.ok(!JSON.stringify(audit).includes(candidate.citizen_id));
    const admission = ok(await api.get(`/api/v1/audit?object_type=member&object_id=${member.id}&action=member.admission`)).items;
    assert.equal(admission.length, 1);
  });

  test('a chi bộ cơ sở is its own base: no base resolution, the decision follows the cell', async () => {
    const colleagues = [await officialMember(api, tree.baseCell.id), await officialMember(api, tree.baseCell.id)];
    const candidate = await createCandidate(api, tree.baseCell.id);
    assert.equal(candidate.needs_base_resolution, false);
    await prepare(api, candidate.id, daysFromToday(-60), colleagues.map((m) => m.id), knownSince());
    await step(api, candidate.id, { step: 'cell_resolution', on: daysFromToday(-50), document: DOC, vote: { in_favour: 5, against: 0, entitled: 5 } });
    problem(await api.post(`/api/v1/candidates/${candidate.id}/steps`, { step: 'base_resolution', on: daysFromToday(-45), document: DOC }),
      422, 'validation_failed', [['step', 'step_not_applicable']]);
    const decided = await step(api, candidate.id, { step: 'decision', on: daysFromToday(-40), document: { number: '9-QĐ/ĐU', authority: 'Đảng ủy Khối' } });
    assert.equal(decided.phase, 'ceremony');
  });
});

describe('each step is checked under its rules; nothing is written when one fails', () => {
  let candidate;
  before(async () => {
    candidate = await createCandidate(api, tree.cellB.id, { birth_date: '1997-01-01' });
  });

  async function stepsNow() {
    return ok(await api.get(`/api/v1/candidates/${candidate.id}`)).steps.length;
  }

  test('the cell cannot resolve on an incomplete file', async () => {
    const reply = await api.post(`/api/v1/candidates/${candidate.id}/steps`, { step: 'cell_resolution', on: daysFromToday(-5), document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } });
    problem(reply, 422, 'validation_failed', [['step', 'step_requires']]);
    assert.match(errorOf(reply, 'step').message, /lớp bồi dưỡng nhận thức về Đảng/);
    assert.equal(await stepsNow(), 0);
  });

  test('introducers: from another base organization, probationary, known 11 months, or unknown are refused with the rule and its source', async () => {
    await step(api, candidate.id, { step: 'application', on: daysFromToday(-30) });
    const on = daysFromToday(-20);
    const elevenMonths = addMonths(on, -11);
    const probationary = await createMember(api, tree.cellA.id, {
      full_name: 'Phan Văn Dựbị', birth_date: '1996-02-02', citizen_id: cccd({ birthYear: 1996 }),
      admission_date: daysFromToday(-100), ceremony_date: daysFromToday(-95), status: 'probationary',
    });
    const reply = await api.post(`/api/v1/candidates/${candidate.id}/steps`, {
      step: 'introduction', on,
      introducers: [{ member_id: outsider.id, known_since: elevenMonths }, { member_id: probationary.id, known_since: knownSince() }],
    });
    problem(reply, 422, 'validation_failed', [
      ['introducers[0].member_id', 'introducer_other_base'],
      ['introducers[0].known_since', 'introducer_known_too_short'],
      ['introducers[1].member_id', 'introducer_not_official'],
    ]);
    const short = errorOf(reply, 'introducers[0].known_since');
    assert.equal(short.rule, 'admission.introducer_known_months');
    assert.match(short.source, /Điều lệ Đảng/);
    assert.match(short.message, /11 tháng/);
    problem(await api.post(`/api/v1/candidates/${candidate.id}/steps`, {
      step: 'introduction', on, introducers: [{ member_id: 999999, known_since: knownSince() }, { member_id: introducers[0].id, known_since: knownSince() }],
    }), 422, 'validation_failed', [['introducers[0].member_id', 'introducer_not_found']]);
    problem(await api.post(`/api/v1/candidates/${candidate.id}/steps`, {
      step: 'introduction', on, introducers: [{ member_id: introducers[0].id, known_since: knownSince() }],
    }), 422, 'validation_failed', [['introducers', 'introducer_count']]);
    assert.equal(await stepsNow(), 1);
    // Exactly twelve months is enough.
    await step(api, candidate.id, {
      step: 'introduction', on,
      introducers: [{ member_id: introducers[0].id, known_since: addMonths(on, -12) }, { member_id: introducers[1].id, known_since: knownSince() }],
    });
    assert.equal(await stepsNow(), 2);
  });

  test('bad bodies name their fields: a date in the future, an unknown step, a wrong type', async () => {
    problem(await api.post(`/api/v1/candidates/${candidate.id}/steps`, { step: 'course', on: daysFromToday(3), document: { number: '1', authority: 'x' } }),
      422, 'validation_failed', [['on', 'date_in_future']]);
    problem(await api.post(`/api/v1/candidates/${candidate.id}/steps`, { step: 'party', on: daysFromToday(-1) }),
      422, 'validation_failed', [['step', 'unknown_code']]);
    problem(await api.post(`/api/v1/candidates/${candidate.id}/steps`, { step: 'course', on: '2026-02-30', document: 'x' }),
      422, 'validation_failed', [['on', 'invalid_date'], ['document', 'wrong_type']]);
    problem(await api.post(`/api/v1/candidates/${candidate.id}/steps`, { step: 'course', on: daysFromToday(-1), colour: 'red' }),
      422, 'validation_failed', [['colour', 'unknown_field']]);
    problem(await api.post(`/api/v1/candidates/${candidate.id}/steps`, { step: 'course', on: daysFromToday(-1) }),
      422, 'validation_failed', [['document.number', 'required'], ['document.authority', 'required']]);
    problem(await api.post('/api/v1/candidates/999999/steps', { step: 'course', on: daysFromToday(-1) }), 404, 'not_found');
    assert.equal(await stepsNow(), 2);
  });

  test('the vote: two thirds of those entitled, not of those present', async () => {
    const other = await createCandidate(api, tree.cellB.id);
    await prepare(api, other.id, daysFromToday(-40), introducers.map((m) => m.id), knownSince());
    const short = await api.post(`/api/v1/candidates/${other.id}/steps`, { step: 'cell_resolution', on: daysFromToday(-30), document: DOC, vote: { in_favour: 6, against: 0, entitled: 10 } });
    problem(short, 422, 'validation_failed', [['vote.in_favour', 'vote_short']]);
    assert.equal(errorOf(short, 'vote.in_favour').rule, 'admission.cell_vote_share');
    problem(await api.post(`/api/v1/candidates/${other.id}/steps`, { step: 'cell_resolution', on: daysFromToday(-30), document: DOC, vote: { in_favour: 8, against: 4, entitled: 10 } }),
      422, 'validation_failed', [['vote.in_favour', 'votes_exceed_entitled']]);
    const passed = await step(api, other.id, { step: 'cell_resolution', on: daysFromToday(-30), document: DOC, vote: { in_favour: 2, against: 1, entitled: 3 } });
    assert.equal(passed.phase, 'superior_review');
  });

  test('a candidate one day short of 18 on the day the cell considers is refused; on the birthday it passes', async () => {
    const on = daysFromToday(-10);
    const birth = addMonths(on, -216);
    const young = await createCandidate(api, tree.cellB.id, { birth_date: iso1(birth, 1) });
    await prepare(api, young.id, daysFromToday(-20), introducers.map((m) => m.id), knownSince());
    const reply = await api.post(`/api/v1/candidates/${young.id}/steps`, { step: 'cell_resolution', on, document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } });
    problem(reply, 422, 'validation_failed', [['on', 'candidate_under_age']]);
    assert.equal(errorOf(reply, 'on').rule, 'admission.min_age_months');
    const eligible = await createCandidate(api, tree.cellB.id, { birth_date: birth });
    await prepare(api, eligible.id, daysFromToday(-20), introducers.map((m) => m.id), knownSince());
    await step(api, eligible.id, { step: 'cell_resolution', on, document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } });
  });

  test('a rule that changed on 1 July 2025: the same refusal cites 232-QĐ/TW before and 294-QĐ/TW after', async () => {
    const young = await createCandidate(api, tree.cellB.id, { birth_date: '2007-07-15' });
    await prepare(api, young.id, '2025-06-02', introducers.map((m) => m.id), '2023-01-01');
    const before = await api.post(`/api/v1/candidates/${young.id}/steps`, { step: 'cell_resolution', on: '2025-06-30', document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } });
    const after = await api.post(`/api/v1/candidates/${young.id}/steps`, { step: 'cell_resolution', on: '2025-07-01', document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } });
    assert.match(errorOf(before, 'on').source, /232-QĐ\/TW/);
    assert.match(errorOf(after, 'on').source, /294-QĐ\/TW/);
  });

  test('a decision past 60 working days needs its reason; a ceremony past 30 the superior\'s consent', async () => {
    const late = await createCandidate(api, tree.cellB.id);
    await prepare(api, late.id, daysFromToday(-300), introducers.map((m) => m.id), knownSince());
    await step(api, late.id, { step: 'cell_resolution', on: daysFromToday(-290), document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } });
    await step(api, late.id, { step: 'base_resolution', on: daysFromToday(-280), document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } });
    const overdue = ok(await api.get(`/api/v1/candidates/${late.id}`));
    assert.equal(overdue.notices.find((n) => n.code === 'decision_overdue')?.rule.key, 'admission.decision_working_days');
    const decision = { step: 'decision', on: daysFromToday(-120), document: { number: '77-QĐ/ĐU', authority: 'Đảng ủy Bộ' } };
    const refused = await api.post(`/api/v1/candidates/${late.id}/steps`, decision);
    problem(refused, 422, 'validation_failed', [['note', 'decision_late']]);
    assert.match(errorOf(refused, 'note').message, /60 ngày làm việc/);
    await step(api, late.id, { ...decision, note: 'Chờ kết quả thẩm tra bổ sung lý lịch' });
    problem(await api.post(`/api/v1/candidates/${late.id}/steps`, { step: 'ceremony', on: daysFromToday(-1) }),
      422, 'validation_failed', [['note', 'ceremony_late']]);
    const done = await step(api, late.id, { step: 'ceremony', on: daysFromToday(-1), note: 'Công văn 12-CV/ĐU đồng ý tổ chức lễ muộn' });
    assert.equal(done.status, 'admitted');
  });
});

describe('withdrawing, closing, duplicates and readmission', () => {
  test('only the latest step can be withdrawn; its content stays in the history', async () => {
    const candidate = await createCandidate(api, tree.cellA.id);
    await step(api, candidate.id, { step: 'application', on: daysFromToday(-10) });
    await step(api, candidate.id, { step: 'personal_history', on: daysFromToday(-9) });
    problem(await api.post(`/api/v1/candidates/${candidate.id}/undo`, { step: 'application' }),
      422, 'validation_failed', [['step', 'step_has_later']]);
    problem(await api.post(`/api/v1/candidates/${candidate.id}/undo`, { step: 'course' }),
      422, 'validation_failed', [['step', 'step_not_recorded']]);
    const undone = ok(await api.post(`/api/v1/candidates/${candidate.id}/undo`, { step: 'personal_history' }));
    assert.deepEqual(undone.steps.map((s) => s.step), ['application']);
    const last = undone.history.at(-1);
    assert.equal(last.action, 'undo_step');
    assert.equal(last.details.step, 'personal_history');
    assert.equal(last.details.on, daysFromToday(-9));
  });

  test('closing a file needs a reason; a closed file takes no more steps', async () => {
    const candidate = await createCandidate(api, tree.cellA.id);
    problem(await api.post(`/api/v1/candidates/${candidate.id}/close`, { version: candidate.version, on: daysFromToday(0), reason: '' }),
      422, 'validation_failed', [['reason', 'required']]);
    problem(await api.post(`/api/v1/candidates/${candidate.id}/close`, { version: candidate.version + 5, on: daysFromToday(0), reason: 'Xin rút' }), 409, 'version_conflict');
    const closed = ok(await api.post(`/api/v1/candidates/${candidate.id}/close`, { version: candidate.version, on: daysFromToday(0), reason: 'Người xin vào Đảng xin rút' }));
    assert.equal(closed.status, 'withdrawn');
    assert.equal(closed.phase, 'closed');
    problem(await api.post(`/api/v1/candidates/${candidate.id}/steps`, { step: 'application', on: daysFromToday(0) }),
      422, 'validation_failed', [['step', 'candidate_closed']]);
    // The person may open a new file later.
    await createCandidate(api, tree.cellA.id, { citizen_id: closed.citizen_id });
  });

  test('a member or an open file of the same person is a conflict; a former member needs a readmission file', async () => {
    const member = introducers[0];
    const reply = await api.post('/api/v1/candidates', candidatePayload(tree.cellA.id, { citizen_id: member.citizen_id, birth_date: member.birth_date, sex: member.sex }));
    problem(reply, 409, 'duplicate_candidate', [['citizen_id', 'duplicate']]);
    const open = await createCandidate(api, tree.cellA.id);
    problem(await api.post('/api/v1/candidates', candidatePayload(tree.cellB.id, { citizen_id: open.citizen_id })),
      409, 'duplicate_candidate', [['citizen_id', 'duplicate_candidate']]);
    const gone = await officialMember(api, tree.cellB.id, { birth_date: '1980-08-08', citizen_id: cccd({ birthYear: 1980 }) });
    ok(await api.post(`/api/v1/members/${gone.id}/exit`, { version: gone.version, status: 'removed', on: daysFromToday(-30), ground: 'missed_activities_or_dues', document: { number: '5-QĐ/ĐU', authority: 'Đảng ủy' } }));
    problem(await api.post('/api/v1/candidates', candidatePayload(tree.cellB.id, { citizen_id: gone.citizen_id, sex: 'male', birth_date: '1980-08-08' })),
      422, 'validation_failed', [['citizen_id', 'former_member_readmission']]);
    // Removed for missing activities: never readmitted (232-QĐ/TW §3.5).
    const never = await api.post('/api/v1/candidates', candidatePayload(tree.cellB.id, { citizen_id: gone.citizen_id, sex: 'male', birth_date: '1980-08-08', readmission_of: gone.id }));
    problem(never, 422, 'validation_failed', [['readmission_of', 'readmission_never']]);
    assert.match(errorOf(never, 'readmission_of').source, /232-QĐ\/TW/);
  });

  test('readmission: the same record, probationary again, party age from the first admission minus the gap', async () => {
    const former = await officialMember(api, tree.cellA.id, { birth_date: '1978-02-02', citizen_id: cccd({ birthYear: 1978 }), admission_date: '2001-05-05', ceremony_date: '2001-05-15', official_date: '2002-05-15' });
    const exitOn = daysFromToday(-4 * 365);
    ok(await api.post(`/api/v1/members/${former.id}/exit`, { version: former.version, status: 'removed', on: exitOn, ground: 'no_progress_after_help', document: { number: '6-QĐ/ĐU', authority: 'Đảng ủy' } }));
    const body = candidatePayload(tree.cellA.id, { full_name: former.full_name, citizen_id: former.citizen_id, sex: 'male', birth_date: '1978-02-02', readmission_of: former.id });
    problem(await api.post('/api/v1/candidates', { ...body, citizen_id: cccd({ birthYear: 1978 }) }), 422, 'validation_failed', [['citizen_id', 'readmission_citizen_mismatch']]);
    const candidate = ok(await api.post('/api/v1/candidates', body), 201);
    assert.equal(candidate.former.status, 'removed');
    await prepare(api, candidate.id, daysFromToday(-60), introducers.map((m) => m.id), knownSince());
    await step(api, candidate.id, { step: 'cell_resolution', on: daysFromToday(-50), document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } });
    await step(api, candidate.id, { step: 'base_resolution', on: daysFromToday(-45), document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } });
    const decisionOn = daysFromToday(-40);
    await step(api, candidate.id, { step: 'decision', on: decisionOn, document: { number: '19-QĐ/ĐU', authority: 'Đảng ủy Bộ' } });
    const admitted = await step(api, candidate.id, { step: 'ceremony', on: daysFromToday(-30) });
    assert.equal(admitted.member_id, former.id);
    const member = ok(await api.get(`/api/v1/members/${former.id}`));
    assert.equal(member.status, 'probationary');
    assert.equal(member.admission_date, '2001-05-05', 'the first admission stays');
    assert.equal(member.exit_date, null);
    assert.equal(member.history[0].action, 'readmission');
    const lifecycle = ok(await api.get(`/api/v1/members/${former.id}/lifecycle`));
    assert.equal(lifecycle.gaps.length, 1);
    assert.deepEqual([lifecycle.gaps[0].from, lifecycle.gaps[0].to, lifecycle.gaps[0].reason], [exitOn, decisionOn, 'readmission']);
    const gapDays = (Date.parse(decisionOn) - Date.parse(exitOn)) / 86400000;
    assert.equal(lifecycle.party_age.gap_days, gapDays);
    // Readmission is considered once only.
    ok(await api.post(`/api/v1/members/${former.id}/exit`, { version: member.version, status: 'removed', on: daysFromToday(0), ground: 'no_progress_after_help', document: { number: '7-QĐ/ĐU', authority: 'Đảng ủy' } }));
    const again = await api.post('/api/v1/candidates', body);
    problem(again, 422, 'validation_failed', [['readmission_of', 'readmission_once']]);
    assert.equal(errorOf(again, 'readmission_of').rule, 'readmission.max_times');
  });
});

describe('who records what', () => {
  test('a cell secretary records the cell\'s steps but not the committees\' decisions; outside the scope nothing is found', async () => {
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.base.id }));
    const candidate = ok(await secretary.post('/api/v1/candidates', candidatePayload(tree.cellA.id)), 201);
    await prepare(secretary, candidate.id, daysFromToday(-30), introducers.map((m) => m.id), knownSince());
    await step(secretary, candidate.id, { step: 'cell_resolution', on: daysFromToday(-20), document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } });
    problem(await secretary.post(`/api/v1/candidates/${candidate.id}/steps`, { step: 'base_resolution', on: daysFromToday(-10), document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } }),
      403, 'forbidden');
    const office = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.above.id }));
    await step(office, candidate.id, { step: 'base_resolution', on: daysFromToday(-10), document: DOC, vote: { in_favour: 9, against: 0, entitled: 9 } });
    // The base cell is outside the secretary's scope.
    problem(await secretary.post('/api/v1/candidates', candidatePayload(tree.baseCell.id)), 422, 'validation_failed', [['org_id', 'org_not_found']]);
    const list = ok(await secretary.get('/api/v1/candidates?page_size=500'));
    assert.ok(list.items.every((c) => [tree.cellA.id, tree.cellB.id].includes(c.org_id)));
    const board = ok(await secretary.get(`/api/v1/candidates?org=${tree.cellA.id}&phase=superior_review`));
    assert.ok(board.items.some((c) => c.id === candidate.id));
    problem(await secretary.get(`/api/v1/candidates?org=${tree.baseCell.id}`), 404, 'not_found');
    problem(await secretary.get('/api/v1/candidates?phase=sleeping'), 400, 'invalid_parameter', [['phase', 'unknown_code']]);
  });
});

function iso1(date, days) {
  return new Date(Date.parse(date) + days * 86400000).toISOString().slice(0, 10);
}
