// The document register through the API (issue 12): outgoing documents numbered by chibo per
// issuer, series and term, incoming ones passed down, attachments checked by content, secret
// documents, the DOCX and print renderings, and the SQLite backup of attachments.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, ENGINE } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';

const MAX_ATTACHMENT = 64 * 1024;

let server;
let api;
let tree;

// Terms are inserted as rows (the terms API is another work area's): the base committee's
// term opened by a congress that closed on 2025-06-30, running; the cells' terms likewise.
async function addTerm(orgId, closedOn, name, nextClosedOn = null) {
  const next = nextClosedOn ? `'${nextClosedOn}'` : 'NULL';
  const { code, stderr } = await server.sql(
    `INSERT INTO terms (org_id, name, congress_opened_on, congress_closed_on, next_congress_closed_on, version, created_at, updated_at) ` +
    `VALUES (${orgId}, '${name}', '${closedOn}', '${closedOn}', ${next}, 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`);
  assert.equal(code, 0, stderr);
}

before(async () => {
  server = await startServer({ serveArgs: ['--max-attachment-bytes', String(MAX_ATTACHMENT)] });
  api = server.admin;
  tree = await buildTree(api, 'Văn Bản');
  await addTerm(tree.base.id, '2020-06-28', 'Nhiệm kỳ 2020-2025', '2025-06-30');
  await addTerm(tree.base.id, '2025-06-30', 'Nhiệm kỳ 2025-2030');
  await addTerm(tree.cellA.id, '2025-03-15', 'Nhiệm kỳ 2025-2027');
  await addTerm(tree.cellB.id, '2025-03-15', 'Nhiệm kỳ 2025-2027');
  await addTerm(tree.above.id, '2025-05-20', 'Nhiệm kỳ 2025-2030');
});
after(async () => { await server?.stop(); });

const errorOf = (reply, field) => reply.body.errors?.find((e) => e.field === field);

function outgoing(orgId, overrides = {}) {
  return {
    org_id: orgId,
    type: 'ke_hoach',
    issued_on: '2026-03-02',
    place: 'Hà Nội',
    summary: 'về công tác phát triển đảng viên năm 2026',
    body: ['Thực hiện Nghị quyết của Đảng ủy cấp trên.', 'Đảng ủy xây dựng kế hoạch như sau.'],
    signer_name: 'Nguyễn Văn An',
    signer_position: 'Phó Bí thư',
    authority: 'tm',
    signing_for: 'Đảng ủy',
    recipients: [{ org_id: tree.cellA.id }, { text: 'Lưu Văn phòng Đảng ủy' }],
    ...overrides,
  };
}

async function nextNumber(orgId, type = 'ke_hoach', issuedOn = '2026-03-02', body = 'committee') {
  return ok(await api.get(`/api/v1/documents/next-number?org=${orgId}&type=${type}&issued_on=${issuedOn}&issuing_body=${body}`));
}

async function listOf(query) {
  return ok(await api.get(`/api/v1/documents?${new URLSearchParams(query)}`));
}

