// Figures as of a past date and the periodic member report (issue 16), on a fixture built
// through the API at known dates before the injected today: admissions, a recognition, an
// internal transfer, an exit, a transfer out of the tree and one into it. As of the day before,
// the day of and the day after each, the counts are exact; the XLSX reads back to the JSON.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember, memberPayload } from './lib/api.mjs';
import { daysFromToday, addMonths } from './lib/lifecycle.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';
import { unzip } from './lib/xlsx.mjs';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LETTER = { number: '16-GGT/ĐU', authority: 'Đảng ủy Thống Kê' };

let server;
let api;
let tree;
let doc;
const m = {};
const T = (days) => daysFromToday(days);

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Thống Kê');
  const { cellA, cellB } = tree;
  // m1: 31 years old since T-100 (18-30 before), official since T-435.
  m.m1 = await createMember(api, cellA.id, { full_name: 'Nguyễn Văn Một', birth_date: addMonths(T(-100), -372), admission_date: T(-800), official_date: T(-435) });
  m.m2 = await createMember(api, cellA.id, { full_name: 'Trần Thị Hai', sex: 'female', birth_date: '1995-02-02', status: 'probationary', admission_date: T(-100) });
  m.m3 = await createMember(api, cellA.id, { full_name: 'Lê Văn Ba', birth_date: '1970-01-01', admission_date: T(-2000), official_date: T(-1600) });
  m.m4 = await createMember(api, cellA.id, { full_name: 'Phạm Văn Bốn', birth_date: '1970-01-01', admission_date: T(-2000), official_date: T(-1600) });
  m.m5 = await createMember(api, cellB.id, { full_name: 'Hoàng Văn Năm', birth_date: '1970-01-01', admission_date: T(-2000), official_date: T(-1600) });
  m.m7 = await createMember(api, cellA.id, { full_name: 'Vũ Thị Bảy', sex: 'female', birth_date: '1990-01-01', admission_date: addMonths(T(-60), -12), official_date: T(-60) });
  // m3 moves from cell A to cell B on T-50.
  ok(await api.post('/api/v1/transfers', { kind: 'official', direction: 'internal', member_id: m.m3.id, to_org_id: cellB.id, letter_date: T(-50), letter: LETTER }), 201);
  // m4 is removed from the roll on T-30.
  const m4 = ok(await api.get(`/api/v1/members/${m.m4.id}`));
  ok(await api.post(`/api/v1/members/${m.m4.id}/exit`, { version: m4.version, status: 'removed', on: T(-30), ground: 'no_progress_after_help', document: { number: '9-QĐ/ĐU', authority: 'Đảng ủy' } }));
  // m5 leaves the tree on T-20.
  ok(await api.post('/api/v1/transfers', { kind: 'official', direction: 'outgoing', member_id: m.m5.id, external_org: 'Đảng bộ tỉnh Nghệ An', letter_date: T(-20), letter: LETTER }), 201);
  // m6 arrives from outside into cell B on T-10.
  const person = memberPayload(cellB.id, { full_name: 'Đỗ Văn Sáu', birth_date: '1980-01-01', admission_date: '2010-01-01', ceremony_date: '2010-01-15', official_date: '2011-01-15' });
  delete person.org_id;
  const arrived = ok(await api.post('/api/v1/transfers', { kind: 'official', direction: 'incoming', to_org_id: cellB.id, external_org: 'Đảng bộ tỉnh Thanh Hóa', letter_date: T(-12), letter: { number: '14-GGT/TU', authority: 'Tỉnh ủy Thanh Hóa' }, on: T(-10), member: person }), 201);
  m.m6 = { id: arrived.member_id };
});
after(async () => { await server?.stop(); });

async function stats(org, asOf) {
  const path = `/api/v1/orgs/${org.id}/stats${asOf ? `?as_of=${asOf}` : ''}`;
  const reply = await api.get(path);
  assert.deepEqual(checkReply(doc, 'GET', path, reply), []);
  return ok(reply);
}
const countOf = (body, dimension, value) => body.breakdowns[dimension].find((v) => v.value === value)?.count ?? 0;
const sum = (values) => values.reduce((n, v) => n + v.count, 0);

