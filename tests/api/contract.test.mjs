// The live server against the OpenAPI document in the source tree: every reply's status must be
// documented for its route, and every JSON body must match the documented schema (on demo data,
// so that real records with every kind of value are checked).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, strongPassword } from './lib/server.mjs';
import { client, cookieJar, memberPayload, cccd, iso, serverToday } from './lib/api.mjs';
import { candidatePayload } from './lib/lifecycle.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let api;
let doc;
let root;
let cell;
let member;

before(async () => {
  doc = loadOpenApi();
  server = await startServer({ data: 'demo', members: 1500, seed: 5 });
  api = client(server.base);
});
after(async () => { await server?.stop(); });

/** Calls the API and asserts the reply conforms to the document; returns the reply. */
async function call(method, path, options = {}) {
  const reply = await api.request(method, path, options);
  const problems = checkReply(doc, method, path, reply);
  assert.deepEqual(problems.slice(0, 20), [], `${method} ${path} -> ${reply.status}: ${reply.text.slice(0, 300)}`);
  return reply;
}
const json = (method, path, body, options = {}) => call(method, path, { ...options, json: body });

describe('meta routes match the document', () => {
  test('health, openapi.json, catalogs, rules', async () => {
    for (const path of ['/api/v1/health', '/api/v1/openapi.json', '/api/v1/catalogs', '/api/v1/rules']) {
      assert.equal((await call('GET', path)).status, 200);
    }
  });
});

describe('organization routes match the document', () => {
  test('roots, children, one, search, stats', async () => {
    const roots = await call('GET', '/api/v1/orgs');
    root = roots.body.items[0];
    const children = await call('GET', `/api/v1/orgs?parent=${root.id}&include_dissolved=true`);
    await call('GET', `/api/v1/orgs/${root.id}/children`);
    await call('GET', `/api/v1/orgs/${root.id}`);
    await call('GET', `/api/v1/orgs/${root.id}/stats`);
    await call('GET', '/api/v1/orgs/search?q=ban&limit=50');
    // walk down to a cell that holds members
    let node = children.body.items.find((o) => o.counts.total > 0);
    while (!node.holds_members) {
      node = (await call('GET', `/api/v1/orgs/${node.id}/children`)).body.items.find((o) => o.counts.total > 0);
    }
    cell = node;
    await call('GET', `/api/v1/orgs/${cell.id}`);
    await call('GET', `/api/v1/orgs/${cell.id}/stats`);
  });

  test('create, rename, move, dissolve, merge', async () => {
    const parent = (await call('GET', `/api/v1/orgs/${cell.parent_id}`)).body;
    const a = (await json('POST', '/api/v1/orgs', { kind: cell.kind, name: 'Chi bộ Hợp Đồng A', parent_id: parent.id, established_on: '2015-01-01' })).body;
    const b = (await json('POST', '/api/v1/orgs', { kind: cell.kind, name: 'Chi bộ Hợp Đồng B', parent_id: parent.id })).body;
    const c = (await json('POST', '/api/v1/orgs', { kind: cell.kind, name: 'Chi bộ Hợp Đồng C', parent_id: parent.id })).body;
    const renamed = await json('PATCH', `/api/v1/orgs/${a.id}`, { version: a.version, name: 'Chi bộ Hợp Đồng Một', short_name: 'HĐ1' });
    assert.equal(renamed.status, 200);
    const otherParent = (await call('GET', `/api/v1/orgs?parent=${parent.parent_id}`)).body.items.find((o) => o.id !== parent.id && o.kind === parent.kind);
    if (otherParent) assert.equal((await json('POST', `/api/v1/orgs/${c.id}/move`, { parent_id: otherParent.id })).status, 200);
    assert.equal((await json('POST', `/api/v1/orgs/${b.id}/dissolve`, { dissolved_on: '2025-01-01' })).status, 200);
    assert.equal((await json('POST', `/api/v1/orgs/${a.id}/merge`, { target_id: cell.id })).status, 200);
    assert.equal((await json('POST', `/api/v1/orgs/${cell.id}/dissolve`, {})).status, 409);
    assert.equal((await json('POST', `/api/v1/orgs/${a.id}/merge`, { target_id: cell.id })).status, 409);
    assert.equal((await json('PATCH', `/api/v1/orgs/${cell.id}`, { version: 999, name: 'X' })).status, 409);
    assert.equal((await json('POST', '/api/v1/orgs', { kind: 'cell', name: 'X', parent_id: root.id })).status, 422);
    assert.equal((await json('POST', '/api/v1/orgs', { kind: 'committee_central', name: 'X', code: root.code })).status, 409);
  });

  test('problem replies', async () => {
    assert.equal((await call('GET', '/api/v1/orgs/999999')).status, 404);
    assert.equal((await call('GET', '/api/v1/orgs?bogus=1')).status, 400);
    assert.equal((await call('GET', '/api/v1/orgs/search?limit=0')).status, 400);
    assert.equal((await call('POST', '/api/v1/orgs', { body: '{', headers: { 'content-type': 'application/json' } })).status, 400);
    assert.equal((await call('POST', '/api/v1/orgs', { body: '{}', headers: { 'content-type': 'text/plain' } })).status, 415);
    assert.equal((await call('POST', `/api/v1/orgs/${root.id}/move`, { body: JSON.stringify({ parent_id: 1, pad: 'x'.repeat(1100000) }), headers: { 'content-type': 'application/json' } })).status, 413);
    assert.equal((await call('DELETE', `/api/v1/orgs/${root.id}`, { unrouted: true })).status, 405);
  });
});

