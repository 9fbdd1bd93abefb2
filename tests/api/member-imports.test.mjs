// Members imports in the background (issue 16; app/member_imports.h): POST /members/imports takes
// a CSV or XLSX file and answers at once with the import "queued"; the job runner checks every
// row (with the importer's access) and writes all of them in one transaction, or none: errors
// by row and field. Cancel stops an import before it is done; a process killed (SIGKILL) in the
// middle of the write leaves nothing, and the next process finishes the import once.
// Today is CHIBO_TEST_TODAY.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { client, cookieJar, ok, problem, buildTree, cccd } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';
import { xlsx, excelSerial } from './lib/xlsx.mjs';
import { startWorker, until, count } from '../fault/lib/worker.mjs';

const WAIT_MS = 120_000; // bounds the waits on a loaded machine; no speed is asserted
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const doc = loadOpenApi();

const CSV_HEADER = 'full_name,sex,birth_date,ethnicity,religion,citizen_id,admission_date,official_date,org_id,status';
const VI_HEADER = ['Họ và tên đang dùng', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Tôn giáo', 'Số CCCD',
  'Ngày vào Đảng', 'Ngày chính thức', 'Chi bộ', 'Trạng thái'];

function csvRow(org, { name = 'Nguyễn Văn Nhập', birth = '1980-05-15', id = cccd({ birthYear: 1980 }) } = {}) {
  return `${name},male,${birth},01,none,${id},2006-03-02,2007-03-02,${org.id},official`;
}

function csv(lines) {
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

async function upload(api, body, { type = 'text/csv', name = 'dang-vien.csv' } = {}) {
  const path = `/api/v1/members/imports?name=${encodeURIComponent(name)}`;
  const reply = await api.request('POST', path, { body, headers: { 'content-type': type } });
  assert.deepEqual(checkReply(doc, 'POST', path, reply).slice(0, 10), [], reply.text.slice(0, 300));
  return reply;
}

async function getImport(api, id) {
  const path = `/api/v1/members/imports/${id}`;
  const reply = await api.get(path);
  assert.deepEqual(checkReply(doc, 'GET', path, reply).slice(0, 10), [], reply.text.slice(0, 300));
  return ok(reply);
}

/** Polls the import until `done(view)`; returns the view. */
async function waitFor(api, id, done, what) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const view = await getImport(api, id);
    if (done(view)) return view;
    assert.ok(Date.now() < deadline, `${what} within ${WAIT_MS} ms: ${JSON.stringify(view).slice(0, 400)}`);
    await pause(30);
  }
}

const ended = (view) => ['done', 'failed', 'cancelled'].includes(view.state);

async function members(server) {
  return count(server, 'SELECT COUNT(*) FROM members');
}

