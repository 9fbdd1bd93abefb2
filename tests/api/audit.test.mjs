// The audit trail (docs/accounts.md): every write appends one event with who, what and the
// fields before and after (personal identifiers hashed); GET /audit filters and pages; the
// chain verifies, and tampering with the table is refused by triggers and, once they are gone,
// found by `chibo audit verify` (with or without a signed checkpoint).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import path from 'node:path';
import { startServer, ENGINE } from './lib/server.mjs';
import { ok, problem, buildTree, createMember, cccd, iso, clockToday } from './lib/api.mjs';

let server;
let admin;
let tree;

const sha = (text) => `sha256:${crypto.createHash('sha256').update(text, 'utf8').digest('hex')}`;

async function events(api, query = '') {
  return ok(await api.get(`/api/v1/audit?limit=500${query ? `&${query}` : ''}`)).items;
}

const newest = async (api = admin) => (await events(api))[0];

before(async () => {
  server = await startServer({ data: 'empty' });
  admin = server.admin;
  tree = await buildTree(admin, 'Nhật ký');
});
after(async () => { await server?.stop(); });

describe('every write appends an event', () => {
  test('login and failed login', async () => {
    const user = await server.addUser({ roles: ['leader'] });
    const failed = await server.signIn({ ...user, password: 'wrong-password-42' });
    problem(failed, 401, 'login_failed');
    let event = await newest();
    assert.equal(event.action, 'auth.login_failed');
    assert.equal(event.outcome, 'refused');
    assert.equal(event.actor, user.username);
    assert.equal(event.address, '127.0.0.1');
    assert.ok(!JSON.stringify(event).includes('wrong-password-42'), 'the password tried is not recorded');

    const api = await server.login(user);
    event = await newest();
    assert.equal(event.action, 'auth.login');
    assert.equal(event.actor_id, user.id);
    assert.equal(event.actor, user.username);
    assert.equal(event.outcome, 'ok');
    assert.match(event.session, /^[0-9a-f]{64}$/, 'the session as a hash');
    assert.notEqual(event.session, api.jar.value);
    assert.ok(!JSON.stringify(event).includes(api.jar.value), 'the token itself is never recorded');
    assert.match(event.request_id, /\S/);
    assert.match(event.hash, /^[0-9a-f]{64}$/);

    assert.equal((await api.post('/api/v1/auth/logout', undefined)).status, 204);
    event = await newest();
    assert.equal(event.action, 'auth.logout');
    assert.equal(event.actor_id, user.id);
  });

  test('a member created and updated: fields before and after, identifiers and contacts as SHA-256', async () => {
    const citizenId = cccd({ birthYear: 1980 });
    const member = await createMember(admin, tree.cellA.id, { full_name: 'Lý Văn Ghi', citizen_id: citizenId, phone: '0912345670' });
    const created = await newest();
    assert.equal(created.action, 'member.create');
    assert.equal(created.object_type, 'member');
    assert.equal(created.object_id, String(member.id));
    assert.equal(created.object_path, tree.cellA.path);
    assert.equal(created.actor, 'tester');
    assert.deepEqual(created.details.full_name, [null, 'Lý Văn Ghi'].map((v) => v ?? created.details.full_name[0]));
    assert.equal(created.details.full_name[1], 'Lý Văn Ghi');
    assert.equal(created.details.citizen_id[1], sha(citizenId));

    const count = (await events(admin)).length;
    const newId = cccd({ birthYear: 1980 });
    const updated = ok(await admin.patch(`/api/v1/members/${member.id}`, {
      version: member.version, full_name: 'Lý Văn Sửa', citizen_id: newId, phone: '0987654321',
    }));
    const all = await events(admin);
    assert.equal(all.length, count + 1, 'one event for one write');
    const event = all[0];
    assert.equal(event.action, 'member.update');
    assert.equal(event.object_id, String(member.id));
    assert.deepEqual(event.details.full_name, ['Lý Văn Ghi', 'Lý Văn Sửa']);
    assert.deepEqual(event.details.citizen_id, [sha(citizenId), sha(newId)]);
    assert.deepEqual(event.details.phone, [sha('0912345670'), sha('0987654321')]);
    const text = JSON.stringify(all);
    for (const plain of [citizenId, newId, '0912345670', '0987654321']) {
      assert.ok(!text.includes(plain), `${plain} appears in the audit trail`);
    }
    assert.equal(updated.version, member.version + 1);

    // A write that changes nothing, or fails, adds nothing.
    problem(await admin.patch(`/api/v1/members/${member.id}`, { version: 1, full_name: 'Cũ Quá' }), 409, 'version_conflict');
    assert.equal((await events(admin)).length, count + 1);
  });

  test('reading a restricted field and exporting are recorded', async () => {
    // The member's discipline is the view of its decided cases: one is decided here.
    const member = await createMember(admin, tree.cellB.id, { full_name: 'Hồ Văn Kín' });
    let c = ok(await admin.post('/api/v1/discipline-cases', { member_id: member.id, breach_summary: 'Vi phạm', breach_date: '2026-02-10', sanction: 'reprimand', competent_level: 'Chi bộ' }), 201);
    c = ok(await admin.post(`/api/v1/discipline-cases/${c.id}/vote`, { in_favour: 3, against: 0, abstain: 0, entitled: 3, voted_on: '2026-03-01', version: c.version }));
    c = ok(await admin.post(`/api/v1/discipline-cases/${c.id}/decide`, { decided_on: '2026-03-02', decision_number: '4-QĐ/KÍN', version: c.version }));
    assert.match(ok(await admin.get(`/api/v1/members/${member.id}`)).discipline, /^Khiển trách — QĐ 4-QĐ\/KÍN/);
    const read = await newest();
    assert.equal(read.action, 'member.read_discipline');
    assert.equal(read.object_id, String(member.id));
    assert.equal(read.record_class, 'restricted');
    assert.deepEqual(read.details.cases, [c.id]);
    assert.ok(!JSON.stringify(read).includes('Khiển trách') && !JSON.stringify(read).includes('4-QĐ'));
    const csv = await admin.get(`/api/v1/members.csv?org=${tree.cellB.id}`);
    assert.equal(csv.status, 200);
    const exported = await newest();
    assert.equal(exported.action, 'member.export');
  });

  test('organizations and users', async () => {
    const org = ok(await admin.post('/api/v1/orgs', { kind: 'cell', name: 'Chi bộ Ghi Nhật Ký', parent_id: tree.base.id }), 201);
    let event = await newest();
    assert.equal(event.action, 'org.create');
    assert.equal(event.object_type, 'organization');
    assert.equal(event.object_id, String(org.id));
    ok(await admin.patch(`/api/v1/orgs/${org.id}`, { version: org.version, name: 'Chi bộ Đổi Tên Nhật Ký' }));
    event = await newest();
    assert.equal(event.action, 'org.update');
    assert.match(JSON.stringify(event.details), /Chi bộ Đổi Tên Nhật Ký/);

    const created = ok(await admin.post('/api/v1/users', { username: 'ghi.nhan', display_name: 'Ghi Nhận', grants: [{ role: 'leader', scope_org_id: tree.above.id }] }), 201);
    event = await newest();
    assert.equal(event.action, 'user.create');
    assert.equal(event.object_id, String(created.user.id));
    assert.ok(!JSON.stringify(event).includes(created.one_time_password), 'the one-time password is not recorded');
    ok(await admin.patch(`/api/v1/users/${created.user.id}`, { version: created.user.version, display_name: 'Ghi Nhận Hai' }));
    assert.equal((await newest()).action, 'user.update');
    ok(await admin.post(`/api/v1/users/${created.user.id}/end-sessions`, {}));
    assert.equal((await newest()).action, 'user.end_sessions');
    const reset = ok(await admin.post(`/api/v1/users/${created.user.id}/reset-password`, {}));
    event = await newest();
    assert.equal(event.action, 'user.reset_password');
    assert.ok(!JSON.stringify(event).includes(reset.one_time_password));
  });
});