describe('member routes match the document', () => {
  test('every member of the first 1000 in name order matches the Member schema', async () => {
    for (const page of [1, 2]) assert.equal((await call('GET', `/api/v1/members?page=${page}&page_size=500`)).status, 200);
  });

  test('lists with filters, the CSV export, one member and its history', async () => {
    const list = await call('GET', `/api/v1/members?org=${root.id}&status=official,probationary&sex=female&age_min=20&age_max=80&admitted_from=1980&admitted_to=2024&sort=-age&page_size=20`);
    await call('GET', '/api/v1/members?q=nguyen&sort=admission_date');
    await call('GET', `/api/v1/members.csv?org=${cell.id}`);
    member = list.body.items[0];
    for (const m of list.body.items.slice(0, 10)) {
      await call('GET', `/api/v1/members/${m.id}`);
      await call('GET', `/api/v1/members/${m.id}/history`);
    }
  });

  test('create and update', async () => {
    const created = await json('POST', '/api/v1/members', memberPayload(cell.id, {
      full_name: 'Ông Văn Hợp Đồng', aliases: ['Ba Hợp'], phone: '+84 912 000 333', email: 'hop.dong@example.vn',
      party_card_no: `HD${Date.now() % 1000000}`, general_education: '12/12', occupation: 'civil_servant',
    }));
    assert.equal(created.status, 201);
    const { id, version } = created.body;
    assert.equal((await json('PATCH', `/api/v1/members/${id}`, { version, position: 'Bí thư chi bộ', aliases: null })).status, 200);
    assert.equal((await json('PATCH', `/api/v1/members/${id}`, { version, position: 'X' })).status, 409);
    assert.equal((await json('POST', '/api/v1/members', memberPayload(cell.id, { citizen_id: created.body.citizen_id }))).status, 409);
  });

  test('problem replies', async () => {
    assert.equal((await call('GET', '/api/v1/members?age_min=abc')).status, 400);
    assert.equal((await call('GET', '/api/v1/members?status=bogus')).status, 400);
    assert.equal((await call('GET', '/api/v1/members?org=999999')).status, 404);
    assert.equal((await call('GET', '/api/v1/members.csv?bogus=1')).status, 400);
    assert.equal((await call('GET', '/api/v1/members/999999')).status, 404);
    assert.equal((await call('GET', '/api/v1/members/999999/history')).status, 404);
    assert.equal((await json('POST', '/api/v1/members', memberPayload(cell.id, { birth_date: '2024-02-30' }))).status, 422);
    assert.equal((await json('POST', '/api/v1/members', memberPayload(root.id, { citizen_id: cccd() }))).status, 422);
    assert.equal((await call('POST', '/api/v1/members', { body: '[]', headers: { 'content-type': 'application/json' } })).status, 400);
    assert.equal((await call('POST', '/api/v1/members', { body: '{}', headers: { 'content-type': 'text/plain' } })).status, 415);
    assert.equal((await call('POST', '/api/v1/members', { body: JSON.stringify({ full_name: 'x'.repeat(1100000) }), headers: { 'content-type': 'application/json' } })).status, 413);
    assert.equal((await json('PATCH', `/api/v1/members/${member.id}`, { version: member.version, birth_date: '2023-02-29' })).status, 422);
    assert.equal((await json('PATCH', '/api/v1/members/999999', { version: 1 })).status, 404);
    assert.equal((await call('PUT', `/api/v1/members/${member.id}`, { json: {}, unrouted: true })).status, 405);
  });
});

