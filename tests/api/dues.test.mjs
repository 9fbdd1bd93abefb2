// Party dues through the API (issue 14, rules/dues.toml): the amount due per month for a salary
// member, a pensioner, a student, a member exempt at 50 years of party age and one with a 50 %
// reduction that ends after its months; payments in advance and arrears; every bad input refused
// with its field and nothing written; the month's close at a cell and the roll-up through the
// tree; the removal list; the member's own view. Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember, client } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let api;
let tree;
let doc;
const m = {};  // the members by role in the test
const DECISION = { number: '15-QĐ/ĐU', authority: 'Đảng ủy cơ sở' };

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Đảng Phí');
  m.salary = await createMember(api, tree.cellA.id, { full_name: 'Nguyễn Văn Lương' });
  m.pension = await createMember(api, tree.cellA.id, { full_name: 'Trần Thị Hưu', sex: 'female' });
  m.student = await createMember(api, tree.cellA.id, { full_name: 'Lê Văn Học', birth_date: '2003-02-01', admission_date: '2024-03-02', official_date: '2025-03-02' });
  m.veteran = await createMember(api, tree.cellA.id, { full_name: 'Phạm Văn Lão', birth_date: '1950-01-01', admission_date: '1975-06-10', official_date: '1976-06-10' });
  m.reduced = await createMember(api, tree.cellB.id, { full_name: 'Đỗ Văn Giảm' });
});
after(async () => { await server?.stop(); });

/** A reply checked against the OpenAPI document, then its body (asserting the status). */
async function checked(method, path, status, json) {
  const reply = method === 'GET' ? await api.get(path) : await api.post(path, json);
  assert.deepEqual(checkReply(doc, method, path, reply), [], `${method} ${path} matches the document`);
  return ok(reply, status);
}
const dues = (id, query = '') => checked('GET', `/api/v1/members/${id}/dues${query}`, 200);
const basis = (id, body) => checked('POST', `/api/v1/members/${id}/dues/bases`, 201, body);
const pay = (id, body) => checked('POST', `/api/v1/members/${id}/dues/payments`, 201, body);
const month = (d, iso) => d.months.find((x) => x.month === iso);

describe('the amount due each month, from the rules in force that month', () => {
  test('a salary member pays 1 % of the previous month\'s BHXH salary, under the rule of each month', async () => {
    const d = await basis(m.salary.id, { valid_from: '2026-02', category: 'bhxh_salary', income: 8_500_000, note: 'Lương BHXH' });
    assert.equal(month(d, '2026-01').status, 'no_basis');
    const feb = month(d, '2026-02');
    assert.equal(feb.amount, 85_000);
    assert.match(feb.rules[0].source, /342-QĐ\/TW/, 'February 2026 began before 01-QĐ/TW (3/2/2026)');
    const mar = month(d, '2026-03');
    assert.equal(mar.amount, 85_000);
    assert.equal(mar.base, 8_500_000);
    assert.equal(mar.rules[0].key, 'dues.bhxh_salary_rate_bp');
    assert.match(mar.rules[0].source, /01-QĐ\/TW/);
  });

  test('a pensioner pays 0.5 %, a student 5,000 đồng (no rule before 01-QĐ/TW)', async () => {
    const p = await basis(m.pension.id, { valid_from: '2026-03', category: 'pension', income: 6_000_100 });
    assert.equal(month(p, '2026-03').amount, 30_001, '30,000.5 rounded half up to the đồng');
    // No student amount was in force on 1/2/2026: a basis from February is refused.
    problem(await api.post(`/api/v1/members/${m.student.id}/dues/bases`, { valid_from: '2026-02', category: 'student' }),
      422, 'validation_failed', [['valid_from', 'no_rule_in_force']]);
    await basis(m.student.id, { valid_from: '2026-03', category: 'student' });
    const s = await dues(m.student.id);
    assert.equal(month(s, '2026-02').status, 'no_basis');
    assert.equal(month(s, '2026-03').amount, 5_000);
    assert.equal(month(s, '2026-03').rules[0].key, 'dues.student_amount');
  });

  test('50 years of party age exempt the member', async () => {
    const d = await basis(m.veteran.id, { valid_from: '2026-03', category: 'pension', income: 5_000_000 });
    const mar = month(d, '2026-03');
    assert.equal(mar.status, 'exempt_party_age');
    assert.equal(mar.amount, 0);
    assert.equal(mar.rules[0].key, 'dues.exempt_party_age_years');
    assert.equal(mar.rules[0].value, 50);
    assert.equal(d.arrears, 0);
  });

  test('a 50 % reduction applies for its months only', async () => {
    await basis(m.reduced.id, { valid_from: '2026-03', category: 'bhxh_salary', income: 5_000_000 });
    const d = await checked('POST', `/api/v1/members/${m.reduced.id}/dues/reliefs`, 201,
      { relief: 'reduction', percent: 50, from_month: '2026-04', months: 3, decision: DECISION, decision_date: '2026-03-25', reason: 'Hoàn cảnh khó khăn' });
    assert.equal(month(d, '2026-03').amount, 50_000);
    for (const iso of ['2026-04', '2026-05', '2026-06']) {
      assert.equal(month(d, iso).amount, 25_000, iso);
      assert.equal(month(d, iso).reduction_percent, 50);
      assert.equal(month(d, iso).full_amount, 50_000);
    }
    assert.equal(month(d, '2026-07').amount, 50_000, 'the reduction ended after 3 months');
    assert.equal(d.reliefs[0].decision.number, DECISION.number);
  });
});

