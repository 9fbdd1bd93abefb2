// Personal action plans and commitments through the API (issue 13, rules/plans.toml): a member
// records their plan of a year and edits it until the cell reviews it; the cell's heads record
// first (the others are warned while a head has not); the cell's list shows who has and has not
// recorded, heads first; the secretary reviews each plan mid-year and at year end inside the
// rules' windows, one assessment per item; every bad input refused with its field and nothing
// written; reach: another member's plan is a 404, a plan the actor sees but may not change a
// 403. Today is CHIBO_TEST_TODAY (2026-11-16): inside both review windows of 2026.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let api;
let tree;
let doc;
const m = {};   // members by role
const as = {};  // signed-in clients by role
const ITEMS = [
  { content: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', measure: 'Dự đủ các buổi học chuyên đề', due_on: '2026-12-31' },
  { content: 'Hoàn thành tốt nhiệm vụ chuyên môn được giao', measure: 'Xếp loại hoàn thành tốt nhiệm vụ' },
];

/** A reply checked against the OpenAPI document, then its body (asserting the status). */
async function checked(client, method, path, status, json) {
  const reply = method === 'GET' ? await client.get(path)
    : method === 'PUT' ? await put(client, path, json) : await client.post(path, json);
  assert.deepEqual(checkReply(doc, method, path, reply), [], `${method} ${path} matches the document`);
  return ok(reply, status);
}
const put = (client, path, json) => client.request('PUT', path, { json });
const record = (client, body) => checked(client, 'POST', '/api/v1/plans/mine', 201, body);
const mine = (client, year = 2026) => checked(client, 'GET', `/api/v1/plans/mine?year=${year}`, 200);
const cellPlans = (client, year = 2026) => checked(client, 'GET', `/api/v1/orgs/${tree.cellA.id}/plans?year=${year}`, 200);
const auditActions = async () =>
  ok(await api.get('/api/v1/audit?limit=500&object_type=member')).items.map((e) => e.action);

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Kế Hoạch');
  m.secretary = await createMember(api, tree.cellA.id, { full_name: 'Nguyễn Văn Bíthư' });
  m.deputy = await createMember(api, tree.cellA.id, { full_name: 'Trần Thị Phóbíthư', sex: 'female' });
  m.first = await createMember(api, tree.cellA.id, { full_name: 'Lê Văn An' });
  m.second = await createMember(api, tree.cellA.id, { full_name: 'Phạm Thị Bình', sex: 'female' });
  m.third = await createMember(api, tree.cellA.id, { full_name: 'Đỗ Văn Cường' });
  m.other = await createMember(api, tree.cellB.id, { full_name: 'Hoàng Văn Khác' });
  const term = ok(await api.post(`/api/v1/orgs/${tree.cellA.id}/terms`, { closed_on: '2025-03-01' }), 201);
  ok(await api.post(`/api/v1/terms/${term.id}/seats`, { member_id: m.secretary.id, position: 'secretary', started_on: '2025-03-02' }), 201);
  ok(await api.post(`/api/v1/terms/${term.id}/seats`, { member_id: m.deputy.id, position: 'deputy_secretary', started_on: '2025-03-02' }), 201);
  as.secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellA.id, memberId: m.secretary.id }));
  as.deputy = await server.login(await server.addUser({ roles: ['member'], memberId: m.deputy.id }));
  for (const who of ['first', 'second', 'third', 'other']) {
    as[who] = await server.login(await server.addUser({ roles: ['member'], memberId: m[who].id }));
  }
});
after(async () => { await server?.stop(); });

