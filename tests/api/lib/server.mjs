// Starts a real `chibo serve` on 127.0.0.1 against a fresh SQLite database in a temporary
// directory, and tears it down (SIGTERM, wait for exit, delete the directory).
//
// The binary comes from env CHIBO_BIN, else ../../build/src/chibo relative to the test folder.
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SOURCE_ROOT = path.resolve(here, '..', '..', '..');
export const CHIBO_BIN = process.env.CHIBO_BIN
  ? path.resolve(process.env.CHIBO_BIN)
  : path.resolve(here, '..', '..', '..', 'build', 'src', 'chibo');

const live = new Set();
process.on('exit', () => {
  for (const child of live) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function run(args) {
  return new Promise((resolve, reject) => {
    execFile(CHIBO_BIN, args, { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`chibo ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

async function waitForBinary() {
  // Another engineer may be relinking the binary: wait a little for it to reappear.
  for (let attempt = 0; attempt < 60; attempt++) {
    if (fs.existsSync(CHIBO_BIN)) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`chibo binary not found at ${CHIBO_BIN} (set CHIBO_BIN)`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a server.
 * @param {object} options
 * @param {'empty'|'demo'} [options.data] 'empty': `chibo init`; 'demo': `chibo demo`.
 * @param {number} [options.members] demo size (default 3000).
 * @param {number} [options.seed] demo seed (default 7).
 * @returns {Promise<{base: string, url: (p: string) => string, dir: string, db: string, stop: () => Promise<void>, log: () => string}>}
 */
export async function startServer({ data = 'empty', members = 3000, seed = 7 } = {}) {
  await waitForBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-api-'));
  const db = path.join(dir, 'chibo.db');
  const dbUrl = `sqlite:${db}`;
  if (data === 'demo') {
    await run(['demo', '--db', dbUrl, '--members', String(members), '--seed', String(seed), '--quiet']);
  } else {
    await run(['init', '--db', dbUrl]);
  }

  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let output = '';
    const child = spawn(CHIBO_BIN, ['serve', '--db', dbUrl, '--listen', `127.0.0.1:${port}`], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    }));
    let exitInfo = null;
    exited.then((info) => { exitInfo = info; });

    const deadline = Date.now() + 20_000;
    let healthy = false;
    while (Date.now() < deadline && !exitInfo) {
      try {
        const response = await fetch(`${base}/api/v1/health`);
        await response.arrayBuffer();
        if (response.status === 200) { healthy = true; break; }
      } catch { /* not listening yet */ }
      await sleep(50);
    }
    if (!healthy) {
      lastError = new Error(`chibo serve did not become healthy on ${base} (exit: ${JSON.stringify(exitInfo)})\n${output}`);
      if (!exitInfo) { child.kill('SIGKILL'); await exited; }
      continue; // a port race: try another port
    }

    const stop = async () => {
      if (!exitInfo) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return { base, url: (p) => base + p, dir, db, stop, log: () => output };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  throw lastError;
}
