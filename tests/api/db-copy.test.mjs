// chibo db copy on a live database (storage/sql/tools/database_copy.h): the copy of a served demo
// exports the same CSV, passes chibo check and chibo audit verify; on PostgreSQL it goes to
// SQLite and back into a new PostgreSQL database. Refusals name their flag; nothing is left
// behind a refused copy.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, ENGINE, PG_SERVER, runSql, withDatabase } from './lib/server.mjs';
import { createMember } from './lib/api.mjs';

let server;

before(async () => {
  server = await startServer({ data: 'demo', members: 1500 });
});
after(async () => { await server?.stop(); });

async function exported(dbUrl) {
  const file = path.join(server.dir, `export-${Math.random().toString(36).slice(2)}.csv`);
  const reply = await server.chibo(['export', '--db', dbUrl, '-o', file]);
  assert.equal(reply.code, 0, reply.stderr);
  return fs.readFileSync(file, 'utf8');
}

async function copy(from, to) {
  return server.chibo(['db', 'copy', '--from', from, '--to', to]);
}

describe('chibo db copy', () => {
  test('copies a served database whole: same export, check and audit chain pass', async () => {
    // The source is in use: a write lands while the copy runs or before; either way the copy
    // is one consistent snapshot.
    const cell = (await server.admin.get('/api/v1/members?page_size=1')).body.items[0].org_id;
    await createMember(server.admin, cell, { full_name: 'Lý Văn Sao' });
    const target = `sqlite:${path.join(server.dir, 'copy.db')}`;
    const copied = await copy(server.dbUrl, target);
    assert.equal(copied.code, 0, copied.stdout + copied.stderr);
    assert.match(copied.stdout, /row counts and checksums equal on both sides; audit chain verified/);
    assert.match(copied.stdout, /^members\s+1501\s/m);
    assert.equal(await exported(target), await exported(server.dbUrl));
    for (const args of [['check'], ['audit', 'verify']]) {
      const reply = await server.chibo([...args, '--db', target]);
      assert.equal(reply.code, 0, `${args.join(' ')}: ${reply.stdout}${reply.stderr}`);
    }
    if (ENGINE === 'postgresql') {
      // And back into a new PostgreSQL database.
      const name = `chibo_copy_back_${process.pid}`;
      assert.equal((await runSql(PG_SERVER, `CREATE DATABASE ${name}`)).code, 0);
      try {
        const back = withDatabase(PG_SERVER, name);
        const returned = await copy(target, back);
        assert.equal(returned.code, 0, returned.stdout + returned.stderr);
        assert.equal(await exported(back), await exported(server.dbUrl));
        // Copying into it again is refused: it is not empty any more.
        const refused = await copy(target, back);
        assert.equal(refused.code, 2);
        assert.match(refused.stderr, /--to/);
      } finally {
        await runSql(PG_SERVER, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    }
  });

  test('refusals name the flag and leave nothing behind', async () => {
    const existing = path.join(server.dir, 'exists.db');
    fs.writeFileSync(existing, '');
    let reply = await copy(server.dbUrl, `sqlite:${existing}`);
    assert.equal(reply.code, 2);
    assert.match(reply.stderr, /--to/);
    assert.equal(fs.statSync(existing).size, 0, 'the existing file is untouched');
    reply = await copy('mysql://nowhere', `sqlite:${path.join(server.dir, 'x.db')}`);
    assert.equal(reply.code, 2);
    assert.match(reply.stderr, /--from/);
    reply = await server.chibo(['db', 'copy', '--from', server.dbUrl]);
    assert.notEqual(reply.code, 0);
    assert.match(reply.stderr, /--to/);
    assert.deepEqual(fs.readdirSync(server.dir).filter((f) => f.startsWith('x.db')), []);
  });
});
