// Two more sources of the compliance board (issue 16: "structure warnings", "discipline clocks").
// Structure: the organization page's warnings (domain/org/structure_warnings) asked of the whole
// subtree from the kept member counts: fewer official members than org.min_official_members (3)
// in every kind the minimum applies to, a base cell with org.base_cell_max_members (30) or more
// on the roll, a base committee with fewer than org.base_committee_min_members (30). They have no
// due date: due today, 0 days overdue, linking to the organization's page.
// Limitation: an open discipline case (open or voted) whose limitation (rules/discipline.toml:
// 5 years for reprimands, 10 for warnings and dismissals, none for expulsion-level breaches) ends
// within compliance.limitation_warn_days (90) or has ended; deferrals move the end. The label is
// the case's number, never the person.
// Today is CHIBO_TEST_TODAY (2026-11-16): 90 days later is 2027-02-14.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';
import { loadOpenApi } from './lib/openapi.mjs';
import { complianceReads } from './lib/compliance.mjs';
import { TEST_TODAY } from './lib/today.mjs';

let server;
let api;
let doc;
let tree;  // structure
let clock; // limitation
const cases = {};

before(async () => {
  assert.equal(TEST_TODAY, '2026-11-16', 'the dates below are written for the suites\' fixed today');
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Cơ Cấu');
  clock = await buildTree(api, 'Thời Hiệu');
  const open = async (org, fields) => {
    const member = await createMember(api, org.id, { full_name: 'Lê Văn Hiệu' });
    return ok(await api.post('/api/v1/discipline-cases', {
      member_id: member.id, breach_summary: 'Vi phạm quy chế làm việc', sanction: 'reprimand',
      competent_level: 'Chi bộ', ...fields,
    }), 201);
  };
  // Ends 2026-12-01: 15 days left.
  cases.soon = await open(clock.cellA, { breach_date: '2021-12-01' });
  // Ended 2026-06-01, still open.
  cases.ended = await open(clock.cellB, { breach_date: '2021-06-01' });
  // 2026-08-01 moved by 200 deferred days to 2027-02-17: 93 days left, not yet.
  cases.deferred = await open(clock.cellA, {
    breach_date: '2021-08-01', deferrals: [{ from: '2022-01-01', to: '2022-07-19', reason: 'inpatient' }],
  });
  // Further off or unlimited: a warning-level breach (10 years), a new breach restarting the
  // count, an expulsion-level breach of 2015.
  cases.warning = await open(clock.cellA, { breach_date: '2021-12-01', sanction: 'warning' });
  cases.renewed = await open(clock.cellB, { breach_date: '2021-01-01', new_breach_date: '2023-01-01' });
  cases.expulsion = await open(clock.cellB, { breach_date: '2015-01-01', sanction: 'expulsion' });
});
after(async () => { await server?.stop(); });

const { board, items, child } = complianceReads(() => ({ api, doc }));
const kinds = (b, area) => Object.fromEntries(b.areas.find((a) => a.area === area).kinds.map((k) => [k.kind, k.count]));
const officials = async (org, n, fields = {}) => {
  for (let i = 0; i < n; i += 1) await createMember(api, org.id, { full_name: 'Trần Văn Đủ', ...fields });
};

