// What the fault tests share: more chibo processes on a test server's database, killed at will,
// and waits on conditions (bounded; no speed is asserted).
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { CHIBO_BIN } from '../../api/lib/server.mjs';
import { chiboEnv } from '../../api/lib/today.mjs';

export const WAIT_MS = 120_000;  // bounds each wait (a loaded machine); no speed is asserted
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `chibo serve` with the jobs on against `dbUrl`; resolves once it answers /health
 * with { child, exited, log(), base, kill(signal) }. */
export async function startWorker(dbUrl, args) {
  const port = await freePort();
  const child = spawn(CHIBO_BIN, ['serve', '--db', dbUrl, '--listen', `127.0.0.1:${port}`,
    '--jobs', 'on', '--jobs-interval-ms', '50', ...args], { env: chiboEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => { output += c; });
  child.stderr.on('data', (c) => { output += c; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const reply = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      await reply.arrayBuffer();
      if (reply.status === 200) break;
    } catch { /* not yet */ }
    assert.ok(Date.now() < deadline, `a worker did not start: ${output}`);
    await sleep(50);
  }
  return {
    child, exited, log: () => output, base: `http://127.0.0.1:${port}`,
    kill: async (signal = 'SIGTERM') => { child.kill(signal); return exited; },
  };
}

export async function count(server, sql) {
  const { stdout, code, stderr } = await server.sql(sql);
  assert.equal(code, 0, stderr);
  return Number(stdout.trim());
}

export async function until(probe, what) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (await probe()) return;
    assert.ok(Date.now() < deadline, `${what}: not within ${WAIT_MS} ms`);
    await sleep(50);
  }
}
