// Idempotency-Key on the lifecycle's writes (app/runner.h, run_keyed): a client that lost the reply to
// a candidate, a step, a recognition, a transfer and its completion or cancellation, an exit,
// an exemption or a badge decision sends it again with the same key and gets the first reply,
// with the write done once. Without the key the same request again is what it always was: the
// domain refuses it as already done, or as a stale version. So a keyed replay must come from
// the stored reply, never from running the procedure again.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember, cccd } from './lib/api.mjs';
import { daysFromToday, addMonths, candidatePayload, createCandidate, officialMember, DOC } from './lib/lifecycle.mjs';

let server;
let api;
let tree;

const key = () => crypto.randomUUID();
const keyed = (value) => ({ headers: { 'idempotency-key': value } });
const LETTER = { number: '41-GGT/ĐU', authority: 'Đảng ủy Bộ Gửi Lại Một' };
const count = (history, action) => history.filter((event) => event.action === action).length;

before(async () => {
  server = await startServer();
  api = server.admin;
  tree = await buildTree(api, 'Gửi Lại');
});
after(async () => { await server?.stop(); });

/**
 * Sends `body` to `path` twice under one key: the second reply is the first (status, body,
 * headers) marked "Idempotent-Replayed: true". Returns the first reply's body.
 */
async function sentTwice(path, body, status) {
  const k = key();
  const first = await api.post(path, body, keyed(k));
  const created = ok(first, status);
  assert.equal(first.headers.get('idempotent-replayed'), null);
  const again = await api.post(path, body, keyed(k));
  assert.equal(again.status, status, again.text.slice(0, 500));
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal(again.text, first.text, 'the very same body');
  for (const header of ['location', 'etag']) assert.equal(again.headers.get(header), first.headers.get(header));
  return created;
}

/** The same key with another body is refused (422 idempotency_key_reused) and writes nothing. */
async function reusedKeyRefused(path, body, otherBody, status) {
  const k = key();
  ok(await api.post(path, body, keyed(k)), status);
  problem(await api.post(path, otherBody, keyed(k)), 422, 'idempotency_key_reused',
    [['Idempotency-Key', 'idempotency_key_reused']]);
}

async function probationaryMember(ceremony) {
  const year = 1996;
  return createMember(api, tree.cellA.id, {
    full_name: 'Lê Thị Gửilại', sex: 'female', birth_date: `${year}-05-05`,
    citizen_id: cccd({ sex: 'female', birthYear: year }),
    admission_date: new Date(Date.parse(ceremony) - 10 * 86400000).toISOString().slice(0, 10),
    ceremony_date: ceremony, status: 'probationary',
  });
}

async function listedCandidates(q) {
  return ok(await api.get(`/api/v1/candidates?q=${encodeURIComponent(q)}`)).total;
}

