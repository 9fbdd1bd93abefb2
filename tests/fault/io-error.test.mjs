// Fault test (issue 16; ../shared/security/reference.md §3 R4): an I/O error injected into
// SQLite's files while clients write. The LD_PRELOAD shim (tests/fault/shim/fault_shim.c) makes
// every write and fsync of the database's files fail with EIO while a trigger file exists. Each
// request meanwhile gets a clear 503 problem with Retry-After (never a crash, a 500 or a
// half-written row); once the trigger is removed the SAME process serves writes again (SQLite
// rolls the failed transaction back and resets its pager when the next transaction begins: no
// restart is needed). Afterwards every acknowledged write is there once with its audit entry,
// and `chibo check` and `chibo audit verify` pass.
//
// SQLite only (the shim acts on the chibo process's own files; PostgreSQL writes in its own
// processes): CTest fault.sqlite, which sets CHIBO_FAULT_SHIM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, ENGINE } from '../api/lib/server.mjs';
import { client, buildTree, ok } from '../api/lib/api.mjs';
import { startWorker, until, faultShimEnv, FAULT_SHIM } from './lib/worker.mjs';
import { startWriteLoad, checkLoad, checkDatabase } from './lib/load.mjs';

const PREFIX = 'Chi bộ lỗi đĩa';
const WRITERS = 4;

test('an I/O error (EIO) under a write load: 503 meanwhile, the same process serves on, nothing lost or half-written', {
  skip: ENGINE !== 'sqlite' ? 'SQLite only' : (!FAULT_SHIM ? 'needs CHIBO_FAULT_SHIM (CTest sets it)' : false),
  timeout: 300_000,
}, async () => {
  const server = await startServer({ serveArgs: ['--jobs', 'off'] });
  let worker;
  try {
    const tree = await buildTree(server.admin, 'Lỗi Ghi');
    const trigger = path.join(server.dir, 'fault-trigger');
    worker = await startWorker(server.dbUrl, [], { jobs: false, env: faultShimEnv({ trigger, match: server.db }) });
    const api = client(worker.base, { jar: server.admin.jar });
    const load = startWriteLoad(api, { parentId: tree.base.id, prefix: PREFIX, writers: WRITERS });
    try {
      await until(async () => load.acknowledged.length >= 20, 'writes acknowledged before the fault');
      fs.writeFileSync(trigger, 'EIO\n');
      load.refusedWriters.clear();
      await until(async () => load.refusedWriters.size === WRITERS, 'every writer refused while the disk fails');
      const duringFault = load.acknowledged.length;
      fs.rmSync(trigger);
      await until(async () => load.acknowledged.length >= duringFault + 20, 'writes acknowledged after the fault ended');
    } finally {
      await load.stop();
    }
    assert.deepEqual(load.unanswered, [], 'every request was answered: chibo did not crash');
    assert.equal(worker.child.exitCode, null, `the process still runs: ${worker.log()}`);
    assert.ok(load.refused.length > 0);
    for (const refused of load.refused) {
      assert.equal(refused.status, 503, `only 503 while the disk fails: ${JSON.stringify(refused)}`);
      assert.equal(refused.code, 'storage_failure', JSON.stringify(refused));
      assert.ok(Number(refused.retryAfter) >= 1, `Retry-After: ${refused.retryAfter}`);
    }
    // Reads and the session still work on the same process.
    assert.equal(ok(await api.get(`/api/v1/orgs/${tree.base.id}`)).id, tree.base.id);
    const stored = await checkLoad(server, load, PREFIX);
    const appliedAnyway = load.refused.filter((r) => stored.has(r.name)).length;
    console.log(`io-error: ${load.acknowledged.length} acknowledged, ${load.refused.length} refused (503), ` +
      `${appliedAnyway} of them stored all the same, statuses ${JSON.stringify(Object.fromEntries(load.statuses))}`);
    assert.match(worker.log(), /storage failure/, 'the server logged the cause');
    await worker.kill();
    worker = undefined;
    await checkDatabase(server);
  } finally {
    await worker?.kill('SIGKILL');
    await server.stop();
  }
});