describe('structure warnings', () => {
  test('every organization short of official members, and the small base committee, due today', async () => {
    const root = await board(tree.root);
    assert.deepEqual(kinds(root, 'structure'), {
      'org.few_official_members': 7, 'org.base_cell_too_large': 0, 'org.base_committee_too_small': 1,
    }, 'no member anywhere: all seven organizations, and the base committee under 30');
    assert.equal(root.own.areas.structure, 1);
    assert.equal(child(root, tree.above).areas.structure, 5, 'above, base (twice), cell A, cell B');
    assert.equal(child(root, tree.above2).areas.structure, 1);
    assert.equal(child(root, tree.baseCell).areas.structure, 1);
    const base = await board(tree.base);
    assert.equal(base.own.areas.structure, 2);
    assert.equal(child(base, tree.cellB).areas.structure, 1);

    const page = await items(tree.root, '?area=structure');
    assert.equal(page.total, 8);
    const cellB = page.items.find((i) => i.org.id === tree.cellB.id);
    assert.deepEqual(
      [cellB.area, cellB.kind, cellB.subject, cellB.due_on, cellB.days_overdue, cellB.severity, cellB.link],
      ['structure', 'org.few_official_members', { type: 'organization', id: tree.cellB.id, label: tree.cellB.name },
        TEST_TODAY, 0, 'warning', `/orgs/${tree.cellB.id}`]);
    const small = await items(tree.root, '?kind=org.base_committee_too_small');
    assert.deepEqual(small.items.map((i) => [i.org.id, i.link]), [[tree.base.id, `/orgs/${tree.base.id}`]]);
  });

  test('three official members take a cell and its ancestors off the list; probationary ones do not', async () => {
    await officials(tree.cellA, 3);
    await officials(tree.cellB, 2);
    await officials(tree.cellB, 1, { status: 'probationary', admission_date: '2026-03-02' });
    const root = await board(tree.root);
    assert.deepEqual(kinds(root, 'structure'), {
      'org.few_official_members': 3, 'org.base_cell_too_large': 0, 'org.base_committee_too_small': 1,
    }, 'above2, cell B (two official, one probationary) and the base cell; the base committee has 6 on the roll');
    assert.equal(root.own.areas.structure, 0);
    assert.equal(child(root, tree.above).areas.structure, 2, 'cell B and the base committee too small');
    const few = await items(tree.root, '?kind=org.few_official_members');
    assert.deepEqual(few.items.map((i) => i.org.id).sort(), [tree.above2.id, tree.cellB.id, tree.baseCell.id].sort());
    const view = ok(await api.get(`/api/v1/orgs/${tree.cellB.id}`));
    assert.ok(view.warnings.some((w) => w.code === 'few_official_members'), 'the page warns as the board does');
  });

  test('a base cell is listed from 30 members on the roll, probationary ones included', async () => {
    await officials(tree.baseCell, 27);
    await officials(tree.baseCell, 2, { status: 'probationary', admission_date: '2026-03-02' });
    let page = await items(tree.root, '?area=structure');
    assert.ok(!page.items.some((i) => i.org.id === tree.baseCell.id), '29 on the roll, 27 official: in rule');
    await officials(tree.baseCell, 1, { status: 'probationary', admission_date: '2026-03-02' });
    page = await items(tree.root, '?area=structure');
    assert.deepEqual(page.items.filter((i) => i.org.id === tree.baseCell.id).map((i) => [i.kind, i.link]),
      [['org.base_cell_too_large', `/orgs/${tree.baseCell.id}`]]);
    const root = await board(tree.root);
    assert.equal(child(root, tree.baseCell).areas.structure, 1);
  });

  test('a reader outside the subtree sees none of it', async () => {
    const leader = await server.login(await server.addUser({ roles: ['leader'], scope: tree.above2.id }));
    problem(await leader.get(`/api/v1/orgs/${tree.root.id}/compliance`), 404, 'not_found');
    problem(await leader.get(`/api/v1/orgs/${tree.cellB.id}/compliance/items?area=structure`), 404, 'not_found');
    const own = await board(tree.above2, leader);
    assert.equal(own.areas.find((a) => a.area === 'structure').count, 1, 'its own shortage only');
    const seen = await items(tree.above2, '?area=structure', leader);
    assert.deepEqual(seen.items.map((i) => i.org.id), [tree.above2.id]);
  });
});

describe('discipline limitation', () => {
  test('open cases whose limitation ends within 90 days or has ended, rolled up', async () => {
    const root = await board(clock.root);
    assert.equal(kinds(root, 'discipline')['discipline.limitation_expiring'], 2,
      'not the deferred case (93 days left), the warning-level, the renewed or the expulsion-level one');
    assert.equal(child(root, clock.above).areas.discipline, 2);
    const base = await board(clock.base);
    assert.equal(child(base, clock.cellA).areas.discipline, 1);
    assert.equal(child(base, clock.cellB).areas.discipline, 1);

    const page = await items(clock.root, '?kind=discipline.limitation_expiring');
    assert.deepEqual(page.items.map((i) => [i.org.id, i.subject.type, i.subject.id, i.subject.label, i.due_on,
      i.days_overdue, i.severity, i.link]), [
      [clock.cellB.id, 'discipline_case', cases.ended.id, `#${cases.ended.id}`, '2026-06-01', 168, 'critical',
        `/discipline/${cases.ended.id}`],
      [clock.cellA.id, 'discipline_case', cases.soon.id, `#${cases.soon.id}`, '2026-12-01', 0, 'warning',
        `/discipline/${cases.soon.id}`],
    ], 'most overdue first; the label names no one');
    assert.equal(page.items[1].due_on, cases.soon.clocks.limitation.ends_on, 'the case\'s own clock');
    const trail = ok(await api.get(`/api/v1/audit?action=discipline_case.list&object_type=organization&object_id=${clock.root.id}`)).items;
    assert.ok(trail.some((e) => e.details?.via === 'compliance' && e.details?.cases?.includes(cases.soon.id)),
      'which cases the page showed is audited');
  });

  test('a shorter deferral brings a case in on the 90th day; a decision takes it off', async () => {
    const shorter = ok(await api.patch(`/api/v1/discipline-cases/${cases.deferred.id}`, {
      version: cases.deferred.version, deferrals: [{ from: '2022-01-01', to: '2022-07-16', reason: 'inpatient' }],
    }));
    assert.equal(shorter.clocks.limitation.ends_on, '2027-02-14');
    let page = await items(clock.root, '?kind=discipline.limitation_expiring');
    assert.deepEqual(page.items.map((i) => [i.subject.id, i.due_on]),
      [[cases.ended.id, '2026-06-01'], [cases.soon.id, '2026-12-01'], [cases.deferred.id, '2027-02-14']]);

    let c = ok(await api.post(`/api/v1/discipline-cases/${cases.soon.id}/vote`,
      { in_favour: 5, against: 0, abstain: 0, entitled: 5, voted_on: '2026-11-10', version: cases.soon.version }));
    page = await items(clock.root, '?kind=discipline.limitation_expiring');
    assert.equal(page.total, 3, 'voted is not yet decided');
    c = ok(await api.post(`/api/v1/discipline-cases/${c.id}/decide`,
      { decided_on: '2026-11-12', decision_number: `${c.id}-QĐ/CB`, version: c.version }));
    page = await items(clock.root, '?kind=discipline.limitation_expiring');
    assert.equal(page.total, 2);
    assert.ok(!page.items.some((i) => i.subject.id === cases.soon.id), 'decided: off the board');
  });

  test('only discipline readers of the subtree see it', async () => {
    const office = await server.login(await server.addUser({ roles: ['office_staff'], scope: clock.root.id }));
    const seen = await board(clock.root, office);
    assert.ok(!seen.areas.some((a) => a.area === 'discipline'));
    const inspection = await server.login(await server.addUser({ roles: ['inspection'], scope: clock.above2.id }));
    problem(await inspection.get(`/api/v1/orgs/${clock.root.id}/compliance`), 404, 'not_found');
    const own = await board(clock.above2, inspection);
    assert.equal(kinds(own, 'discipline')['discipline.limitation_expiring'], 0);
    const sideways = await items(clock.above2, '?kind=discipline.limitation_expiring', inspection);
    assert.deepEqual([sideways.total, sideways.items], [0, []]);
  });
});