describe('admission files', () => {
  test('POST /candidates: one file for a resent creation; the same key with another person is refused', async () => {
    const payload = candidatePayload(tree.cellA.id, { full_name: 'Trần Thị Một Hồ Sơ' });
    const created = await sentTwice('/api/v1/candidates', payload, 201);
    assert.equal(await listedCandidates('Trần Thị Một Hồ Sơ'), 1);
    assert.equal(created.full_name, 'Trần Thị Một Hồ Sơ');
    await reusedKeyRefused('/api/v1/candidates',
      candidatePayload(tree.cellA.id, { full_name: 'Trần Thị Khóa Đầu' }),
      candidatePayload(tree.cellA.id, { full_name: 'Trần Thị Khóa Khác' }), 201);
    assert.equal(await listedCandidates('Trần Thị Khóa Khác'), 0);
  });

  test('POST /candidates without a key: the same person twice is refused as before', async () => {
    const payload = candidatePayload(tree.cellA.id, { full_name: 'Trần Thị Không Khóa' });
    ok(await api.post('/api/v1/candidates', payload), 201);
    const again = await api.post('/api/v1/candidates', payload);
    problem(again, 409, 'duplicate_candidate', [['citizen_id', 'duplicate_candidate']]);
    assert.equal(again.headers.get('idempotent-replayed'), null);
    assert.equal(await listedCandidates('Trần Thị Không Khóa'), 1);
  });

  test('POST /candidates/{id}/steps: a resent step gets its reply, not step_already_recorded', async () => {
    const candidate = await createCandidate(api, tree.cellA.id);
    const body = { step: 'application', on: daysFromToday(-30) };
    const path = `/api/v1/candidates/${candidate.id}/steps`;
    const recorded = await sentTwice(path, body, 201);
    assert.equal(count(recorded.history, 'step'), 1);
    const file = ok(await api.get(`/api/v1/candidates/${candidate.id}`));
    assert.equal(count(file.history, 'step'), 1, 'recorded once');
    assert.equal(file.version, recorded.version);
    // Without a key the domain refuses the repeat, as it always did.
    problem(await api.post(path, body), 422, 'validation_failed', [['step', 'step_already_recorded']]);
    await reusedKeyRefused(path, { step: 'personal_history', on: daysFromToday(-29) },
      { step: 'verification', on: daysFromToday(-28) }, 201);
    const after = ok(await api.get(`/api/v1/candidates/${candidate.id}`));
    assert.equal(count(after.history, 'step'), 2, 'the refused body wrote nothing');
  });

  test('POST /candidates/{id}/undo and /close: resent, the first reply; without a key, refused', async () => {
    const candidate = await createCandidate(api, tree.cellA.id);
    const steps = `/api/v1/candidates/${candidate.id}/steps`;
    ok(await api.post(steps, { step: 'application', on: daysFromToday(-20) }), 201);
    const undo = `/api/v1/candidates/${candidate.id}/undo`;
    const undone = await sentTwice(undo, { step: 'application' }, 200);
    assert.equal(count(undone.history, 'undo_step'), 1);
    problem(await api.post(undo, { step: 'application' }), 422, 'validation_failed', [['step', 'step_not_recorded']]);
    const close = `/api/v1/candidates/${candidate.id}/close`;
    const body = { version: undone.version, on: daysFromToday(0), reason: 'Quần chúng xin rút' };
    const closed = await sentTwice(close, body, 200);
    assert.equal(closed.status, 'withdrawn');
    const file = ok(await api.get(`/api/v1/candidates/${candidate.id}`));
    assert.equal(count(file.history, 'close'), 1);
    assert.equal(count(file.history, 'undo_step'), 1);
    problem(await api.post(close, body), 409, 'version_conflict');
  });
});

describe('recognition, exit and exemption', () => {
  test('POST /members/{id}/recognition: a resent resolution and a resent decision are recorded once', async () => {
    const member = await probationaryMember(addMonths(daysFromToday(-20), -12));
    const path = `/api/v1/members/${member.id}/recognition`;
    const body = { version: member.version, step: 'cell_resolution', on: daysFromToday(-10), document: DOC, vote: { in_favour: 6, against: 0, entitled: 7 } };
    const steps = await sentTwice(path, body, 201);
    assert.deepEqual(steps.steps.map((s) => s.step), ['cell_resolution']);
    assert.equal(count(ok(await api.get(`/api/v1/members/${member.id}`)).history, 'recognition_proposed'), 1);
    problem(await api.post(path, body), 422, 'validation_failed', [['step', 'step_already_recorded']]);
    const decision = { version: member.version, step: 'decision', on: daysFromToday(-1), document: { number: '92-QĐ/ĐU', authority: 'Đảng ủy Bộ' } };
    await reusedKeyRefused(path, decision, { ...decision, recognized: false }, 201);
    const record = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.equal(record.status, 'official', 'the first body was applied, not the refused one');
    assert.equal(count(record.history, 'recognition'), 1);
  });

  test('POST /members/{id}/exit: resent, the first reply; without a key, a version conflict', async () => {
    const member = await officialMember(api, tree.cellA.id);
    const path = `/api/v1/members/${member.id}/exit`;
    const body = { version: member.version, status: 'removed', on: daysFromToday(0), ground: 'violated_standards_two_years', document: { number: '23-QĐ/ĐU', authority: 'Đảng ủy Bộ' } };
    const removed = await sentTwice(path, body, 200);
    assert.equal(removed.status, 'removed');
    const record = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.equal(count(record.history, 'exit'), 1);
    assert.equal(record.version, removed.version);
    problem(await api.post(path, body), 409, 'version_conflict');
    const other = await officialMember(api, tree.cellA.id);
    const otherBody = { ...body, version: other.version };
    await reusedKeyRefused(`/api/v1/members/${other.id}/exit`, otherBody, { ...otherBody, note: 'khác' }, 200);
  });

  test('POST /members/{id}/exemption: resent, the first reply; without a key, a version conflict', async () => {
    const member = await officialMember(api, tree.cellA.id);
    const path = `/api/v1/members/${member.id}/exemption`;
    const body = { version: member.version, action: 'start', on: daysFromToday(-3), document: { number: '7-QĐ/CB' }, note: 'Tuổi cao' };
    const exempted = await sentTwice(path, body, 200);
    assert.equal(exempted.status, 'exempted');
    const record = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.equal(count(record.history, 'exemption'), 1);
    problem(await api.post(path, body), 409, 'version_conflict');
    const end = { version: exempted.version, action: 'end', on: daysFromToday(0), document: { number: '8-QĐ/CB' } };
    await reusedKeyRefused(path, end, { ...end, note: 'khác' }, 200);
    assert.equal(ok(await api.get(`/api/v1/members/${member.id}`)).status, 'official');
  });
});