describe('lifecycle routes match the document', () => {
  test('candidates, probation lists, lifecycles, transfers, badges, the calendar', async () => {
    const candidates = await call('GET', `/api/v1/candidates?org=${root.id}&page_size=50`);
    assert.ok(candidates.body.items.length > 0, 'the demo has admission files');
    for (const c of candidates.body.items.slice(0, 10)) await call('GET', `/api/v1/candidates/${c.id}`);
    await call('GET', `/api/v1/candidates?org=${root.id}&status=open&phase=ceremony&q=tr`);
    const lists = (await call('GET', `/api/v1/probation?org=${root.id}&within=366&limit=50`)).body;
    const probationary = [...lists.due, ...lists.overdue, ...lists.awaiting_decision];
    assert.ok(probationary.length > 0, 'the demo has probationary members');
    for (const m of probationary.slice(0, 10)) await call('GET', `/api/v1/members/${m.id}/lifecycle`);
    const transfers = (await call('GET', `/api/v1/transfers?org=${root.id}`)).body.items;
    assert.ok(transfers.length > 0, 'the demo has open transfers');
    await call('GET', `/api/v1/transfers?org=${root.id}&state=completed&kind=official&direction=internal&overdue=false`);
    for (const t of transfers.slice(0, 5)) {
      await call('GET', `/api/v1/transfers/${t.id}`);
      if (t.member_id) await call('GET', `/api/v1/members/${t.member_id}/lifecycle`);
    }
    const badges = (await call('GET', `/api/v1/badges?org=${root.id}&page_size=50`)).body;
    assert.ok(badges.items.length > 0, 'the demo has members due a badge');
    for (const b of badges.items.slice(0, 5)) await call('GET', `/api/v1/members/${b.id}/lifecycle`);
    await call('GET', `/api/v1/badges?org=${root.id}&occasion=${badges.previous_occasion}&milestone=30`);
    await call('GET', `/api/v1/badges.csv?org=${root.id}`);
    await call('GET', '/api/v1/calendar');
    await call('GET', `/api/v1/members/${member.id}/lifecycle`);
    assert.equal((await call('GET', '/api/v1/probation?within=400')).status, 400);
    assert.equal((await call('GET', '/api/v1/members/999999/lifecycle')).status, 404);
  });

  test('a candidate and its steps, a transfer, an exit', async () => {
    const today = iso(serverToday());
    const created = await json('POST', '/api/v1/candidates', candidatePayload(cell.id));
    assert.equal(created.status, 201);
    const candidate = created.body;
    assert.equal((await json('POST', `/api/v1/candidates/${candidate.id}/steps`, { step: 'application', on: today })).status, 201);
    assert.equal((await json('POST', `/api/v1/candidates/${candidate.id}/steps`, { step: 'cell_resolution', on: today })).status, 422);
    assert.equal((await json('POST', `/api/v1/candidates/${candidate.id}/undo`, { step: 'application' })).status, 200);
    const current = (await call('GET', `/api/v1/candidates/${candidate.id}`)).body;
    assert.equal((await json('PATCH', `/api/v1/candidates/${candidate.id}`, { version: current.version, phone: '0912000444' })).status, 200);
    const closing = (await call('GET', `/api/v1/candidates/${candidate.id}`)).body;
    assert.equal((await json('POST', `/api/v1/candidates/${candidate.id}/close`, { version: closing.version, on: today, reason: 'Chuyển công tác' })).status, 200);
    assert.equal((await json('POST', `/api/v1/candidates/${candidate.id}/steps`, { step: 'application', on: today })).body.errors[0].code, 'candidate_closed');

    const officials = (await call('GET', `/api/v1/members?org=${cell.id}&status=official&page_size=5`)).body.items;
    const [mover, leaver] = officials;
    const siblings = (await call('GET', `/api/v1/orgs/${cell.parent_id}/children`)).body.items;
    const target = siblings.find((o) => o.id !== cell.id && o.holds_members && o.status === 'active');
    if (target) {
      const transfer = await json('POST', '/api/v1/transfers', { kind: 'official', direction: 'internal', member_id: mover.id, to_org_id: target.id, letter_date: today });
      assert.equal(transfer.status, 201);
      assert.equal((await json('POST', '/api/v1/transfers', { kind: 'official', direction: 'internal', member_id: mover.id, to_org_id: target.id, letter_date: today })).status, 409);
      assert.equal((await json('POST', `/api/v1/transfers/${transfer.body.id}/complete`, { version: transfer.body.version, on: today })).status, 200);
    }
    const exit = await json('POST', `/api/v1/members/${leaver.id}/exit`, { version: leaver.version, status: 'removed', on: today, ground: 'no_progress_after_help', document: { number: '1-QĐ/ĐU', authority: 'Đảng ủy' } });
    assert.equal(exit.status, 200);
    await call('GET', `/api/v1/members/${leaver.id}/lifecycle`);
  });
});