describe('recording a plan, heads first', () => {
  test('the cell\'s list shows every member, heads first, with the deadlines of the rules', async () => {
    const list = await cellPlans(as.secretary);
    assert.deepEqual(list.lines.map((l) => l.member_id).slice(0, 2), [m.secretary.id, m.deputy.id]);
    assert.deepEqual(list.lines.map((l) => l.position).slice(0, 3), ['secretary', 'deputy_secretary', null]);
    assert.equal(list.totals.members, 5);
    assert.equal(list.totals.not_recorded, 5);
    assert.equal(list.totals.heads_not_recorded, 2);
    assert.equal(list.heads_due.on, '2026-01-31');
    assert.equal(list.members_due.on, '2026-02-28');
    assert.match(list.heads_due.source, /08-QĐi\/TW/);
    assert.equal(list.mid_year_window.opens.on, '2026-06-01');
    assert.equal(list.year_end_window.closes.on, '2027-01-31');
    assert.ok(list.lines.every((l) => l.late && l.plan === null), 'both deadlines have passed on 16/11');
    assert.equal(list.may_review, true);
  });

  test('a member who records before the heads is warned, with the heads who have not', async () => {
    const plan = await record(as.first, { year: 2026, kind: 'commitment', items: ITEMS });
    assert.equal(plan.member_id, m.first.id);
    assert.equal(plan.status, 'recorded');
    assert.equal(plan.head, false);
    assert.equal(plan.late, true);
    assert.equal(plan.due.on, '2026-02-28');
    assert.equal(plan.may_edit, true);
    assert.equal(plan.may_review, false);
    assert.deepEqual(plan.items.map((i) => i.measure), ITEMS.map((i) => i.measure));
    assert.equal(plan.items[0].due_on, '2026-12-31');
    assert.deepEqual(plan.heads_missing.map((h) => h.member_id), [m.secretary.id, m.deputy.id]);
    assert.ok((await auditActions()).includes('plan.record'));
  });

  test('a head records as a head; the next member is warned only about the one left', async () => {
    const plan = await record(as.secretary, { year: 2026, kind: 'plan', items: ITEMS.slice(0, 1) });
    assert.equal(plan.head, true);
    assert.equal(plan.due.on, '2026-01-31');
    assert.deepEqual(plan.heads_missing, []);
    const second = await record(as.second, { year: 2026, kind: 'commitment', items: ITEMS });
    assert.deepEqual(second.heads_missing.map((h) => h.member_id), [m.deputy.id]);
    const own = await mine(as.third);
    assert.equal(own.plan, null);
    assert.equal(own.head, false);
    assert.deepEqual(own.heads_missing.map((h) => h.member_id), [m.deputy.id]);
    assert.equal((await mine(as.first)).plan.member_id, m.first.id);
    const next = await mine(as.first, 2027);
    assert.equal(next.plan, null);
    assert.equal(next.due.on, '2027-02-28');
  });

  test('every bad plan is refused with its field, and nothing is written', async () => {
    const refused = async (body, field, code) =>
      problem(await as.third.post('/api/v1/plans/mine', body), 422, 'validation_failed', [[field, code]]);
    const good = { year: 2026, kind: 'commitment', items: ITEMS };
    await refused({ ...good, items: [] }, 'items', 'required');
    await refused({ year: 2026, kind: 'plan' }, 'items', 'required');
    await refused({ ...good, year: 2024 }, 'year', 'out_of_range');
    await refused({ ...good, year: 2028 }, 'year', 'out_of_range');
    await refused({ ...good, year: '2026' }, 'year', 'wrong_type');
    await refused({ kind: 'plan', items: ITEMS }, 'year', 'required');
    await refused({ ...good, kind: 'wish' }, 'kind', 'unknown_code');
    await refused({ ...good, kind: '' }, 'kind', 'required');
    await refused({ ...good, items: [{ content: '', measure: 'x' }] }, 'items[0].content', 'required');
    await refused({ ...good, items: [{ content: 'x' }] }, 'items[0].measure', 'required');
    await refused({ ...good, items: [ITEMS[0], { ...ITEMS[1], due_on: '2027-01-01' }] }, 'items[1].due_on', 'outside_year');
    await refused({ ...good, items: [{ ...ITEMS[1], due_on: '2026-02-30' }] }, 'items[0].due_on', 'invalid_date');
    await refused({ ...good, items: [{ ...ITEMS[1], owner: 'x' }] }, 'items[0].owner', 'unknown_field');
    await refused({ ...good, items: 'học tập' }, 'items', 'wrong_type');
    await refused({ ...good, items: Array.from({ length: 31 }, () => ITEMS[1]) }, 'items', 'too_many');
    await refused({ ...good, items: [{ content: 'x'.repeat(2001), measure: 'y' }] }, 'items[0].content', 'too_long');
    await refused({ ...good, member_id: m.first.id }, 'member_id', 'unknown_field');
    assert.equal((await mine(as.third)).plan, null, 'nothing was written');
    problem(await as.first.post('/api/v1/plans/mine', good), 409, 'plan_exists');
    problem(await api.post('/api/v1/plans/mine', good), 409, 'account_not_linked_to_member');
    problem(await api.get('/api/v1/plans/mine?year=2026'), 409, 'account_not_linked_to_member');
    problem(await as.first.get('/api/v1/plans/mine'), 400, 'invalid_parameter');
    problem(await as.first.get('/api/v1/plans/mine?year=twenty'), 400, 'invalid_parameter');
    assert.equal((await cellPlans(as.secretary)).totals.recorded, 3);
  });
});

