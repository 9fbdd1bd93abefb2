// The compliance board through the API (issue 16): out-of-rule facts of several areas created
// with the fixed test date (CHIBO_TEST_TODAY, 2026-11-16): an overdue directive assignment, cells
// without a regular meeting in October, an overdue review shortcoming, a probation that ended
// without recognition. Each is counted at its organization and rolled up to its ancestors' direct
// children; items come most overdue first with their links and severity (rules/compliance.toml);
// an inspection's recommendation of cell A due on 2026-11-12, still open; and the structure
// warnings of a tree with two members (every organization under 3 official members, the base
// committee under 30 on the roll: 8, due today; compliance-sources.test.mjs tests them);
// a caller without an area's read permission does not see that area; out of reach is 404.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';
import { loadOpenApi } from './lib/openapi.mjs';
import { complianceReads } from './lib/compliance.mjs';
import { TEST_TODAY } from './lib/today.mjs';

let server;
let api;
let tree;
let doc;
const f = {};

before(async () => {
  assert.equal(TEST_TODAY, '2026-11-16', 'the dates below are written for the suites\' fixed today');
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Tuân Thủ');
  // A directive of the root whose task was due on 2026-11-01, assigned to cell A.
  const directive = ok(await api.post('/api/v1/directives', {
    org_id: tree.root.id, kind: 'resolution', title: 'Nghị quyết về công tác kiểm tra',
    number_symbol: '07-NQ/ĐUK', issued_on: '2026-10-01',
    tasks: [{ title: 'Báo cáo kết quả quán triệt', due_on: '2026-11-01' }],
  }), 201);
  const assigned = ok(await api.post(`/api/v1/directives/${directive.id}/assignments`,
    { task_ids: [directive.tasks[0].id], target: { mode: 'orgs', org_ids: [tree.cellA.id] } }), 201);
  f.assignment = assigned.items[0];
  // A review shortcoming of cell B due on 2026-11-10, still open.
  const campaign = ok(await api.post('/api/v1/review-campaigns',
    { org_id: tree.root.id, year: 2026, review_date: '2026-11-02', title: 'Kiểm điểm năm 2026' }), 201).campaign;
  f.shortcoming = ok(await api.post('/api/v1/review-shortcomings', {
    campaign_id: campaign.id, org_id: tree.cellB.id, kind: 'fault', description: 'Sinh hoạt chi bộ chưa đều.',
    action: 'Sinh hoạt đúng ngày 5 hằng tháng.', owner: 'Chi ủy chi bộ B', due_on: '2026-11-10',
  }), 201);
  // A probationary member of cell A admitted on 2025-06-01: probation ended on 2026-06-01.
  f.probationary = await createMember(api, tree.cellA.id,
    { full_name: 'Đỗ Văn Dự', birth_date: '1995-01-01', admission_date: '2025-06-01', status: 'probationary' });
  f.official = await createMember(api, tree.cellB.id, { full_name: 'Bùi Văn Chính' });
  // An inspection of cell A concluded with a recommendation due on 2026-11-12, still open.
  const programme = ok(await api.post('/api/v1/inspection-programmes', {
    org_id: tree.root.id, year: 2026, issuer: 'committee', title: 'Chương trình kiểm tra năm 2026',
    inspections: [{ kind: 'task_performance', subject_org_id: tree.cellA.id, content: 'Việc thực hiện nghị quyết',
      starts_on: '2026-09-01', ends_on: '2026-09-30', team: ['Trưởng đoàn', 'Thành viên'] }],
  }), 201);
  let inspection = programme.inspections[0];
  for (const stage of ['decision', 'plan', 'work', 'report']) {
    inspection = ok(await api.post(`/api/v1/inspections/${inspection.id}/stages`,
      { version: inspection.version, stage, on: '2026-09-10', document_text: 'Số 1' }));
  }
  f.inspection = ok(await api.post(`/api/v1/inspections/${inspection.id}/conclusion`, {
    version: inspection.version, on: '2026-09-10', document_text: 'Số 2', text: 'Kết luận kiểm tra',
    items: [{ kind: 'recommendation', description: 'Bổ sung hồ sơ sinh hoạt chi bộ', action: 'Bổ sung hồ sơ',
      owner: 'Chi ủy chi bộ A', due_on: '2026-11-12' }],
  }));
});
after(async () => { await server?.stop(); });

