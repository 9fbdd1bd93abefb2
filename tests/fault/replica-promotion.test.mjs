// Fault test (issue 16; ../shared/security/reference.md §3 R12): the PostgreSQL primary is killed
// (SIGKILL, the postmaster and every backend) under a write load and its streaming standby is
// promoted. The standby is a pg_basebackup -R copy of the primary, made synchronous
// (synchronous_standby_names) before the load starts, so that a commit is acknowledged only once
// the standby has it. chibo, pointed at the promoted standby, must hold every acknowledged write,
// none of them twice, nothing that no client sent; `chibo check` and `chibo audit verify` pass;
// new writes succeed, with the sessions of the old primary.
//
// Beside it, a chibo started once on a multi-host URL that names the standby FIRST, with
// target_session_attrs=read-write (as docs/deploy.md §2.3 does): before the failover it reads
// each of its writes back at once (R13: its connections are on the primary, never on the lagging
// standby), and after the promotion it takes writes again without a restart (R12: it follows the
// promoted standby through the URL).
//
// The two clusters are the test's own (scripts/pg-cluster.sh start, standby, promote; each
// watched so that it is stopped if the test dies), not the one the suite runs under: that one
// is never killed here. PostgreSQL only (CTest fault.postgresql).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, runSql, withDatabase, ENGINE } from '../api/lib/server.mjs';
import { cluster, sqlOk } from './lib/cluster.mjs';
import { client, buildTree } from '../api/lib/api.mjs';
import { startWorker, until, count } from './lib/worker.mjs';
import { startWriteLoad, checkLoad, checkDatabase } from './lib/load.mjs';

const PREFIX = 'Chi bộ dự phòng';
const PREFIX_AFTER = 'Chi bộ sau thăng cấp';
const PREFIX_FOLLOWER = 'Chi bộ đọc ngay';
const WRITERS = 4;

