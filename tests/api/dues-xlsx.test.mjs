// Party dues in and out as XLSX (issue 14): the cell's book exported in the usual layout (audited),
// a month's payments imported from a sheet whose headers are the Vietnamese labels, every row
// checked first and the whole file refused with its errors by row and column, nothing written;
// hostile files refused. And the removal list in pages. Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';
import { xlsx, excelSerial, unzip } from './lib/xlsx.mjs';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let server;
let api;
let tree;
let doc;
const m = {};

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Đảng Phí Excel');
  m.an = await createMember(api, tree.cellA.id, { full_name: 'Nguyễn Thị Ánh' });
  m.binh = await createMember(api, tree.cellA.id, { full_name: 'Trần Văn Bình' });
  m.other = await createMember(api, tree.cellB.id, { full_name: 'Lê Văn Khác' });
  for (const member of [m.an, m.binh, m.other]) {
    ok(await api.post(`/api/v1/members/${member.id}/dues/bases`, { valid_from: '2026-03', category: 'bhxh_salary', income: 5_000_000 }), 201);
  }
});
after(async () => { await server?.stop(); });

const HEADER = ['STT', 'Mã đảng viên', 'Họ và tên', 'Số tiền (đồng)', 'Ngày nộp', 'Nộp cho tháng', 'Hình thức nộp', 'Mã giao dịch', 'Ghi chú'];
const TITLES = [['CHI BỘ A'], ['DANH SÁCH NỘP ĐẢNG PHÍ THÁNG 11/2026'], []];

function upload(rows, { month = '2026-11', org = tree.cellA.id, client = api, body } = {}) {
  return client.request('POST', `/api/v1/orgs/${org}/dues/payments.xlsx?month=${month}`, {
    body: body ?? xlsx([...TITLES, HEADER, ...rows]),
    headers: { 'content-type': XLSX_TYPE },
  });
}

async function paymentsOf(member) {
  return ok(await api.get(`/api/v1/members/${member.id}/dues`)).payments.length;
}

async function nothingWritten(reply, fields, code = 'import_failed') {
  const before = [await paymentsOf(m.an), await paymentsOf(m.binh), await paymentsOf(m.other)];
  const body = problem(await reply(), 422, code, fields);
  const afterwards = [await paymentsOf(m.an), await paymentsOf(m.binh), await paymentsOf(m.other)];
  assert.deepEqual(afterwards, before, 'nothing written');
  return body;
}

describe('the dues book out as XLSX', () => {
  test('a month\'s book: titles, one row per member, totals, in đồng; the export is audited', async () => {
    const reply = await api.get(`/api/v1/orgs/${tree.cellA.id}/dues/book.xlsx?month=2026-10`);
    assert.deepEqual(checkReply(doc, 'GET', `/api/v1/orgs/${tree.cellA.id}/dues/book.xlsx?month=2026-10`, reply), []);
    assert.equal(reply.status, 200);
    assert.equal(reply.contentType, XLSX_TYPE);
    assert.match(reply.headers.get('content-disposition'), /^attachment; filename="so-dang-phi-.*-2026-10\.xlsx"$/);
    const entries = unzip(reply.buffer);
    const sheet = entries['xl/worksheets/sheet1.xml'].toString('utf8');
    for (const text of ['SỔ THU ĐẢNG PHÍ', 'Tháng 10 năm 2026', 'Họ và tên', 'Nguyễn Thị Ánh', 'Trần Văn Bình', 'Tổng cộng', '1%']) {
      assert.ok(sheet.includes(text), `the sheet shows ${text}`);
    }
    assert.ok(!sheet.includes('Lê Văn Khác'), 'only the cell\'s members');
    assert.match(sheet, /<v>50000<\/v>/, '1 % of 5,000,000 đồng');
    assert.match(sheet, /<v>100000<\/v>/, 'the total due of two members');
    const trail = ok(await api.get(`/api/v1/audit?action=dues.book_export&object_type=organization&object_id=${tree.cellA.id}`));
    assert.equal(trail.items.length, 1);
  });

  test('a year\'s book has a sheet per month up to the running one; bad periods are refused', async () => {
    const reply = await api.get(`/api/v1/orgs/${tree.cellA.id}/dues/book.xlsx?year=2026`);
    assert.equal(reply.status, 200);
    const workbook = unzip(reply.buffer)['xl/workbook.xml'].toString('utf8');
    assert.equal((workbook.match(/<sheet /g) ?? []).length, 11);
    problem(await api.get(`/api/v1/orgs/${tree.cellA.id}/dues/book.xlsx`), 400, 'invalid_parameter');
    problem(await api.get(`/api/v1/orgs/${tree.cellA.id}/dues/book.xlsx?month=2026-10&year=2026`), 400, 'invalid_parameter');
    problem(await api.get(`/api/v1/orgs/${tree.cellA.id}/dues/book.xlsx?year=2027`), 422, 'validation_failed', [['year', 'year_not_started']]);
    problem(await api.get(`/api/v1/orgs/${tree.base.id}/dues/book.xlsx?month=2026-10`), 409, 'org_keeps_no_dues_book');
  });
});

