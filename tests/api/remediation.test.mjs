// Shortcomings → remediation across its sources (issue 15): GET /orgs/{id}/remediation lists, for
// an organization's subtree, a review's shortcomings and an inspection conclusion's violations and
// recommendations together, by due date, paged (offset, limit, total), filtered by state
// (open, closed, overdue) and source; each source is read with its own permission (a cell
// secretary sees the review's only); out of reach is 404; bad parameters are 400 naming the
// parameter. The ids are the areas' own: closing through /review-shortcomings and
// /inspection-items shows here. Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember, serverToday, iso } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let api;
let tree;
let outsider;
let doc;
let today;
const made = {};

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Khắc Phục');
  outsider = await buildTree(api, 'Ngoài Phạm Vi');
  today = iso(serverToday());
  const member = await createMember(api, tree.cellA.id, { full_name: 'Lê Văn Sửa' });
  const opened = ok(await api.post('/api/v1/review-campaigns', { org_id: tree.root.id, year: 2026, review_date: '2026-11-02', title: 'Kiểm điểm năm 2026' }), 201);
  const campaign = opened.campaign.id;
  made.memberItem = ok(await api.post('/api/v1/review-shortcomings', { campaign_id: campaign, member_id: member.id, kind: 'limitation', description: 'Chưa chủ động nghiên cứu nghị quyết.', action: 'Tự học hằng tháng.', owner: 'Lê Văn Sửa', due_on: '2027-03-31' }), 201);
  made.orgItem = ok(await api.post('/api/v1/review-shortcomings', { campaign_id: campaign, org_id: tree.cellA.id, kind: 'fault', description: 'Sinh hoạt chưa đều.', action: 'Sinh hoạt đúng ngày.', owner: 'Chi ủy chi bộ A', due_on: '2026-11-10' }), 201);
  // An inspection of the base committee, concluded with a violation (overdue) and a recommendation.
  const programme = ok(await api.post('/api/v1/inspection-programmes', { org_id: tree.above.id, year: 2026, issuer: 'inspection_committee', title: 'Chương trình kiểm tra năm 2026',
    inspections: [{ kind: 'task_performance', subject_org_id: tree.base.id, content: 'Thực hiện nghị quyết', starts_on: '2026-03-01', ends_on: '2026-04-30', team: ['Trần Văn Trưởng', 'Lê Thị Thành'] }] }), 201);
  let inspection = ok(await api.get(`/api/v1/inspections/${programme.inspections[0].id}`));
  for (const [stage, on] of [['decision', '2026-02-15'], ['plan', '2026-02-20'], ['work', '2026-03-10'], ['report', '2026-04-25']])
    inspection = ok(await api.post(`/api/v1/inspections/${inspection.id}/stages`, { version: inspection.version, stage, on, document_text: `${stage}-01` }));
  inspection = ok(await api.post(`/api/v1/inspections/${inspection.id}/conclusion`, { version: inspection.version, on: '2026-05-10', document_text: '21-TB/UBKT', text: 'Kết luận',
    items: [
      { kind: 'violation', description: 'Chậm quyết toán kinh phí', action: 'Quyết toán xong', owner: 'Văn phòng đảng ủy', due_on: '2026-08-31' },
      { kind: 'recommendation', description: 'Bổ sung quy chế', action: 'Ban hành quy chế', owner: 'Ban thường vụ', due_on: '2026-12-31' },
    ] }));
  [made.violation, made.recommendation] = inspection.items;
});
after(async () => { await server?.stop(); });

async function list(query, client = api, org = tree.root.id) {
  const path = `/api/v1/orgs/${org}/remediation${query ? `?${query}` : ''}`;
  const reply = await client.get(path);
  assert.deepEqual(checkReply(doc, 'GET', path, reply), [], `GET ${path} matches the document`);
  return ok(reply);
}
const keys = (page) => page.items.map((i) => `${i.source}:${i.id}`);