describe('outgoing documents', () => {
  test('the catalog lists the types apart from their symbols, the marks and the issuing bodies', async () => {
    const catalog = ok(await api.get('/api/v1/documents/catalog'));
    const byCode = Object.fromEntries(catalog.types.map((t) => [t.code, t]));
    assert.equal(byCode.quy_dinh.symbol, 'QĐ');
    assert.equal(byCode.quyet_dinh.symbol, 'QĐ');
    assert.equal(byCode.cuong_linh.numbered, false);
    assert.ok(catalog.secrecy.some((m) => m.code === 'mat' && m.label === 'MẬT'));
    assert.ok(catalog.authority.some((m) => m.code === 'tm' && m.label === 'T/M'));
    assert.deepEqual(catalog.issuing_bodies.map((b) => b.code),
      ['committee', 'congress', 'inspection_committee', 'office', 'organization_board']);
  });

  test('numbers run from 01 per type and term; the preview shows the next one without taking it', async () => {
    const preview = await nextNumber(tree.base.id);
    assert.equal(preview.number, 1);
    assert.equal(preview.symbol, '01-KH/ĐU');
    assert.equal(preview.term.name, 'Nhiệm kỳ 2025-2030');
    assert.equal((await nextNumber(tree.base.id)).number, 1, 'a preview reserves nothing');
    const reply = await api.post('/api/v1/documents', outgoing(tree.base.id));
    const first = ok(reply, 201);
    assert.equal(reply.headers.get('location'), `/api/v1/documents/${first.id}`);
    assert.equal(first.symbol, '01-KH/ĐU');
    assert.equal(first.number, 1);
    assert.equal(first.status, 'active');
    assert.equal(first.direction, 'outgoing');
    // The committee issues it: "Đảng bộ Cục X" prints "Đảng ủy Cục X" (Hướng dẫn 36-HD/VPTW).
    assert.equal(first.issuer_name, tree.base.name.replace(/^Đảng bộ /, 'Đảng ủy '));
    assert.equal(first.superior_issuer, tree.above.name);
    assert.equal(first.term_name, 'Nhiệm kỳ 2025-2030');
    assert.deepEqual(first.recipients.map((r) => r.line), [tree.cellA.name, 'Lưu Văn phòng Đảng ủy']);
    const second = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { summary: 'về kiểm tra, giám sát' })), 201);
    assert.equal(second.symbol, '02-KH/ĐU');
    // Another type has its own series; quy định and quyết định share "QĐ".
    const decision = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { type: 'quyet_dinh', summary: 'về việc thành lập tổ công tác' })), 201);
    assert.equal(decision.symbol, '01-QĐ/ĐU');
    const regulation = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { type: 'quy_dinh', summary: 'về chế độ làm việc' })), 201);
    assert.equal(regulation.symbol, '02-QĐ/ĐU');
    assert.equal(regulation.type, 'quy_dinh');
    // The previous term has its own numbering.
    const old = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { issued_on: '2024-05-10', summary: 'nhiệm kỳ trước' })), 201);
    assert.equal(old.symbol, '01-KH/ĐU');
    assert.equal(old.term_name, 'Nhiệm kỳ 2020-2025');
    // A cell prints CB.
    const cell = ok(await api.post('/api/v1/documents', outgoing(tree.cellA.id, { type: 'nghi_quyet', recipients: [{ text: 'Đảng ủy Cục' }] })), 201);
    assert.equal(cell.symbol, '01-NQ/CB');
  });

  test('a congress numbers its documents across all types, on its own days only', async () => {
    // The base committee's congress of 2025 sat on 2025-06-30 (its term's congress).
    const congress = (overrides) => outgoing(tree.base.id, { issuing_body: 'congress', issued_on: '2025-06-30', ...overrides });
    const resolution = ok(await api.post('/api/v1/documents', congress({ type: 'nghi_quyet', summary: 'Nghị quyết Đại hội' })), 201);
    const minutes = ok(await api.post('/api/v1/documents', congress({ type: 'bien_ban', summary: 'Biên bản kiểm phiếu' })), 201);
    assert.equal(resolution.symbol, '01-NQ/ĐH');
    assert.equal(minutes.symbol, '02-BB/ĐH');
    assert.equal(minutes.term_name, 'Nhiệm kỳ 2025-2030');
    problem(await api.post('/api/v1/documents', congress({ type: 'chi_thi' })), 422, 'validation_failed', [['type', 'type_not_for_issuer']]);
    problem(await api.post('/api/v1/documents', congress({ type: 'nghi_quyet', issued_on: '2025-08-01' })), 422, 'validation_failed', [['issued_on', 'date_outside_congress']]);
  });

  test('an organization\'s own abbreviation wins over the default of its kind, for documents issued after it is set', async () => {
    const before = ok(await api.get(`/api/v1/orgs/${tree.above.id}/document-issuers`));
    const committee = before.items.find((i) => i.body === 'committee');
    assert.equal(committee.abbreviation, 'ĐU');
    assert.equal(committee.override, null);
    const set = ok(await api.request('PUT', `/api/v1/orgs/${tree.above.id}/document-issuers`, { json: { overrides: { committee: 'ĐUK' } } }));
    assert.equal(set.items.find((i) => i.body === 'committee').abbreviation, 'ĐUK');
    assert.equal((await nextNumber(tree.above.id, 'ke_hoach', '2026-03-02')).symbol, '01-KH/ĐUK');
    problem(await api.request('PUT', `/api/v1/orgs/${tree.above.id}/document-issuers`, { json: { overrides: { committee: 'Đ U/K' } } }),
      422, 'validation_failed', [['overrides.committee', null]]);
    ok(await api.request('PUT', `/api/v1/orgs/${tree.above.id}/document-issuers`, { json: { overrides: { committee: null } } }));
    assert.equal((await nextNumber(tree.above.id, 'ke_hoach', '2026-03-02')).symbol, '01-KH/ĐU');
  });

  test('each mistake is a 4xx naming the field, and nothing is written', async () => {
    const before = await nextNumber(tree.base.id);
    const total = (await listOf({ org: tree.base.id })).total;
    const cases = [
      [{ type: 'khong_co' }, 'type', 'unknown_code'],
      [{ type: 'cuong_linh' }, 'type', 'type_not_numbered'],
      [{ recipients: [{ org_id: 987654321 }] }, 'recipients[0].org_id', 'org_not_found'],
      [{ recipients: [{ org_id: tree.cellA.id, text: 'x' }] }, 'recipients[0]', 'one_of'],
      [{ issued_on: '2019-01-01' }, 'issued_on', 'no_term'],
      [{ summary: '' }, 'summary', 'required'],
      [{ summary: undefined }, 'summary', 'required'],
      [{ secrecy: 'bi_mat' }, 'secrecy', 'unknown_code'],
      [{ authority: 'tm', signing_for: '' }, 'signing_for', 'signing_for_required'],
      [{ issuing_body: 'office' }, 'issuing_body', 'issuer_not_numbering'],
      [{ org_id: 987654321 }, 'org_id', 'org_not_found'],
      [{ signer_member_id: 987654321 }, 'signer_member_id', 'member_not_found'],
    ];
    for (const [overrides, field, code] of cases) {
      const reply = await api.post('/api/v1/documents', outgoing(tree.base.id, overrides));
      problem(reply, 422, 'validation_failed', [[field, code]]);
      assert.ok(errorOf(reply, field).message.length > 0);
    }
    problem(await api.post('/api/v1/documents', { ...outgoing(tree.base.id), extra: 1 }), 422, 'validation_failed', [['extra', 'unknown_field']]);
    assert.equal((await nextNumber(tree.base.id)).number, before.number);
    assert.equal((await listOf({ org: tree.base.id })).total, total);
  });

  test('20 issuances at once get 20 distinct consecutive numbers', async () => {
    const type = 'chi_thi';
    const first = (await nextNumber(tree.base.id, type)).number;
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      api.post('/api/v1/documents', outgoing(tree.base.id, { type, summary: `chỉ thị số ${i}` }))));
    const numbers = replies.map((r) => ok(r, 201).number).sort((a, b) => a - b);
    assert.deepEqual(numbers, Array.from({ length: 20 }, (_, i) => first + i));
    const symbols = new Set(replies.map((r) => r.body.symbol));
    assert.equal(symbols.size, 20);
    assert.equal((await nextNumber(tree.base.id, type)).number, first + 20);
  });

  test('an Idempotency-Key makes a resent issuance answer the first reply, and gives no second number', async () => {
    const type = 'giay_moi';
    const first = (await nextNumber(tree.base.id, type)).number;
    const key = `issue-${Date.now()}`;
    const body = outgoing(tree.base.id, { type, summary: 'mời dự hội nghị' });
    const one = await api.post('/api/v1/documents', body, { headers: { 'idempotency-key': key } });
    const two = await api.post('/api/v1/documents', body, { headers: { 'idempotency-key': key } });
    assert.equal(ok(one, 201).number, first);
    assert.equal(ok(two, 201).id, one.body.id);
    assert.equal(two.headers.get('idempotent-replayed'), 'true');
    assert.equal((await nextNumber(tree.base.id, type)).number, first + 1);
  });

  test('a withdrawn document keeps its number, which is never given again; it takes no more changes', async () => {
    const doc = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { type: 'thong_bao', summary: 'sẽ thu hồi' })), 201);
    problem(await api.post(`/api/v1/documents/${doc.id}/withdraw`, { version: doc.version, on: '2026-03-05', reason: '' }),
      422, 'validation_failed', [['reason', 'required']]);
    const withdrawn = ok(await api.post(`/api/v1/documents/${doc.id}/withdraw`, { version: doc.version, on: '2026-03-05', reason: 'Ban hành nhầm' }));
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(withdrawn.symbol, doc.symbol);
    assert.equal(withdrawn.withdrawn_reason, 'Ban hành nhầm');
    const next = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { type: 'thong_bao', summary: 'sau thu hồi' })), 201);
    assert.equal(next.number, doc.number + 1);
    problem(await api.post(`/api/v1/documents/${doc.id}/withdraw`, { version: withdrawn.version, on: '2026-03-05', reason: 'lần nữa' }), 409, 'document_withdrawn');
    problem(await api.patch(`/api/v1/documents/${doc.id}`, { version: withdrawn.version, summary: 'x' }), 409, 'document_withdrawn');
    const listed = await listOf({ org: tree.base.id, status: 'withdrawn' });
    assert.ok(listed.items.some((d) => d.id === doc.id));
  });

  test('an edit keeps the number; the number, type and date cannot be edited; a stale version is refused', async () => {
    const doc = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { type: 'bao_cao', summary: 'báo cáo quý I' })), 201);
    const edited = ok(await api.patch(`/api/v1/documents/${doc.id}`, { version: doc.version, summary: 'báo cáo quý I năm 2026', urgency: 'khan' }));
    assert.equal(edited.symbol, doc.symbol);
    assert.equal(edited.summary, 'báo cáo quý I năm 2026');
    assert.equal(edited.urgency, 'khan');
    assert.equal(edited.version, doc.version + 1);
    problem(await api.patch(`/api/v1/documents/${doc.id}`, { version: edited.version, type: 'ke_hoach' }), 422, 'validation_failed', [['type', 'not_editable']]);
    problem(await api.patch(`/api/v1/documents/${doc.id}`, { version: doc.version, summary: 'cũ' }), 409, 'version_conflict');
    const cleared = ok(await api.patch(`/api/v1/documents/${doc.id}`, { version: edited.version, urgency: null }));
    assert.equal(cleared.urgency, null);
  });
});

