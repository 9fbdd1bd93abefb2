// What the fault tests share: more chibo processes on a test server's database, killed at will,
// and waits on conditions (bounded; no speed is asserted).
import assert from 'node:assert/strict';
import fs from 'node:fs';
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

/** Starts `chibo serve` against `dbUrl` (the jobs on unless `jobs` is false; `env`: more
 * environment, e.g. faultShimEnv(); `today`: CHIBO_TEST_TODAY); resolves once it answers /health
 * with { child, exited, log(), base, kill(signal) }. */
export async function startWorker(dbUrl, args, { env = {}, jobs = true, today } = {}) {
  const port = await freePort();
  const jobArgs = jobs ? ['--jobs', 'on', '--jobs-interval-ms', '50'] : ['--jobs', 'off'];
  const child = spawn(CHIBO_BIN, ['serve', '--db', dbUrl, '--listen', `127.0.0.1:${port}`,
    ...jobArgs, ...args], { env: { ...chiboEnv(today), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => { output += c; });
  child.stderr.on('data', (c) => { output += c; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + WAIT_MS;
  let gone = null;
  exited.then((info) => { gone = info; });
  for (;;) {
    assert.equal(gone, null, `a worker exited at start: ${output}`);
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

// The LD_PRELOAD shim (tests/fault/shim/fault_shim.c; CTest sets CHIBO_FAULT_SHIM to its path).
export const FAULT_SHIM = process.env.CHIBO_FAULT_SHIM ?? '';

/** The environment that loads the shim into a chibo process: writes to files whose path contains
 * `match` fail while `trigger` exists (its content "EIO" or "ENOSPC" says how); `clockOffsetS`
 * moves the process's wall clock. */
export function faultShimEnv({ trigger = '', match = '', clockOffsetS = 0 } = {}) {
  assert.ok(FAULT_SHIM, 'CHIBO_FAULT_SHIM: the path of the built fault shim (CTest sets it)');
  return {
    LD_PRELOAD: FAULT_SHIM,
    CHIBO_FAULT_TRIGGER: trigger,
    CHIBO_FAULT_MATCH: match,
    CHIBO_FAULT_CLOCK_OFFSET_S: String(clockOffsetS),
  };
}

/** Starts the shim's fault: writes `errno` ("EIO" or "ENOSPC") into `trigger` through a rename,
 * so the shim never reads the file half-written (an empty file would mean EIO, not ENOSPC). */
export function armFault(trigger, errno) {
  const staged = `${trigger}.staged`;
  fs.writeFileSync(staged, `${errno}\n`);
  fs.renameSync(staged, trigger);
}

/** Runs the chibo CLI with `env` added; resolves with {code, stdout, stderr}. */
export function runChiboWith(args, env, { input = '', today } = {}) {
  return new Promise((resolve) => {
    const child = spawn(CHIBO_BIN, args, { env: { ...chiboEnv(today), ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => { stdout += c; });
    child.stderr.on('data', (c) => { stderr += c; });
    child.stdin.on('error', () => { /* the command did not read its input */ });
    child.stdin.end(input);
    const timer = setTimeout(() => child.kill('SIGKILL'), WAIT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, signal, stdout, stderr });
    });
  });
}
