// The annual review and classification through the API (issue 15, rules/review.toml): a campaign
// opened at the root and fanned out to every organization; the self-assessment, the cell's
// proposal and the committee's decision with the score's band and the 20 % quota of "excellent"
// (refused naming the rule, nothing written); the order (collectives before individuals, lower
// before upper); the superior's annulment and re-grade; who is not reviewed; shortcomings tracked
// to closure with overdue ones; a member's grades of every year and the screening list after two
// years "not completed"; who may do what (a cell secretary cannot decide for the committee,
// another cell's secretary gets 404). Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let api;
let tree;
let doc;
let campaign;  // 2026, opened at the root
const cellA = [];  // six members of cell A
const m = {};

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Kiểm Điểm');
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang'];
  for (const full_name of names) cellA.push(await createMember(api, tree.cellA.id, { full_name }));
  // Admitted on 2026-06-01: six months end on 2026-12-01, after the review date (2026-11-02).
  m.recent = await createMember(api, tree.cellA.id, { full_name: 'Đỗ Văn Mới', birth_date: '2000-01-01', admission_date: '2026-06-01', status: 'probationary' });
  m.cellB = await createMember(api, tree.cellB.id, { full_name: 'Bùi Văn Bê' });
  m.weak = await createMember(api, tree.baseCell.id, { full_name: 'Đinh Văn Yếu' });
  m.weak2 = await createMember(api, tree.baseCell.id, { full_name: 'Mai Thị Khá', sex: 'female' });
});
after(async () => { await server?.stop(); });

/** A reply checked against the OpenAPI document, then its body (asserting the status). */
async function checked(method, path, status, json, client = api) {
  const reply = method === 'GET' ? await client.get(path) : await client.post(path, json);
  assert.deepEqual(checkReply(doc, method, path, reply), [], `${method} ${path} matches the document`);
  return ok(reply, status);
}
const view = (org, id = campaign.id) => checked('GET', `/api/v1/review-campaigns/${id}?org_id=${org}`, 200);
const lineOf = (v, member) => v.members.find((x) => x.member_id === member.id);
const post = (path, json, client = api) => client.post(`/api/v1/review-campaigns/${campaign.id}${path}`, json);
const propose = (member, grade = 'good', id = campaign.id) => checked('POST', `/api/v1/review-campaigns/${id}/proposals`, 200,
  { member_id: member.id, grade, comment: 'Chi bộ nhận xét: hoàn thành tốt nhiệm vụ được giao.', vote: { in_favour: 6, against: 0, entitled: 7 } });

describe('a campaign opened at the root', () => {
  test('bad campaigns are refused with their field and nothing is written', async () => {
    problem(await api.post('/api/v1/review-campaigns', { org_id: tree.root.id, year: 2026, review_date: '2030-01-01', title: 'Kiểm điểm 2026' }),
      422, 'validation_failed', [['review_date', 'review_date_outside_year']]);
    problem(await api.post('/api/v1/review-campaigns', { org_id: tree.root.id, year: 2024, review_date: '2024-12-01', title: 'Kiểm điểm 2024' }),
      422, 'validation_failed', [['review_date', 'no_rule_in_force']]);
    problem(await api.post('/api/v1/review-campaigns', { org_id: tree.root.id, year: 2026, review_date: '2026-11-02' }),
      422, 'validation_failed', [['title', 'required']]);
    problem(await api.post('/api/v1/review-campaigns', { org_id: 999999, year: 2026, review_date: '2026-11-02', title: 'X' }), 404, 'not_found');
    assert.deepEqual(ok(await api.get(`/api/v1/review-campaigns?org_id=${tree.root.id}`)).items, []);
  });

  test('opens once per year for the subtree, fanned out to every organization', async () => {
    const opened = await checked('POST', '/api/v1/review-campaigns', 201,
      { org_id: tree.root.id, year: 2026, review_date: '2026-11-02', title: 'Kiểm điểm, xếp loại chất lượng năm 2026' });
    campaign = opened.campaign;
    assert.equal(campaign.units, 7, 'the root, two committees, a base committee, two cells and a base cell');
    assert.equal(opened.children.length, 3);
    // Each child with its own name and kind (the names are read for all children at once).
    assert.deepEqual(opened.children.map((c) => [c.org_id, c.name, c.kind]).sort((x, y) => x[0] - y[0]), [
      [tree.above.id, tree.above.name, 'committee_above_base'],
      [tree.above2.id, tree.above2.name, 'committee_above_base'],
      [tree.baseCell.id, tree.baseCell.name, 'base_cell'],
    ]);
    assert.deepEqual(opened.summary.members, { excellent: 0, good: 0, completed: 0, not_completed: 0 });
    // A second campaign of 2026 covering the same organizations is refused.
    problem(await api.post('/api/v1/review-campaigns', { org_id: tree.base.id, year: 2026, review_date: '2026-11-02', title: 'Trùng' }), 409, 'campaign_exists');
    const list = ok(await api.get(`/api/v1/review-campaigns?org_id=${tree.cellA.id}`)).items;
    assert.deepEqual(list.map((c) => c.id), [campaign.id]);
  });

  test('a cell lists its members with who is reviewed, and why not', async () => {
    const v = await view(tree.cellA.id);
    assert.equal(v.members.length, 7);
    const recent = lineOf(v, m.recent);
    assert.equal(recent.eligibility.reviewed, false);
    assert.equal(recent.eligibility.reason, 'admitted_recently');
    assert.equal(recent.eligibility.reviewable_from, '2026-12-01');
    assert.equal(recent.eligibility.rule.key, 'review.min_months_since_admission');
    assert.match(recent.eligibility.rule.source, /124-QĐ\/TW/);
    assert.equal(lineOf(v, cellA[0]).eligibility.reviewed, true);
    assert.equal(v.quota.rule.key, 'review.excellent_quota_pct');
    assert.equal(v.quota.group_org_id, tree.base.id, 'the base committee decides, so its members form the group');
  });
});