describe('incoming documents', () => {
  test('entered with their own number and passed down; the cells below see them', async () => {
    const reply = await api.post('/api/v1/documents/incoming', {
      org_id: tree.base.id, from_issuer: 'Tỉnh ủy Thái Nguyên', symbol: 'Số: 17-KH/TU', type: 'ke_hoach',
      issued_on: '2026-02-20', received_on: '2026-02-23', summary: 'thực hiện Chỉ thị về đại hội đảng bộ các cấp',
      forward_to: [tree.cellA.id],
    });
    const doc = ok(reply, 201);
    assert.equal(doc.direction, 'incoming');
    assert.equal(doc.symbol, '17-KH/TU');
    assert.equal(doc.number, 17);
    assert.equal(doc.from_issuer, 'Tỉnh ủy Thái Nguyên');
    assert.deepEqual(doc.forwards.map((f) => f.org_id), [tree.cellA.id]);
    const more = ok(await api.post(`/api/v1/documents/${doc.id}/forwards`, { org_ids: [tree.cellB.id, tree.cellA.id], on: '2026-02-24' }));
    assert.deepEqual(more.forwards.map((f) => f.org_id).sort(), [tree.cellA.id, tree.cellB.id].sort());
    problem(await api.post(`/api/v1/documents/${doc.id}/forwards`, { org_ids: [tree.above2.id], on: '2026-02-24' }),
      422, 'validation_failed', [['org_ids[0]', 'org_not_found']]);
    problem(await api.post(`/api/v1/documents/${doc.id}/forwards`, { org_ids: [tree.cellB.id], on: '2026-02-01' }),
      422, 'validation_failed', [['on', 'before_received_on']]);
    // The cell's register shows it.
    const cellList = await listOf({ org: tree.cellB.id, direction: 'incoming' });
    assert.ok(cellList.items.some((d) => d.id === doc.id));
    // A cell secretary of cell B reads it, though it was entered above them.
    const secretary = await server.login(await server.addUser({ roles: 'cell_secretary', scope: tree.cellB.id }));
    ok(await secretary.get(`/api/v1/documents/${doc.id}`));
    assert.ok((await secretary.get('/api/v1/documents?direction=incoming')).body.items.some((d) => d.id === doc.id));
  });

  test('their mistakes name the field', async () => {
    const base = {
      org_id: tree.base.id, from_issuer: 'Tỉnh ủy', symbol: '17-KH/TU', type: 'ke_hoach',
      issued_on: '2026-02-20', received_on: '2026-02-23', summary: 'x',
    };
    problem(await api.post('/api/v1/documents/incoming', { ...base, symbol: '17/TU' }), 422, 'validation_failed', [['symbol', 'symbol_shape']]);
    problem(await api.post('/api/v1/documents/incoming', { ...base, received_on: '2026-02-01' }), 422, 'validation_failed', [['received_on', 'before_issued_on']]);
    problem(await api.post('/api/v1/documents/incoming', { ...base, received_on: '2099-01-01' }), 422, 'validation_failed', [['received_on', 'in_future']]);
    problem(await api.post('/api/v1/documents/incoming', { ...base, forward_to: [tree.above2.id] }), 422, 'validation_failed', [['forward_to[0]', 'org_not_found']]);
    problem(await api.post('/api/v1/documents/incoming', { ...base, from_issuer: '' }), 422, 'validation_failed', [['from_issuer', 'required']]);
  });
});

