// Fault test (issue 16; ../shared/security/reference.md §3 R3): the disk fills up while clients
// write and while a member import runs. Without root there is no small volume to fill, so the
// LD_PRELOAD shim (tests/fault/shim/fault_shim.c) makes every write, fsync and growing ftruncate
// of the database's files fail with ENOSPC while a trigger file exists: what the kernel answers
// on a full disk. SQLite reports SQLITE_FULL; chibo answers 503 "storage_full" (the disk is
// full: the change was not saved), with Retry-After; nothing is half-applied; when the trigger
// goes ("space returns") the same process writes again without a restart.
//
// The import is `chibo import` (members from CSV, one transaction: app/member_import.h), the only
// member import there is (the API has none): it fails with a message naming the full disk and
// leaves none of its rows; run again once space returns, it imports every row.
//
// SQLite only (CTest fault.sqlite, which sets CHIBO_FAULT_SHIM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, ENGINE } from '../api/lib/server.mjs';
import { client, buildTree, memberPayload, cccd } from '../api/lib/api.mjs';
import { startWorker, until, count, faultShimEnv, runChiboWith, FAULT_SHIM } from './lib/worker.mjs';
import { startWriteLoad, checkLoad, checkDatabase } from './lib/load.mjs';

const PREFIX = 'Chi bộ đĩa đầy';
const WRITERS = 4;
const skip = ENGINE !== 'sqlite' ? 'SQLite only' : (!FAULT_SHIM ? 'needs CHIBO_FAULT_SHIM (CTest sets it)' : false);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DISK_FULL = /disk is full|ổ đĩa của máy chủ đã đầy/i;

test('the disk fills up under a write load: 503 storage_full, nothing half-written, writes resume when space returns', { skip, timeout: 300_000 }, async () => {
  const server = await startServer({ serveArgs: ['--jobs', 'off'] });
  let worker;
  try {
    const tree = await buildTree(server.admin, 'Đĩa Đầy');
    const trigger = path.join(server.dir, 'fault-trigger');
    worker = await startWorker(server.dbUrl, [], { jobs: false, env: faultShimEnv({ trigger, match: server.db }) });
    const api = client(worker.base, { jar: server.admin.jar });
    const load = startWriteLoad(api, { parentId: tree.base.id, prefix: PREFIX, writers: WRITERS });
    try {
      await until(async () => load.acknowledged.length >= 20, 'writes acknowledged before the disk filled');
      fs.writeFileSync(trigger, 'ENOSPC\n');
      load.refusedWriters.clear();
      await until(async () => load.refusedWriters.size === WRITERS, 'every writer refused while the disk is full');
      const whileFull = load.acknowledged.length;
      fs.rmSync(trigger);
      await until(async () => load.acknowledged.length >= whileFull + 20, 'writes acknowledged once space returned');
    } finally {
      await load.stop();
    }
    assert.deepEqual(load.unanswered, [], 'every request was answered: chibo did not crash');
    assert.equal(worker.child.exitCode, null, `the process still runs: ${worker.log()}`);
    assert.ok(load.refused.length > 0);
    for (const refused of load.refused) {
      assert.equal(refused.status, 503, `only 503 while the disk is full: ${JSON.stringify(refused)}`);
      assert.equal(refused.code, 'storage_full', JSON.stringify(refused));
      assert.match(refused.title, DISK_FULL, 'the answer names the cause');
      assert.ok(Number(refused.retryAfter) >= 1, `Retry-After: ${refused.retryAfter}`);
    }
    await checkLoad(server, load, PREFIX);
    assert.match(worker.log(), /storage full/, 'the server logged the cause');
    await worker.kill();
    worker = undefined;
    await checkDatabase(server);
  } finally {
    await worker?.kill('SIGKILL');
    await server.stop();
  }
});

test('the disk fills up during a member import: a clear error, none of its rows, all of them once space returns', { skip, timeout: 300_000 }, async () => {
  const server = await startServer({ serveArgs: ['--jobs', 'off'] });
  try {
    const tree = await buildTree(server.admin, 'Nhập Đĩa Đầy');
    const ROWS = 200;
    const columns = ['full_name', 'sex', 'birth_date', 'ethnicity', 'religion', 'citizen_id', 'admission_date', 'official_date', 'org_id', 'status'];
    const lines = [columns.join(',')];
    for (let i = 0; i < ROWS; i++) {
      const member = memberPayload(i % 2 ? tree.cellA.id : tree.cellB.id, {
        full_name: `Trần Thị Nhập ${LETTERS[Math.floor(i / 26)].toUpperCase()}${LETTERS[i % 26]}`, sex: 'female', citizen_id: cccd({ sex: 'female', serialNo: 700000 + i }),
      });
      lines.push(columns.map((c) => member[c] ?? '').join(','));
    }
    const file = path.join(server.dir, 'dang-vien.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const imported = "SELECT COUNT(*) FROM members WHERE full_name LIKE 'Trần Thị Nhập %'";
    const audited = "SELECT COUNT(*) FROM audit_events WHERE action LIKE 'member.%'";
    const auditBefore = await count(server, audited);

    const trigger = path.join(server.dir, 'fault-trigger');
    fs.writeFileSync(trigger, 'ENOSPC\n');
    const env = { ...faultShimEnv({ trigger, match: server.db }), LANG: 'en_US.UTF-8' };
    const full = await runChiboWith(['import', file, '--db', server.dbUrl], env);
    assert.notEqual(full.code, 0, `the import must fail: ${full.stdout}${full.stderr}`);
    assert.equal(full.signal, null, `no crash: ${full.stderr}`);
    assert.match(full.stderr, DISK_FULL, `the error names the cause: ${full.stderr}`);
    console.log(`disk-full import: ${full.stderr.split('\n').filter((l) => !/warning/.test(l)).join(' ').trim()}`);
    assert.equal(await count(server, imported), 0, 'none of the import is there');
    assert.equal(await count(server, audited), auditBefore, 'no audit entry of it either');

    fs.rmSync(trigger);  // space returns
    const again = await runChiboWith(['import', file, '--db', server.dbUrl], env);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(await count(server, imported), ROWS, 'every row once');
    await checkDatabase(server);
  } finally {
    await server.stop();
  }
});