describe('one list across the review and the inspections', () => {
  test('every item of the subtree by due date, with the areas\' own ids', async () => {
    const page = await list('');
    assert.deepEqual(keys(page), [`inspection:${made.violation.id}`, `review:${made.orgItem.id}`, `inspection:${made.recommendation.id}`, `review:${made.memberItem.id}`]);
    assert.equal(page.total, 4);
    assert.deepEqual([page.offset, page.limit], [0, 50]);
    const [violation, org, , mine] = page.items;
    assert.deepEqual([violation.kind, violation.inspection_id, violation.campaign_id, violation.overdue, violation.subject_name, violation.org_id],
      ['violation', made.violation.inspection_id, null, true, tree.base.name, tree.base.id]);
    assert.deepEqual([org.kind, org.member_id, org.subject_name, org.overdue, org.org_name], ['fault', null, tree.cellA.name, true, tree.cellA.name]);
    assert.deepEqual([mine.subject_name, mine.state, mine.overdue, mine.due_on], ['Lê Văn Sửa', 'open', false, '2027-03-31']);
    assert.ok(mine.campaign_id > 0 && mine.member_id > 0);
  });

  test('a subtree holds only its own; another tree holds none', async () => {
    assert.deepEqual(keys(await list('', api, tree.cellA.id)), [`review:${made.orgItem.id}`, `review:${made.memberItem.id}`]);
    assert.deepEqual(keys(await list('', api, tree.base.id)).length, 4);
    assert.deepEqual(await list('', api, outsider.root.id), { items: [], total: 0, offset: 0, limit: 50 });
  });

  test('filtered by state and source, paged with the total', async () => {
    assert.deepEqual(keys(await list('state=overdue')), [`inspection:${made.violation.id}`, `review:${made.orgItem.id}`]);
    assert.deepEqual(keys(await list('state=overdue&source=review')), [`review:${made.orgItem.id}`]);
    assert.deepEqual(keys(await list('source=inspection')), [`inspection:${made.violation.id}`, `inspection:${made.recommendation.id}`]);
    assert.deepEqual((await list('state=closed')).items, []);
    const second = await list('offset=1&limit=2');
    assert.deepEqual(keys(second), [`review:${made.orgItem.id}`, `inspection:${made.recommendation.id}`]);
    assert.equal(second.total, 4);
    const past = await list('offset=10');
    assert.deepEqual([past.items.length, past.total], [0, 4]);
  });

  test('closing in its area shows here, the same item by its id', async () => {
    const closedReview = ok(await api.post(`/api/v1/review-shortcomings/${made.orgItem.id}/close`, { version: made.orgItem.version, evidence: 'Biên bản sinh hoạt tháng 11.', closed_on: today }));
    assert.equal(closedReview.id, made.orgItem.id);
    const closedItem = ok(await api.post(`/api/v1/inspection-items/${made.violation.id}/close`, { version: made.violation.version, evidence: 'Báo cáo quyết toán', closed_on: today }));
    assert.equal(closedItem.id, made.violation.id);
    const closed = await list('state=closed');
    assert.deepEqual(keys(closed), [`inspection:${made.violation.id}`, `review:${made.orgItem.id}`]);
    assert.ok(closed.items.every((i) => i.closed_on === today && i.evidence && !i.overdue));
    assert.deepEqual((await list('state=overdue')).items, []);
    assert.deepEqual(keys(await list('state=open')), [`inspection:${made.recommendation.id}`, `review:${made.memberItem.id}`]);
    // A review shortcoming is not closed before the review that recorded it.
    problem(await api.post(`/api/v1/review-shortcomings/${made.memberItem.id}/close`, { version: made.memberItem.version, evidence: 'Sớm', closed_on: '2026-11-01' }),
      422, 'validation_failed', [['closed_on', 'closed_before_review']]);
  });
});

describe('bad parameters and reach', () => {
  test('an unknown state, source or paging is 400 naming the parameter', async () => {
    const url = `/api/v1/orgs/${tree.root.id}/remediation`;
    problem(await api.get(`${url}?state=late`), 400, 'invalid_parameter', [['state', 'unknown_code']]);
    problem(await api.get(`${url}?state=`), 400, 'invalid_parameter', [['state', 'unknown_code']]);
    problem(await api.get(`${url}?source=audit`), 400, 'invalid_parameter', [['source', 'unknown_code']]);
    problem(await api.get(`${url}?limit=0`), 400, 'invalid_parameter', [['limit', null]]);
    problem(await api.get(`${url}?limit=201`), 400, 'invalid_parameter', [['limit', null]]);
    problem(await api.get(`${url}?offset=-1`), 400, 'invalid_parameter', [['offset', null]]);
    problem(await api.get(`${url}?state=open&state=closed`), 400, 'invalid_parameter', [['state', null]]);
    problem(await api.get(`${url}?year=2026`), 400, 'invalid_parameter', [['year', null]]);
    problem(await api.get('/api/v1/orgs/999999/remediation'), 404, 'not_found');
    problem(await api.get('/api/v1/orgs/abc/remediation'), 404, 'not_found');
  });

  test('each source by its own permission; out of reach is 404', async () => {
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellA.id }));
    const own = await list('', secretary, tree.cellA.id);
    assert.ok(own.items.every((i) => i.source === 'review'));
    assert.equal(own.total, 2);
    problem(await secretary.get(`/api/v1/orgs/${tree.cellA.id}/remediation?source=inspection`), 404, 'not_found');
    problem(await secretary.get(`/api/v1/orgs/${tree.base.id}/remediation`), 404, 'not_found');
    const other = await server.login(await server.addUser({ roles: ['inspection'], scope: tree.above2.id }));
    problem(await other.get(`/api/v1/orgs/${tree.base.id}/remediation`), 404, 'not_found');
    const leader = await server.login(await server.addUser({ roles: ['leader'], scope: tree.above.id }));
    assert.equal((await list('', leader, tree.above.id)).total, 4);
    problem(await leader.get(`/api/v1/orgs/${tree.root.id}/remediation`), 404, 'not_found');
    const dues = await server.login(await server.addUser({ roles: ['dues_staff'], scope: tree.base.id }));
    problem(await dues.get(`/api/v1/orgs/${tree.base.id}/remediation`), 404, 'not_found');
  });
});