test('the primary is killed under a write load and its synchronous standby promoted: every acknowledged write there once, writes go on', {
  skip: ENGINE !== 'postgresql' ? 'PostgreSQL only (CTest fault.postgresql)' : false,
  timeout: 300_000,
}, async () => {
  const primaryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-pg-primary-'));
  const standbyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-pg-standby-'));
  let server;
  let worker;
  let follower;
  try {
    const primaryUrl = await cluster('start', primaryDir);
    await cluster('watch', String(process.pid), primaryDir);
    const standbyUrl = await cluster('standby', standbyDir, primaryDir);
    await cluster('watch', String(process.pid), standbyDir);
    // Synchronous: a commit returns once the standby has flushed it (synchronous_commit = on).
    await sqlOk(primaryUrl, "ALTER SYSTEM SET synchronous_standby_names = '*'");
    await sqlOk(primaryUrl, 'SELECT pg_reload_conf()');
    await until(async () => (await runSql(primaryUrl, 'SELECT sync_state FROM pg_stat_replication')).stdout.trim() === 'sync',
      'the standby streaming synchronously');

    server = await startServer({ pgServer: primaryUrl, serveArgs: ['--jobs', 'off'] });
    const tree = await buildTree(server.admin, 'Dự Phòng');

    // The follower: the standby listed first, the primary second; only a read-write server will do.
    const dbName = new URL(server.dbUrl).pathname.slice(1);
    const standby = new URL(standbyUrl);
    const followerUrl = `postgresql://${standby.username}@${standby.host},${new URL(primaryUrl).host}/${dbName}` +
      '?target_session_attrs=read-write&connect_timeout=3';
    follower = await startWorker(followerUrl, [], { jobs: false });
    const followerApi = client(follower.base, { jar: server.admin.jar });
    // Strict: the read must answer at once. Not strict (after the failover, while the pool still
    // holds connections to the dead primary): a refused read is tried again with a new write.
    const writeAndReadBack = async (name, { strict = true } = {}) => {
      const created = await followerApi.post('/api/v1/orgs', { kind: 'cell', name, parent_id: tree.base.id });
      if (created.status !== 201) return false;
      const read = await followerApi.get(`/api/v1/orgs/${created.body.id}`);
      if (!strict && read.status !== 200) return false;
      assert.equal(read.status, 200, `read back at once: ${read.text}`);
      assert.equal(read.body.name, name);
      return true;
    };
    for (let i = 1; i <= 5; i++)
      assert.ok(await writeAndReadBack(`${PREFIX_FOLLOWER} ${i}`), 'the follower writes (on the primary)');
    const load = startWriteLoad(server.admin, { parentId: tree.base.id, prefix: PREFIX, writers: WRITERS });
    try {
      await until(async () => load.acknowledged.length >= 20, 'writes acknowledged before the primary died');
      await cluster('crash', primaryDir);  // kill -9 the postmaster and its backends
      load.refusedWriters.clear();
      await until(async () => load.refusedWriters.size === WRITERS, 'every writer refused once the primary is gone');
    } finally {
      await load.stop();
    }
    assert.deepEqual(load.unanswered, [], 'chibo answered every request while its database was gone');
    for (const refused of load.refused) {
      assert.equal(refused.status, 503, `only 503 while the primary is gone: ${JSON.stringify(refused)}`);
      assert.ok(Number(refused.retryAfter) >= 1, `Retry-After: ${refused.retryAfter}`);
    }

    await cluster('promote', standbyDir);
    assert.equal(await sqlOk(standbyUrl, 'SELECT pg_is_in_recovery()'), 'f', 'the standby is a primary now');
    // The follower, never restarted, writes again once its pool has found the promoted standby.
    let attempt = 0;
    await until(async () => writeAndReadBack(`${PREFIX_FOLLOWER} sau ${++attempt}`, { strict: false }),
      'the follower writing on the promoted standby');
    const promotedUrl = withDatabase(standbyUrl, new URL(server.dbUrl).pathname.slice(1));
    // The promoted database, seen as a test server: raw SQL and the CLI go to the standby.
    const promoted = { sql: (text) => runSql(promotedUrl, text), chibo: server.chibo };
    const stored = await checkLoad(promoted, load, PREFIX);
    const appliedAnyway = load.refused.filter((r) => stored.has(r.name)).length;

    worker = await startWorker(promotedUrl, [], { jobs: false });
    const api = client(worker.base, { jar: server.admin.jar });  // the session was replicated too
    const after = startWriteLoad(api, { parentId: tree.base.id, prefix: PREFIX_AFTER, writers: WRITERS });
    try {
      await until(async () => after.acknowledged.length >= 20, 'writes acknowledged on the promoted standby');
    } finally {
      await after.stop();
    }
    assert.deepEqual(after.refused, [], 'no write refused on the promoted standby');
    assert.deepEqual(after.unanswered, []);
    await checkLoad(promoted, after, PREFIX_AFTER);
    console.log(`replica-promotion: ${load.acknowledged.length} acknowledged before the failover, ` +
      `${load.refused.length} refused (503), ${appliedAnyway} of them stored all the same; ` +
      `${after.acknowledged.length} acknowledged after it; ` +
      `${await count(promoted, `SELECT COUNT(*) FROM organizations WHERE name LIKE '${PREFIX} %'`)} stored`);
    assert.ok(await count(promoted, `SELECT COUNT(*) FROM organizations WHERE name LIKE '${PREFIX_FOLLOWER} sau %'`) >= 1);
    await worker.kill();
    worker = undefined;
    await follower.kill();
    follower = undefined;
    await checkDatabase(promoted, promotedUrl);
  } finally {
    await worker?.kill('SIGKILL');
    await follower?.kill('SIGKILL');
    await server?.stop();
    await cluster('stop', standbyDir).catch(() => {});
    await cluster('stop', primaryDir).catch(() => {});
  }
});