describe('payments: in advance, partial, extra; arrears', () => {
  test('payments fill the oldest months first; what is paid ahead covers later months', async () => {
    let d = await pay(m.salary.id, { paid_on: '2026-04-05', first_month: '2026-02', months: 3, amount: 255_000, channel: 'cash' });
    assert.equal(month(d, '2026-04').paid, 85_000);
    assert.equal(month(d, '2026-05').paid, 0);
    assert.equal(d.arrears, 6 * 85_000, 'May to October unpaid (November is still running)');
    d = await pay(m.salary.id, { paid_on: '2026-11-10', first_month: '2026-05', months: 8, amount: 680_000, extra: 20_000, channel: 'portal', reference: 'DVC-2026-000777' });
    assert.equal(d.arrears, 0);
    assert.equal(d.extra, 20_000);
    const ahead = await dues(m.salary.id, '?from_month=2026-11&to_month=2027-01');
    assert.deepEqual(ahead.months.map((x) => x.paid), [85_000, 85_000, 0], 'December paid in advance, January not');
    assert.equal(ahead.payments.length, 2);
    assert.equal(ahead.payments[1].reference, 'DVC-2026-000777');
  });

  test('a partial payment leaves the rest of its month owed', async () => {
    await pay(m.pension.id, { paid_on: '2026-10-05', first_month: '2026-03', months: 8, amount: 240_000, channel: 'bank', reference: 'VCB-123' });
    const d = await dues(m.pension.id);
    assert.equal(month(d, '2026-09').paid, 30_001);
    assert.equal(month(d, '2026-10').paid, 240_000 - 7 * 30_001);
    assert.equal(month(d, '2026-10').outstanding, 8 * 30_001 - 240_000);
    assert.equal(d.arrears, 8 * 30_001 - 240_000);
    await pay(m.reduced.id, { paid_on: '2026-10-20', first_month: '2026-03', months: 3, amount: 100_000, channel: 'cash' });
  });

  test('every bad payment is refused with its field, and nothing is written', async () => {
    const beforeCount = (await dues(m.student.id)).payments.length;
    const refused = async (body, field, code) =>
      problem(await api.post(`/api/v1/members/${m.student.id}/dues/payments`, body), 422, 'validation_failed', [[field, code]]);
    const good = { paid_on: '2026-11-02', first_month: '2026-03', amount: 5_000, channel: 'cash' };
    await refused({ ...good, amount: -5_000 }, 'amount', 'must_be_positive');
    await refused({ ...good, amount: 0 }, 'amount', 'must_be_positive');
    await refused({ ...good, amount: '5000' }, 'amount', 'wrong_type');
    await refused({ ...good, amount: undefined }, 'amount', 'required');
    await refused({ ...good, extra: -1 }, 'extra', 'out_of_range');
    await refused({ ...good, paid_on: '2026-11-17' }, 'paid_on', 'date_in_future');
    await refused({ ...good, paid_on: '2026-02-30' }, 'paid_on', 'invalid_date');
    await refused({ ...good, first_month: '2026-13' }, 'first_month', 'month_format');
    await refused({ ...good, first_month: '2024-02' }, 'first_month', 'before_joining_cell');
    await refused({ ...good, months: 0 }, 'months', 'out_of_range');
    await refused({ ...good, channel: 'momo' }, 'channel', 'unknown_code');
    await refused({ ...good, channel: 'portal' }, 'reference', 'required');
    await refused({ ...good, channel: 'portal', reference: 'DVC-2026-000777' }, 'reference', 'reference_taken');
    await refused({ ...good, cell: 1 }, 'cell', 'unknown_field');
    problem(await api.post('/api/v1/members/99999999/dues/payments', good), 404, 'not_found');
    const bases = async (body, field, code) =>
      problem(await api.post(`/api/v1/members/${m.student.id}/dues/bases`, body), 422, 'validation_failed', [[field, code]]);
    await bases({ valid_from: '2026-05', category: 'bhxh_salary' }, 'income', 'must_be_positive');
    await bases({ valid_from: '2026-05', category: 'abroad_fixed', fixed_amount: 500_000 }, 'fixed_amount', 'out_of_range');
    await bases({ valid_from: '2026-05', category: 'wages', income: 1 }, 'category', 'unknown_code');
    await bases({ valid_from: '2026-03', category: 'student' }, 'valid_from', 'basis_exists');
    await bases({ valid_from: 'tháng 5', category: 'student' }, 'valid_from', 'month_format');
    const reliefs = async (body, field, code) =>
      problem(await api.post(`/api/v1/members/${m.student.id}/dues/reliefs`, body), 422, 'validation_failed', [[field, code]]);
    await reliefs({ relief: 'reduction', percent: 40, from_month: '2026-05', months: 2, decision: DECISION }, 'percent', 'not_allowed');
    await reliefs({ relief: 'reduction', percent: 30, from_month: '2026-05', months: 13, decision: DECISION }, 'months', 'out_of_range');
    await reliefs({ relief: 'forgiven', from_month: '2026-05', decision: DECISION }, 'relief', 'unknown_code');
    await reliefs({ relief: 'exemption', from_month: '2026-05' }, 'decision.number', 'required');
    const after = await dues(m.student.id);
    assert.equal(after.payments.length, beforeCount);
    assert.equal(after.bases.length, 1);
    assert.equal(after.reliefs.length, 0);
  });

  test('a cell secretary records dues only inside their cell', async () => {
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellB.id }));
    const body = { paid_on: '2026-11-02', first_month: '2026-03', amount: 5_000, channel: 'cash' };
    problem(await secretary.post(`/api/v1/members/${m.student.id}/dues/payments`, body), 404, 'not_found');
    problem(await secretary.get(`/api/v1/members/${m.student.id}/dues`), 404, 'not_found');
    problem(await secretary.get(`/api/v1/orgs/${tree.cellA.id}/dues/book?month=2026-10`), 404, 'not_found');
    ok(await secretary.post(`/api/v1/members/${m.reduced.id}/dues/payments`, { ...body, amount: 25_000 }), 201);
    const office = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.root.id }));
    problem(await office.post(`/api/v1/members/${m.reduced.id}/dues/payments`, body), 403, 'forbidden');
    ok(await office.get(`/api/v1/members/${m.reduced.id}/dues`));
    assert.equal((await dues(m.student.id)).payments.length, 0);
  });
});

