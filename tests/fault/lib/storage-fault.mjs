// A storage fault under a write load on SQLite, as io-error.test.mjs (EIO) and disk-full.test.mjs
// (ENOSPC) run it: the LD_PRELOAD shim in a second chibo process on a test server's database,
// clients writing through that process while the fault comes and goes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, ENGINE } from '../../api/lib/server.mjs';
import { client, buildTree } from '../../api/lib/api.mjs';
import { startWorker, until, faultShimEnv, armFault, FAULT_SHIM } from './worker.mjs';
import { startWriteLoad, checkLoad, checkDatabase } from './load.mjs';

/** The `skip` of a test that needs the shim on SQLite's files. */
export const SHIM_SKIP = ENGINE !== 'sqlite' ? 'SQLite only' : (!FAULT_SHIM ? 'needs CHIBO_FAULT_SHIM (CTest sets it)' : false);

/** A fresh test server, and the path of a trigger file in its folder: the shim fails writes
 * while it exists. */
export async function startShimServer() {
  const server = await startServer({ serveArgs: ['--jobs', 'off'] });
  return { server, trigger: path.join(server.dir, 'fault-trigger') };
}

/**
 * Runs `writers` clients creating organizations named `${prefix} ...` through a chibo process
 * with the shim loaded: 20 writes acknowledged, then the fault (`errno`: 'EIO' or 'ENOSPC')
 * until every writer has been refused, then no fault until 20 more are acknowledged. Checks
 * what every storage fault must give: each request answered (no crash), the process still
 * running, each refusal a 503 `code` with Retry-After, the database holding the load
 * (checkLoad), the cause in the log (`logged`), and `chibo check` and `audit verify` passing
 * once the process stopped. `inspect({ api, tree, load, stored })` adds the test's own checks
 * while the process still serves.
 */
export async function storageFaultUnderLoad({ errno, code, logged, treeName, prefix, writers = 4, inspect = async () => {} }) {
  const { server, trigger } = await startShimServer();
  let worker;
  try {
    const tree = await buildTree(server.admin, treeName);
    worker = await startWorker(server.dbUrl, [], { jobs: false, env: faultShimEnv({ trigger, match: server.db }) });
    const api = client(worker.base, { jar: server.admin.jar });
    const load = startWriteLoad(api, { parentId: tree.base.id, prefix, writers });
    try {
      await until(async () => load.acknowledged.length >= 20, 'writes acknowledged before the fault');
      armFault(trigger, errno);
      load.refusedWriters.clear();
      await until(async () => load.refusedWriters.size === writers, `every writer refused while ${errno} lasts`);
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
      assert.equal(refused.status, 503, `only 503 while ${errno} lasts: ${JSON.stringify(refused)}`);
      assert.equal(refused.code, code, JSON.stringify(refused));
      assert.ok(Number(refused.retryAfter) >= 1, `Retry-After: ${refused.retryAfter}`);
    }
    const stored = await checkLoad(server, load, prefix);
    await inspect({ api, tree, load, stored });
    assert.match(worker.log(), logged, 'the server logged the cause');
    await worker.kill();
    worker = undefined;
    await checkDatabase(server);
  } finally {
    await worker?.kill('SIGKILL');
    await server.stop();
  }
}
