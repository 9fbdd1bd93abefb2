// Starts the system under test: a fresh demo database (65,000 members) and `chibo serve` on a
// free port of 127.0.0.1 serving web/dist. The URL reaches the tests as CHIBO_E2E_URL; the
// returned function stops the server (SIGTERM) and removes the temporary folder.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const web = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`chibo did not become healthy at ${url}: ${last}`);
}

export default async function globalSetup() {
  const bin = path.resolve(web, process.env.CHIBO_BIN ?? '../build/src/chibo');
  if (!existsSync(bin)) throw new Error(`chibo binary not found at ${bin} (set CHIBO_BIN)`);
  const dist = path.join(web, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error('web/dist is not built: run `npm run build` first');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'chibo-e2e-'));
  const db = `sqlite:${path.join(dir, 'demo.db')}`;
  const started = Date.now();
  execFileSync(bin, ['demo', '--db', db, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`demo database in ${Date.now() - started} ms`);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(path.join(dir, 'serve.log'), 'a');
  const server = spawn(
    bin,
    [
      'serve',
      '--db',
      db,
      '--listen',
      `127.0.0.1:${port}`,
      '--web-root',
      dist,
      '--log-level',
      'warn',
    ],
    { stdio: ['ignore', log, log] },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const failed = new Promise<never>((_, reject) => {
    server.once('error', (error) => reject(new Error(`cannot start ${bin}: ${error.message}`)));
    server.once('exit', (code) =>
      reject(new Error(`chibo serve exited with ${code}; log in ${path.join(dir, 'serve.log')}`)),
    );
  });
  try {
    await Promise.race([waitForHealth(url, 20_000), failed]);
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }
  failed.catch(() => {}); // a later exit is the teardown's business
  process.env.CHIBO_E2E_URL = url;
  console.log(`chibo serve (pid ${server.pid}) at ${url}`);

  return async () => {
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    if (!process.env.CHIBO_E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  };
}