describe('the cell\'s book, the month\'s close and the roll-up', () => {
  test('the book lists every member with due, paid and arrears', async () => {
    const book = await checked('GET', `/api/v1/orgs/${tree.cellA.id}/dues/book?month=2026-10`, 200);
    assert.equal(book.lines.length, 4);
    const line = (id) => book.lines.find((l) => l.member_id === id);
    assert.equal(line(m.salary.id).due.amount, 85_000);
    assert.equal(line(m.salary.id).paid_for_month, 85_000, 'the November payment covered October');
    assert.equal(line(m.pension.id).received_in_month, 240_000);
    assert.equal(line(m.student.id).arrears, 8 * 5_000);
    assert.equal(line(m.veteran.id).due.status, 'exempt_party_age');
    assert.equal(book.totals.due, 85_000 + 30_001 + 5_000);
    assert.equal(book.totals.collected, 240_000);
    assert.equal(book.closing, null);
    problem(await api.get(`/api/v1/orgs/${tree.base.id}/dues/book?month=2026-10`), 409, 'org_keeps_no_dues_book');
    problem(await api.get(`/api/v1/orgs/${tree.cellA.id}/dues/book`), 400, 'invalid_parameter');
    problem(await api.get(`/api/v1/orgs/${tree.cellA.id}/dues/book?month=10-2026`), 400, 'invalid_parameter');
  });

  test('closing a month keeps the cell\'s share and locks it; corrections are adjustments', async () => {
    problem(await api.post(`/api/v1/orgs/${tree.cellA.id}/dues/close`, { month: '2026-11' }), 422, 'validation_failed', [['month', 'month_not_over']]);
    const closed = await checked('POST', `/api/v1/orgs/${tree.cellA.id}/dues/close`, 200, { month: '2026-10' });
    assert.equal(closed.closing.collected, 240_000);
    assert.equal(closed.closing.kept, 72_000, '30 % (dues.keep_bp.cell, not confirmed)');
    assert.equal(closed.closing.sent_up, 168_000);
    problem(await api.post(`/api/v1/orgs/${tree.cellA.id}/dues/close`, { month: '2026-10' }), 409, 'month_closed');
    problem(await api.post(`/api/v1/members/${m.student.id}/dues/payments`, { paid_on: '2026-10-30', first_month: '2026-03', amount: 5_000, channel: 'cash' }), 409, 'month_closed');
    const adjusted = await checked('POST', `/api/v1/orgs/${tree.cellA.id}/dues/adjustments`, 201, { month: '2026-10', amount: 5_000, reason: 'Thu tiền mặt nộp muộn' });
    assert.equal(adjusted.adjustments.length, 1);
    assert.equal(adjusted.closing.collected, 240_000, 'the closed figures stay');
    problem(await api.post(`/api/v1/orgs/${tree.cellB.id}/dues/adjustments`, { month: '2026-10', amount: 5_000, reason: 'x' }), 409, 'month_not_closed');
    const actions = ok(await api.get('/api/v1/audit?limit=500&object_type=organization')).items.map((e) => e.action);
    assert.ok(actions.includes('dues.month_close'));
    assert.ok(actions.includes('dues.adjustment'));
  });

  test('the reconciliation at the root: its whole tree on one line, one line per direct child', async () => {
    // October: cell A closed 240,000 (keeps 30 %: 72,000, sends 168,000); cell B open with
    // 100,000 (30,000 / 70,000); the base committee keeps 50 % of 238,000; the committee above
    // base 50 % of 119,000; the root keeps the 59,500 that reach it. The base cell collected none.
    const recon = await checked('GET', `/api/v1/orgs/${tree.root.id}/dues/reconciliation?month=2026-10`, 200);
    assert.equal(recon.month, '2026-10');
    assert.deepEqual(recon.path.map((o) => o.id), [tree.root.id]);
    assert.deepEqual(recon.children.map((l) => l.org.id), [tree.above.id, tree.above2.id, tree.baseCell.id]);
    const child = (id) => recon.children.find((l) => l.org.id === id);
    const root = recon.line;
    assert.equal(root.org.id, tree.root.id);
    assert.equal(root.collected, 340_000);
    assert.equal(root.received_from_below, 59_500);
    assert.equal(root.own_kept, 59_500, 'the top keeps what reaches it');
    assert.equal(root.keep_bp, 10_000);
    assert.equal(root.rule_key, null);
    assert.equal(root.kept, 340_000, 'nothing lost or made up on the way');
    assert.equal(root.sent_up, 0);
    assert.equal(root.cells, 3);
    assert.equal(root.open_cells, 2, 'cell B and the base cell have not closed October');
    assert.equal(root.closed, false);
    // The root's line is its children's lines plus its own share, as the rule says.
    const sum = (key) => recon.children.reduce((total, l) => total + l[key], 0);
    assert.equal(root.collected, sum('collected') + root.own_collected);
    assert.equal(root.kept, sum('kept') + root.own_kept);
    assert.equal(root.received_from_below, sum('sent_up'));
    assert.equal(root.open_cells, sum('open_cells'));
    const above = child(tree.above.id);
    assert.equal(above.collected, 340_000);
    assert.equal(above.received_from_below, 119_000);
    assert.equal(above.own_kept, 59_500);
    assert.equal(above.kept, 72_000 + 30_000 + 119_000 + 59_500);
    assert.equal(above.sent_up, 59_500);
    assert.equal(above.collected, above.kept + above.sent_up);
    assert.equal(above.rule_key, 'dues.keep_bp.above_base');
    assert.equal(above.has_children, true);
    assert.deepEqual([above.cells, above.open_cells], [2, 1]);
    assert.equal(child(tree.above2.id).has_children, false);
    assert.deepEqual([child(tree.above2.id).cells, child(tree.above2.id).collected], [0, 0]);
    assert.equal(child(tree.baseCell.id).holds_members, true);
    assert.equal(child(tree.baseCell.id).open_cells, 1);
    // The shares once, with their sources, not on every line.
    assert.deepEqual(recon.rules.map((r) => [r.key, r.value]), [['dues.keep_bp.above_base', 5000], ['dues.keep_bp.base', 5000]]);
    assert.ok(recon.rules.every((r) => r.source.length > 0));
    assert.equal(above.rule, undefined);
  });

  test('the reconciliation drills down to a cell, each level\'s line as its parent showed it', async () => {
    const at = (id) => checked('GET', `/api/v1/orgs/${id}/dues/reconciliation?month=2026-10`, 200);
    const fromRoot = (await at(tree.root.id)).children.find((l) => l.org.id === tree.above.id);
    const above = await at(tree.above.id);
    assert.deepEqual(above.line, fromRoot, 'the child\'s line is its own reconciliation\'s line');
    assert.deepEqual(above.children.map((l) => l.org.id), [tree.base.id]);
    const base = await at(tree.base.id);
    assert.deepEqual(base.path.map((o) => o.id), [tree.root.id, tree.above.id, tree.base.id]);
    assert.equal(base.line.received_from_below, 168_000 + 70_000);
    assert.equal(base.line.own_kept, 119_000);
    assert.equal(base.line.kept, 72_000 + 30_000 + 119_000);
    assert.equal(base.line.sent_up, 119_000);
    assert.equal(base.line.rule_key, 'dues.keep_bp.base');
    assert.deepEqual(base.rules.map((r) => r.key), ['dues.keep_bp.base', 'dues.keep_bp.cell']);
    const [a, b] = base.children;
    assert.deepEqual([a.org.id, a.collected, a.kept, a.sent_up, a.closed, a.open_cells], [tree.cellA.id, 240_000, 72_000, 168_000, true, 0]);
    assert.deepEqual([b.org.id, b.collected, b.kept, b.sent_up, b.closed, b.open_cells], [tree.cellB.id, 100_000, 30_000, 70_000, false, 1]);
    assert.equal(base.line.kept, a.kept + b.kept + base.line.own_kept);
    const cell = await at(tree.cellA.id);
    assert.deepEqual(cell.children, []);
    assert.deepEqual(cell.line, a);
    assert.equal(cell.line.own_collected, 240_000);
    assert.equal(cell.line.has_children, false);
    assert.deepEqual(cell.path.map((o) => o.id), [tree.root.id, tree.above.id, tree.base.id, tree.cellA.id]);
  });

  test('the reconciliation: the breadcrumb starts at the reader\'s reach; out of reach is 404; a bad month names it', async () => {
    const office = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.above.id }));
    const base = ok(await office.get(`/api/v1/orgs/${tree.base.id}/dues/reconciliation?month=2026-10`));
    assert.deepEqual(base.path.map((o) => o.id), [tree.above.id, tree.base.id]);
    assert.equal(base.line.kept, 221_000);
    problem(await office.get(`/api/v1/orgs/${tree.root.id}/dues/reconciliation?month=2026-10`), 404, 'not_found');
    problem(await office.get(`/api/v1/orgs/${tree.baseCell.id}/dues/reconciliation?month=2026-10`), 404, 'not_found');
    problem(await office.get('/api/v1/orgs/99999999/dues/reconciliation?month=2026-10'), 404, 'not_found');
    // Query parameters are refused with 400 (the API's rule for a query; 422 is for a body).
    problem(await api.get(`/api/v1/orgs/${tree.root.id}/dues/reconciliation?month=2026-13`), 400, 'invalid_parameter', [['month', 'month_format']]);
    problem(await api.get(`/api/v1/orgs/${tree.root.id}/dues/reconciliation`), 400, 'invalid_parameter', [['month', 'required']]);
  });

  test('the removal list names members with 3 unpaid months in the year, with the months', async () => {
    const list = await checked('GET', `/api/v1/orgs/${tree.base.id}/dues/arrears?year=2026`, 200);
    assert.equal(list.through_month, '2026-10');
    const ids = list.items.map((i) => i.member_id).sort();
    assert.deepEqual(ids, [m.student.id, m.reduced.id].sort());
    const student = list.items.find((i) => i.member_id === m.student.id);
    assert.deepEqual(student.unpaid_months, ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    assert.equal(student.rule.value, 3);
    problem(await api.get(`/api/v1/orgs/${tree.base.id}/dues/arrears`), 400, 'invalid_parameter');
  });
});

describe('a member\'s own dues', () => {
  test('a member signed in sees their dues due and paid, and nobody else\'s', async () => {
    const self = await server.login(await server.addUser({ roles: ['member'], memberId: m.salary.id }));
    const mine = ok(await self.get('/api/v1/dues/mine'));
    assert.equal(mine.member.id, m.salary.id);
    assert.equal(month(mine, '2026-10').paid, 85_000);
    assert.equal(mine.may_write, false);
    ok(await self.get(`/api/v1/members/${m.salary.id}/dues`));
    problem(await self.get(`/api/v1/members/${m.pension.id}/dues`), 404, 'not_found');
    problem(await self.post(`/api/v1/members/${m.salary.id}/dues/payments`, { paid_on: '2026-11-02', first_month: '2026-03', amount: 5_000, channel: 'cash' }), 403, 'forbidden');
  });

  test('an account not linked to a member record is told so', async () => {
    problem(await api.get('/api/v1/dues/mine'), 409, 'account_not_linked_to_member');
    problem(await client(server.base, { jar: null }).get('/api/v1/dues/mine'), 401, 'unauthenticated');
  });
});