describe('a month\'s payments in from XLSX', () => {
  test('every row checked, then all written: Excel dates and text dates, đồng as numbers or text', async () => {
    const reply = await upload([
      [1, m.an.id, 'nguyen thi anh', 100_000, excelSerial('2026-11-05'), '2026-10', 'Tiền mặt', null, 'Tháng 10 và 11'],
      [2, String(m.binh.id), 'Trần Văn Bình', '50.000', '06/11/2026', null, 'chuyen khoan', 'NH-77001', null],
      [null, null, 'Tổng cộng', 150_000],
    ]);
    assert.deepEqual(checkReply(doc, 'POST', `/api/v1/orgs/${tree.cellA.id}/dues/payments.xlsx?month=2026-11`, reply), []);
    const report = ok(reply, 201);
    assert.equal(report.rows, 2);
    assert.equal(report.imported, 2);
    assert.equal(report.amount, 150_000);
    assert.equal(report.book.month, '2026-11');
    assert.equal(report.book.totals.collected, 150_000);
    const an = ok(await api.get(`/api/v1/members/${m.an.id}/dues`));
    assert.equal(an.payments.length, 1);
    assert.equal(an.payments[0].paid_on, '2026-11-05');
    assert.equal(an.payments[0].first_month, '2026-10');
    assert.equal(an.payments[0].channel, 'cash');
    const binh = ok(await api.get(`/api/v1/members/${m.binh.id}/dues`));
    assert.equal(binh.payments[0].channel, 'bank');
    assert.equal(binh.payments[0].reference, 'NH-77001');
    assert.equal(binh.payments[0].first_month, '2026-11', 'the month imported when no month is given');
    const trail = ok(await api.get(`/api/v1/audit?action=dues.payments_import&object_type=organization&object_id=${tree.cellA.id}`));
    assert.equal(trail.items.length, 1);
  });

  test('bad rows: each reported by row and column, and the whole file refused', async () => {
    const body = await nothingWritten(() => upload([
      [1, m.an.id, 'Nguyễn Thị Ánh', 20_000, '02/11/2026', null, 'Tiền mặt'],         // good, not written
      [2, m.other.id, 'Lê Văn Khác', 50_000, '02/11/2026', null, 'Tiền mặt'],          // another cell
      [3, 999_999_999, 'Không Có', 50_000, '02/11/2026', null, 'Tiền mặt'],            // no such member
      [4, m.binh.id, 'Trần Văn Bình', -5_000, '02/11/2026', null, 'Tiền mặt'],         // negative
      [5, m.binh.id, 'Trần Văn Bình', 12_345.5, '02/11/2026', null, 'Tiền mặt'],       // not whole
      [6, m.binh.id, 'Trần Văn Bình', 'năm mươi nghìn', '02/11/2026', null, 'Tiền mặt'],
      [7, m.binh.id, 'Trần Văn Bình', 50_000, '31/02/2026', null, 'Tiền mặt'],         // no such day
      [8, m.binh.id, 'Trần Văn Bình', 50_000, '15/10/2026', null, 'Tiền mặt'],         // other month
      [9, m.binh.id, 'Trần Văn Bình', 50_000, excelSerial('2026-11-20'), null, 'Tiền mặt'],  // future
      [10, m.binh.id, 'Trần Văn Bình', 50_000, '02/11/2026', null, 'tiền ảo'],         // channel
      [11, m.binh.id, 'Trần Văn Bình', 50_000, '02/11/2026', null, 'Cổng dịch vụ công'],  // no reference
      [12, m.binh.id, 'Trần Văn Bình', 50_000, '02/11/2026', null, 'Chuyển khoản', 'NH-77001'],  // taken
      [13, m.binh.id, 'Trần Văn Bình', 50_000, '02/11/2026', null, 'Chuyển khoản', 'NH-9'],
      [14, m.binh.id, 'Trần Văn Bình', 50_000, '02/11/2026', null, 'Chuyển khoản', 'NH-9'],  // twice
      [15, m.binh.id, 'Trần Văn Bảy', 50_000, '02/11/2026', null, 'Tiền mặt'],         // wrong name
      [16, m.binh.id, 'Trần Văn Bình', 50_000, '02/11/2026', 'tháng mười', 'Tiền mặt'],
      [17, m.binh.id, 'Trần Văn Bình', 50_000, '02/11/2026', '2026-01', 'Tiền mặt'],   // before joining
    ]), [
      ['member_id', 'member_not_in_cell'], ['amount', 'must_be_positive'], ['amount', 'not_whole_dong'],
      ['paid_on', 'xlsx_date'], ['paid_on', 'paid_on_outside_month'], ['paid_on', 'date_in_future'],
      ['channel', 'unknown_code'], ['reference', 'required'], ['reference', 'reference_taken'],
      ['reference', 'duplicate_in_file'], ['full_name', 'name_mismatch'], ['first_month', 'month_format'],
    ]);
    const at = (line, field) => body.errors.find((e) => e.line === line && e.field === field);
    // Rows 4.. of the sheet hold the payments (three title rows, then the header).
    assert.deepEqual([at(6, 'member_id').code, at(6, 'member_id').column], ['member_not_in_cell', 'B']);
    assert.equal(at(7, 'member_id').code, 'member_not_in_cell', 'an unknown member reads the same');
    assert.deepEqual([at(8, 'amount').code, at(8, 'amount').column], ['must_be_positive', 'D']);
    assert.equal(at(9, 'amount').code, 'not_whole_dong');
    assert.equal(at(10, 'amount').code, 'not_whole_dong');
    assert.deepEqual([at(11, 'paid_on').code, at(11, 'paid_on').column], ['xlsx_date', 'E']);
    assert.equal(at(14, 'channel').column, 'G');
    assert.equal(at(16, 'reference').column, 'H');
    assert.equal(at(18, 'reference').code, 'duplicate_in_file');
    assert.ok(!body.errors.some((e) => e.line === 5), 'the good row has no error');
    assert.equal(body.count, String(body.errors.length));
  });

  test('a file that is not a workbook, without a header, or hostile, is refused', async () => {
    await nothingWritten(() => upload([], { body: Buffer.from('STT,Mã đảng viên\n1,2\n') }), [['file', 'xlsx_not_zip']], 'validation_failed');
    await nothingWritten(() => upload([], { body: xlsx([['Họ và tên', 'Tiền'], ['A', 1]]) }), [['file', 'header_not_found']], 'validation_failed');
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<worksheet><sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
    await nothingWritten(() => upload([], { body: xlsx([], { sheetXml: lol }) }), [['file', 'xlsx_doctype_refused']], 'validation_failed');
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet><sheetData>' +
      '<row><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>';
    await nothingWritten(() => upload([], { body: xlsx([], { sheetXml: xxe }) }), [['file', 'xlsx_doctype_refused']], 'validation_failed');
    await nothingWritten(() => upload([], { body: xlsx([HEADER.slice(0, 4), [1, m.an.id, 'Nguyễn Thị Ánh', 5_000]]) }),
      [['paid_on', 'column_missing'], ['channel', 'column_missing']]);
  });

  test('the month must have begun and be open; the cell must be in the importer\'s reach', async () => {
    const row = [[1, m.an.id, 'Nguyễn Thị Ánh', 5_000, '02/11/2026', null, 'Tiền mặt']];
    await nothingWritten(() => upload(row, { month: '2026-12' }), [['month', 'month_in_future']], 'validation_failed');
    problem(await upload(row, { org: tree.base.id }), 409, 'org_keeps_no_dues_book');
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellB.id }));
    problem(await upload(row, { client: secretary }), 404, 'not_found');
    const office = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.root.id }));
    problem(await upload(row, { client: office }), 403, 'forbidden');
    assert.equal(await paymentsOf(m.an), 1);
  });
});