// Dues: a member on the roll owing a month that has ended (today 2026-11-16: October is the last
// one). The store reads such members from either end, whichever is smaller (every member of
// the subtree, or every standing in arrears; storage/sql/compliance): here three standings are
// in arrears in the whole database (one in another tree), so the root of this tree (four
// members) is read from the arrears, which must then keep to the subtree, and each cell (two
// members) from its members. The counts must agree either way.
describe('dues arrears', () => {
  let owe;
  const m = {};
  const basis = { valid_from: '2026-02', category: 'bhxh_salary', income: 8_500_000 };
  before(async () => {
    owe = await buildTree(api, 'Nợ Phí');
    m.behind = await createMember(api, owe.cellA.id, { full_name: 'Ngô Văn Nợ' });
    m.paid = await createMember(api, owe.cellA.id, { full_name: 'Ngô Văn Đủ' });
    m.other = await createMember(api, owe.cellB.id, { full_name: 'Ngô Thị Chậm', sex: 'female' });
    m.paid2 = await createMember(api, owe.cellB.id, { full_name: 'Ngô Thị Đủ', sex: 'female' });
    m.outside = await createMember(api, clock.cellA.id, { full_name: 'Ngô Văn Ngoài' });
    for (const member of Object.values(m))
      ok(await api.post(`/api/v1/members/${member.id}/dues/bases`, basis), 201);
    for (const member of [m.paid, m.paid2]) {
      ok(await api.post(`/api/v1/members/${member.id}/dues/payments`, {
        paid_on: '2026-11-10', first_month: '2026-02', months: 9, amount: 9 * 85_000, channel: 'cash',
      }), 201);
    }
  });

  test('members owing an ended month, per cell and rolled up; paid up, they leave the board', async () => {
    const dues = (b) => b.areas.find((a) => a.area === 'dues').count;
    const root = await board(owe.root);
    assert.equal(dues(root), 2);
    assert.equal(child(root, owe.above).areas.dues, 2);
    assert.equal(dues(await board(owe.base)), 2);
    assert.equal(dues(await board(owe.cellA)), 1);
    assert.equal(dues(await board(owe.cellB)), 1);
    const page = await items(owe.root, '?area=dues');
    assert.deepEqual(page.items.map((i) => [i.kind, i.subject.type, i.subject.id, i.org.id]).sort(), [
      ['dues.arrears', 'member', m.behind.id, owe.cellA.id],
      ['dues.arrears', 'member', m.other.id, owe.cellB.id],
    ].sort());
    assert.equal(page.total, 2);

    ok(await api.post(`/api/v1/members/${m.behind.id}/dues/payments`, {
      paid_on: '2026-11-12', first_month: '2026-02', months: 9, amount: 9 * 85_000, channel: 'cash',
    }), 201);
    assert.equal(dues(await board(owe.root)), 1);
    assert.equal(dues(await board(owe.cellA)), 0);
    assert.deepEqual((await items(owe.root, '?area=dues')).items.map((i) => i.subject.id), [m.other.id]);
  });
});