describe('with the job runner on', () => {
  let server;
  let api;
  let tree;

  before(async () => {
    server = await startServer({ serveArgs: ['--jobs', 'on', '--jobs-interval-ms', '50'] });
    api = server.admin;
    tree = await buildTree(api, 'Nhập Tệp');
  });
  after(async () => {
    await server?.stop();
  });

  /** Uploads, waits until the import ended, returns it. */
  async function imported(body, options) {
    const started = ok(await upload(api, body, options), 201);
    assert.equal(started.state, 'queued');
    assert.equal(started.errors.length, 0);
    return waitFor(api, started.id, ended, 'the import ended');
  }

  /** The import failed naming [row, field, code?] and wrote no member. */
  async function refused(body, expected, options) {
    const before = await members(server);
    const view = await imported(body, options);
    assert.equal(view.state, 'failed', JSON.stringify(view));
    assert.equal(view.rows_written, 0);
    assert.ok(view.error_count >= expected.length);
    for (const [row, field, code] of expected) {
      assert.ok(view.errors.some((e) => e.row === row && e.field === field && (code === undefined || e.code === code)),
        `an error at row ${row} in ${field}${code ? ` (${code})` : ''}: ${JSON.stringify(view.errors)}`);
    }
    assert.equal(await members(server), before, 'nothing written');
    return view;
  }

  test('a good CSV: every row written once, the counts and an audit entry', async () => {
    const before = await members(server);
    const view = await imported(csv([CSV_HEADER,
      csvRow(tree.cellA, { name: 'Trần Văn Một' }),
      csvRow(tree.cellA, { name: 'Lê Văn Hai', birth: '17/05/1981', id: cccd({ birthYear: 1981 }) }),
      csvRow(tree.cellB, { name: 'Phạm Văn Ba' })]));
    assert.equal(view.state, 'done', JSON.stringify(view));
    assert.deepEqual([view.format, view.rows_total, view.rows_checked, view.rows_written, view.error_count],
      ['csv', 3, 3, 3, 0]);
    assert.equal(view.progress.percent, 100);
    assert.ok(view.finished_at);
    assert.equal(await members(server), before + 3);
    assert.equal(await count(server, "SELECT COUNT(*) FROM members WHERE full_name = 'Lê Văn Hai' AND birth_date = '1981-05-17'"), 1);
    assert.equal(await count(server, `SELECT COUNT(*) FROM audit_events WHERE action = 'member.import_done' AND object_id = '${view.id}'`), 1);
  });

  test('a good XLSX: Vietnamese headers, Excel dates and typed dates', async () => {
    const before = await members(server);
    const view = await imported(xlsx([
      ['DANH SÁCH ĐẢNG VIÊN'],
      VI_HEADER,
      ['Đỗ Thị Bốn', 'Nữ', excelSerial('1985-02-28'), 'Kinh', 'Không', cccd({ sex: 'female', birthYear: 1985 }),
        '02/03/2010', excelSerial('2011-03-02'), tree.cellA.id, 'Đảng viên chính thức'],
      ['Vũ Văn Năm', 'Nam', '15/06/1979', 'Kinh', 'Không', cccd({ birthYear: 1979 }),
        excelSerial('2005-03-02'), '02/03/2006', tree.cellB.id, 'Đảng viên chính thức'],
    ]), { type: XLSX_TYPE, name: 'danh-sach.xlsx' });
    assert.equal(view.state, 'done', JSON.stringify(view));
    assert.deepEqual([view.format, view.rows_written], ['xlsx', 2]);
    assert.equal(await members(server), before + 2);
    assert.equal(await count(server, "SELECT COUNT(*) FROM members WHERE full_name = 'Đỗ Thị Bốn' AND birth_date = '1985-02-28' AND admission_date = '2010-03-02'"), 1);
    assert.equal(await count(server, "SELECT COUNT(*) FROM members WHERE full_name = 'Vũ Văn Năm' AND birth_date = '1979-06-15' AND official_date = '2006-03-02'"), 1);
  });

  test('an unknown header names row 1 and the column; nothing written', async () => {
    await refused(csv([`${CSV_HEADER},shoe_size`, `${csvRow(tree.cellA)},42`]), [[1, 'file', 'column_unknown']]);
  });

  test('a bad date names its row and column; the good rows are not written either', async () => {
    await refused(csv([CSV_HEADER, csvRow(tree.cellA), csvRow(tree.cellA, { birth: '31/02/1980' })]),
      [[3, 'birth_date', 'invalid_date']]);
  });

  test('a bad date in a workbook names the sheet row', async () => {
    await refused(xlsx([VI_HEADER, [], ['Hồ Văn Sáu', 'Nam', '30/02/1979', 'Kinh', 'Không', cccd({ birthYear: 1979 }),
      '02/03/2005', '02/03/2006', tree.cellA.id, 'Đảng viên chính thức']]), [[3, 'birth_date', 'invalid_date']],
    { type: XLSX_TYPE, name: 'loi.xlsx' });
  });

  test('a citizen ID twice in the file, or already registered, names the rows', async () => {
    const id = cccd({ birthYear: 1980 });
    await refused(csv([CSV_HEADER, csvRow(tree.cellA, { id }), csvRow(tree.cellB, { id, name: 'Trần Văn Trùng' })]),
      [[3, 'citizen_id', 'duplicate_in_file']]);
    const existing = await count(server, 'SELECT MIN(id) FROM members');
    const { stdout } = await server.sql(`SELECT citizen_id FROM members WHERE id = ${existing}`);
    await refused(csv([CSV_HEADER, csvRow(tree.cellA, { id: stdout.trim(), name: 'Trần Văn Có Rồi' })]), [[2, 'citizen_id']]);
  });

  test('a row outside the importer\'s reach is an error naming the row', async () => {
    const office = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.cellA.id }));
    const before = await members(server);
    const started = ok(await upload(office, csv([CSV_HEADER, csvRow(tree.cellA), csvRow(tree.cellB, { name: 'Ngô Văn Ngoài' })])), 201);
    const view = await waitFor(office, started.id, ended, 'the import ended');
    assert.equal(view.state, 'failed');
    assert.ok(view.errors.some((e) => e.row === 3 && e.field === 'org_id'), JSON.stringify(view.errors));
    assert.ok(!view.errors.some((e) => e.row === 2), JSON.stringify(view.errors));
    assert.equal(await members(server), before);
    // The import is its importer's: the administrator over everything sees it, a colleague not.
    ok(await api.get(`/api/v1/members/imports/${view.id}`));
    const colleague = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.cellA.id }));
    problem(await colleague.get(`/api/v1/members/imports/${view.id}`), 404, 'not_found');
    problem(await colleague.post(`/api/v1/members/imports/${view.id}/cancel`, {}), 404, 'not_found');
    // Without member.import: forbidden.
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellA.id }));
    problem(await upload(secretary, csv([CSV_HEADER, csvRow(tree.cellA)])), 403, 'forbidden');
  });

  test('an empty file or another type is refused at once, naming the file', async () => {
    const before = await count(server, 'SELECT COUNT(*) FROM member_imports');
    problem(await upload(api, Buffer.alloc(0)), 422, null, [['file', 'member_import_empty']]);
    const pdf = Buffer.from('%PDF-1.4\n%\u0000\u0001 not members\n', 'latin1');
    problem(await upload(api, pdf, { type: 'application/pdf', name: 'x.pdf' }), 422, null, [['file', 'member_import_file_type']]);
    problem(await upload(api, pdf, { type: 'text/csv' }), 422, null, [['file', 'member_import_file_type']]);
    problem(await upload(api, csv([CSV_HEADER]), { type: XLSX_TYPE }), 422, null, [['file', 'member_import_file_type']]);
    assert.equal(await count(server, 'SELECT COUNT(*) FROM member_imports'), before);
    // A header and no row: nothing to write, done.
    const header = await imported(csv([CSV_HEADER]));
    assert.deepEqual([header.state, header.rows_written], ['done', 0]);
    // A damaged workbook: the file is named.
    await refused(Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.from('broken')]), [[1, 'file', 'xlsx_unreadable']],
      { type: XLSX_TYPE, name: 'hong.xlsx' });
  });

  test('a finished import cannot be cancelled; an unknown one is not found', async () => {
    const view = await imported(csv([CSV_HEADER, csvRow(tree.cellA, { name: 'Trần Văn Xong' })]));
    assert.equal(view.state, 'done');
    problem(await api.post(`/api/v1/members/imports/${view.id}/cancel`, {}), 409, 'member_import_finished');
    problem(await api.get('/api/v1/members/imports/987654321'), 404, 'not_found');
  });
});

