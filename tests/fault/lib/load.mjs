// A write load for the fault tests: writers creating cells under one parent until stopped, each
// reply recorded (Jepsen-style: ok, refused, unknown), so that a checker can compare what was
// acknowledged with what the database holds afterwards.
import assert from 'node:assert/strict';
import { sleep, count } from './worker.mjs';

/**
 * Starts `writers` loops creating organizations named `${prefix} w-i` under `parentId` through
 * `api`. Returns { acknowledged, refused, unanswered, refusedWriters, statuses, stop() }:
 * acknowledged names (201), refused ones ({name, status, code, retryAfter}; the writer pauses
 * 100 ms after one), unanswered ones (the connection failed: the outcome is unknown).
 * `stop()` ends the loops and resolves when every writer has stopped.
 */
export function startWriteLoad(api, { parentId, prefix, writers = 4 }) {
  const load = {
    acknowledged: [], refused: [], unanswered: [], refusedWriters: new Set(), statuses: new Map(),
  };
  let stopping = false;
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; !stopping; i++) {
      const name = `${prefix} ${w}-${i}`;
      let reply;
      try {
        reply = await api.post('/api/v1/orgs', { kind: 'cell', name, parent_id: parentId });
      } catch (error) {
        load.unanswered.push({ name, error: String(error) });
        await sleep(100);
        continue;
      }
      load.statuses.set(reply.status, (load.statuses.get(reply.status) ?? 0) + 1);
      if (reply.status === 201) {
        load.acknowledged.push(name);
      } else {
        load.refused.push({
          name, status: reply.status, code: reply.body?.code, title: reply.body?.title,
          retryAfter: reply.headers.get('retry-after'),
        });
        load.refusedWriters.add(w);
        await sleep(100);
      }
    }
  });
  load.stop = async () => { stopping = true; await Promise.all(loops); };
  return load;
}

/**
 * What the database holds of a load, checked: no name twice, every name of `mustHold` (by
 * default every acknowledged write) there, nothing there that was neither acknowledged nor
 * possibly applied (refused or unanswered), each organization with its audit entry. Returns the
 * stored names.
 */
export async function checkLoad(server, load, prefix, { mustHold = load.acknowledged } = {}) {
  const names = `name LIKE '${prefix} %'`;
  const rows = await count(server, `SELECT COUNT(*) FROM organizations WHERE ${names}`);
  const distinct = await count(server, `SELECT COUNT(DISTINCT name) FROM organizations WHERE ${names}`);
  assert.equal(distinct, rows, 'no write doubled');
  const { stdout } = await server.sql(`SELECT name FROM organizations WHERE ${names}`);
  const stored = new Set(stdout.split('\n').map((line) => line.trim()).filter(Boolean));
  assert.equal(stored.size, rows);
  const lost = mustHold.filter((name) => !stored.has(name));
  assert.deepEqual(lost, [], 'no acknowledged write lost');
  const possible = new Set([...load.acknowledged, ...load.refused.map((r) => r.name), ...load.unanswered.map((u) => u.name)]);
  const strays = [...stored].filter((name) => !possible.has(name));
  assert.deepEqual(strays, [], 'nothing stored that no client sent');
  // Each organization came with its audit entry, in the same transaction: nothing half-written.
  assert.equal(await count(server, `SELECT COUNT(*) FROM audit_events a JOIN organizations o ON a.object_type = 'organization' AND a.object_id = CAST(o.id AS TEXT) WHERE a.action = 'org.create' AND o.${names}`), rows,
    'every stored organization has its audit entry');
  return stored;
}

/** `chibo check` and `chibo audit verify` pass on the database. */
export async function checkDatabase(server, dbUrl = server.dbUrl) {
  const check = await server.chibo(['check', '--db', dbUrl]);
  assert.equal(check.code, 0, check.stdout + check.stderr);
  const chain = await server.chibo(['audit', 'verify', '--db', dbUrl]);
  assert.equal(chain.code, 0, chain.stdout + chain.stderr);
}