describe('account routes match the document', () => {
  test('login, me, password, TOTP enrolment, logout; 401, 403 and 422 problems', async () => {
    const created = await json('POST', '/api/v1/users', { username: 'hopdong.moi', display_name: 'Hợp Đồng', grants: [{ role: 'administrator', scope_org_id: root.id }] });
    assert.equal(created.status, 201);
    const jar = cookieJar();
    const user = client(server.base, { jar });
    const check = async (method, path, options = {}) => {
      const reply = await user.request(method, path, options);
      assert.deepEqual(checkReply(doc, method, path, reply).slice(0, 20), [], `${method} ${path} -> ${reply.status}: ${reply.text.slice(0, 300)}`);
      return reply;
    };
    assert.equal((await check('POST', '/api/v1/auth/login', { json: { username: 'hopdong.moi', password: 'sai-mat-khau-123' } })).status, 401);
    assert.equal((await check('POST', '/api/v1/auth/login', { json: { username: 'hopdong.moi' } })).status, 422);
    assert.equal((await check('POST', '/api/v1/auth/login', { json: { username: 'hopdong.moi', password: created.body.one_time_password }, csrf: false })).status, 403);
    assert.equal((await check('POST', '/api/v1/auth/login', { json: { username: 'hopdong.moi', password: created.body.one_time_password } })).status, 200);
    assert.equal((await check('GET', '/api/v1/auth/me')).body.stage, 'change_password');
    assert.equal((await check('GET', '/api/v1/members')).status, 403);
    assert.equal((await check('POST', '/api/v1/auth/password', { json: { current_password: created.body.one_time_password, new_password: 'password123' } })).status, 422);
    const changed = await check('POST', '/api/v1/auth/password', { json: { current_password: created.body.one_time_password, new_password: strongPassword() } });
    assert.equal(changed.body.stage, 'enrol_totp');
    assert.equal((await check('POST', '/api/v1/auth/totp/confirm', { json: { code: '000000' } })).status, 409);
    assert.equal((await check('POST', '/api/v1/auth/totp/begin', { json: {} })).status, 200);
    assert.equal((await check('POST', '/api/v1/auth/totp/confirm', { json: { code: 'abc' } })).status, 422);
    assert.equal((await check('POST', '/api/v1/auth/logout')).status, 204);
    assert.equal((await check('GET', '/api/v1/auth/me')).status, 401);
    assert.equal((await check('GET', '/api/v1/members')).status, 401);
  });

  test('users and audit', async () => {
    const list = await call('GET', '/api/v1/users?q=hopdong&limit=10&offset=0');
    const target = list.body.items[0];
    await call('GET', `/api/v1/users/${target.id}`);
    await json('PATCH', `/api/v1/users/${target.id}`, { version: target.version, display_name: 'Hợp Đồng Hai', grants: [{ role: 'leader', scope_org_id: root.id }] });
    assert.equal((await json('PATCH', `/api/v1/users/${target.id}`, { version: target.version })).status, 409);
    assert.equal((await json('PATCH', `/api/v1/users/${target.id}`, { version: 'x' })).status, 422);
    assert.equal((await call('GET', '/api/v1/users/999999')).status, 404);
    await json('POST', `/api/v1/users/${target.id}/end-sessions`, {});
    await json('POST', `/api/v1/users/${target.id}/reset-password`, { reset_totp: true });
    assert.equal((await json('POST', '/api/v1/users', { username: 'x' })).status, 422);
    const page = await call('GET', '/api/v1/audit?limit=50');
    assert.ok(page.body.items.length > 0);
    await call('GET', `/api/v1/audit?limit=5&before=${page.body.items[0].seq}&object_type=member&action=member.update`);
    assert.equal((await call('GET', '/api/v1/audit?from=x')).status, 400);
    assert.equal((await call('GET', '/api/v1/audit/verify')).body.ok, true);
    const anonymous = client(server.base, { jar: null });
    const reply = await anonymous.get('/api/v1/users');
    assert.deepEqual(checkReply(doc, 'GET', '/api/v1/users', reply), []);
    assert.equal(reply.status, 401);
  });
});

