// Fault test (issue 16; ../shared/security/reference.md §3 R10): request floods within the
// limits. chibo serves at most --max-connections connections at once (more wait in the kernel's
// accept queue) and gives each client --read-timeout-seconds to send a whole request, however
// slowly it trickles it in; logins are throttled per account and address (429 with Retry-After).
//  1. Slow clients (slowloris: headers a byte at a time, or connections opened and left idle)
//     up to a few slots below the limit, plus a burst of bad logins: a normal client's reads and
//     writes are still answered, correctly; the limiter answers 429 with Retry-After.
//  2. Slow clients holding EVERY slot: a normal client's request waits to be accepted and is
//     answered once the server has cut the slow clients off at their read time limit.
// No duration is asserted: each wait is for an answer, bounded only against a hang.
//
// SQLite only (CTest fault.sqlite): connections, time limits and the login limiter are the HTTP
// layer's and the same on both engines; it passes on PostgreSQL too (scripts/pg-cluster.sh run
// with FLOOD_ON_POSTGRESQL=1), left out of fault.postgresql to keep the fault stage short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import http from 'node:http';
import { startServer, ENGINE } from '../api/lib/server.mjs';
import { client, cookieJar, createOrg, ok } from '../api/lib/api.mjs';
import { startWorker, until } from './lib/worker.mjs';

const skip = ENGINE !== 'sqlite' && !process.env.FLOOD_ON_POSTGRESQL ? 'the HTTP layer: run on SQLite' : false;
const HEADER = 'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Chibo-Slow: ';

/**
 * Opens `count` connections to 127.0.0.1:`port`; `trickle` ones send a request's headers a byte
 * every 100 ms and never end them, the others send nothing. Resolves once all are connected with
 * { closedByServer(), close() }.
 */
async function slowClients(port, count, { trickle }) {
  const sockets = [];
  let closedByServer = 0;
  let closing = false;
  await Promise.all(Array.from({ length: count }, () => new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => resolve());
    socket.on('error', (error) => { if (!closing && !socket.connecting) return; if (socket.connecting) reject(error); });
    // The server's FIN ('end') or a reset ('close'): counted once per socket.
    const cut = () => { if (!closing && !socket.cut) { socket.cut = true; closedByServer++; } };
    socket.on('end', cut);
    socket.on('close', cut);
    socket.on('data', () => { /* the server's 408 or nothing */ });
    socket.sent = 0;
    sockets.push(socket);
  })));
  const timer = trickle ? setInterval(() => {
    for (const socket of sockets) {
      if (socket.destroyed || socket.cut) continue;
      const next = socket.sent < HEADER.length ? HEADER[socket.sent] : 'a';
      socket.sent++;
      socket.write(next);
    }
  }, 100) : null;
  return {
    closedByServer: () => closedByServer,
    close: () => {
      closing = true;
      if (timer) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
    },
  };
}

/** GET `path` on a new connection of its own (fetch would reuse a pooled one that the server
 * accepted earlier); resolves with { status, body }. */
function getOnNewConnection(base, path, jar) {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, {
      agent: false, headers: { cookie: `chibo_session=${jar.value}`, connection: 'close' },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, body: JSON.parse(text) }));
    });
    request.on('error', reject);
  });
}

test('slow clients below the connection limit and a login burst: a normal client is served, the limiter answers 429', { skip, timeout: 300_000 }, async () => {
  const LIMIT = 64;
  // A read time limit longer than the test: here the slow clients must hold their slots.
  const server = await startServer({ serveArgs: ['--jobs', 'off', '--max-connections', String(LIMIT), '--read-timeout-seconds', '900'] });
  const floods = [];
  try {
    const port = Number(new URL(server.base).port);
    const tree = { id: (await createOrg(server.admin, { kind: 'committee_central', name: 'Đảng bộ Lũ Yêu Cầu', code: `F${Date.now() % 100000}` })).id };
    // A few slots stay free: the normal client and the login burst (at most 4 in flight).
    floods.push(await slowClients(port, 28, { trickle: true }));
    floods.push(await slowClients(port, LIMIT - 28 - 10, { trickle: false }));

    const normal = server.admin;
    const leader = await server.addUser({ roles: ['leader'] });
    const statuses = [];
    const burst = (async () => {
      const ATTEMPTS = 30;
      let next = 0;
      await Promise.all(Array.from({ length: 4 }, async () => {
        while (next < ATTEMPTS) {
          const i = next++;
          const reply = await server.signIn({ ...leader, password: `sai-mat-khau-${i}` }, { jar: cookieJar() });
          statuses.push({ status: reply.status, retryAfter: reply.headers.get('retry-after'), code: reply.body?.code });
        }
      }));
    })();
    // The normal client, during the flood and the burst: reads and a write, each answered right.
    for (let i = 0; i < 5; i++) {
      assert.equal(ok(await normal.get(`/api/v1/orgs/${tree.id}`)).name, 'Đảng bộ Lũ Yêu Cầu');
      const cell = ok(await normal.post('/api/v1/orgs', { kind: 'base_cell', name: `Chi bộ giữa lũ ${i}`, parent_id: tree.id }), 201);
      assert.equal(ok(await normal.get(`/api/v1/orgs/${cell.id}`)).parent_id, tree.id);
    }
    await burst;
    assert.equal(statuses.length, 30);
    for (const s of statuses) assert.ok([401, 429].includes(s.status), JSON.stringify(s));
    const throttled = statuses.filter((s) => s.status === 429);
    assert.ok(throttled.length > 0, `the limiter answered 429: ${JSON.stringify(statuses)}`);
    for (const s of throttled) {
      assert.equal(s.code, 'login_throttled');
      assert.ok(Number(s.retryAfter) >= 1, `Retry-After: ${s.retryAfter}`);
    }
    // The right password is refused too while throttled (the attacker learns nothing).
    const right = await server.signIn(leader, { jar: cookieJar() });
    assert.equal(right.status, 429);
    // The slow clients held their connections all along.
    assert.equal(floods[0].closedByServer() + floods[1].closedByServer(), 0);
    assert.equal(ok(await normal.get('/api/v1/health')).status, 'ok');
  } finally {
    for (const flood of floods) flood.close();
    await server.stop();
  }
});

test('slow clients holding every slot are cut off at the read time limit, and the waiting client is served', { skip, timeout: 300_000 }, async () => {
  const LIMIT = 16;
  const server = await startServer({ serveArgs: ['--jobs', 'off'] });
  let worker;
  let flood;
  try {
    const tree = await createOrg(server.admin, { kind: 'committee_central', name: 'Đảng bộ Chờ Kết Nối', code: `W${Date.now() % 100000}` });
    worker = await startWorker(server.dbUrl, ['--max-connections', String(LIMIT), '--read-timeout-seconds', '2'], { jobs: false });
    const port = Number(new URL(worker.base).port);
    flood = await slowClients(port, LIMIT + 4, { trickle: true });
    const answer = await getOnNewConnection(worker.base, `/api/v1/orgs/${tree.id}`, server.admin.jar);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.name, 'Đảng bộ Chờ Kết Nối');
    // The server cuts every slow client off at its read time limit (those that waited to be
    // accepted too); none of them gave up by itself.
    await until(async () => flood.closedByServer() === LIMIT + 4, 'every slow client cut off by the server');
    assert.equal(worker.child.exitCode, null, worker.log());
    assert.equal(ok(await client(worker.base).get('/api/v1/health')).status, 'ok');
  } finally {
    flood?.close();
    await worker?.kill();
    await server.stop();
  }
});
