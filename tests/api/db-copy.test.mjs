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

// chibo db backup --recipient / chibo db restore (storage/sql/tools/sealed_backup.h): the backup
// is sealed for a key whose secret half the server never holds; on PostgreSQL it is a copy into
// SQLite, sealed. A changed, cut or foreign file, or another key, restores nothing.
describe('sealed backups', () => {
  let keyFile;
  let publicKey;
  let sealed;
  const leftovers = () => fs.readdirSync(server.dir).filter((f) => f.startsWith('.chibo-') || f.startsWith('restored'));

  before(async () => {
    keyFile = path.join(server.dir, 'backup.key');
    const made = await server.chibo(['db', 'backup-key', '--to', keyFile]);
    assert.equal(made.code, 0, made.stderr);
    publicKey = made.stdout.trim();
    assert.match(publicKey, /^[0-9a-f]{64}$/);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    // The key file is never overwritten.
    const again = await server.chibo(['db', 'backup-key', '--to', keyFile]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /--to/);
  });

  test('a sealed backup hides the records and restores into a sound copy of the database', async () => {
    const cell = (await server.admin.get('/api/v1/members?page_size=1')).body.items[0].org_id;
    await createMember(server.admin, cell, { full_name: 'Đoàn Thị Niêm Phong' });
    sealed = path.join(server.dir, 'nightly.sealed');
    const backup = await server.chibo(['db', 'backup', '--db', server.dbUrl, '--to', sealed, '--recipient', publicKey]);
    assert.equal(backup.code, 0, backup.stdout + backup.stderr);
    assert.match(backup.stdout, /sealed for key [0-9a-f]{16}/);
    const bytes = fs.readFileSync(sealed);
    assert.equal(bytes.subarray(0, 15).toString(), 'chibo-sealed-1\n');
    for (const plain of ['Đoàn Thị Niêm Phong', 'Niem Phong', 'SQLite format 3', 'CREATE TABLE'])
      assert.equal(bytes.indexOf(Buffer.from(plain)), -1, plain);
    assert.equal(fs.statSync(sealed).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(path.dirname(sealed)).filter((f) => f.includes('.sealing-')), []);

    const restoredFile = path.join(server.dir, 'restored.db');
    const restored = await server.chibo(['db', 'restore', '--from', sealed, '--key', keyFile, '--to', restoredFile]);
    assert.equal(restored.code, 0, restored.stdout + restored.stderr);
    assert.match(restored.stdout, /every chunk verified/);
    const target = `sqlite:${restoredFile}`;
    assert.equal(await exported(target), await exported(server.dbUrl));
    for (const args of [['check'], ['audit', 'verify']]) {
      const reply = await server.chibo([...args, '--db', target]);
      assert.equal(reply.code, 0, `${args.join(' ')}: ${reply.stdout}${reply.stderr}`);
    }
    // Restoring over it is refused.
    const over = await server.chibo(['db', 'restore', '--from', sealed, '--key', keyFile, '--to', restoredFile]);
    assert.equal(over.code, 2);
    assert.match(over.stderr, /--to/);
    fs.rmSync(restoredFile);
  });

  test('another key, a changed byte, a cut file or a plain database restore nothing', async () => {
    assert.ok(sealed, 'the sealed backup of the test before');
    const otherKey = path.join(server.dir, 'other.key');
    assert.equal((await server.chibo(['db', 'backup-key', '--to', otherKey])).code, 0);
    const target = path.join(server.dir, 'restored-bad.db');
    const restore = (from, key = keyFile) => server.chibo(['db', 'restore', '--from', from, '--key', key, '--to', target]);

    let reply = await restore(sealed, otherKey);
    assert.equal(reply.code, 2);
    assert.match(reply.stderr, /--key/);
    assert.match(reply.stderr, /[0-9a-f]{16}.*[0-9a-f]{16}/);  // the key it was sealed for, and this one

    const bytes = fs.readFileSync(sealed);
    const changed = Buffer.from(bytes);
    changed[Math.floor(bytes.length / 2)] ^= 0x20;
    fs.writeFileSync(path.join(server.dir, 'changed.sealed'), changed);
    reply = await restore(path.join(server.dir, 'changed.sealed'));
    assert.equal(reply.code, 2, reply.stdout);
    assert.match(reply.stderr, /--from.*(sửa đổi|altered)/);

    fs.writeFileSync(path.join(server.dir, 'cut.sealed'), bytes.subarray(0, bytes.length - 100));
    reply = await restore(path.join(server.dir, 'cut.sealed'));
    assert.equal(reply.code, 2, reply.stdout);
    assert.match(reply.stderr, /--from.*(cắt cụt|cut short)/);

    if (ENGINE === 'sqlite') {
      reply = await restore(server.dbUrl.slice('sqlite:'.length));
      assert.equal(reply.code, 2);
      assert.match(reply.stderr, /--from/);
    }
    fs.writeFileSync(path.join(server.dir, 'not.key'), 'not a key\n');
    reply = await restore(sealed, path.join(server.dir, 'not.key'));
    assert.equal(reply.code, 2);
    assert.match(reply.stderr, /--key/);
    reply = await server.chibo(['db', 'backup', '--db', server.dbUrl, '--to', path.join(server.dir, 'x.sealed'), '--recipient', 'abc']);
    assert.equal(reply.code, 2);
    assert.match(reply.stderr, /--recipient/);
    assert.ok(!fs.existsSync(path.join(server.dir, 'x.sealed')));
    assert.deepEqual(leftovers(), []);
  });
});