describe('editing until the review', () => {
  test('the member edits their plan with the version they read; a stale version is refused', async () => {
    const plan = (await mine(as.first)).plan;
    const edited = await checked(as.first, 'PUT', `/api/v1/plans/${plan.id}`, 200,
      { kind: 'plan', items: [...ITEMS, { content: 'Tham gia sinh hoạt chi bộ đầy đủ', measure: '12/12 buổi' }], version: plan.version });
    assert.equal(edited.kind, 'plan');
    assert.equal(edited.items.length, 3);
    assert.equal(edited.version, plan.version + 1);
    problem(await put(as.first, `/api/v1/plans/${plan.id}`, { kind: 'plan', items: ITEMS, version: plan.version }), 409, 'version_conflict');
    problem(await put(as.first, `/api/v1/plans/${plan.id}`, { kind: 'plan', items: [], version: edited.version }), 422, 'validation_failed', [['items', 'required']]);
    problem(await put(as.first, `/api/v1/plans/${plan.id}`, { kind: 'plan', items: ITEMS }), 422, 'validation_failed', [['version', 'required']]);
    assert.equal((await mine(as.first)).plan.items.length, 3, 'the refused edits wrote nothing');
    assert.ok((await auditActions()).includes('plan.update'));
  });

  test('another member\'s plan: a 404 for a member, a 403 for the secretary who sees it', async () => {
    const plan = (await mine(as.first)).plan;
    const body = { kind: 'commitment', items: ITEMS.slice(0, 1), version: plan.version };
    problem(await put(as.second, `/api/v1/plans/${plan.id}`, body), 404, 'not_found');
    problem(await as.second.get(`/api/v1/plans/${plan.id}`), 404, 'not_found');
    problem(await as.other.get(`/api/v1/members/${m.first.id}/plans`), 404, 'not_found');
    problem(await put(as.secretary, `/api/v1/plans/${plan.id}`, body), 403, 'not_own_plan');
    problem(await put(as.first, '/api/v1/plans/99999999', body), 404, 'not_found');
    const still = (await mine(as.first)).plan;
    assert.equal(still.version, plan.version);
    assert.equal(still.kind, 'plan');
  });
});

describe('the cell reviews plans mid-year and at year end', () => {
  test('a bad review is refused with its field, and nothing is written', async () => {
    const plan = (await mine(as.first)).plan;
    const [a, b, c] = plan.items.map((i) => i.id);
    const refused = async (body, field, code) =>
      problem(await as.secretary.post(`/api/v1/plans/${plan.id}/reviews`, body), 422, 'validation_failed', [[field, code]]);
    const all = [{ item_id: a, assessment: 'done' }, { item_id: b, assessment: 'partly' }, { item_id: c, assessment: 'not_done' }];
    await refused({ stage: 'mid_year', items: all.slice(0, 2) }, 'items', 'assessment_missing');
    await refused({ stage: 'mid_year', items: [...all.slice(0, 2), { item_id: c, assessment: 'excellent' }] }, 'items[2].assessment', 'unknown_code');
    await refused({ stage: 'mid_year', items: [...all, { item_id: a, assessment: 'done' }] }, 'items[3].item_id', 'duplicate_item');
    await refused({ stage: 'mid_year', items: [...all, { item_id: 99999999, assessment: 'done' }] }, 'items[3].item_id', 'unknown_item');
    await refused({ stage: 'quarter', items: all }, 'stage', 'unknown_code');
    await refused({ items: all }, 'stage', 'required');
    await refused({ stage: 'mid_year' }, 'items', 'required');
    problem(await as.first.post(`/api/v1/plans/${plan.id}/reviews`, { stage: 'mid_year', items: all }), 403, 'forbidden');
    problem(await as.other.post(`/api/v1/plans/${plan.id}/reviews`, { stage: 'mid_year', items: all }), 404, 'not_found');
    const office = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.root.id }));
    problem(await office.post(`/api/v1/plans/${plan.id}/reviews`, { stage: 'mid_year', items: all }), 403, 'forbidden');
    const secretaryB = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellB.id }));
    problem(await secretaryB.post(`/api/v1/plans/${plan.id}/reviews`, { stage: 'mid_year', items: all }), 404, 'not_found');
    assert.deepEqual((await mine(as.first)).plan.reviews, []);
  });

  test('the mid-year review locks the plan; each stage once; the year end after it', async () => {
    const plan = (await mine(as.first)).plan;
    const items = plan.items.map((i, n) => ({ item_id: i.id, assessment: ['done', 'partly', 'not_done'][n], comment: n === 1 ? 'Cần cố gắng hơn' : undefined }))
      .map((x) => (x.comment === undefined ? { item_id: x.item_id, assessment: x.assessment } : x));
    const reviewed = await checked(as.secretary, 'POST', `/api/v1/plans/${plan.id}/reviews`, 201,
      { stage: 'mid_year', comment: 'Thực hiện nghiêm túc', items });
    assert.equal(reviewed.status, 'mid_year_reviewed');
    assert.equal(reviewed.reviews[0].reviewed_on, '2026-11-16');
    assert.deepEqual(reviewed.reviews[0].items.map((i) => i.assessment), ['done', 'partly', 'not_done']);
    assert.equal(reviewed.reviews[0].items[1].comment, 'Cần cố gắng hơn');
    problem(await as.secretary.post(`/api/v1/plans/${plan.id}/reviews`, { stage: 'mid_year', items }), 409, 'already_reviewed');
    problem(await put(as.first, `/api/v1/plans/${plan.id}`, { kind: 'plan', items: ITEMS, version: reviewed.version }), 409, 'plan_reviewed');
    assert.equal((await mine(as.first)).plan.may_edit, false);
    const end = await checked(as.secretary, 'POST', `/api/v1/plans/${plan.id}/reviews`, 201, { stage: 'year_end', items });
    assert.equal(end.status, 'year_end_reviewed');
    assert.deepEqual(end.reviews.map((r) => r.stage), ['mid_year', 'year_end']);
    assert.ok((await auditActions()).includes('plan.review'));
  });

  test('no mid-year review after the year end', async () => {
    const plan = (await mine(as.second)).plan;
    const items = plan.items.map((i) => ({ item_id: i.id, assessment: 'done' }));
    await checked(as.secretary, 'POST', `/api/v1/plans/${plan.id}/reviews`, 201, { stage: 'year_end', items });
    problem(await as.secretary.post(`/api/v1/plans/${plan.id}/reviews`, { stage: 'mid_year', items }), 409, 'year_end_reviewed');
  });

  test('a review outside its window is refused: next year\'s plan cannot be reviewed yet', async () => {
    const plan = await record(as.first, { year: 2027, kind: 'commitment', items: [{ content: 'Rèn luyện sức khỏe', measure: 'Đạt', due_on: '2027-06-30' }] });
    const items = plan.items.map((i) => ({ item_id: i.id, assessment: 'done' }));
    const reply = await as.secretary.post(`/api/v1/plans/${plan.id}/reviews`, { stage: 'mid_year', items });
    const body = problem(reply, 422, 'validation_failed', [['stage', 'outside_window']]);
    assert.match(JSON.stringify(body), /01\/06\/2027/);
    problem(await as.secretary.post(`/api/v1/plans/${plan.id}/reviews`, { stage: 'year_end', items }), 422, 'validation_failed', [['stage', 'outside_window']]);
    assert.deepEqual((await checked(as.first, 'GET', `/api/v1/plans/${plan.id}`, 200)).reviews, []);
  });
});

