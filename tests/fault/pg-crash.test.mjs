// Fault test (reference.md §3 R1/R5 on PostgreSQL): the database server is killed (SIGKILL, the
// postmaster and every backend) in the middle of a write load and started again. chibo, never
// restarted, must answer 503 with Retry-After meanwhile, come back by itself, and lose no
// acknowledged write nor apply any write twice: every writer resends a request whose reply it
// did not get (503, reset connection) with the same Idempotency-Key until it is acknowledged.
//
// Runs under scripts/pg-cluster.sh (CHIBO_TEST_POSTGRES, PG_CLUSTER_DIR); CTest: fault.postgresql.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { startServer, ENGINE } from '../api/lib/server.mjs';
import { ok, buildTree, memberPayload, cccd } from '../api/lib/api.mjs';
import { cluster } from './lib/cluster.mjs';

const WRITERS = 8;
// Each phase lasts until what it is for has happened, not for a fixed time: writes acknowledged
// before the crash, every writer refused (503) while the database is away, writes acknowledged
// again after its restart. PHASE_MS bounds each wait; a phase that does not finish fails.
const WRITES_BEFORE_CRASH = 40;
const WRITES_AFTER_RESTART = 40;
const PHASE_MS = 30_000;
const GIVE_UP_MS = 60_000;  // a write not acknowledged by then fails the test

const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 50 ms until it holds; fails after PHASE_MS naming `what`. */
async function until(condition, what) {
  const deadline = Date.now() + PHASE_MS;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `${what}: not within ${PHASE_MS} ms`);
    await sleep(50);
  }
}

test('chibo rides out a killed and restarted PostgreSQL without losing or doubling a write', {
  skip: ENGINE !== 'postgresql' || !process.env.PG_CLUSTER_DIR ? 'needs scripts/pg-cluster.sh run' : false,
  timeout: 150_000,
}, async () => {
  const server = await startServer({ data: 'empty' });
  try {
    const admin = server.admin;
    const tree = await buildTree(admin, 'Sự cố');
    assert.equal(ok(await admin.get('/api/v1/health')).status, 'ok');

    const acknowledged = [];  // {key, citizen_id, id}
    const statuses = new Map();
    let unavailable = 0;
    const refusedWriters = new Set();  // writers that got a 503 since the crash
    let retryAfterSeen = 0;
    let networkErrors = 0;
    let replayed = 0;  // resent after a lost reply and answered from the stored one
    let stop = false;
    let serial = 500000;

    async function writeOnce(writer) {
      const citizen = cccd({ serialNo: ++serial });
      const key = crypto.randomUUID();
      const payload = memberPayload(writer % 2 ? tree.cellA.id : tree.cellB.id, {
        full_name: `Nguyễn Văn Tải ${GIVEN[writer % GIVEN.length]}`, citizen_id: citizen,
      });
      const deadline = Date.now() + GIVE_UP_MS;
      for (;;) {
        let reply;
        try {
          reply = await admin.post('/api/v1/members', payload, { headers: { 'idempotency-key': key } });
        } catch {
          networkErrors++;  // chibo never goes away, but count it if the socket does
          await sleep(200);
          continue;
        }
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.status === 201) {
          if (reply.headers.get('idempotent-replayed') === 'true') replayed++;
          acknowledged.push({ key, citizen_id: citizen, id: reply.body.id });
          return;
        }
        assert.equal(reply.status, 503, `only 503 while the database is away: ${reply.status} ${reply.text.slice(0, 300)}`);
        unavailable++;
        refusedWriters.add(writer);
        const after = Number(reply.headers.get('retry-after'));
        assert.ok(Number.isInteger(after) && after >= 1, `Retry-After: ${reply.headers.get('retry-after')}`);
        retryAfterSeen++;
        assert.ok(Date.now() < deadline, `write ${key} still not acknowledged after ${GIVE_UP_MS} ms`);
        // Honour Retry-After, but no more than a second: the test wants to see recovery early.
        await sleep(Math.min(after, 1) * 1000 * (0.5 + Math.random() / 2));
      }
    }

    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      while (!stop) await writeOnce(writer);
    });

    await until(() => acknowledged.length >= WRITES_BEFORE_CRASH, 'writes before the crash');
    const beforeCrash = acknowledged.length;
    await cluster('crash', process.env.PG_CLUSTER_DIR);
    const crashedAt = Date.now();
    refusedWriters.clear();
    // Down until every writer has been refused: all of them are then resending.
    await until(() => refusedWriters.size === WRITERS, 'every writer refused while the database is down');
    const duringOutage = acknowledged.length;
    await cluster('resume', process.env.PG_CLUSTER_DIR);
    const resumedAt = Date.now();
    // chibo must come back by itself: the first acknowledged write after the restart.
    await until(() => acknowledged.length > duringOutage, 'a write acknowledged after the restart');
    const recoveredMs = Date.now() - resumedAt;
    await until(() => acknowledged.length >= duringOutage + WRITES_AFTER_RESTART, 'writes after the restart');
    stop = true;
    await Promise.all(writers);

    console.log(`fault: ${acknowledged.length} writes acknowledged (${beforeCrash} before the crash), ` +
      `${unavailable} answers 503 (all with Retry-After), ${replayed} replayed replies, ${networkErrors} network errors, ` +
      `statuses ${JSON.stringify(Object.fromEntries(statuses))}; database down ${resumedAt - crashedAt} ms, ` +
      `first acknowledged write ${recoveredMs} ms after its restart`);
    assert.ok(beforeCrash > 0, 'writes went through before the crash');
    assert.ok(unavailable > 0, 'clients got 503 while the database was down');
    assert.equal(retryAfterSeen, unavailable);
    assert.ok(acknowledged.length > duringOutage, 'writes went through again after the restart');
    assert.ok(recoveredMs < 15_000, `recovered ${recoveredMs} ms after the restart`);

    // Every acknowledged write is there, once; nothing else was written.
    const counted = await server.sql(
      "SELECT COUNT(*), COUNT(DISTINCT citizen_id) FROM members WHERE full_name LIKE 'Nguyễn Văn Tải %'");
    assert.equal(counted.code, 0, counted.stderr);
    const [rows, distinct] = counted.stdout.trim().split('|').map(Number);
    assert.equal(rows, acknowledged.length, 'members in the database = acknowledged writes');
    assert.equal(distinct, acknowledged.length);
    for (const write of acknowledged) {
      const member = ok(await admin.get(`/api/v1/members/${write.id}`));
      assert.equal(member.citizen_id, write.citizen_id);
    }
    assert.equal(new Set(acknowledged.map((w) => w.id)).size, acknowledged.length, 'no id acknowledged twice');

    // The same process is still serving, its derived data and audit chain intact.
    assert.equal(ok(await admin.get('/api/v1/health')).status, 'ok');
    const checked = await server.chibo(['check', '--db', server.dbUrl]);
    assert.equal(checked.code, 0, checked.stdout + checked.stderr);
    const verified = await server.chibo(['audit', 'verify', '--db', server.dbUrl]);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
  } finally {
    await server.stop();
  }
});