describe('self-assessment and the cell\'s proposal', () => {
  test('bad self-assessments are refused naming the field, and nothing is written', async () => {
    const member = cellA[0];
    problem(await post('/self-assessments', { member_id: member.id, score: 101, grade: 'good' }), 422, 'validation_failed', [['score', 'out_of_range']]);
    problem(await post('/self-assessments', { member_id: member.id, score: 89.55, grade: 'good' }), 422, 'validation_failed', [['score', 'score_precision']]);
    problem(await post('/self-assessments', { member_id: member.id, score: 80, grade: 'superb' }), 422, 'validation_failed', [['grade', 'not_allowed']]);
    problem(await post('/self-assessments', { member_id: member.id, score: 80, grade: 'good', extra: 1 }), 422, 'validation_failed', [['extra', 'unknown_field']]);
    // 89.5 is good: proposing excellent is above the band, and the problem names the rule.
    const above = problem(await post('/self-assessments', { member_id: member.id, score: 89.5, grade: 'excellent' }), 422, 'validation_failed', [['grade', 'grade_above_band']]);
    assert.match(above.errors[0].message, /review\.good_min_score_tenths/);
    // Admitted less than six months before the review date: not reviewed.
    problem(await post('/self-assessments', { member_id: m.recent.id, score: 80, grade: 'good' }), 422, 'validation_failed', [['member_id', 'not_reviewed']]);
    problem(await post('/self-assessments', { member_id: 999999, score: 80, grade: 'good' }), 404, 'not_found');
    const v = await view(tree.cellA.id);
    assert.equal(lineOf(v, member).review, null, 'nothing was written');
    assert.equal(lineOf(v, m.recent).review, null);
  });

  test('a self-assessment of 89.5 as good is recorded, once per Idempotency-Key', async () => {
    const body = { member_id: cellA[0].id, score: 89.5, grade: 'good', text: 'Tự đánh giá: hoàn thành tốt nhiệm vụ, còn hạn chế về ngoại ngữ.' };
    const headers = { 'idempotency-key': 'review-self-1' };
    const first = await api.post(`/api/v1/review-campaigns/${campaign.id}/self-assessments`, body, { headers });
    const line = ok(first);
    assert.equal(line.review.self_assessment.score, 89.5);
    assert.equal(line.review.self_assessment.grade, 'good');
    const again = await api.post(`/api/v1/review-campaigns/${campaign.id}/self-assessments`, body, { headers });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(ok(again).review.version, line.review.version, 'the replay wrote nothing');
  });

  test('bad proposals are refused and nothing is written', async () => {
    problem(await post('/proposals', { member_id: cellA[1].id, grade: 'good', comment: 'Tốt', vote: { in_favour: 5, against: 3, entitled: 7 } }),
      422, 'validation_failed', [['vote.in_favour', 'exceeds_members']]);
    problem(await post('/proposals', { member_id: cellA[1].id, grade: 'good', vote: { in_favour: 5, against: 0, entitled: 7 } }),
      422, 'validation_failed', [['comment', 'required']]);
    problem(await post('/proposals', { member_id: cellA[1].id, grade: 'good', comment: 'Tốt' }), 422, 'validation_failed', [['vote', 'required']]);
    assert.equal(lineOf(await view(tree.cellA.id), cellA[1]).review, null);
  });

  test('the cell proposes a grade for each member with its vote', async () => {
    for (const member of cellA) {
      const line = await propose(member);
      assert.equal(line.review.proposal.grade, 'good');
      assert.deepEqual(line.review.proposal.vote, { in_favour: 6, against: 0, entitled: 7 });
    }
  });
});

