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
import { buildTree, memberPayload, cccd } from '../api/lib/api.mjs';
import { armFault, count, faultShimEnv, runChiboWith } from './lib/worker.mjs';
import { checkDatabase } from './lib/load.mjs';
import { storageFaultUnderLoad, startShimServer, SHIM_SKIP as skip } from './lib/storage-fault.mjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DISK_FULL = /disk is full|ổ đĩa của máy chủ đã đầy/i;

test('the disk fills up under a write load: 503 storage_full, nothing half-written, writes resume when space returns', { skip, timeout: 300_000 }, async () => {
  await storageFaultUnderLoad({
    errno: 'ENOSPC', code: 'storage_full', logged: /storage full/, treeName: 'Đĩa Đầy', prefix: 'Chi bộ đĩa đầy',
    inspect: async ({ load }) => {
      for (const refused of load.refused) assert.match(refused.title, DISK_FULL, 'the answer names the cause');
    },
  });
});

test('the disk fills up during a member import: a clear error, none of its rows, all of them once space returns', { skip, timeout: 300_000 }, async () => {
  const { server, trigger } = await startShimServer();
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

    armFault(trigger, 'ENOSPC');
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
