// Starts a real `chibo serve` on 127.0.0.1 against a fresh database, and tears it down
// (SIGTERM, wait for exit, drop the database, delete the directory). The engine is SQLite (a
// file in a temporary directory) unless CHIBO_TEST_POSTGRES names a PostgreSQL server
// (postgresql://user@host:port/maintenance_db, as scripts/pg-cluster.sh run sets it): then each
// server gets a database of its own on it. Tests that need raw SQL (tampering with the audit
// table) use `server.sql(...)`, which speaks sqlite3 or psql as the engine requires; ENGINE
// says which one runs. With CHIBO_TEST_PGBOUNCER (HOST:PORT) chibo reaches PostgreSQL through
// that pgbouncer (tests/pg/with-pgbouncer.sh); server.sql still goes straight to the server.
//
// Every API route but health, openapi.json and login needs a session: startServer() creates an
// administrator with the CLI (`chibo user add`, with a pre-enrolled TOTP secret), signs it in
// and makes its session the default of `client(server.base)` (lib/api.mjs), so tests run signed
// in unless they ask otherwise. `server.addUser()` creates more users, `server.login()` gives a
// client with its own cookie jar.
//
// Every chibo it runs gets CHIBO_TEST_TODAY (lib/today.mjs: a fixed date unless a test asks for
// another with startServer({ today })): the server's civil date is fixed, its clock stays real.
//
// With startServer({ appRole: true }), or CHIBO_TEST_APP_ROLE=1 for every server (PostgreSQL
// only; SQLite has no roles): the database is owned by a LOGIN role of its own, which runs
// `chibo init` / `chibo demo` and `chibo db migrate --grant-to`, and `chibo serve` (and
// server.chibo's commands on server.dbUrl) connect as a least-privilege application role
// (docs/deploy.md §2.1, docs/security.md 32c). server.ownerUrl is the owner's URL; server.sql
// stays the superuser's. The application role connects straight to PostgreSQL, never through
// CHIBO_TEST_PGBOUNCER (whose pool logs in as the superuser).
//
// The binary comes from env CHIBO_BIN, else ../../build/src/chibo relative to the test folder.
import { spawn, execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { client, cookieJar, setDefaultSession } from './api.mjs';
import { TEST_TODAY, chiboEnv } from './today.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SOURCE_ROOT = path.resolve(here, '..', '..', '..');
export const CHIBO_BIN = process.env.CHIBO_BIN
  ? path.resolve(process.env.CHIBO_BIN)
  : path.resolve(here, '..', '..', '..', 'build', 'src', 'chibo');

/** The PostgreSQL server the suites run against, or '' for SQLite. */
export const PG_SERVER = process.env.CHIBO_TEST_POSTGRES ?? '';
/** 'sqlite' or 'postgresql': the engine under test. */
export const ENGINE = PG_SERVER ? 'postgresql' : 'sqlite';

/** `server` (a postgresql:// URL) with its database name replaced by `name`. */
export function withDatabase(server, name) {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs SQL with the engine's shell (sqlite3 FILE or psql URL) → {code, stdout, stderr}. */
export function runSql(dbUrl, sql) {
  const [command, args] = dbUrl.startsWith('sqlite:')
    ? ['sqlite3', [dbUrl.slice('sqlite:'.length), sql]]
    : ['psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', dbUrl, '-c', sql]];
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** HOST:PORT of a pgbouncer in front of PG_SERVER that chibo connects through, or ''. */
export const PGBOUNCER = process.env.CHIBO_TEST_PGBOUNCER ?? '';

/** True when every PostgreSQL server starts as a least-privilege role (CHIBO_TEST_APP_ROLE). */
export const APP_ROLE = ENGINE === 'postgresql' && !['', '0', 'false', 'off'].includes(process.env.CHIBO_TEST_APP_ROLE ?? '');

/** `url` (a postgresql:// URL) logging in as `user`. */
export function withUser(url, user) {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = '';
  return parsed.toString();
}

async function createDatabase(pgServer, { appRole = false } = {}) {
  const name = `chibo_api_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  // Roles belong to the cluster, not the database: named after it, dropped with it.
  const owner = appRole ? `${name}_owner` : null;
  const app = appRole ? `${name}_app` : null;
  for (const role of appRole ? [owner, app] : []) {
    const made = await runSql(pgServer, `CREATE ROLE ${role} LOGIN`);
    if (made.code !== 0) throw new Error(`cannot create role ${role}: ${made.stderr}`);
  }
  const created = await runSql(pgServer, `CREATE DATABASE ${name}${owner ? ` OWNER ${owner}` : ''}`);
  if (created.code !== 0) throw new Error(`cannot create database ${name}: ${created.stderr}`);
  // `url` is chibo's (through pgbouncer when one is given); `direct` is the test's own;
  // `ownerUrl` runs what the database's owner runs (init, demo, migrate).
  const direct = withDatabase(pgServer, name);
  let url = direct;
  if (appRole) {
    url = withUser(direct, app);
  } else if (PGBOUNCER && pgServer === PG_SERVER) {
    const via = new URL(direct);
    via.host = PGBOUNCER;
    url = via.toString();
  }
  return { name, url, direct, ownerUrl: owner ? withUser(direct, owner) : url, owner, app };
}

async function dropDatabase(pgServer, database) {
  await runSql(pgServer, `DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`);
  if (database.owner) await runSql(pgServer, `DROP ROLE IF EXISTS ${database.app}, ${database.owner}`);
}

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

function run(args, input, today = TEST_TODAY) {
  return new Promise((resolve, reject) => {
    const child = execFile(CHIBO_BIN, args, { timeout: 120_000, env: chiboEnv(today) }, (error, stdout, stderr) => {
      if (error) reject(new Error(`chibo ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
    child.stdin.on('error', () => { /* the command did not read its input */ });
    child.stdin.end(input ?? '');
  });
}