describe('the committee decides, within the band and the quota', () => {
  const decisions = (excellent) => ({
    decisions: cellA.map((member, i) => (i < excellent ? { member_id: member.id, score: 95, grade: 'excellent' } : { member_id: member.id, score: 85, grade: 'good' })),
  });

  test('collectives before individuals: the cell is graded first', async () => {
    const refused = problem(await post('/decisions', decisions(1)), 422, 'validation_failed', [['decisions[0].member_id', 'collectives_before_individuals']]);
    assert.match(refused.errors[0].message, /124-QĐ\/TW/);
    const graded = await checked('POST', `/api/v1/review-campaigns/${campaign.id}/org-grades`, 200,
      { org_id: tree.cellA.id, score: 86, grade: 'good', tasks_on_time_pct: 100, tasks_late_pct: 0, note: 'Chi bộ hoàn thành tốt nhiệm vụ.' });
    assert.equal(graded.unit.grade, 'good');
    assert.equal(graded.unit.score, 86);
  });

  test('a cell secretary cannot decide for the committee (403), another cell\'s secretary does not see the member (404)', async () => {
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellA.id }));
    problem(await post('/decisions', decisions(1), secretary), 403, 'forbidden');
    // The secretary records the cell's own work.
    ok(await post('/self-assessments', { member_id: cellA[1].id, score: 84, grade: 'good' }, secretary));
    const other = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellB.id }));
    problem(await post('/self-assessments', { member_id: cellA[2].id, score: 84, grade: 'good' }, other), 404, 'not_found');
    problem(await other.get(`/api/v1/review-campaigns/${campaign.id}?org_id=${tree.cellA.id}`), 404, 'not_found');
    problem(await other.get(`/api/v1/members/${cellA[2].id}/reviews`), 404, 'not_found');
    const v = await view(tree.cellA.id);
    assert.ok(v.members.every((line) => line.review === null || line.review.grade === null), 'nothing decided');
  });

  test('over the 20 % quota is refused naming the rule, and nothing is written', async () => {
    // Six graded good or above allow one excellent (20 % of 6 = 1.2).
    const refused = problem(await post('/decisions', decisions(2)), 422, 'validation_failed', [['decisions[0].grade', 'quota_exceeded']]);
    assert.match(refused.errors[0].message, /review\.excellent_quota_pct/);
    assert.match(refused.errors[0].message, /124-QĐ\/TW/);
    // Above the band: 89.5 is good, not excellent.
    problem(await post('/decisions', { decisions: [{ member_id: cellA[0].id, score: 89.5, grade: 'excellent' }] }), 422, 'validation_failed', [['decisions[0].grade', 'grade_above_band']]);
    // Not proposed by the cell, not reviewed, listed twice.
    problem(await post('/decisions', { decisions: [{ member_id: m.cellB.id, score: 80, grade: 'good' }] }), 422, 'validation_failed', [['decisions[0].member_id', 'no_cell_proposal']]);
    problem(await post('/decisions', { decisions: [{ member_id: m.recent.id, score: 80, grade: 'good' }] }), 422, 'validation_failed', [['decisions[0].member_id', 'not_reviewed']]);
    problem(await post('/decisions', { decisions: [{ member_id: cellA[0].id, score: 80, grade: 'good' }, { member_id: cellA[0].id, score: 80, grade: 'good' }] }), 422, 'validation_failed', [['decisions[1].member_id', null]]);
    problem(await post('/decisions', { decisions: [] }), 422, 'validation_failed', [['decisions', null]]);
    const v = await view(tree.cellA.id);
    assert.ok(v.members.every((line) => line.review === null || line.review.grade === null), 'nothing decided');
    assert.deepEqual((await view(tree.root.id)).summary.members, { excellent: 0, good: 0, completed: 0, not_completed: 0 });
  });

  test('exactly 20 %: one excellent of six is decided; the counts up the tree follow', async () => {
    const lines = (await checked('POST', `/api/v1/review-campaigns/${campaign.id}/decisions`, 200, decisions(1))).items;
    assert.equal(lines.length, 6);
    assert.equal(lines[0].review.grade, 'excellent');
    assert.match(lines[0].review.rules, /review\.excellent_min_score_tenths=900/);
    assert.match(lines[0].review.rules, /review\.excellent_quota_pct=20/);
    for (const org of [tree.cellA, tree.base, tree.above, tree.root]) {
      assert.deepEqual((await view(org.id)).summary.members, { excellent: 1, good: 5, completed: 0, not_completed: 0 }, org.name);
    }
    assert.deepEqual((await view(tree.cellB.id)).summary.members, { excellent: 0, good: 0, completed: 0, not_completed: 0 });
    assert.deepEqual((await view(tree.root.id)).summary.orgs, { excellent: 0, good: 1, completed: 0, not_completed: 0 });
    const quota = (await view(tree.cellA.id)).quota;
    assert.deepEqual([quota.excellent, quota.good_or_above, quota.allowed, quota.within], [1, 6, 1, true]);
    // A decided review takes no new self-assessment.
    problem(await post('/self-assessments', { member_id: cellA[0].id, score: 90, grade: 'excellent' }), 409, 'review_decided');
  });
});

