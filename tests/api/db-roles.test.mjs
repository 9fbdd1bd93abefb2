// The least-privilege database role (ASVS 5.0 13.2.2, docs/security.md item 32c, docs/deploy.md
// §2.1): the database belongs to an owner role, which migrates and runs `chibo db migrate
// --grant-to`; `chibo serve` connects as an application role that has the rows of the tables
// and nothing more. The application's work goes through; tampering with the audit trail or the
// schema is refused by PostgreSQL itself; the rights are exactly the granted ones (not wider,
// not narrower); and a schema behind this chibo gives "run chibo db migrate as the owner"
// rather than a permission failure in the middle of a migration.
// PostgreSQL only: a SQLite database is a file that the chibo process owns, there are no roles
// (only the refusal of --grant-to on SQLite runs on both engines).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startServer, runSql, runChibo, ENGINE, CHIBO_BIN, PG_SERVER } from './lib/server.mjs';
import { chiboEnv } from './lib/today.mjs';
import { ok, buildTree, createMember } from './lib/api.mjs';
import { daysFromToday, officialMember } from './lib/lifecycle.mjs';

const skip = ENGINE === 'postgresql'
  ? false
  : 'PostgreSQL only: on SQLite the chibo process owns the database file and there are no database roles';

const RIGHTS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];
/** What `chibo db migrate --grant-to` gives on each table, and nothing else. */
const expectedRights = (table) => (table === 'audit_events'
  ? ['SELECT', 'INSERT']
  : table === 'schema_migrations' ? ['SELECT'] : ['SELECT', 'INSERT', 'UPDATE', 'DELETE']);

