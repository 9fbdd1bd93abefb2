// Clocks on the compliance board (issue 16: "terms expired", "discipline clocks").
// Terms: an organization whose running term
// has run its length (rules/documents.toml term.standard_months, term.cell_months, in force on the
// congress's close) without a new congress is out of rule from the day after the congress was
// due. A cell's congress closed on 2024-01-10 was due on 2026-07-10 (30 months); a base
// committee's closed on 2021-09-01 was due on 2026-09-01 (60 months); a cell whose congress closed
// on 2024-05-16 is due on 2026-11-16, today, so not yet overdue; a term closed by a later congress
// is not running. Discipline: an appeal received on 2026-06-10 and still pending is past
// discipline.appeal_resolve_days; one received on 2026-09-10 is not; only holders of
// discipline.read see the area, and which cases a page showed is in the audit trail.
// Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, buildTree, createOrg, createMember } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';
import { TEST_TODAY } from './lib/today.mjs';

let server;
let api;
let tree;
let doc;
let cellC;
let late;

before(async () => {
  assert.equal(TEST_TODAY, '2026-11-16', 'the dates below are written for the suites\' fixed today');
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Nhiệm Kỳ');
  cellC = await createOrg(api, { kind: 'cell', name: 'Chi bộ Phòng Nhiệm Kỳ C', parent_id: tree.base.id });
  const congress = async (org, closed_on) =>
    ok(await api.post(`/api/v1/orgs/${org.id}/terms`, { closed_on }), 201);
  await congress(tree.cellB, '2024-01-10');
  await congress(tree.base, '2021-09-01');
  await congress(tree.cellA, '2024-05-16');
  // Two congresses of cell C: the first term (overdue had it run on) ended when the second closed,
  // which runs in time (due 2026-12-01).
  await congress(cellC, '2021-11-05');
  await congress(cellC, '2024-06-01');
  // Two appealed warnings in cell A.
  const appealed = async (name, decided_on, received_on) => {
    const member = await createMember(api, tree.cellA.id, { full_name: name });
    let c = ok(await api.post('/api/v1/discipline-cases', {
      member_id: member.id, breach_summary: 'Vi phạm quy chế làm việc', breach_date: '2026-03-02',
      sanction: 'warning', competent_level: 'Ủy ban kiểm tra Đảng ủy',
    }), 201);
    c = ok(await api.post(`/api/v1/discipline-cases/${c.id}/vote`,
      { in_favour: 5, against: 0, abstain: 0, entitled: 5, voted_on: '2026-06-01', version: c.version }));
    c = ok(await api.post(`/api/v1/discipline-cases/${c.id}/decide`,
      { decided_on, decision_number: `${c.id}-QĐ/UBKT`, received_on: decided_on, version: c.version }));
    return ok(await api.post(`/api/v1/discipline-cases/${c.id}/appeal`,
      { received_on, body: 'superior_inspection', version: c.version }));
  };
  late = await appealed('Hồ Văn Chậm', '2026-06-02', '2026-06-10');
  await appealed('Hồ Văn Kịp', '2026-09-01', '2026-09-10');
});
after(async () => { await server?.stop(); });

async function checked(path) {
  const reply = await api.get(path);
  assert.deepEqual(checkReply(doc, 'GET', path, reply), [], `GET ${path} matches the document`);
  return ok(reply);
}

test('a running term past its length is counted at its organization and rolled up', async () => {
  const root = await checked(`/api/v1/orgs/${tree.root.id}/compliance`);
  const terms = root.areas.find((a) => a.area === 'terms');
  assert.equal(terms.count, 2, 'cell B and the base committee; not cell A (due today) nor cell C');
  assert.deepEqual(terms.kinds, [
    { kind: 'terms.congress_overdue', count: 1 },
    { kind: 'terms.cell_congress_overdue', count: 1 },
  ]);
  const above = root.children.find((c) => c.org.id === tree.above.id);
  assert.equal(above.areas.terms, 2);
  const base = await checked(`/api/v1/orgs/${tree.base.id}/compliance`);
  assert.equal(base.own.areas.terms, 1, 'the base committee\'s own term');
  assert.equal(base.children.find((c) => c.org.id === tree.cellB.id).areas.terms, 1);
  assert.equal(base.children.find((c) => c.org.id === tree.cellA.id).areas.terms, 0);
  assert.equal(base.children.find((c) => c.org.id === cellC.id).areas.terms, 0);
});

test('each item says when the congress was due, most overdue first, linking to the committee tab', async () => {
  const page = await checked(`/api/v1/orgs/${tree.root.id}/compliance/items?area=terms`);
  assert.equal(page.total, 2);
  assert.deepEqual(page.items.map((i) => [i.kind, i.org.id, i.due_on, i.days_overdue]), [
    ['terms.cell_congress_overdue', tree.cellB.id, '2026-07-10', 129],
    ['terms.congress_overdue', tree.base.id, '2026-09-01', 76],
  ]);
  assert.equal(page.items[0].subject.label, tree.cellB.name);
  assert.equal(page.items[0].link, `/orgs/${tree.cellB.id}?tab=committee`);
  const cells = await checked(`/api/v1/orgs/${tree.root.id}/compliance/items?kind=terms.cell_congress_overdue`);
  assert.deepEqual(cells.items.map((i) => i.org.id), [tree.cellB.id]);
});

test('an appeal past its time to be resolved is on the board for discipline.read only, audited', async () => {
  const page = await checked(`/api/v1/orgs/${tree.root.id}/compliance/items?area=discipline`);
  assert.equal(page.total, 1, 'the appeal received on 2026-09-10 is still within its time');
  const [item] = page.items;
  assert.deepEqual([item.kind, item.subject.id, item.subject.label, item.org.id, item.link],
    ['discipline.appeal_unresolved', late.id, `${late.id}-QĐ/UBKT`, tree.cellA.id, `/discipline/${late.id}`]);
  assert.equal(item.due_on, late.clocks.appeal_resolve.due, 'the same day as the case\'s own clock');
  assert.ok(item.days_overdue > 0);
  const trail = ok(await api.get(`/api/v1/audit?action=discipline_case.list&object_type=organization&object_id=${tree.root.id}`)).items;
  assert.ok(trail.some((e) => e.details?.via === 'compliance' && e.details?.cases?.includes(late.id)),
    'which cases the page showed is audited');

  const office = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.root.id }));
  const seen = ok(await office.get(`/api/v1/orgs/${tree.root.id}/compliance`));
  assert.ok(!seen.areas.some((a) => a.area === 'discipline'), 'office staff do not read discipline');
  const none = ok(await office.get(`/api/v1/orgs/${tree.root.id}/compliance/items?area=discipline`));
  assert.deepEqual([none.total, none.items], [0, []]);
});
