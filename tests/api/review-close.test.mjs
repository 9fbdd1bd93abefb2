// Closing a review campaign and its XLSX summary (issue 15): closing is refused while members
// are undecided (the count named), except those not reviewed; a closed campaign refuses further
// steps (409) while its shortcomings carry on; the summary has a row per child organization with
// counts and shares per grade and the totals, and its read is audited. Today is CHIBO_TEST_TODAY
// (2026-11-16); the campaign's review date is 2026-11-02.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';
import { unzip } from './lib/xlsx.mjs';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let server;
let api;
let tree;
let doc;
let campaign;
const m = {};

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Kết Thúc');
  m.a1 = await createMember(api, tree.cellA.id, { full_name: 'Nguyễn Văn Một' });
  m.a2 = await createMember(api, tree.cellA.id, { full_name: 'Trần Thị Hai' });
  m.b1 = await createMember(api, tree.cellB.id, { full_name: 'Lê Văn Ba' });
  // Admitted on 2026-06-01: not reviewed on 2026-11-02 (six months end on 2026-12-01).
  m.recent = await createMember(api, tree.cellA.id, { full_name: 'Đỗ Văn Mới', birth_date: '2000-01-01', admission_date: '2026-06-01', status: 'probationary' });
  campaign = ok(await api.post('/api/v1/review-campaigns', { org_id: tree.base.id, year: 2026, review_date: '2026-11-02', title: 'Kiểm điểm năm 2026' }), 201).campaign;
});
after(async () => { await server?.stop(); });

async function checked(method, path, status, json, client = api) {
  const reply = method === 'GET' ? await client.get(path) : await client.post(path, json);
  assert.deepEqual(checkReply(doc, method, path, reply), [], `${method} ${path} matches the document`);
  return ok(reply, status);
}
const post = (path, json, client = api) => client.post(`/api/v1/review-campaigns/${campaign.id}${path}`, json);
const current = async () => ok(await api.get(`/api/v1/review-campaigns/${campaign.id}`)).campaign;
const sheetOf = (reply) => unzip(reply.buffer)['xl/worksheets/sheet1.xml'].toString('utf8');