describe('GET /audit', () => {
  test('newest first, seq strictly decreasing, every field present', async () => {
    const all = await events(admin);
    assert.ok(all.length > 10);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].seq > all[i].seq);
    for (const e of all) {
      for (const key of ['seq', 'at', 'actor_id', 'actor', 'session', 'request_id', 'address', 'action', 'object_type',
        'object_id', 'object_path', 'record_class', 'outcome', 'details', 'hash']) assert.ok(key in e, `${key} in event ${e.seq}`);
    }
  });

  test('filters: actor_id, object_type + object_id, action, from/to', async () => {
    const user = await server.addUser({ roles: ['office_staff'] });
    const api = await server.login(user);
    const member = await createMember(api, tree.cellA.id, { full_name: 'Mai Văn Lọc' });
    ok(await api.patch(`/api/v1/members/${member.id}`, { version: member.version, work_unit: 'Phòng Lọc' }));

    const byActor = await events(admin, `actor_id=${user.id}`);
    assert.deepEqual(byActor.map((e) => e.action), ['member.update', 'member.create', 'auth.login']);
    assert.ok(byActor.every((e) => e.actor_id === user.id));

    const byObject = await events(admin, `object_type=member&object_id=${member.id}`);
    assert.deepEqual(byObject.map((e) => e.action), ['member.update', 'member.create']);

    const byAction = await events(admin, 'action=member.update');
    assert.ok(byAction.length >= 2);
    assert.ok(byAction.every((e) => e.action === 'member.update'));

    // Audit times are real instants (only the server's civil date is fixed): the real day.
    const today = iso(clockToday());
    const yesterday = iso(new Date(clockToday().getTime() - 86400000));
    const tomorrow = iso(new Date(clockToday().getTime() + 86400000));
    assert.equal((await events(admin, `from=${today}`)).length, (await events(admin)).length);
    assert.equal((await events(admin, `to=${yesterday}`)).length, 0);
    assert.equal((await events(admin, `from=${tomorrow}`)).length, 0);
    assert.deepEqual((await events(admin, `actor_id=${user.id}&from=${today}&to=${today}`)).map((e) => e.seq), byActor.map((e) => e.seq));
    problem(await admin.get('/api/v1/audit?from=hôm-qua'), 400, 'invalid_parameter', [['from', null]]);
    problem(await admin.get('/api/v1/audit?limit=0'), 400, 'invalid_parameter', [['limit', null]]);
    problem(await admin.get('/api/v1/audit?colour=red'), 400, 'invalid_parameter', [['colour', null]]);
  });

  test('paging with before: pages of 3 add up to the whole trail, without overlap', async () => {
    const all = await events(admin);
    const seen = [];
    let before = null;
    for (let guard = 0; guard < 1000; guard++) {
      const page = ok(await admin.get(`/api/v1/audit?limit=3${before ? `&before=${before}` : ''}`));
      assert.ok(page.items.length <= 3);
      seen.push(...page.items.map((e) => e.seq));
      if (page.next_before === null) break;
      assert.equal(page.next_before, page.items.at(-1).seq);
      before = page.next_before;
    }
    // Events appended meanwhile (none: this test only reads) would only show up at the front.
    assert.deepEqual(seen, all.map((e) => e.seq));
  });

  test('GET /audit/verify: the chain is intact; scoped administrators and other roles may not check it', async () => {
    const verified = ok(await admin.get('/api/v1/audit/verify'));
    assert.equal(verified.ok, true);
    assert.ok(verified.events > 10);
    assert.equal(verified.head_seq, (await newest()).seq);
    const scopedAdmin = await server.login(await server.addUser({ roles: ['administrator'], scope: tree.above.id }));
    problem(await scopedAdmin.get('/api/v1/audit/verify'), 403, 'forbidden');
    const scopedEvents = await events(scopedAdmin);
    for (const e of scopedEvents) assert.ok(e.object_path?.startsWith(tree.above.path), `${e.seq} ${e.action} ${e.object_path}`);
    const leader = await server.login(await server.addUser({ roles: ['leader'] }));
    problem(await leader.get('/api/v1/audit'), 403, 'forbidden');
    problem(await leader.get('/api/v1/audit/verify'), 403, 'forbidden');
  });
});

