// Fault test (issue 16; ../shared/security/reference.md §3 R7): an online backup under a write
// load and its restore. `chibo db backup` (SQLite's backup API: one read snapshot, checked with
// integrity_check, renamed into place) runs while four clients keep creating organizations; the
// backup is restored into a new file the way docs/deploy.md says (a plain copy, no -wal/-shm),
// and the copy passes `chibo check` and `chibo audit verify`, holds every write acknowledged
// before the backup started (once, each with its audit entry) and nothing no client sent, and a
// server started on it serves reads and writes with the sessions it held.
//
// SQLite only: `chibo db backup` refuses PostgreSQL (db_backup_sqlite_only), whose backups are
// pg_basebackup/pg_dump (docs/deploy.md). CTest: fault.sqlite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, ENGINE, runSql } from '../api/lib/server.mjs';
import { client, buildTree, ok } from '../api/lib/api.mjs';
import { startWorker, until, count } from './lib/worker.mjs';
import { startWriteLoad, checkLoad, checkDatabase } from './lib/load.mjs';

const PREFIX = 'Chi bộ sao lưu';

test('an online backup under a write load restores into a sound database holding every write acknowledged before it', {
  skip: ENGINE !== 'sqlite' ? 'SQLite only (chibo db backup)' : false,
  timeout: 300_000,
}, async () => {
  const server = await startServer({ serveArgs: ['--jobs', 'off'] });
  let restoredServer;
  try {
    const tree = await buildTree(server.admin, 'Sao Lưu');
    const load = startWriteLoad(server.admin, { parentId: tree.base.id, prefix: PREFIX, writers: 4 });
    const backup = path.join(server.dir, 'backups', 'chibo-backup.db');
    fs.mkdirSync(path.dirname(backup));
    let before;
    let afterBackup;
    try {
      await until(async () => load.acknowledged.length >= 30, 'writes acknowledged before the backup');
      before = [...load.acknowledged];
      const run = await server.chibo(['db', 'backup', '--db', server.dbUrl, '--to', backup]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      afterBackup = load.acknowledged.length;
      // The load went on during the backup and after it: the backup blocked no writer for good.
      await until(async () => load.acknowledged.length >= afterBackup + 20, 'writes acknowledged after the backup');
    } finally {
      await load.stop();
    }
    assert.deepEqual(load.unanswered, []);
    for (const refused of load.refused) assert.equal(refused.status, 503, JSON.stringify(refused));
    await checkLoad(server, load, PREFIX);  // the live database, for comparison

    // Restore into a new file, as docs/deploy.md does: the backup file copied, nothing else.
    const restoredFile = path.join(server.dir, 'restored', 'chibo.db');
    fs.mkdirSync(path.dirname(restoredFile));
    fs.copyFileSync(backup, restoredFile);
    assert.ok(!fs.existsSync(`${restoredFile}-wal`));
    const restored = {
      dbUrl: `sqlite:${restoredFile}`,
      sql: (text) => runSql(`sqlite:${restoredFile}`, text),
      chibo: server.chibo,
    };
    await checkDatabase(restored, restored.dbUrl);
    // Every write acknowledged before the backup started is in it.
    const stored = await checkLoad(restored, load, PREFIX, { mustHold: before });
    assert.ok(stored.size <= load.acknowledged.length + load.refused.length);
    console.log(`backup: ${before.length} writes acknowledged before the backup, ${stored.size} in it, ` +
      `${load.acknowledged.length} in all (${afterBackup} when the backup finished)`);

    // A server on the restored file serves, with the sessions the backup held.
    restoredServer = await startWorker(restored.dbUrl, [], { jobs: false });
    const api = client(restoredServer.base, { jar: server.admin.jar });
    assert.equal(ok(await api.get(`/api/v1/orgs/${tree.base.id}`)).id, tree.base.id);
    ok(await api.post('/api/v1/orgs', { kind: 'cell', name: `${PREFIX} sau khi phục hồi`, parent_id: tree.base.id }), 201);
    await restoredServer.kill();
    restoredServer = undefined;
    assert.equal(await count(restored, `SELECT COUNT(*) FROM organizations WHERE name = '${PREFIX} sau khi phục hồi'`), 1);
    await checkDatabase(restored, restored.dbUrl);
  } finally {
    await restoredServer?.kill('SIGKILL');
    await server.stop();
  }
});