describe('reading plans: the member\'s, for the annual review, and the cell\'s', () => {
  test('a member\'s plans, newest year first, or one year', async () => {
    const all = await checked(api, 'GET', `/api/v1/members/${m.first.id}/plans`, 200);
    assert.deepEqual(all.items.map((p) => p.year), [2027, 2026]);
    assert.equal(all.items[1].status, 'year_end_reviewed');
    const one = await checked(as.first, 'GET', `/api/v1/members/${m.first.id}/plans?year=2026`, 200);
    assert.deepEqual(one.items.map((p) => p.year), [2026]);
    problem(await api.get(`/api/v1/members/${m.first.id}/plans?year=abc`), 400, 'invalid_parameter');
    problem(await api.get('/api/v1/members/99999999/plans'), 404, 'not_found');
  });

  test('the cell\'s list counts recorded and reviewed plans; only cells have one', async () => {
    const list = await cellPlans(as.secretary);
    assert.equal(list.totals.recorded, 3);
    assert.equal(list.totals.not_recorded, 2);
    assert.equal(list.totals.heads_not_recorded, 1);
    assert.equal(list.totals.reviewed_mid_year, 1);
    assert.equal(list.totals.reviewed_year_end, 2);
    const deputy = list.lines.find((l) => l.member_id === m.deputy.id);
    assert.equal(deputy.head, true);
    assert.equal(deputy.plan, null);
    problem(await api.get(`/api/v1/orgs/${tree.base.id}/plans?year=2026`), 409, 'org_holds_no_members');
    problem(await api.get(`/api/v1/orgs/${tree.cellA.id}/plans`), 400, 'invalid_parameter');
    problem(await as.other.get(`/api/v1/orgs/${tree.cellA.id}/plans?year=2026`), 404, 'not_found');
    const secretaryB = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellB.id }));
    problem(await secretaryB.get(`/api/v1/orgs/${tree.cellA.id}/plans?year=2026`), 404, 'not_found');
  });
});