describe('tampering (last: it breaks the chain)', () => {
  let checkpoint;

  test('an untouched trail verifies (exit 0); a checkpoint is printed and verifies, also after more events', async () => {
    const verified = await server.chibo(['audit', 'verify', '--db', server.dbUrl]);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /intact/);

    // On SQLite the key defaults to a file beside the database; a PostgreSQL URL has no such
    // place, so the command wants --key there.
    const key = ENGINE === 'postgresql' ? ['--key', path.join(server.dir, 'audit-key')] : [];
    const made = await server.chibo(['audit', 'checkpoint', '--db', server.dbUrl, ...key]);
    assert.equal(made.code, 0, made.stderr);
    checkpoint = made.stdout.trim().split('\n').at(-1);
    assert.ok(checkpoint.length > 20, checkpoint);
    let check = await server.chibo(['audit', 'verify', '--db', server.dbUrl, '--checkpoint', checkpoint]);
    assert.equal(check.code, 0, check.stdout + check.stderr);

    await createMember(admin, tree.cellB.id, { full_name: 'Tô Văn Sau' });
    check = await server.chibo(['audit', 'verify', '--db', server.dbUrl, '--checkpoint', checkpoint]);
    assert.equal(check.code, 0, check.stdout + check.stderr);

    // Pinned to the key kept off the machine: the line verifies; a fresh checkpoint signed by
    // someone with a key of their own (as a forger who rewrote the chain would make) does not.
    const publicKey = checkpoint.match(/ key=([0-9a-f]+)/)[1];
    assert.match(made.stderr, new RegExp(`public key is ${publicKey}`));
    check = await server.chibo(['audit', 'verify', '--db', server.dbUrl, '--checkpoint', checkpoint, '--public-key', publicKey.toUpperCase()]);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const other = await server.chibo(['audit', 'checkpoint', '--db', server.dbUrl, '--key', path.join(server.dir, 'forger-key')]);
    assert.equal(other.code, 0, other.stderr);
    const forgedLine = other.stdout.trim().split('\n').at(-1);
    check = await server.chibo(['audit', 'verify', '--db', server.dbUrl, '--checkpoint', forgedLine]);
    assert.equal(check.code, 0, 'unpinned, any key verifies: the reason for --public-key');
    check = await server.chibo(['audit', 'verify', '--db', server.dbUrl, '--checkpoint', forgedLine, '--public-key', publicKey]);
    assert.equal(check.code, 1, check.stdout);
    assert.match(check.stdout, /signed with another key/);

    // A checkpoint whose signature was altered is refused.
    const forged = checkpoint.replace(/[0-9a-f](?=[0-9a-f]{10}\s*$)/, (c) => (c === '0' ? '1' : '0'));
    if (forged !== checkpoint) {
      check = await server.chibo(['audit', 'verify', '--db', server.dbUrl, '--checkpoint', forged]);
      assert.equal(check.code, 1, `a forged checkpoint: ${check.stdout}`);
    }
  });

  test('raw UPDATE and DELETE on audit_events are refused by the triggers', async () => {
    const update = await server.sql("UPDATE audit_events SET details = '{}' WHERE seq = 2;");
    assert.notEqual(update.code, 0);
    assert.match(update.stderr, /append-only/);
    const remove = await server.sql('DELETE FROM audit_events WHERE seq = 2;');
    assert.notEqual(remove.code, 0);
    assert.match(remove.stderr, /append-only/);
    const verified = await server.chibo(['audit', 'verify', '--db', server.dbUrl]);
    assert.equal(verified.code, 0, verified.stdout);
  });

  test('with the triggers dropped, an altered event is found: verify exits 1 and names its seq', async () => {
    const [{ seq }] = (await events(admin, 'action=member.create')).slice(-1);
    // PostgreSQL has one trigger for UPDATE and DELETE, named with its table; SQLite has two.
    const drop = ENGINE === 'postgresql'
      ? 'DROP TRIGGER audit_events_no_update ON audit_events; '
      : 'DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; ';
    const dropped = await server.sql(drop +
      `UPDATE audit_events SET details = '{"full_name":[null,"Người Khác"]}' WHERE seq = ${seq};`);
    assert.equal(dropped.code, 0, dropped.stderr);
    const verified = await server.chibo(['audit', 'verify', '--db', server.dbUrl]);
    assert.equal(verified.code, 1, verified.stdout);
    assert.match(verified.stdout, new RegExp(`#${seq}\\b`));
    const check = await server.chibo(['audit', 'verify', '--db', server.dbUrl, '--checkpoint', checkpoint]);
    assert.equal(check.code, 1, check.stdout);
    const served = ok(await admin.get('/api/v1/audit/verify'));
    assert.equal(served.ok, false);
    assert.equal(served.first_broken, seq);
  });
});