describe('search and access', () => {
  test('search by summary, number or symbol without diacritics', async () => {
    ok(await api.post('/api/v1/documents', outgoing(tree.cellB.id, { type: 'nghi_quyet', summary: 'về lãnh đạo thực hiện nhiệm vụ chính trị', recipients: [{ text: 'Đảng ủy Cục' }] })), 201);
    const bySummary = await listOf({ q: 'LANH dao thuc hien' });
    assert.ok(bySummary.items.some((d) => d.summary === 'về lãnh đạo thực hiện nhiệm vụ chính trị'));
    const bySymbol = await listOf({ q: '01-NQ/CB', org: tree.cellB.id });
    assert.equal(bySymbol.items.length, 1);
    const byDiacriticFreeSymbol = await listOf({ q: 'kh/du', org: tree.base.id, direction: 'outgoing' });
    assert.ok(byDiacriticFreeSymbol.items.length >= 2);
    assert.ok(byDiacriticFreeSymbol.items.every((d) => d.symbol.includes('KH/ĐU')));
    const byType = await listOf({ type: 'quy_dinh', org: tree.base.id });
    assert.ok(byType.items.every((d) => d.type === 'quy_dinh'));
    const range = await listOf({ from: '2024-01-01', to: '2024-12-31', org: tree.base.id });
    assert.ok(range.items.length >= 1 && range.items.every((d) => d.issued_on.startsWith('2024')));
    problem(await api.get('/api/v1/documents?direction=sideways'), 400, 'invalid_parameter', [['direction', 'unknown_code']]);
  });

  test('lists and reads stay inside the tree', async () => {
    const other = ok(await api.post('/api/v1/documents', outgoing(tree.cellA.id, { type: 'bao_cao', summary: 'của chi bộ A', recipients: [{ text: 'Đảng ủy Cục' }] })), 201);
    const secretaryB = await server.login(await server.addUser({ roles: 'cell_secretary', scope: tree.cellB.id }));
    problem(await secretaryB.get(`/api/v1/documents/${other.id}`), 404, 'not_found');
    const seen = ok(await secretaryB.get('/api/v1/documents?direction=outgoing'));
    assert.ok(seen.items.every((d) => d.org_id === tree.cellB.id));
    problem(await secretaryB.post('/api/v1/documents', outgoing(tree.cellA.id, { recipients: [{ text: 'x' }] })), 422, 'validation_failed', [['org_id', 'org_not_found']]);
    const member = await server.login(await server.addUser({ roles: 'member', memberId: (await createMember(api, tree.cellA.id)).id }));
    problem(await member.get('/api/v1/documents'), 403, 'forbidden');
  });

  test('secret documents: listed as register lines, read in full only with document.secret.read, each read audited', async () => {
    const secret = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { type: 'thong_tri', secrecy: 'mat', summary: 'nội dung mật về nhân sự' })), 201);
    const inspector = await server.login(await server.addUser({ roles: 'inspection', scope: tree.base.id }));
    const listed = ok(await inspector.get(`/api/v1/documents?org=${tree.base.id}&type=thong_tri`));
    const line = listed.items.find((d) => d.id === secret.id);
    assert.equal(line.restricted, true);
    assert.equal(line.summary, null);
    assert.equal(line.symbol, secret.symbol);
    assert.equal((await inspector.get(`/api/v1/documents?q=nhan su&org=${tree.base.id}`)).body.items.some((d) => d.id === secret.id), false,
      'the summary of a secret document is not searched for who may not read it');
    problem(await inspector.get(`/api/v1/documents/${secret.id}`), 403, 'document_secret');
    problem(await inspector.get(`/api/v1/documents/${secret.id}/docx`), 403, 'document_secret');
    const leader = await server.login(await server.addUser({ roles: 'leader', scope: tree.base.id }));
    const read = ok(await leader.get(`/api/v1/documents/${secret.id}`));
    assert.equal(read.summary, 'nội dung mật về nhân sự');
    const trail = ok(await api.get(`/api/v1/audit?action=document.read_secret&object_type=document&object_id=${secret.id}`));
    assert.ok(trail.items.length >= 1, 'the read is in the audit trail');
  });
});

