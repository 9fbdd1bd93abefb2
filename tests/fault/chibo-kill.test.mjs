// Fault tests of chibo itself (issue 16; ../shared/security/reference.md §3): a chibo process
// killed with SIGKILL while clients write loses no acknowledged write and doubles none, leaves
// nothing half-written (each organization with its audit entry), and the next process on the
// same database serves on, with `chibo check` and the audit chain intact. A database file that is
// not one (corrupted) is refused at start with a clear message, never served.
//
// Runs on SQLite (CTest: fault.sqlite) and on PostgreSQL (fault.postgresql).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, ENGINE, runChibo } from '../api/lib/server.mjs';
import { client, createOrg, buildTree } from '../api/lib/api.mjs';
import { startWorker, until, count, freePort } from './lib/worker.mjs';

const WRITERS = 4;
const PREFIX = 'Chi bộ tải';

test('chibo killed (SIGKILL) under a write load: every acknowledged write kept once, nothing half-written', { timeout: 300_000 }, async () => {
  const server = await startServer({ serveArgs: ['--jobs', 'off'] });
  let worker;
  let next;
  try {
    const tree = await buildTree(server.admin, 'Ngắt Tải');
    worker = await startWorker(server.dbUrl, []);
    // The admin's session lives in the database, so it is good on the worker too.
    const api = client(worker.base, { jar: server.admin.jar });
    const acknowledged = [];
    const unknown = [];  // sent, no answer: the kill may have come before or after the commit
    let stop = false;
    const writer = async (w) => {
      for (let i = 0; !stop; i++) {
        const name = `${PREFIX} ${w}-${i}`;
        try {
          const reply = await api.post('/api/v1/orgs', { kind: 'cell', name, parent_id: tree.base.id });
          if (reply.status === 201) acknowledged.push(name);
          else assert.fail(`a write was refused: ${reply.status} ${reply.text.slice(0, 300)}`);
        } catch (error) {
          if (error instanceof assert.AssertionError) throw error;
          unknown.push(name);  // the connection died with the process
          return;
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await until(async () => acknowledged.length >= 40, 'some writes acknowledged');
    const { signal } = await worker.kill('SIGKILL');
    assert.equal(signal, 'SIGKILL');
    stop = true;
    await Promise.all(writers);
    worker = undefined;

    const names = `name LIKE '${PREFIX} %'`;
    const rows = await count(server, `SELECT COUNT(*) FROM organizations WHERE ${names}`);
    const distinct = await count(server, `SELECT COUNT(DISTINCT name) FROM organizations WHERE ${names}`);
    assert.equal(distinct, rows, 'no write doubled');
    const { stdout } = await server.sql(`SELECT name FROM organizations WHERE ${names}`);
    const stored = new Set(stdout.split('\n').map((line) => line.trim()).filter(Boolean));
    const lost = acknowledged.filter((name) => !stored.has(name));
    assert.deepEqual(lost, [], 'no acknowledged write lost');
    assert.ok(rows <= acknowledged.length + unknown.length, `${rows} rows, ${acknowledged.length} acknowledged, ${unknown.length} unanswered`);
    // Each organization came with its audit entry, in the same transaction.
    assert.equal(await count(server, `SELECT COUNT(*) FROM audit_events a JOIN organizations o ON a.object_type = 'organization' AND a.object_id = CAST(o.id AS TEXT) WHERE a.action = 'org.create' AND o.${names}`), rows);

    // The next process on the same database serves on.
    next = await startWorker(server.dbUrl, []);
    const after = client(next.base, { jar: server.admin.jar });
    await createOrg(after, { kind: 'cell', name: `${PREFIX} sau khi khởi động lại`, parent_id: tree.base.id });
    await next.kill();
    next = undefined;
    const check = await server.chibo(['check', '--db', server.dbUrl]);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const chain = await server.chibo(['audit', 'verify', '--db', server.dbUrl]);
    assert.equal(chain.code, 0, chain.stdout + chain.stderr);
  } finally {
    await worker?.kill('SIGKILL');
    await next?.kill();
    await server.stop();
  }
});

test('a corrupted database file is refused at start with a clear message', { skip: ENGINE !== 'sqlite', timeout: 120_000 }, async () => {
  const server = await startServer({ signIn: false });
  try {
    const file = path.join(server.dir, 'broken.db');
    // A real database whose pages past the header were overwritten: what a torn copy looks like.
    await runChibo(['init', '--db', `sqlite:${file}`]);
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(size - 100, 0xa5), 0, size - 100, 100);
    fs.closeSync(fd);
    for (const args of [['check', '--db', `sqlite:${file}`], ['serve', '--db', `sqlite:${file}`, '--listen', `127.0.0.1:${await freePort()}`]]) {
      const run = await runChibo(args);
      assert.notEqual(run.code, 0, `${args[0]} must fail: ${run.stdout}`);
      assert.match(run.stderr, /broken\.db/, `${args[0]} names the file: ${run.stderr}`);
      assert.match(run.stderr, /corrupt|malformed|not a database/i, `${args[0]} says what is wrong: ${run.stderr}`);
    }
    // Not a database at all.
    const text = path.join(server.dir, 'notes.db');
    fs.writeFileSync(text, 'Biên bản họp chi bộ tháng 11\n'.repeat(200));
    const run = await runChibo(['check', '--db', `sqlite:${text}`]);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /notes\.db/);
    assert.match(run.stderr, /not a database|corrupt|malformed/i, run.stderr);
  } finally {
    await server.stop();
  }
});