describe('transfers', () => {
  const temporary = (member) => ({
    kind: 'temporary', direction: 'outgoing', member_id: member.id, external_org: 'Chi bộ Trường Chính trị tỉnh',
    letter_date: daysFromToday(-10), letter: LETTER, purpose: 'study', until: addMonths(daysFromToday(-10), 24),
  });
  const transfersOf = async (member) => ok(await api.get(`/api/v1/transfers?member=${member.id}`)).items;

  test('POST /transfers: one transfer for a resent request, not transfer_open', async () => {
    const member = await officialMember(api, tree.cellA.id);
    const started = await sentTwice('/api/v1/transfers', temporary(member), 201);
    assert.equal(started.state, 'away');
    assert.deepEqual((await transfersOf(member)).map((t) => t.id), [started.id]);
    problem(await api.post('/api/v1/transfers', temporary(member)), 409, 'transfer_open');
    const other = await officialMember(api, tree.cellA.id);
    await reusedKeyRefused('/api/v1/transfers', temporary(other), { ...temporary(other), note: 'khác' }, 201);
    assert.equal((await transfersOf(other)).length, 1);
  });

  test('POST /transfers/{id}/complete and /cancel: resent, the first reply; without a key, a version conflict', async () => {
    const back = await officialMember(api, tree.cellA.id);
    const away = ok(await api.post('/api/v1/transfers', temporary(back)), 201);
    const complete = `/api/v1/transfers/${away.id}/complete`;
    const body = { version: away.version, on: daysFromToday(0) };
    const returned = await sentTwice(complete, body, 200);
    assert.equal(returned.state, 'returned');
    assert.equal(count(ok(await api.get(`/api/v1/members/${back.id}`)).history, 'transfer_return'), 1);
    problem(await api.post(complete, body), 409, 'version_conflict');

    const stays = await officialMember(api, tree.cellA.id);
    const planned = ok(await api.post('/api/v1/transfers', temporary(stays)), 201);
    const cancel = `/api/v1/transfers/${planned.id}/cancel`;
    const reason = { version: planned.version, on: daysFromToday(0), reason: 'Không đi học nữa' };
    await reusedKeyRefused(cancel, reason, { ...reason, reason: 'Lý do khác' }, 200);
    const cancelled = ok(await api.get(`/api/v1/transfers/${planned.id}`));
    assert.equal(cancelled.state, 'cancelled');
    assert.equal(cancelled.note, 'Không đi học nữa', 'the first reason, not the refused one');
    assert.equal(count(ok(await api.get(`/api/v1/members/${stays.id}`)).history, 'transfer_cancelled'), 1);
  });
});

