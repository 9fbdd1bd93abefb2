// The fault tests' own PostgreSQL clusters (scripts/pg-cluster.sh: start, stop, standby, promote,
// crash, resume, watch) and SQL that must succeed on them.
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runSql } from '../../api/lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLUSTER = path.resolve(here, '..', '..', '..', 'scripts', 'pg-cluster.sh');

/** Runs `pg-cluster.sh ARGS...`; resolves to what it printed (trimmed), rejects with its stderr. */
export function cluster(...args) {
  return new Promise((resolve, reject) => {
    execFile(CLUSTER, args, { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pg-cluster.sh ${args.join(' ')}: ${error.message}\n${stderr}`));
      else resolve(stdout.trim());
    });
  });
}

/** Runs SQL with psql on `url`, asserting it succeeded; resolves to its output (trimmed). */
export async function sqlOk(url, text) {
  const reply = await runSql(url, text);
  assert.equal(reply.code, 0, `${text}: ${reply.stderr}`);
  return reply.stdout.trim();
}