describe('statistics as of a past date', () => {
  test('the subtree counts before, at and after each dated fact', async () => {
    // m3's internal move (T-50) stays inside the base: its count does not change.
    const expected = [
      [-101, 5], [-100, 6], // m2 admitted
      [-31, 6], [-30, 5], // m4 removed
      [-21, 5], [-20, 4], // m5 out of the tree
      [-11, 4], [-10, 5], // m6 in from outside
      [0, 5],
    ];
    for (const [days, total] of expected) {
      const body = await stats(tree.base, T(days));
      assert.equal(body.total, total, `on T${days}`);
      assert.equal(sum(body.breakdowns.status), total, `statuses add up on T${days}`);
      assert.equal(body.as_of, T(days));
    }
  });

  test('status on the day: probationary before the official date, official from it', async () => {
    const before = await stats(tree.cellA, T(-61));
    const on = await stats(tree.cellA, T(-60));
    assert.equal(countOf(on, 'status', 'official') - countOf(before, 'status', 'official'), 1);
    assert.equal(countOf(before, 'status', 'probationary') - countOf(on, 'status', 'probationary'), 1);
  });

  test('the organization on the day: an internal move counts in the old cell until its day', async () => {
    assert.equal((await stats(tree.cellA, T(-51))).total, 5); // m1 m2 m3 m4 m7
    assert.equal((await stats(tree.cellA, T(-50))).total, 4);
    assert.equal((await stats(tree.cellB, T(-51))).total, 1); // m5
    assert.equal((await stats(tree.cellB, T(-50))).total, 2); // m3 m5
    assert.equal((await stats(tree.cellB, T(0))).total, 2); // m3 m6
  });

  test('age bands at the day', async () => {
    const before = await stats(tree.cellA, T(-101));
    const after = await stats(tree.cellA, T(-100));
    // m1 turns 31 on T-100 (m2, admitted that day, is over 30 already).
    assert.equal(countOf(before, 'age_band', '18-30') - countOf(after, 'age_band', '18-30'), 1);
  });

  test('without as_of exactly today\'s figures; as_of today agrees', async () => {
    const today = await stats(tree.base);
    assert.equal(today.as_of, undefined);
    const asOf = await stats(tree.base, T(0));
    for (const dimension of Object.keys(today.breakdowns)) {
      const sorted = (list) => [...list].sort((a, b) => a.value.localeCompare(b.value));
      assert.deepEqual(sorted(asOf.breakdowns[dimension]), sorted(today.breakdowns[dimension]), dimension);
    }
  });

  test('as_of in the future, before 1930-02-03 or malformed: 422 naming as_of', async () => {
    problem(await api.get(`/api/v1/orgs/${tree.base.id}/stats?as_of=${T(1)}`), 422, 'validation_failed', [['as_of', 'stats_as_of_in_future']]);
    const early = await api.get(`/api/v1/orgs/${tree.base.id}/stats?as_of=1930-02-02`);
    problem(early, 422, 'validation_failed', [['as_of', 'stats_as_of_too_early']]);
    assert.equal(early.body.errors[0].rule, 'stats.earliest_as_of_ymd');
    assert.equal((await stats(tree.base, '1930-02-03')).total, 0);
    problem(await api.get(`/api/v1/orgs/${tree.base.id}/stats?as_of=2025-02-30`), 422, 'validation_failed', [['as_of', 'invalid_date']]);
    problem(await api.get(`/api/v1/orgs/${tree.base.id}/stats?as_of=hôm-qua`), 422, 'validation_failed', [['as_of', 'invalid_date']]);
  });

  test('out of reach: 404, as today', async () => {
    const other = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellB.id }));
    problem(await other.get(`/api/v1/orgs/${tree.cellA.id}/stats?as_of=${T(-10)}`), 404, 'not_found');
    assert.equal(ok(await other.get(`/api/v1/orgs/${tree.cellB.id}/stats?as_of=${T(-10)}`)).total, 2);
  });
});