describe('closing a campaign', () => {
  test('refused while members are undecided, naming the count; who may close', async () => {
    const version = (await current()).version;
    const refused = problem(await post('/close', { version }), 409, 'review_undecided_members');
    assert.match(refused.detail, /3 đảng viên/, 'a1, a2 and b1; the recently admitted member is not reviewed');
    problem(await post('/close', {}), 422, 'validation_failed', [['version', 'required']]);
    // A leader reads but does not decide (403); a cell's secretary does not see the campaign (404).
    const leader = await server.login(await server.addUser({ roles: ['leader'], scope: tree.base.id }));
    problem(await post('/close', { version }, leader), 403, 'forbidden');
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellA.id }));
    problem(await post('/close', { version }, secretary), 404, 'not_found');
    assert.equal((await current()).state, 'open');
  });

  test('the decisions taken, the summary lists each cell with counts and shares per grade', async () => {
    ok(await post('/org-grades', { org_id: tree.cellA.id, score: 85, grade: 'good' }));
    ok(await post('/org-grades', { org_id: tree.cellB.id, score: 80, grade: 'good' }));
    for (const member of [m.a1, m.a2, m.b1]) {
      ok(await post('/proposals', { member_id: member.id, grade: 'good', comment: 'Hoàn thành tốt nhiệm vụ.', vote: { in_favour: 3, against: 0, entitled: 3 } }));
    }
    ok(await post('/decisions', { decisions: [
      { member_id: m.a1.id, score: 85, grade: 'good' },
      { member_id: m.a2.id, score: 70, grade: 'completed' },
      { member_id: m.b1.id, score: 80, grade: 'good' },
    ] }));
    const path = `/api/v1/review-campaigns/${campaign.id}/summary.xlsx`;
    const reply = await api.get(path);
    assert.deepEqual(checkReply(doc, 'GET', path, reply), []);
    assert.equal(reply.status, 200);
    assert.equal(reply.contentType, XLSX_TYPE);
    assert.match(reply.headers.get('content-disposition'), /^attachment; filename="xep-loai-2026-.*\.xlsx"$/);
    const sheet = sheetOf(reply);
    for (const text of ['TỔNG HỢP KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN', 'Năm 2026', tree.base.name, 'STT', 'Tổ chức',
      'Hoàn thành xuất sắc nhiệm vụ', 'Không hoàn thành nhiệm vụ', tree.cellA.name, tree.cellB.name, 'Tổng cộng', '66,7', '33,3', '50', '100']) {
      assert.ok(sheet.includes(text), `the sheet shows ${text}`);
    }
    // Row by row: cell A (2 graded: 1 good, 1 completed), cell B (1 good), totals (3: 2 good, 1 completed).
    const rows = [...sheet.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((r) => [...r[1].matchAll(/<c [^>]*\/>|<c [^>]*[^/]>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)?<\/c>/g)].map((c) => c[1] ?? c[2] ?? ''));
    const rowOf = (name) => rows.find((r) => r[1] === name);
    assert.deepEqual(rowOf(tree.cellA.name).slice(2), ['2', '0', '0', '1', '50', '1', '50', '0', '0']);
    assert.deepEqual(rowOf(tree.cellB.name).slice(2), ['1', '0', '0', '1', '100', '0', '0', '0', '0']);
    assert.deepEqual(rowOf('Tổng cộng').slice(2), ['3', '0', '0', '2', '66,7', '1', '33,3', '0', '0']);
    const trail = ok(await api.get(`/api/v1/audit?action=review.summary_export&object_type=review_campaign&object_id=${campaign.id}`));
    assert.equal(trail.items.length, 1, 'the export is audited');
    // A cell's own summary: its members directly; another cell's secretary gets 404.
    const cell = sheetOf(await api.get(`${path}?org_id=${tree.cellA.id}`));
    assert.ok(cell.includes(`${tree.cellA.name} (đảng viên trực thuộc)`));
    const other = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellB.id }));
    problem(await other.get(`${path}?org_id=${tree.cellA.id}`), 404, 'not_found');
  });

  test('closes once all are decided (the not reviewed aside); a closed campaign refuses further steps', async () => {
    const before = await current();
    problem(await post('/close', { version: before.version + 3 }), 409, 'version_conflict');
    const closed = await checked('POST', `/api/v1/review-campaigns/${campaign.id}/close`, 200, { version: before.version });
    assert.equal(closed.campaign.state, 'closed');
    assert.equal(closed.campaign.version, before.version + 1);
    assert.deepEqual(closed.summary.members, { excellent: 0, good: 2, completed: 1, not_completed: 0 });
    const trail = ok(await api.get(`/api/v1/audit?action=review.campaign_close&object_type=review_campaign&object_id=${campaign.id}`));
    assert.equal(trail.items.length, 1);
    problem(await post('/close', { version: closed.campaign.version }), 409, 'campaign_closed');
    problem(await post('/self-assessments', { member_id: m.a1.id, score: 80, grade: 'good' }), 409, 'campaign_closed');
    problem(await post('/proposals', { member_id: m.a1.id, grade: 'good', comment: 'Lại', vote: { in_favour: 3, against: 0, entitled: 3 } }), 409, 'campaign_closed');
    problem(await post('/decisions', { decisions: [{ member_id: m.a1.id, score: 90, grade: 'excellent' }] }), 409, 'campaign_closed');
    problem(await post('/superior-reviews', { member_id: m.a1.id, action: 'annul', reason: 'Thử' }), 409, 'campaign_closed');
    problem(await post('/org-grades', { org_id: tree.base.id, score: 85, grade: 'good' }), 409, 'campaign_closed');
    assert.deepEqual(ok(await api.get(`/api/v1/review-campaigns/${campaign.id}`)).summary.members, { excellent: 0, good: 2, completed: 1, not_completed: 0 }, 'nothing changed');
    // Its shortcomings carry on: recorded and closed after the campaign.
    const item = ok(await api.post('/api/v1/review-shortcomings', { campaign_id: campaign.id, member_id: m.a2.id, kind: 'limitation', description: 'Chưa tích cực học tập nghị quyết.', action: 'Tự học hằng tháng.', owner: 'Trần Thị Hai', due_on: '2027-03-31' }), 201);
    const done = ok(await api.post(`/api/v1/review-shortcomings/${item.id}/close`, { version: item.version, evidence: 'Bản thu hoạch nghị quyết.', closed_on: '2026-11-16' }));
    assert.equal(done.state, 'closed');
  });
});