describe('the superior annuls or re-grades', () => {
  test('only the committee above the deciding base organization; a re-grade keeps to the quota', async () => {
    const baseStaff = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.base.id }));
    problem(await post('/superior-reviews', { member_id: cellA[1].id, action: 'annul', reason: 'Kiểm tra lại' }, baseStaff), 403, 'forbidden');
    const leader = await server.login(await server.addUser({ roles: ['leader'], scope: tree.above.id }));
    problem(await post('/superior-reviews', { member_id: cellA[1].id, action: 'annul', reason: 'Kiểm tra lại' }, leader), 403, 'forbidden');
    problem(await post('/superior-reviews', { member_id: cellA[1].id, action: 'annul' }), 422, 'validation_failed', [['reason', 'required']]);
    problem(await post('/superior-reviews', { member_id: cellA[1].id, action: 'regrade', reason: 'Xếp lại' }), 422, 'validation_failed', [['grade', 'required'], ['score', 'required']]);
    const over = problem(await post('/superior-reviews', { member_id: cellA[1].id, action: 'regrade', grade: 'excellent', score: 92, reason: 'Xếp lại' }), 422, 'validation_failed', [['grade', 'quota_exceeded']]);
    assert.match(over.errors[0].message, /review\.excellent_quota_pct/);
    problem(await post('/superior-reviews', { member_id: m.cellB.id, action: 'annul', reason: 'Không có' }), 409, 'review_not_decided');
    assert.deepEqual((await view(tree.root.id)).summary.members, { excellent: 1, good: 5, completed: 0, not_completed: 0 }, 'nothing changed');

    const aboveStaff = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.above.id }));
    const regraded = ok(await post('/superior-reviews', { member_id: cellA[1].id, action: 'regrade', grade: 'completed', score: 65, reason: 'Chưa đạt chỉ tiêu về học tập.' }, aboveStaff));
    assert.equal(regraded.review.grade, 'completed');
    assert.equal(regraded.review.superior_action, 'regraded');
    const annulled = ok(await post('/superior-reviews', { member_id: cellA[2].id, action: 'annul', reason: 'Quy trình chưa đúng.' }, aboveStaff));
    assert.equal(annulled.review.grade, null);
    assert.equal(annulled.review.superior_action, 'annulled');
    assert.deepEqual((await view(tree.root.id)).summary.members, { excellent: 1, good: 3, completed: 1, not_completed: 0 });
    // Annulled: the committee decides again.
    ok(await post('/decisions', { decisions: [{ member_id: cellA[2].id, score: 80, grade: 'good' }] }));
    assert.deepEqual((await view(tree.base.id)).summary.members, { excellent: 1, good: 4, completed: 1, not_completed: 0 });
  });
});