describe('the periodic member report', () => {
  const from = T(-120);
  const to = T(0);

  test('the flows of the period and the roll at its end, for the base and for a cell', async () => {
    const path = `/api/v1/orgs/${tree.base.id}/reports/members?from=${from}&to=${to}`;
    const reply = await api.get(path);
    assert.deepEqual(checkReply(doc, 'GET', path, reply), []);
    const base = ok(reply);
    assert.deepEqual(
      [base.start_total, base.admissions, base.recognitions, base.exits_total, base.end_total],
      [5, 1, 1, 1, 5]);
    assert.deepEqual(base.exits, [{ ground: 'no_progress_after_help', count: 1 }]);
    assert.deepEqual(base.transfers, { in_internal: 0, in_outside: 1, out_internal: 0, out_outside: 1 });
    const t = base.transfers;
    assert.equal(base.start_total + base.admissions + t.in_internal + t.in_outside - base.exits_total - t.out_internal - t.out_outside, base.end_total);
    const cell = ok(await api.get(`/api/v1/orgs/${tree.cellA.id}/reports/members?from=${from}&to=${to}`));
    assert.deepEqual([cell.start_total, cell.admissions, cell.exits_total, cell.transfers.out_internal, cell.end_total], [4, 1, 1, 1, 3]);
    assert.equal(cell.recognitions, 1);
  });

  test('the XLSX opens and its figures equal the JSON', async () => {
    const query = `from=${from}&to=${to}`;
    const json = ok(await api.get(`/api/v1/orgs/${tree.base.id}/reports/members?${query}`));
    const path = `/api/v1/orgs/${tree.base.id}/reports/members.xlsx?${query}`;
    const reply = await api.get(path);
    assert.deepEqual(checkReply(doc, 'GET', path, reply), []);
    assert.equal(reply.status, 200);
    assert.equal(reply.contentType, XLSX_TYPE);
    assert.match(reply.headers.get('content-disposition'), /^attachment; filename="bao-cao-dang-vien-.*\.xlsx"$/);
    const sheet = unzip(reply.buffer)['xl/worksheets/sheet1.xml'].toString('utf8');
    for (const text of ['BÁO CÁO THỐNG KÊ ĐẢNG VIÊN', tree.base.name, 'Kết nạp đảng viên mới', 'Theo độ tuổi', 'Theo dân tộc', 'Ký, ghi rõ họ tên']) {
      assert.ok(sheet.includes(text), `the sheet shows ${text}`);
    }
    const rows = [...sheet.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((r) => [...r[1].matchAll(/<c [^>]*\/>|<c [^>]*[^/]>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)?<\/c>/g)].map((c) => c[1] ?? c[2] ?? ''));
    const figure = (label) => Number(rows.find((r) => r[1]?.startsWith(label))?.[2]);
    assert.equal(figure('Đảng viên đầu kỳ'), json.start_total);
    assert.equal(figure('Kết nạp đảng viên mới'), json.admissions);
    assert.equal(figure('Công nhận đảng viên chính thức'), json.recognitions);
    assert.equal(figure('Chuyển sinh hoạt đến (từ đảng bộ khác)'), json.transfers.in_outside);
    assert.equal(figure('Chuyển sinh hoạt đi (ra ngoài đảng bộ)'), json.transfers.out_outside);
    assert.equal(figure('Ra khỏi danh sách đảng viên'), json.exits_total);
    assert.equal(figure('Đảng viên cuối kỳ'), json.end_total);
    assert.equal(figure('   - Đảng viên chính thức'), json.breakdowns.status.find((v) => v.value === 'official').count);
    assert.equal(figure('   - Đảng viên dự bị'), json.breakdowns.status.find((v) => v.value === 'probationary').count);
    const trail = ok(await api.get(`/api/v1/audit?action=stats.report_export&object_type=organization&object_id=${tree.base.id}`));
    assert.equal(trail.items.length, 1, 'the export is audited');
  });

  test('a period longer than a year, reversed, or ending tomorrow: 422 naming the field', async () => {
    const base = `/api/v1/orgs/${tree.base.id}/reports/members`;
    problem(await api.get(`${base}?from=${addMonths(T(0), -12)}&to=${T(0)}`), 422, 'validation_failed', [['to', 'stats_period_too_long']]);
    problem(await api.get(`${base}?from=${T(-1)}&to=${T(-2)}`), 422, 'validation_failed', [['to', 'stats_period_reversed']]);
    problem(await api.get(`${base}?from=${T(-1)}&to=${T(1)}`), 422, 'validation_failed', [['to', 'stats_as_of_in_future']]);
    problem(await api.get(`${base}?to=${T(-1)}`), 422, 'validation_failed', [['from', 'required']]);
  });
});