/** A port nothing listens on (serve must refuse before listening; if it did not, it is killed). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(`127.0.0.1:${port}`));
    });
  });
}

/** Runs `chibo ...args` with extra environment; kills it after `ms` (serve that starts). */
function chiboWith(args, env = {}, ms = 20_000) {
  return new Promise((resolve) => {
    const child = spawn(CHIBO_BIN, args, { env: { ...chiboEnv(), CHIBO_LANG: 'en', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGTERM'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

test('--grant-to is refused on SQLite, naming the flag, before anything is written', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-roles-'));
  try {
    const file = path.join(dir, 'chibo.db');
    const refused = await chiboWith(['db', 'migrate', '--db', `sqlite:${file}`, '--grant-to', 'chibo_app']);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /--grant-to.*PostgreSQL only/);
    assert.ok(!fs.existsSync(file), 'no database was created');
    // Without --grant-to it is the owner's migration, on SQLite too.
    const migrated = await chiboWith(['db', 'migrate', '--db', `sqlite:${file}`]);
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.match(migrated.stdout, /chibo db migrate: schema \d+ \(\d+ migration\(s\) applied to schema 0\)/);
    const again = await chiboWith(['db', 'migrate', '--db', `sqlite:${file}`]);
    assert.match(again.stdout, /already current/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('serving as a least-privilege PostgreSQL role', { skip }, () => {
  let server;
  let api;
  let tree;
  /** SQL as the application role, straight to PostgreSQL. */
  const asApp = (sql) => runSql(server.dbUrl, sql);
  const asOwner = (sql) => runSql(server.ownerUrl, sql);

  /** {table: [rights]} of the application role on every table of the schema. */
  async function rightsOfApp() {
    const checks = RIGHTS.map((right) => `has_table_privilege('${server.appRole}', c.oid, '${right}')`).join(", '|', ");
    const reply = await runSql(server.ownerUrl,
      `SELECT c.relname || ':' || concat(${checks}) FROM pg_class c ` +
      "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1");
    assert.equal(reply.code, 0, reply.stderr);
    const rights = {};
    for (const line of reply.stdout.trim().split('\n')) {
      const [table, flags] = line.split(':');
      rights[table] = flags.split('|').map((flag, i) => (flag === 't' ? RIGHTS[i] : null)).filter(Boolean);
    }
    return rights;
  }

  before(async () => {
    server = await startServer({ appRole: true });
    api = server.admin;
    tree = await buildTree(api, 'Quyền Hạn');
  });
  after(async () => { await server?.stop(); });

  test('chibo serve connects as the application role, which is no owner, and real work goes through', async () => {
    assert.ok(server.appRole, 'the server runs as an application role');
    const sessions = await runSql(PG_SERVER,
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = '${new URL(server.dbUrl).pathname.slice(1)}' AND pid <> pg_backend_pid()`);
    assert.equal(sessions.stdout.trim(), server.appRole, 'every connection of chibo serve is the application role');
    const attributes = await asApp("SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user");
    assert.equal(attributes.stdout.trim(), 'f|f|f|f');

    const member = await createMember(api, tree.cellA.id, { full_name: 'Quyền Văn Hạn' });
    const changed = ok(await api.patch(`/api/v1/members/${member.id}`, { version: member.version, phone: '0912000111' }));
    assert.equal(changed.phone, '0912000111');
    const official = await officialMember(api, tree.cellA.id);
    const transfer = ok(await api.post('/api/v1/transfers', {
      kind: 'official', direction: 'internal', member_id: official.id, to_org_id: tree.cellB.id,
      letter_date: daysFromToday(-1), letter: { number: '7-GGT/ĐU', authority: 'Đảng ủy Cục Quyền Hạn' },
    }), 201);
    assert.equal(transfer.state, 'completed');
    const user = await server.addUser({ roles: ['leader'], scope: tree.base.id });
    const leader = await server.login(user);
    assert.equal(ok(await leader.get(`/api/v1/members/${official.id}`)).org_id, tree.cellB.id);
    const events = ok(await api.get('/api/v1/audit?limit=500')).items.map((event) => event.action);
    for (const action of ['member.create', 'member.update', 'auth.login'])
      assert.ok(events.includes(action), `${action} audited: ${events.slice(0, 30)}`);
    assert.ok(events.some((action) => action.startsWith('transfer')), `the transfer audited: ${events.slice(0, 30)}`);
  });

  test('the rights are exactly the granted ones: rows only, audit_events append-only, schema_migrations read-only', async () => {
    const rights = await rightsOfApp();
    assert.ok(Object.keys(rights).length > 40, Object.keys(rights).join(' '));
    for (const [table, held] of Object.entries(rights)) assert.deepEqual(held, expectedRights(table), table);
    const schema = await asOwner(`SELECT has_schema_privilege('${server.appRole}', 'public', 'USAGE'), has_schema_privilege('${server.appRole}', 'public', 'CREATE'), ` +
      `has_database_privilege('${server.appRole}', current_database(), 'CREATE')`);
    assert.equal(schema.stdout.trim(), 't|f|f');
    const sequences = await asOwner("SELECT count(*) FILTER (WHERE NOT has_sequence_privilege('" + server.appRole +
      "', c.oid, 'USAGE')), count(*) FILTER (WHERE has_sequence_privilege('" + server.appRole +
      "', c.oid, 'UPDATE')), count(*) FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S'");
    const [withoutUsage, settable, total] = sequences.stdout.trim().split('|').map(Number);
    assert.ok(total > 0);
    assert.equal(withoutUsage, 0, 'every sequence usable');
    assert.equal(settable, 0, 'no setval');
  });

  test('tampering as the application role is refused by PostgreSQL: the trail, its triggers, the schema', async () => {
    const refusals = [
      ["UPDATE audit_events SET details = '{}' WHERE seq = 1", /permission denied for table audit_events/],
      ['DELETE FROM audit_events WHERE seq = 1', /permission denied for table audit_events/],
      ['TRUNCATE audit_events', /permission denied for table audit_events/],
      ['DROP TRIGGER audit_events_no_update ON audit_events', /must be owner of (relation|table) audit_events/],
      ['ALTER TABLE audit_events DISABLE TRIGGER ALL', /must be owner of table audit_events/],
      ['DROP TABLE audit_events', /must be owner of table audit_events/],
      ["CREATE TRIGGER sneak BEFORE INSERT ON members FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()", /permission denied for table members/],
      ['CREATE TABLE sneak (x int)', /permission denied for schema public/],
      ['ALTER TABLE members ADD COLUMN sneak int', /must be owner of table members/],
      ['CREATE INDEX sneak ON members (id)', /must be owner of table members/],
      ["INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'x', 'x')", /permission denied for table schema_migrations/],
      ['DELETE FROM schema_migrations', /permission denied for table schema_migrations/],
      ['CREATE SCHEMA sneak', /permission denied for database/],
    ];
    for (const [sql, refusal] of refusals) {
      const reply = await asApp(sql);
      assert.notEqual(reply.code, 0, `${sql} must be refused`);
      assert.match(reply.stderr, refusal, sql);
    }
    // What the role may do to audit_events, it does: read and append (through chibo only in
    // practice; a raw INSERT would break the chain, which verify then names).
    const read = await asApp('SELECT count(*) > 0 FROM audit_events');
    assert.equal(read.stdout.trim(), 't');
    const verified = await server.chibo(['audit', 'verify', '--db', server.dbUrl]);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /intact/);
  });

  test('chibo db migrate --grant-to again gives the same rights; owners and strangers are refused', async () => {
    const before = await rightsOfApp();
    const again = await runChibo(['db', 'migrate', '--db', server.ownerUrl, '--grant-to', server.appRole]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /already current/);
    assert.match(again.stdout, new RegExp(`role ${server.appRole} on .*SELECT, INSERT on audit_events; SELECT on schema_migrations`));
    assert.deepEqual(await rightsOfApp(), before);

    const owner = new URL(server.ownerUrl).username;
    for (const [role, refusal] of [
      [owner, /--grant-to.*superuser or has the owner's rights/],
      [new URL(PG_SERVER).username, /--grant-to.*superuser or has the owner's rights/],
      ['no_such_role_here', /--grant-to.*no role no_such_role_here/],
      ['x"; DROP TABLE members; --', /--grant-to.*not a valid role name/],
    ]) {
      const refused = await chiboWith(['db', 'migrate', '--db', server.ownerUrl, '--grant-to', role]);
      assert.equal(refused.code, 2, `${role}: ${refused.stdout}${refused.stderr}`);
      assert.match(refused.stderr, refusal, role);
    }
    assert.deepEqual(await rightsOfApp(), before, 'a refused grant changes nothing');
    // The application role cannot grant itself more: it owns nothing.
    const self = await chiboWith(['db', 'migrate', '--db', server.dbUrl, '--grant-to', server.appRole]);
    assert.equal(self.code, 2, self.stderr);
    assert.match(self.stderr, /--grant-to.*only the owner of the tables can grant/);
  });

  test('a schema one migration behind: the application role is told to run chibo db migrate as the owner', async () => {
    const newest = await asOwner('SELECT version, name, applied_at FROM schema_migrations ORDER BY version DESC LIMIT 1');
    const [version, name, appliedAt] = newest.stdout.trim().split('|');
    // Only the record goes: the schema stays the newest, so no migration would ever run here.
    assert.equal((await asOwner(`DELETE FROM schema_migrations WHERE version = ${version}`)).code, 0);
    try {
      for (const args of [
        ['serve', '--db', server.dbUrl, '--listen', await freePort()],
        ['db', 'migrate', '--db', server.dbUrl],
        ['check', '--db', server.dbUrl],
      ]) {
        const refused = await chiboWith(args);
        assert.equal(refused.code, 1, `${args[0]}: ${refused.signal ?? ''} ${refused.stderr}`);
        assert.match(refused.stderr, new RegExp(`schema is at version \\d+, this chibo needs ${version}, and the role ${server.appRole} may not change the schema\\. Run \`chibo db migrate\` as the database's owner`), args[0]);
        assert.doesNotMatch(refused.stderr, /permission denied/);
      }
      // --no-migrate never migrates, even as the owner; CHIBO_NO_MIGRATE is the same.
      for (const [args, env] of [[['--no-migrate'], {}], [[], { CHIBO_NO_MIGRATE: '1' }]]) {
        const refused = await chiboWith(['serve', '--db', server.ownerUrl, '--listen', await freePort(), ...args], env);
        assert.equal(refused.code, 1, refused.stderr);
        assert.match(refused.stderr, /with --no-migrate it does not migrate\. Run `chibo db migrate`/);
      }
      const still = await asOwner(`SELECT count(*) FROM schema_migrations WHERE version = ${version}`);
      assert.equal(still.stdout.trim(), '0', 'nothing was migrated');
    } finally {
      const restored = await asOwner(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${version}, '${name}', '${appliedAt}')`);
      assert.equal(restored.code, 0, restored.stderr);
    }
    // Current again: the application role gets through, with and without --no-migrate.
    const checked = await chiboWith(['check', '--db', server.dbUrl]);
    assert.equal(checked.code, 0, checked.stderr);
  });

  test('a table the role has no rights on (an upgrade without --grant-to) is named at start', async () => {
    assert.equal((await asOwner(`REVOKE UPDATE ON members FROM ${server.appRole}`)).code, 0);
    try {
      const refused = await chiboWith(['serve', '--db', server.dbUrl, '--listen', await freePort()]);
      assert.equal(refused.code, 1, refused.stderr);
      assert.match(refused.stderr, new RegExp(`role ${server.appRole} lacks rights on the table\\(s\\) members\\. Run \`chibo db migrate --grant-to ${server.appRole}\``));
      // Reading the trail needs no more than reading.
      const verified = await server.chibo(['audit', 'verify', '--db', server.dbUrl]);
      assert.equal(verified.code, 0, verified.stderr);
    } finally {
      const granted = await runChibo(['db', 'migrate', '--db', server.ownerUrl, '--grant-to', server.appRole]);
      assert.equal(granted.code, 0, granted.stderr);
    }
    const checked = await chiboWith(['check', '--db', server.dbUrl]);
    assert.equal(checked.code, 0, checked.stderr);
  });

  test('the trail verifies at the end, as the application role', async () => {
    const verified = await chiboWith(['audit', 'verify', '--db', server.dbUrl]);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /intact/);
  });
});