describe('organizations are graded lower before upper', () => {
  test('the base committee waits for its cells', async () => {
    const refused = problem(await post('/org-grades', { org_id: tree.base.id, score: 88, grade: 'good' }), 422, 'validation_failed', [['org_id', 'lower_before_upper']]);
    assert.match(refused.errors[0].message, /1/);
    problem(await post('/org-grades', { org_id: tree.cellB.id, score: 75, grade: 'excellent' }), 422, 'validation_failed', [['grade', 'grade_above_band']]);
    problem(await post('/org-grades', { org_id: tree.cellB.id, score: 60, grade: 'completed', tasks_late_pct: 25 }), 422, 'validation_failed', [['grade', 'grade_above_band']]);
    problem(await post('/org-grades', { org_id: tree.cellB.id, score: 60, grade: 'completed', tasks_late_pct: 101 }), 422, 'validation_failed', [['tasks_late_pct', 'out_of_range']]);
    assert.equal((await view(tree.cellB.id)).unit.grade, null, 'nothing written');
    ok(await post('/org-grades', { org_id: tree.cellB.id, score: 60, grade: 'completed', tasks_late_pct: 20 }));
    const base = ok(await post('/org-grades', { org_id: tree.base.id, score: 88, grade: 'good' }));
    assert.equal(base.unit.grade, 'good');
    assert.deepEqual((await view(tree.root.id)).summary.orgs, { excellent: 0, good: 2, completed: 1, not_completed: 0 });
  });
});

describe('shortcomings tracked until closed', () => {
  let item;
  test('bad shortcomings are refused and nothing is written', async () => {
    const good = { campaign_id: campaign.id, member_id: cellA[3].id, kind: 'limitation', description: 'Chưa chủ động nghiên cứu nghị quyết.', action: 'Xây dựng kế hoạch tự học hằng tháng.', owner: 'Phạm Thị Dung', due_on: '2027-03-31' };
    problem(await api.post('/api/v1/review-shortcomings', { ...good, org_id: tree.cellA.id }), 422, 'validation_failed', [['member_id', 'one_of']]);
    problem(await api.post('/api/v1/review-shortcomings', { ...good, kind: 'other' }), 422, 'validation_failed', [['kind', 'not_allowed']]);
    problem(await api.post('/api/v1/review-shortcomings', { ...good, due_on: '2026-10-01' }), 422, 'validation_failed', [['due_on', 'due_before_review']]);
    problem(await api.post('/api/v1/review-shortcomings', { ...good, action: '' }), 422, 'validation_failed', [['action', 'required']]);
    assert.deepEqual(ok(await api.get(`/api/v1/review-shortcomings?org_id=${tree.root.id}`)).items, []);
    item = await checked('POST', '/api/v1/review-shortcomings', 201, good);
    assert.equal(item.state, 'open');
    assert.equal(item.overdue, false);
    assert.equal(item.subject_name, 'Phạm Thị Dung');
  });

  test('an open one past its due date shows as overdue; closing needs evidence and the version', async () => {
    const late = await checked('POST', '/api/v1/review-shortcomings', 201,
      { campaign_id: campaign.id, org_id: tree.cellA.id, kind: 'fault', description: 'Sinh hoạt chi bộ chưa đều.', action: 'Sinh hoạt đúng ngày 5 hằng tháng.', owner: 'Chi ủy chi bộ A', due_on: '2026-11-10' });
    assert.equal(late.overdue, true);
    const overdue = ok(await api.get(`/api/v1/review-shortcomings?org_id=${tree.base.id}&overdue=true`)).items;
    assert.deepEqual(overdue.map((s) => s.id), [late.id]);
    problem(await api.get(`/api/v1/review-shortcomings?org_id=${tree.base.id}&state=done`), 400, null, [['state', 'not_allowed']]);
    const close = (json) => api.post(`/api/v1/review-shortcomings/${late.id}/close`, json);
    problem(await close({ version: late.version + 5, evidence: 'Biên bản', closed_on: '2026-11-15' }), 409, 'version_conflict');
    problem(await close({ version: late.version, closed_on: '2026-11-15' }), 422, 'validation_failed', [['evidence', 'required']]);
    problem(await close({ version: late.version, evidence: 'Biên bản', closed_on: '2026-12-01' }), 422, 'validation_failed', [['closed_on', 'in_future']]);
    const closed = await checked('POST', `/api/v1/review-shortcomings/${late.id}/close`, 200, { version: late.version, evidence: 'Biên bản sinh hoạt tháng 11.', closed_on: '2026-11-15' });
    assert.equal(closed.state, 'closed');
    assert.equal(closed.overdue, false);
    problem(await close({ version: closed.version, evidence: 'Lại', closed_on: '2026-11-15' }), 409, 'shortcoming_closed');
    assert.deepEqual(ok(await api.get(`/api/v1/review-shortcomings?org_id=${tree.base.id}&overdue=true`)).items, []);
  });
});