const { board, items, child } = complianceReads(() => ({ api, doc }));
const area = (b, name) => b.areas.find((a) => a.area === name)?.count;

describe('counts', () => {
  test('each fact is counted at its organization and rolled up to the direct children', async () => {
    const root = await board(tree.root);
    assert.equal(root.as_of, TEST_TODAY);
    assert.equal(root.total, 15, 'one assignment, three cells without a meeting, one shortcoming, one probation, one recommendation, eight structure warnings');
    assert.equal(area(root, 'directives'), 1);
    assert.equal(area(root, 'meetings'), 3);
    assert.equal(area(root, 'review'), 1);
    assert.equal(area(root, 'probation'), 1);
    assert.equal(area(root, 'dues'), 0);
    assert.equal(area(root, 'transfers'), 0);
    assert.equal(area(root, 'inspection'), 1);
    assert.equal(area(root, 'structure'), 8);
    assert.deepEqual(root.children.map((c) => c.org.id).sort(), [tree.above.id, tree.above2.id, tree.baseCell.id].sort());
    assert.equal(child(root, tree.above).total, 11);
    assert.deepEqual(child(root, tree.above).areas,
      { directives: 1, meetings: 2, review: 1, probation: 1, transfers: 0, dues: 0, inspection: 1, terms: 0, structure: 5, discipline: 0 });
    assert.equal(child(root, tree.above2).total, 1, 'its own shortage of official members');
    assert.equal(child(root, tree.baseCell).total, 2);
    assert.equal(child(root, tree.baseCell).areas.meetings, 1);
    assert.equal(root.own.total, 1);
    assert.deepEqual(root.lagging.slice(0, 2).map((l) => [l.org.id, l.total]),
      [[tree.cellA.id, 5], [tree.cellB.id, 3]], 'the cells lagging most, one click from the root');
    assert.deepEqual(root.lagging.slice(2, 4).map((l) => [l.org.id, l.total]).sort(),
      [[tree.base.id, 2], [tree.baseCell.id, 2]].sort());

    const base = await board(tree.base);
    assert.equal(base.total, 10);
    assert.equal(child(base, tree.cellA).total, 5, 'the assignment, the missing meeting, the probation, the recommendation, few official members');
    assert.deepEqual(child(base, tree.cellA).areas,
      { directives: 1, meetings: 1, review: 0, probation: 1, transfers: 0, dues: 0, inspection: 1, terms: 0, structure: 1, discipline: 0 });
    assert.equal(child(base, tree.cellB).total, 3, 'the shortcoming, the missing meeting, few official members');

    const cell = await board(tree.cellA);
    assert.equal(cell.total, 5);
    assert.equal(cell.own.total, 5);
    assert.deepEqual(cell.children, []);
  });
});