/**
 * Runs the chibo CLI (today: TEST_TODAY unless `today` says otherwise); resolves with {code,
 * stdout, stderr} whatever the exit status.
 */
export function runChibo(args, input = '', today = TEST_TODAY) {
  return new Promise((resolve) => {
    const child = execFile(CHIBO_BIN, args, { timeout: 120_000, env: chiboEnv(today) }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
    child.stdin.on('error', () => { /* the command did not read its input */ });
    child.stdin.end(input);
  });
}

// ---- TOTP (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits) ---------------------------------------

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A random base32 secret (160 bits). */
export function totpSecret() {
  const bytes = crypto.randomBytes(20);
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) out += BASE32[parseInt(bits.slice(i, i + 5), 2)];
  return out;
}

function base32Decode(text) {
  let bits = '';
  for (const c of text.replace(/[=\s]/g, '').toUpperCase()) {
    const v = BASE32.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${text}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

export const totpStepNow = () => Math.floor(Date.now() / 1000 / 30);

/** The 6-digit code of `secret` for time step `step` (default: now). */
export function totpCode(secret, step = totpStepNow()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

// The server accepts the steps next to the current one, each once per user: the last step used
// per secret, so that two logins in one 30 s window use the next step (and a third waits).
const lastStep = new Map();

/** A code for `secret` that the server has not seen yet (waits for the clock when needed). */
export async function freshTotp(secret) {
  for (;;) {
    const now = totpStepNow();
    const step = Math.max(now, (lastStep.get(secret) ?? 0) + 1);
    if (step <= now + 1) {
      lastStep.set(secret, step);
      return totpCode(secret, step);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

let userSerial = 0;
/** A password chibo accepts (long, random, not a common one). */
export function strongPassword() {
  return `Th-${crypto.randomBytes(12).toString('base64url')}-${++userSerial}`;
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
 * @param {boolean} [options.signIn] create and sign in the default administrator (default true).
 * @param {string[]} [options.serveArgs] more arguments for `chibo serve`.
 * @param {string} [options.today] the server's civil date (CHIBO_TEST_TODAY; default TEST_TODAY).
 * @param {string} [options.pgServer] the PostgreSQL server to create the database on (default
 *   PG_SERVER; a fault test's own cluster).
 * @param {boolean} [options.appRole] PostgreSQL: serve as a least-privilege role (default
 *   APP_ROLE; see the top of this file).
 * @returns {Promise<Server>} `{base, url, dir, db, dbUrl, ownerUrl, appRole, engine, today, sql,
 *   stop, log, admin, adminUser, chibo, addUser, login, signIn}` (`db`: the SQLite file, null on
 *   PostgreSQL; `appRole`: the application role's name, or null)
 */
export async function startServer({ data = 'empty', members = 3000, seed = 7, signIn = true, serveArgs = [], today = TEST_TODAY, pgServer = PG_SERVER, appRole = APP_ROLE } = {}) {
  await waitForBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-api-'));
  const database = pgServer ? await createDatabase(pgServer, { appRole }) : null;
  const db = database ? null : path.join(dir, 'chibo.db');
  const dbUrl = database ? database.url : `sqlite:${db}`;
  const ownerUrl = database ? database.ownerUrl : dbUrl;
  if (data === 'demo') {
    await run(['demo', '--db', ownerUrl, '--members', String(members), '--seed', String(seed), '--quiet'], '', today);
  } else {
    await run(['init', '--db', ownerUrl], '', today);
  }
  if (database?.app) await run(['db', 'migrate', '--db', ownerUrl, '--grant-to', database.app], '', today);

  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let output = '';
    const child = spawn(CHIBO_BIN, ['serve', '--db', dbUrl, '--listen', `127.0.0.1:${port}`, ...serveArgs], {
      cwd: dir,
      env: chiboEnv(today),
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
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      if (database) await dropDatabase(pgServer, database);
    };
    const server = {
      base, url: (p) => base + p, dir, db, dbUrl, ownerUrl, appRole: database?.app ?? null, stop,
      log: () => output, engine: ENGINE, today,
      sql: (text) => runSql(database ? database.direct : dbUrl, text),
    };
    decorate(server);
    if (signIn) {
      server.adminUser = await server.addUser({ username: 'tester', roles: ['administrator'], displayName: 'Người kiểm thử' });
      server.admin = await server.login(server.adminUser);
      setDefaultSession(base, server.admin.jar);
    }
    return server;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  if (database) await dropDatabase(pgServer, database);
  throw lastError;
}

/**
 * Adds the user helpers to a started server:
 *   - `chibo(args, input)`: runs the CLI on this database → {code, stdout, stderr};
 *   - `addUser({username, roles, scope, memberId, displayName, password, totp})`: `chibo user
 *     add`; administrators get a TOTP secret unless `totp: false`; returns the credentials
 *     `{username, password, totpSecret, roles, scope, id}`;
 *   - `signIn(credentials, {jar})`: POST /auth/login (with a fresh TOTP code when the user has a
 *     secret) → the reply; the jar gets the cookie;
 *   - `login(credentials)`: a client with its own cookie jar, signed in (asserts 200).
 */
function decorate(server) {
  server.chibo = (args, input = '') => runChibo(args, input, server.today);
  server.addUser = async ({ username, roles = ['office_staff'], scope, memberId, displayName, password, totp } = {}) => {
    const list = Array.isArray(roles) ? roles : [roles];
    const credentials = {
      username: username ?? `u${++userSerial}${crypto.randomBytes(3).toString('hex')}`,
      password: password ?? strongPassword(),
      totpSecret: totp === false ? null : (typeof totp === 'string' ? totp : (list.includes('administrator') ? totpSecret() : null)),
      roles: list,
      scope: scope ?? null,
    };
    const args = ['user', 'add', '--db', server.dbUrl, '--username', credentials.username];
    for (const role of list) args.push('--role', role);
    if (scope !== undefined && scope !== null) args.push('--scope', String(scope));
    if (memberId !== undefined && memberId !== null) args.push('--member-id', String(memberId));
    if (displayName) args.push('--display-name', displayName);
    if (credentials.totpSecret) args.push('--totp-secret', credentials.totpSecret);
    const { stdout } = await run(args, `${credentials.password}\n`, server.today);
    const id = /#(\d+)/.exec(stdout);
    credentials.id = id ? Number(id[1]) : null;
    return credentials;
  };
  server.signIn = async (credentials, { jar = cookieJar(), totp, headers } = {}) => {
    const api = client(server.base, { jar });
    const body = { username: credentials.username, password: credentials.password };
    if (totp !== undefined) body.totp = totp;
    else if (credentials.totpSecret) body.totp = await freshTotp(credentials.totpSecret);
    return api.post('/api/v1/auth/login', body, headers ? { headers } : {});
  };
  server.login = async (credentials) => {
    const jar = cookieJar();
    const reply = await server.signIn(credentials, { jar });
    if (reply.status !== 200 || !jar.value) {
      throw new Error(`login of ${credentials.username} failed: ${reply.status} ${reply.text.slice(0, 400)}`);
    }
    const api = client(server.base, { jar });
    api.me = reply.body;
    api.credentials = credentials;
    return api;
  };
}