describe('a member\'s grades of every year', () => {
  test('two consecutive years "not completed" put the member on the screening list; last year\'s shortcomings show in the next review', async () => {
    // 2025: a campaign of its own at the base cell (a base organization: it decides its members).
    const opened = ok(await api.post('/api/v1/review-campaigns', { org_id: tree.baseCell.id, year: 2025, review_date: '2025-12-10', title: 'Kiểm điểm năm 2025' }), 201);
    const c2025 = opened.campaign.id;
    ok(await api.post(`/api/v1/review-campaigns/${c2025}/org-grades`, { org_id: tree.baseCell.id, score: 72, grade: 'good' }));
    await propose(m.weak, 'not_completed', c2025);
    ok(await api.post(`/api/v1/review-campaigns/${c2025}/decisions`, { decisions: [{ member_id: m.weak.id, score: 45, grade: 'not_completed' }] }));
    const lesson = ok(await api.post('/api/v1/review-shortcomings', { campaign_id: c2025, member_id: m.weak.id, kind: 'fault', description: 'Không tham gia sinh hoạt 3 kỳ.', action: 'Tham gia đầy đủ.', owner: 'Đinh Văn Yếu', due_on: '2026-06-30' }), 201);
    // 2026: the root's campaign covers the base cell.
    ok(await post('/org-grades', { org_id: tree.baseCell.id, score: 70, grade: 'good' }));
    await propose(m.weak, 'not_completed');
    // A discipline recorded in the year caps the grade at not completed, whatever the score.
    const disciplined = problem(await post('/decisions', { decisions: [{ member_id: m.weak.id, score: 75, grade: 'good', disciplined_in_year: true }] }), 422, 'validation_failed', [['decisions[0].grade', 'grade_above_band']]);
    assert.match(disciplined.errors[0].message, /review\.disciplined_max_grade/);
    ok(await post('/decisions', { decisions: [{ member_id: m.weak.id, score: 48.5, grade: 'not_completed' }] }));
    const v = await view(tree.baseCell.id);
    const line = lineOf(v, m.weak);
    assert.deepEqual(line.last_year_shortcomings.map((s) => [s.id, s.state, s.overdue]), [[lesson.id, 'open', true]]);
    const history = await checked('GET', `/api/v1/members/${m.weak.id}/reviews`, 200);
    assert.deepEqual(history.years.map((y) => [y.year, y.grade, y.score]), [[2025, 'not_completed', 45], [2026, 'not_completed', 48.5]]);
    assert.equal(history.years[0].shortcomings.length, 1);
    assert.equal(history.screening.listed, true);
    assert.equal(history.screening.consecutive_not_completed, 2);
    assert.match(history.screening.rule.source, /02-HD\/BTCTW/);
    const first = await checked('GET', `/api/v1/members/${cellA[0].id}/reviews`, 200);
    assert.deepEqual(first.years.map((y) => [y.year, y.grade]), [[2026, 'excellent']]);
    assert.equal(first.screening.listed, false);
  });

  test('a member reads their own grades only', async () => {
    const own = await server.login(await server.addUser({ roles: ['member'], memberId: cellA[0].id }));
    assert.equal(ok(await own.get(`/api/v1/members/${cellA[0].id}/reviews`)).years.length, 1);
    problem(await own.get(`/api/v1/members/${cellA[1].id}/reviews`), 404, 'not_found');
    problem(await own.post(`/api/v1/review-campaigns/${campaign.id}/self-assessments`, { member_id: cellA[0].id, score: 80, grade: 'good' }), 403, 'forbidden');
  });
});