describe('cancelling a slow import', () => {
  let server;
  before(async () => {
    server = await startServer({ serveArgs: ['--jobs', 'on', '--jobs-interval-ms', '50', '--test-import-row-us', '20000'] });
  });
  after(async () => {
    await server?.stop();
  });

  test('cancel stops the import in progress; nothing is written, and it stays cancelled', async () => {
    const api = server.admin;
    const tree = await buildTree(api, 'Hủy Nhập');
    const rows = [];
    for (let i = 0; i < 200; i++) rows.push(csvRow(tree.cellA, { name: `Nguyễn Văn Hủy ${String.fromCharCode(65 + (i % 26))}` }));
    const before = await members(server);
    const started = ok(await upload(api, csv([CSV_HEADER, ...rows])), 201);
    const running = await waitFor(api, started.id, (v) => v.progress.rows >= 3 || ended(v), 'the check in progress');
    assert.equal(running.state, 'checking', JSON.stringify(running));
    assert.ok(running.progress.percent >= 0 && running.progress.percent < 100);
    const path = `/api/v1/members/imports/${started.id}/cancel`;
    const reply = await api.post(path, {});
    assert.deepEqual(checkReply(doc, 'POST', path, reply).slice(0, 10), []);
    const cancelled = ok(reply);
    assert.equal(cancelled.state, 'cancelled');
    assert.ok(cancelled.finished_at);
    // Again: the same answer.
    assert.equal(ok(await api.post(path, {})).state, 'cancelled');
    assert.equal((await getImport(api, started.id)).state, 'cancelled');
    assert.equal(await members(server), before);
    assert.equal(await count(server, `SELECT COUNT(*) FROM audit_events WHERE action = 'member.import_cancel' AND object_id = '${started.id}'`), 1);
  });
});