// The entries of a ZIP archive: name -> content (stored or deflated).
function unzip(buffer) {
  const entries = {};
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'a ZIP archive');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50);
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataAt, dataAt + compressed);
    entries[name] = method === 8 ? zlib.inflateRawSync(data) : data;
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('renderings', () => {
  test('DOCX: a valid package whose document holds the heading and the symbol; the print view is A4', async () => {
    const doc = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { type: 'ket_luan', summary: 'về kết quả kiểm tra' })), 201);
    const docx = await api.get(`/api/v1/documents/${doc.id}/docx`);
    assert.equal(docx.status, 200);
    assert.match(docx.contentType, /wordprocessingml/);
    assert.match(docx.headers.get('content-disposition'), /attachment; filename=".*\.docx"/);
    const entries = unzip(docx.buffer);
    assert.ok(entries['word/document.xml'], 'word/document.xml');
    assert.ok(entries['[Content_Types].xml']);
    const xml = entries['word/document.xml'].toString('utf8');
    assert.ok(xml.includes(doc.symbol), 'the symbol is printed');
    assert.ok(xml.includes('ĐẢNG CỘNG SẢN VIỆT NAM'));
    const print = await api.get(`/api/v1/documents/${doc.id}/print`);
    assert.equal(print.status, 200);
    assert.match(print.contentType, /^text\/html/);
    assert.match(print.text, /@page\s*\{[^}]*A4/);
    assert.match(print.headers.get('content-security-policy'), /default-src 'none'/);
    assert.ok(print.text.includes(doc.symbol));
    // Every export or print is audited, a document that is not secret too.
    const trail = ok(await api.get(`/api/v1/audit?action=document.export&object_type=document&object_id=${doc.id}`));
    assert.deepEqual(trail.items.map((e) => e.details.format).sort(), ['docx', 'print']);
    assert.ok(trail.items.every((e) => e.details.symbol === doc.symbol && e.record_class !== 'restricted'));
  });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