describe('the removal list in pages', () => {
  test('pages follow each other by member id and together make the whole list', async () => {
    // Members who paid nothing since March are on the list (8 unpaid months).
    const extra = [];
    for (const name of ['Phạm Văn Một', 'Phạm Văn Hai', 'Phạm Văn Ba']) {
      const member = await createMember(api, tree.cellB.id, { full_name: name });
      ok(await api.post(`/api/v1/members/${member.id}/dues/bases`, { valid_from: '2026-03', category: 'student' }), 201);
      extra.push(member.id);
    }
    const whole = ok(await api.get(`/api/v1/orgs/${tree.root.id}/dues/arrears?year=2026`));
    assert.equal(whole.next_after, null);
    assert.ok(whole.items.length >= 4);
    for (const id of extra) assert.ok(whole.items.some((i) => i.member_id === id));
    const paged = [];
    let cursor = 0;
    for (;;) {
      const path = `/api/v1/orgs/${tree.root.id}/dues/arrears?year=2026&limit=2&after=${cursor}`;
      const reply = await api.get(path);
      assert.deepEqual(checkReply(doc, 'GET', path, reply), []);
      const page = ok(reply);
      assert.ok(page.items.length <= 2);
      paged.push(...page.items.map((i) => i.member_id));
      if (page.next_after === null) break;
      cursor = page.next_after;
    }
    assert.deepEqual(paged, whole.items.map((i) => i.member_id));
    assert.deepEqual(paged, [...paged].sort((a, b) => a - b));
    problem(await api.get(`/api/v1/orgs/${tree.root.id}/dues/arrears?year=2026&limit=0`), 400, 'invalid_parameter');
  });
});