describe('document register routes match the document', () => {
  test('lists, one document (outgoing and incoming), the next number, the catalog, renderings, attachments, issuers', async () => {
    const outgoing = (await call('GET', '/api/v1/documents?direction=outgoing&limit=200')).body.items;
    assert.ok(outgoing.length > 0, 'the demo has outgoing documents');
    const incoming = (await call('GET', '/api/v1/documents?direction=incoming&limit=50')).body.items;
    assert.ok(incoming.length > 0, 'the demo has incoming documents');
    await call('GET', `/api/v1/documents?q=${encodeURIComponent('ke hoach')}&limit=5`);
    const doc0 = outgoing.find((d) => d.secrecy === null);
    await call('GET', `/api/v1/documents/${doc0.id}`);
    await call('GET', `/api/v1/documents/${incoming[0].id}`);
    await call('GET', '/api/v1/documents/catalog');
    await call('GET', `/api/v1/documents/next-number?org=${doc0.org_id}&type=ke_hoach`);
    assert.equal((await call('GET', `/api/v1/documents/next-number?org=${doc0.org_id}&type=cuong_linh`)).status, 422);
    assert.equal((await call('GET', '/api/v1/documents/next-number?type=ke_hoach')).status, 400);
    await call('GET', `/api/v1/documents/${doc0.id}/docx`);
    await call('GET', `/api/v1/documents/${doc0.id}/print`);
    await call('GET', `/api/v1/orgs/${doc0.org_id}/document-issuers`);
    assert.equal((await call('GET', '/api/v1/documents/999999999')).status, 404);
    const attached = await call('POST', `/api/v1/documents/${doc0.id}/attachments?name=a.pdf`, { body: Buffer.from('%PDF-1.4\n%%EOF\n'), headers: { 'content-type': 'application/pdf' } });
    assert.equal(attached.status, 201);
    await call('GET', `/api/v1/documents/${doc0.id}/attachments/${attached.body.id}`);
    assert.equal((await call('POST', `/api/v1/documents/${doc0.id}/attachments?name=a.txt`, { body: Buffer.from('hello'), headers: { 'content-type': 'text/plain' } })).status, 422);
    await json('POST', `/api/v1/documents/${doc0.id}/attachments/${attached.body.id}/remove`, {});
    const fresh = (await call('GET', `/api/v1/documents/${doc0.id}`)).body;
    await json('PATCH', `/api/v1/documents/${doc0.id}`, { version: fresh.version, circulation: 'Lưu hành nội bộ' });
    assert.equal((await json('PATCH', `/api/v1/documents/${doc0.id}`, { version: fresh.version, circulation: 'x' })).status, 409);
    assert.equal((await json('POST', '/api/v1/documents', { org_id: doc0.org_id, type: 'khong_co' })).status, 422);
    const received = await json('POST', '/api/v1/documents/incoming', {
      org_id: doc0.org_id, from_issuer: 'Văn phòng Trung ương Đảng', symbol: '36-HD/VPTW', type: 'huong_dan',
      issued_on: '2018-04-03', received_on: '2018-04-05', summary: 'thể thức và kỹ thuật trình bày văn bản của Đảng',
    });
    assert.equal(received.status, 201);
    assert.equal((await json('POST', `/api/v1/documents/${received.body.id}/forwards`, { org_ids: [], on: '2018-04-06' })).status, 422);
    await json('POST', `/api/v1/documents/${received.body.id}/withdraw`, { version: received.body.version, on: '2018-04-06', reason: 'Vào sổ nhầm' });
    await call('PUT', `/api/v1/orgs/${doc0.org_id}/document-issuers`, { json: { overrides: { committee: 'ĐUK' } } });
    await call('PUT', `/api/v1/orgs/${doc0.org_id}/document-issuers`, { json: { overrides: { committee: null } } });
  });
});