async function upload(documentId, name, bytes, contentType = 'application/octet-stream') {
  return api.request('POST', `/api/v1/documents/${documentId}/attachments?name=${encodeURIComponent(name)}`,
    { body: bytes, headers: { 'content-type': contentType } });
}

describe('attachments', () => {
  test('kept with their SHA-256, downloaded as sent, typed by content; wrong or oversized files are refused and nothing is kept', async () => {
    const doc = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { type: 'to_trinh', summary: 'có tệp đính kèm' })), 201);
    const added = ok(await upload(doc.id, 'Tờ trình ký.pdf', PDF), 201);
    assert.equal(added.content_type, 'application/pdf');
    assert.equal(added.size, PDF.length);
    assert.equal(added.sha256, crypto.createHash('sha256').update(PDF).digest('hex'));
    assert.equal(added.file_name, 'Tờ trình ký.pdf');
    const image = ok(await upload(doc.id, 'anh', PNG, 'application/pdf'), 201);
    assert.equal(image.content_type, 'image/png', 'the content decides, not the Content-Type');
    assert.equal(image.file_name, 'anh.png');
    const download = await api.get(`/api/v1/documents/${doc.id}/attachments/${added.id}`);
    assert.equal(download.status, 200);
    assert.equal(download.contentType, 'application/pdf');
    assert.ok(download.buffer.equals(PDF));
    assert.match(download.headers.get('content-disposition'), /filename\*=UTF-8''T%E1%BB%9D/);

    const reply = await upload(doc.id, 'virus.exe', Buffer.from('MZ\x90\x00 not a document'));
    problem(reply, 422, 'validation_failed', [['file', 'file_type']]);
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT)]);
    const tooBig = await upload(doc.id, 'lon.pdf', big);
    problem(tooBig, 413, 'body_too_large', [['file', 'too_large_bytes']]);
    problem(await upload(doc.id, '', PDF), 422, 'validation_failed', [['name', 'required']]);
    const after = ok(await api.get(`/api/v1/documents/${doc.id}`));
    assert.deepEqual(after.attachments.map((a) => a.id), [added.id, image.id]);

    const removed = ok(await api.post(`/api/v1/documents/${doc.id}/attachments/${image.id}/remove`, { reason: 'nhầm tệp' }));
    assert.deepEqual(removed.attachments.map((a) => a.id), [added.id]);
    problem(await api.get(`/api/v1/documents/${doc.id}/attachments/${image.id}`), 404, 'not_found');
  });

  test('chibo db backup (SQLite) takes the attachment files along', { skip: ENGINE !== 'sqlite' }, async () => {
    if (server.engine !== 'sqlite') return;
    const doc = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { type: 'de_an', summary: 'đề án có tệp' })), 201);
    const added = ok(await upload(doc.id, 'de-an.pdf', PDF), 201);
    const target = path.join(server.dir, 'backup.db');
    const { stdout } = await server.chibo(['db', 'backup', '--db', server.dbUrl, '--to', target]);
    assert.match(stdout, /attachment files/);
    const file = path.join(`${target}.attachments`, added.sha256.slice(0, 2), added.sha256);
    assert.ok(fs.readFileSync(file).equals(PDF));
  });

  test('a sealed backup holds the attachment files and restores them beside the database', { skip: ENGINE !== 'sqlite' }, async () => {
    const doc = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { type: 'de_an', summary: 'đề án niêm phong' })), 201);
    const bytes = Buffer.concat([PDF, Buffer.from('niêm phong')]);
    const added = ok(await upload(doc.id, 'niem-phong.pdf', bytes), 201);
    const key = path.join(server.dir, 'documents-backup.key');
    const made = await server.chibo(['db', 'backup-key', '--to', key]);
    assert.equal(made.code, 0, made.stderr);
    const sealed = path.join(server.dir, 'documents.sealed');
    const backup = await server.chibo(['db', 'backup', '--db', server.dbUrl, '--to', sealed, '--recipient', made.stdout.trim()]);
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /attachment files/);
    assert.equal(fs.readFileSync(sealed).indexOf(Buffer.from('niêm phong')), -1);
    assert.ok(!fs.existsSync(`${sealed}.attachments`));
    const target = path.join(server.dir, 'documents-restored.db');
    const restored = await server.chibo(['db', 'restore', '--from', sealed, '--key', key, '--to', target]);
    assert.equal(restored.code, 0, restored.stdout + restored.stderr);
    const file = path.join(`${target}.attachments`, added.sha256.slice(0, 2), added.sha256);
    assert.ok(fs.readFileSync(file).equals(bytes));
  });
});

describe('copies', () => {
  test('chibo db copy carries the attachment files of a SQLite database along', { skip: ENGINE !== 'sqlite' }, async () => {
    const doc = ok(await api.post('/api/v1/documents', outgoing(tree.base.id, { type: 'de_an', summary: 'đề án được sao chép' })), 201);
    const bytes = Buffer.concat([PDF, Buffer.from('sao chép')]);
    const added = ok(await upload(doc.id, 'sao-chep.pdf', bytes), 201);
    const target = path.join(server.dir, 'copy.db');
    const { code, stdout, stderr } = await server.chibo(['db', 'copy', '--from', server.dbUrl, '--to', `sqlite:${target}`]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /attachment files carried over/);
    const file = path.join(`${target}.attachments`, added.sha256.slice(0, 2), added.sha256);
    assert.ok(fs.readFileSync(file).equals(bytes));
  });
});
