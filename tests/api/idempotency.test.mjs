// Creating requests with an Idempotency-Key (app/runner.h: run_keyed, reference.md §3 R5 "lost
// ACK"): the same key and request give the first reply (status, body, Location) and exactly one
// record; another request under the same key is refused (422); keys are per user; a refused
// request stores nothing, so it may be sent again; a malformed key is a 400 naming the header.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, memberPayload, listMembers } from './lib/api.mjs';

let server;
let admin;
let tree;

const key = () => crypto.randomUUID();
const keyed = (value) => ({ headers: { 'idempotency-key': value } });

before(async () => {
  server = await startServer({ data: 'empty' });
  admin = server.admin;
  tree = await buildTree(admin, 'Khóa');
});
after(async () => { await server?.stop(); });

describe('Idempotency-Key on POST /members', () => {
  test('the same request again gets the first reply and no second member', async () => {
    const k = key();
    const payload = memberPayload(tree.cellA.id, { full_name: 'Lê Văn Một Lần' });
    const first = await admin.post('/api/v1/members', payload, keyed(k));
    const created = ok(first, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const again = await admin.post('/api/v1/members', payload, keyed(k));
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.text, first.text, 'the very same body');
    assert.equal(again.headers.get('location'), first.headers.get('location'));
    assert.equal(again.headers.get('etag'), first.headers.get('etag'));
    const found = await listMembers(admin, { q: 'Lê Văn Một Lần' });
    assert.equal(found.total, 1);
    assert.equal(found.items[0].id, created.id);
  });

  test('concurrent repeats of one keyed request create one member and all get its reply', async () => {
    const k = key();
    const payload = memberPayload(tree.cellA.id, { full_name: 'Phạm Thị Đồng Thời' });
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => admin.post('/api/v1/members', payload, keyed(k))));
    const ids = new Set(replies.map((reply) => ok(reply, 201).id));
    assert.equal(ids.size, 1, `one member: ${[...ids]}`);
    assert.equal(replies.filter((reply) => reply.headers.get('idempotent-replayed') === 'true').length, 5);
    assert.equal((await listMembers(admin, { q: 'Phạm Thị Đồng Thời' })).total, 1);
  });

  test('the same key with another body is refused with 422 and writes nothing', async () => {
    const k = key();
    ok(await admin.post('/api/v1/members', memberPayload(tree.cellA.id, { full_name: 'Vũ Văn Khóa' }), keyed(k)), 201);
    const other = await admin.post('/api/v1/members', memberPayload(tree.cellA.id, { full_name: 'Vũ Văn Khác' }), keyed(k));
    problem(other, 422, 'idempotency_key_reused', [['Idempotency-Key', 'idempotency_key_reused']]);
    assert.equal((await listMembers(admin, { q: 'Vũ Văn Khác' })).total, 0);
  });

  test('a refused request stores nothing: corrected, it may use the same key', async () => {
    const k = key();
    const bad = memberPayload(tree.cellA.id, { full_name: 'Đỗ Văn Sửa', citizen_id: '123' });
    problem(await admin.post('/api/v1/members', bad, keyed(k)), 422, 'validation_failed', [['citizen_id', null]]);
    // The same bad request again is refused again (not replayed from a stored failure) ...
    problem(await admin.post('/api/v1/members', bad, keyed(k)), 422, 'validation_failed');
    // ... and nothing holds the key: a different (corrected) body is accepted under it.
    ok(await admin.post('/api/v1/members', memberPayload(tree.cellA.id, { full_name: 'Đỗ Văn Sửa' }), keyed(k)), 201);
  });

  test('keys are per user: another user may use the same key for their own request', async () => {
    const k = key();
    const staff = await server.login(await server.addUser({ roles: ['office_staff'] }));
    const mine = ok(await admin.post('/api/v1/members', memberPayload(tree.cellA.id, { full_name: 'Hồ Văn Của Tôi' }), keyed(k)), 201);
    const theirs = ok(await staff.post('/api/v1/members', memberPayload(tree.cellB.id, { full_name: 'Hồ Văn Của Họ' }), keyed(k)), 201);
    assert.notEqual(mine.id, theirs.id);
  });

  test('a quoted key (the draft standard\'s string form) is the same key as the bare one', async () => {
    const k = key();
    const payload = memberPayload(tree.cellB.id, { full_name: 'Ngô Văn Ngoặc' });
    const first = ok(await admin.post('/api/v1/members', payload, keyed(`"${k}"`)), 201);
    const again = await admin.post('/api/v1/members', payload, keyed(k));
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(ok(again, 201).id, first.id);
  });

  test('a malformed key is a 400 that names the header, and writes nothing', async () => {
    const payload = memberPayload(tree.cellB.id, { full_name: 'Trịnh Văn Sai Khóa' });
    for (const bad of ['', 'has space', 'x'.repeat(256), 'quote"inside', 'caf\u00e9', 'back\\slash']) {
      const reply = await admin.post('/api/v1/members', payload, keyed(bad));
      problem(reply, 400, 'idempotency_key_invalid', [['Idempotency-Key', 'idempotency_key_format']]);
    }
    assert.equal((await listMembers(admin, { q: 'Trịnh Văn Sai Khóa' })).total, 0);
  });
});

describe('Idempotency-Key on POST /orgs', () => {
  test('a repeated keyed creation returns the first organization', async () => {
    const k = key();
    const fields = { kind: 'cell', name: 'Chi bộ Phòng Một Lần', parent_id: tree.base.id };
    const first = await admin.post('/api/v1/orgs', fields, keyed(k));
    const org = ok(first, 201);
    const again = await admin.post('/api/v1/orgs', fields, keyed(k));
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.text, first.text);
    const children = ok(await admin.get(`/api/v1/orgs/${tree.base.id}/children`));
    assert.equal(children.items.filter((child) => child.name === 'Chi bộ Phòng Một Lần').length, 1);
    assert.equal(org.name, 'Chi bộ Phòng Một Lần');
  });
});
