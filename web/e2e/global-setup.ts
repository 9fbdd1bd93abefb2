// Starts the system under test: a fresh demo database (65,000 members), the test accounts
// (e2e/accounts.ts, made with `chibo user add`), and `chibo serve` on a free port of 127.0.0.1
// serving web/dist. It signs the administrator in once and saves that session, which every
// test starts with unless it says otherwise. The tests get CHIBO_E2E_URL, CHIBO_E2E_DIR,
// CHIBO_E2E_STATE (the saved session) and CHIBO_E2E_SCOPE_ORG (the scoped user's
// organization); the returned function stops the server (SIGTERM) and removes the folder.
// Every chibo it runs gets CHIBO_TEST_TODAY (e2e/dates.ts): the demo data, the server's
// deadlines and the UI then agree with the dates the specs compute, whatever the real day.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from '@playwright/test';
import { admin, admin2, office, scoped, traveller, type Account } from './accounts';
import { TODAY } from './dates';
import { freshTotp } from './totp';

const web = path.resolve(import.meta.dirname, '..');
// The per-user rate limits off: the tests click faster than people, and their outcome must not
// depend on the machine's speed (tests/api/rate-limits.test.mjs covers the limits).
const env = {
  CHIBO_RATE_LIMIT_PER_MINUTE: '0',
  CHIBO_EXPORT_LIMIT_PER_HOUR: '0',
  ...process.env,
  CHIBO_TEST_TODAY: TODAY,
};

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

/** `chibo user add`, the password on standard input. */
function addUser(bin: string, db: string, account: Account, scope?: number): void {
  const args = ['user', 'add', '--db', db, '--username', account.username, '--role', account.role];
  args.push('--display-name', account.displayName);
  if (scope) args.push('--scope', String(scope));
  if (account.totpSecret) args.push('--totp-secret', account.totpSecret);
  execFileSync(bin, args, {
    input: `${account.password}\n`,
    env,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
}

/** Signs the administrator in and saves the session (cookies) for the tests. */
async function signInAdmin(url: string, statePath: string): Promise<number> {
  const api = await request.newContext({
    baseURL: url,
    extraHTTPHeaders: { 'X-Requested-With': 'chibo', Origin: url },
  });
  const login = await api.post('/api/v1/auth/login', {
    data: {
      username: admin.username,
      password: admin.password,
      totp: await freshTotp(admin.totpSecret!),
    },
  });
  if (!login.ok()) throw new Error(`admin login: ${login.status()} ${await login.text()}`);
  // The scoped user's organization: a committee right under the root, with children.
  const [root] = (await (await api.get('/api/v1/orgs')).json()).items as { id: number }[];
  const children = (await (await api.get(`/api/v1/orgs/${root.id}/children`)).json()).items as {
    id: number;
    child_count: number;
  }[];
  const scope = children.find((org) => org.child_count >= 3) ?? children[0];
  await api.storageState({ path: statePath });
  await api.dispose();
  return scope.id;
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
  execFileSync(bin, ['demo', '--db', db, '--quiet'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(`demo database in ${Date.now() - started} ms (today: ${TODAY})`);
  for (const account of [admin, admin2, office, traveller]) addUser(bin, db, account);

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
    { env, stdio: ['ignore', log, log] },
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
  process.env.CHIBO_E2E_DIR = dir;
  console.log(`chibo serve (pid ${server.pid}) at ${url}`);

  try {
    const statePath = path.join(dir, 'admin-state.json');
    const scope = await signInAdmin(url, statePath);
    addUser(bin, db, scoped, scope);
    process.env.CHIBO_E2E_STATE = statePath;
    process.env.CHIBO_E2E_SCOPE_ORG = String(scope);
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }

  return async () => {
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    if (!process.env.CHIBO_E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  };
}