describe('a process killed in the middle of the write', () => {
  test('nothing of the write stays; the next process finishes the import once', { timeout: 300_000 }, async () => {
    const server = await startServer({ serveArgs: ['--jobs', 'off'] });
    let worker;
    try {
      const api = server.admin;
      const tree = await buildTree(api, 'Ngắt Nhập');
      const ROWS = 60;
      const rows = [];
      for (let i = 0; i < ROWS; i++) rows.push(csvRow(tree.cellB, { name: `Lê Văn Ngắt ${String.fromCharCode(65 + (i % 26))}` }));
      const before = await members(server);
      const started = ok(await upload(api, csv([CSV_HEADER, ...rows])), 201);
      const args = ['--test-import-row-us', '30000', '--job-lease-seconds', '3'];
      const first = await startWorker(server.dbUrl, args);
      // The worker's own view of the import (the live progress is its process's).
      const view = client(first.base, { jar: cookieJar(api.jar.value) });
      await waitFor(view, started.id, (v) => (v.state === 'writing' && v.progress.rows >= 5) || ended(v), 'rows being written');
      const { signal } = await first.kill('SIGKILL');
      assert.equal(signal, 'SIGKILL');
      assert.equal(await members(server), before, 'nothing of the write committed');
      assert.equal(await count(server, `SELECT COUNT(*) FROM member_imports WHERE id = ${started.id} AND state = 'checked'`), 1);

      worker = await startWorker(server.dbUrl, args);
      await until(async () => (await count(server, `SELECT COUNT(*) FROM member_imports WHERE id = ${started.id} AND state = 'done'`)) === 1,
        'the import finished after the restart');
      assert.equal(await members(server), before + ROWS, 'every row once');
      assert.equal(await count(server, `SELECT rows_written FROM member_imports WHERE id = ${started.id}`), ROWS);
      assert.equal(await count(server, `SELECT COUNT(*) FROM audit_events WHERE action = 'member.import_done' AND object_id = '${started.id}'`), 1);
      await worker.kill();
      worker = undefined;
      const check = await server.chibo(['check', '--db', server.dbUrl]);
      assert.equal(check.code, 0, check.stdout + check.stderr);
    } finally {
      await worker?.kill();
      await server.stop();
    }
  });
});