describe('badges', () => {
  test('POST /badges/awards: a resent decision gets its reply, not badge_already_awarded', async () => {
    const occasion = ok(await api.get(`/api/v1/badges?org=${tree.root.id}`)).occasion;
    const veteran = async (year) => officialMember(api, tree.cellB.id, {
      birth_date: `${year}-01-01`, citizen_id: cccd({ birthYear: year }),
      admission_date: '1984-05-05', ceremony_date: '1984-05-15', official_date: '1985-05-15',
    });
    const [first, second] = [await veteran(1961), await veteran(1962)];
    const document = { number: '640-QĐ/TU', authority: 'Ban Thường vụ Tỉnh ủy' };
    const body = (member) => ({ occasion, decided_on: daysFromToday(0), document, awards: [{ member_id: member.id, milestone: 40 }] });
    const done = await sentTwice('/api/v1/badges/awards', body(first), 201);
    assert.equal(done.awarded, 1);
    const lifecycle = ok(await api.get(`/api/v1/members/${first.id}/lifecycle`));
    assert.deepEqual(lifecycle.badges.map((b) => b.milestone), [40]);
    assert.equal(count(ok(await api.get(`/api/v1/members/${first.id}`)).history, 'badge'), 1);
    problem(await api.post('/api/v1/badges/awards', body(first)), 422, 'validation_failed',
      [['awards[0].milestone', 'badge_already_awarded']]);
    await reusedKeyRefused('/api/v1/badges/awards', body(second),
      { ...body(second), document: { ...document, number: '641-QĐ/TU' } }, 201);
  });
});

describe('keys across the lifecycle', () => {
  test('concurrent repeats of one keyed step record it once and all get its reply', async () => {
    const candidate = await createCandidate(api, tree.cellA.id);
    const path = `/api/v1/candidates/${candidate.id}/steps`;
    const k = key();
    const replies = await Promise.all(Array.from({ length: 5 },
      () => api.post(path, { step: 'application', on: daysFromToday(-2) }, keyed(k))));
    for (const reply of replies) ok(reply, 201);
    assert.equal(new Set(replies.map((reply) => reply.text)).size, 1, 'one body');
    assert.equal(replies.filter((reply) => reply.headers.get('idempotent-replayed') === 'true').length, 4);
    assert.equal(count(ok(await api.get(`/api/v1/candidates/${candidate.id}`)).history, 'step'), 1);
  });

  test('a refused keyed step stores nothing: corrected, the same key records it', async () => {
    const candidate = await createCandidate(api, tree.cellA.id);
    const path = `/api/v1/candidates/${candidate.id}/steps`;
    const k = key();
    problem(await api.post(path, { step: 'application', on: daysFromToday(5) }, keyed(k)), 422, 'validation_failed');
    const recorded = ok(await api.post(path, { step: 'application', on: daysFromToday(-5) }, keyed(k)), 201);
    assert.equal(count(recorded.history, 'step'), 1);
  });

  test('a key names one request: the same body on another path under it is refused', async () => {
    const member = await officialMember(api, tree.cellA.id);
    const k = key();
    const body = { version: member.version, action: 'start', on: daysFromToday(0), document: { number: '9-QĐ/CB' } };
    ok(await api.post(`/api/v1/members/${member.id}/exemption`, body, keyed(k)), 200);
    const other = await officialMember(api, tree.cellA.id);
    problem(await api.post(`/api/v1/members/${other.id}/exemption`, { ...body, version: other.version }, keyed(k)),
      422, 'idempotency_key_reused');
    assert.equal(ok(await api.get(`/api/v1/members/${other.id}`)).status, 'official');
  });

  test('a malformed key is a 400 that names the header, and records no step', async () => {
    const candidate = await createCandidate(api, tree.cellA.id);
    const path = `/api/v1/candidates/${candidate.id}/steps`;
    problem(await api.post(path, { step: 'application', on: daysFromToday(-1) }, keyed('has space')),
      400, 'idempotency_key_invalid', [['Idempotency-Key', 'idempotency_key_format']]);
    assert.equal(count(ok(await api.get(`/api/v1/candidates/${candidate.id}`)).history, 'step'), 0);
  });
});