describe('items', () => {
  test('most overdue first, each with its organization, subject, days, severity and link', async () => {
    const page = await items(tree.root);
    assert.equal(page.total, 15);
    assert.equal(page.page, 1);
    assert.equal(page.items.length, 15);
    const [first] = page.items;
    assert.equal(first.area, 'probation');
    assert.equal(first.kind, 'probation.recognition_due');
    assert.equal(first.subject.id, f.probationary.id);
    assert.equal(first.subject.label, 'Đỗ Văn Dự');
    assert.equal(first.org.id, tree.cellA.id);
    assert.equal(first.due_on, '2026-06-01');
    assert.equal(first.days_overdue, 168);
    assert.equal(first.severity, 'critical');
    assert.equal(first.link, `/members/${f.probationary.id}`);
    const days = page.items.map((i) => i.days_overdue);
    assert.deepEqual(days, [...days].sort((a, b) => b - a), 'most overdue first');

    const meetings = page.items.filter((i) => i.area === 'meetings');
    assert.deepEqual(meetings.map((i) => i.org.id).sort(), [tree.cellA.id, tree.cellB.id, tree.baseCell.id].sort());
    for (const m of meetings) {
      assert.equal(m.due_on, '2026-10-31');
      assert.equal(m.days_overdue, 16);
      assert.equal(m.severity, 'warning');
      assert.equal(m.link, `/meetings/missing?org=${m.org.id}&month=2026-10`);
    }
    const directive = page.items.find((i) => i.area === 'directives');
    assert.equal(directive.subject.id, f.assignment.id);
    assert.equal(directive.subject.label, 'Báo cáo kết quả quán triệt');
    assert.equal(directive.days_overdue, 15);
    assert.equal(directive.link, `/assignments/${f.assignment.id}`);
    const shortcoming = page.items.find((i) => i.area === 'review');
    assert.equal(shortcoming.subject.id, f.shortcoming.id);
    assert.equal(shortcoming.org.id, tree.cellB.id);
    assert.equal(shortcoming.days_overdue, 6);
    const recommendation = page.items.find((i) => i.area === 'inspection');
    assert.equal(recommendation.kind, 'inspection.item_overdue');
    assert.equal(recommendation.subject.id, f.inspection.id);
    assert.equal(recommendation.subject.label, 'Bổ sung hồ sơ sinh hoạt chi bộ');
    assert.equal(recommendation.org.id, tree.cellA.id);
    assert.equal(recommendation.due_on, '2026-11-12');
    assert.equal(recommendation.days_overdue, 4);
    assert.equal(recommendation.link, `/inspections/${f.inspection.id}`);
  });

  test('filtered by area or kind, and paged', async () => {
    const onlyMeetings = await items(tree.root, '?area=meetings');
    assert.equal(onlyMeetings.total, 3);
    assert.ok(onlyMeetings.items.every((i) => i.area === 'meetings'));
    const byKind = await items(tree.base, '?kind=directives.assignment_overdue');
    assert.deepEqual(byKind.items.map((i) => i.subject.id), [f.assignment.id]);
    const second = await items(tree.root, '?page=2');
    assert.equal(second.total, 15);
    assert.deepEqual(second.items, [], 'fifteen items fit on the first page of fifty');
    problem(await api.get(`/api/v1/orgs/${tree.root.id}/compliance/items?area=weather`), 400, 'invalid_parameter', [['area', 'unknown_code']]);
    problem(await api.get(`/api/v1/orgs/${tree.root.id}/compliance/items?page=0`), 400, 'invalid_parameter', [['page', 'out_of_range']]);
  });
});

describe('who sees what', () => {
  test('a caller without an area\'s read permission sees neither its counts nor its items', async () => {
    const dues = await server.login(await server.addUser({ roles: ['dues_staff'], scope: tree.root.id }));
    const b = await board(tree.root, dues);
    assert.deepEqual(b.areas.map((a) => a.area), ['probation', 'transfers', 'dues', 'terms', 'structure'],
      'dues staff read members, dues and organizations, not directives, meetings or reviews');
    assert.equal(b.total, 9);
    assert.equal(child(b, tree.above).total, 6);
    assert.equal(child(b, tree.above).areas.meetings, undefined);
    const seen = await items(tree.root, '', dues);
    assert.deepEqual(seen.items.map((i) => i.area), ['probation', ...Array(8).fill('structure')]);
    const none = await items(tree.root, '?area=directives', dues);
    assert.equal(none.total, 0);
    assert.deepEqual(none.items, []);

    const inspection = await server.login(await server.addUser({ roles: ['inspection'], scope: tree.base.id }));
    const ib = await board(tree.base, inspection);
    assert.deepEqual(ib.areas.map((a) => a.area), ['directives', 'review', 'probation', 'transfers', 'inspection', 'terms', 'structure', 'discipline'],
      'no meetings, no dues');
    assert.equal(ib.total, 8, 'four, and the structure warnings of the base committee, cell A and cell B');
  });

  test('an organization out of reach is not found', async () => {
    const leader = await server.login(await server.addUser({ roles: ['leader'], scope: tree.above2.id }));
    problem(await leader.get(`/api/v1/orgs/${tree.root.id}/compliance`), 404, 'not_found');
    problem(await leader.get(`/api/v1/orgs/${tree.cellA.id}/compliance/items`), 404, 'not_found');
    const own = await board(tree.above2, leader);
    assert.equal(own.total, 1, 'its own shortage of official members only');
    problem(await api.get('/api/v1/orgs/999999/compliance'), 404, 'not_found');
  });
});
