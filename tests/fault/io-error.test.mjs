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
import { ok } from '../api/lib/api.mjs';
import { storageFaultUnderLoad, SHIM_SKIP } from './lib/storage-fault.mjs';

test('an I/O error (EIO) under a write load: 503 meanwhile, the same process serves on, nothing lost or half-written', {
  skip: SHIM_SKIP,
  timeout: 300_000,
}, async () => {
  await storageFaultUnderLoad({
    errno: 'EIO', code: 'storage_failure', logged: /storage failure/, treeName: 'Lỗi Ghi', prefix: 'Chi bộ lỗi đĩa',
    inspect: async ({ api, tree, load, stored }) => {
      // Reads and the session still work on the same process.
      assert.equal(ok(await api.get(`/api/v1/orgs/${tree.base.id}`)).id, tree.base.id);
      const appliedAnyway = load.refused.filter((r) => stored.has(r.name)).length;
      console.log(`io-error: ${load.acknowledged.length} acknowledged, ${load.refused.length} refused (503), ` +
        `${appliedAnyway} of them stored all the same, statuses ${JSON.stringify(Object.fromEntries(load.statuses))}`);
    },
  });
});
