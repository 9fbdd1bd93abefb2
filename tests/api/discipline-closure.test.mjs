// Closing a case without a sanction (khép hồ sơ, không thi hành kỷ luật; domain/discipline/
// closure.h): on the ground that the limitation period has run (refused while it runs, and for a
// breach with no limitation, naming the rule or the reason), or that the competent body concluded
// no sanction is due (its conclusion required), e.g. after a vote short of the share. A running
// suspension ends that day; a closed case takes nothing more and leaves the compliance board; a
// decided case cannot be closed. Every bad input is a 4xx naming the field and nothing is written.
// Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let api;
let tree;
let doc;
const m = {};

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Khép Hồ Sơ');
  m.old = await createMember(api, tree.cellA.id, { full_name: 'Đỗ Văn Cũ' });
  m.recent = await createMember(api, tree.cellA.id, { full_name: 'Ngô Thị Mới', sex: 'female' });
  m.grave = await createMember(api, tree.cellB.id, { full_name: 'Tạ Văn Nặng' });
  m.decided = await createMember(api, tree.cellB.id, { full_name: 'Mai Văn Định' });
});
after(async () => { await server?.stop(); });

async function checked(method, path, status, json) {
  const reply = method === 'GET' ? await api.get(path) : await api.post(path, json);
  assert.deepEqual(checkReply(doc, method, path, reply), [], `${method} ${path} matches the document`);
  return ok(reply, status);
}
const caseUrl = (id, tail = '') => `/api/v1/discipline-cases/${id}${tail}`;
const get = (id) => checked('GET', caseUrl(id), 200);
const open = (member, extra = {}) => checked('POST', '/api/v1/discipline-cases', 201, {
  member_id: member.id,
  breach_summary: 'Vi phạm quy định về những điều đảng viên không được làm',
  breach_date: '2026-02-10',
  sanction: 'reprimand',
  competent_level: 'Chi bộ',
  ...extra,
});
const close = (c, body) => api.post(caseUrl(c.id, '/close'), { version: c.version, ...body });
const limitationItems = async () =>
  ok(await api.get(`/api/v1/orgs/${tree.root.id}/compliance/items?kind=discipline.limitation_expiring`));

describe('closing on the limitation', () => {
  test('refused while the period runs, naming the rule and its end; nothing is written', async () => {
    const c = await open(m.recent);
    const refused = problem(await close(c, { closed_on: '2026-11-16', ground: 'limitation_expired' }),
      422, 'validation_failed', [['ground', 'discipline_limitation_running']]);
    const message = refused.errors.find((e) => e.field === 'ground').message;
    assert.match(message, /discipline\.limitation_reprimand_years/);
    assert.match(message, /10\/02\/2031/, 'the period\'s end, as Vietnamese readers write it');
    assert.match(message, /^Căn cứ khép hồ sơ:/, 'the field\'s own label');
    const again = await get(c.id);
    assert.deepEqual([again.state, again.closure, again.version], ['open', null, c.version]);
  });

  test('a breach of expulsion level has no limitation to run out', async () => {
    const c = await open(m.grave, { sanction: 'expulsion', breach_date: '2001-05-01', competent_level: 'Ủy ban kiểm tra Đảng ủy' });
    const refused = problem(await close(c, { closed_on: '2026-11-16', ground: 'limitation_expired' }),
      422, 'validation_failed', [['ground', 'discipline_limitation_unlimited']]);
    assert.match(refused.errors[0].message, /khai trừ/);
    assert.equal((await get(c.id)).state, 'open');
  });

  test('once run, the case closes, leaves the board and takes nothing more', async () => {
    let c = await open(m.old, { breach_date: '2020-03-10' });
    assert.equal(c.clocks.limitation.ends_on, '2025-03-10');
    let board = await limitationItems();
    assert.ok(board.items.some((i) => i.subject.id === c.id), 'on the board before');
    // The day the period ends it still runs; from the day after it has run.
    problem(await close(c, { closed_on: '2025-03-10', ground: 'limitation_expired' }),
      422, 'validation_failed', [['ground', 'discipline_limitation_running']]);
    c = await checked('POST', caseUrl(c.id, '/close'), 200,
      { closed_on: '2025-03-11', ground: 'limitation_expired', version: c.version });
    assert.equal(c.state, 'closed');
    assert.deepEqual(c.closure, { closed_on: '2025-03-11', ground: 'limitation_expired', note: null });
    assert.equal(c.clocks.limitation.expired, true, 'the clock as it stood on the closing day');
    assert.equal(c.decision, null);
    board = await limitationItems();
    assert.ok(!board.items.some((i) => i.subject.id === c.id), 'closed: off the board');
    const closed = ok(await api.get(`/api/v1/discipline-cases?org_id=${tree.root.id}&state=closed`)).items;
    assert.deepEqual(closed.map((x) => x.id), [c.id]);

    const v = c.version;
    problem(await close(c, { closed_on: '2025-03-12', ground: 'limitation_expired' }), 409, 'discipline_case_closed');
    problem(await api.post(caseUrl(c.id, '/vote'), { in_favour: 5, against: 0, abstain: 0, entitled: 5, voted_on: '2026-11-01', version: v }),
      409, 'discipline_case_closed');
    problem(await api.post(caseUrl(c.id, '/decide'), { decided_on: '2026-11-02', decision_number: '1-QĐ', version: v }),
      409, 'discipline_case_closed');
    problem(await api.patch(caseUrl(c.id), { breach_summary: 'Sửa lại', version: v }), 409, 'discipline_case_closed');
    problem(await api.post(caseUrl(c.id, '/suspension'), { from: '2026-11-01', until: '2026-11-20', basis: 'investigation', version: v }),
      409, 'discipline_case_closed');
    assert.equal((await get(c.id)).version, v, 'nothing was written');
    const trail = ok(await api.get(`/api/v1/audit?action=discipline_case.close&object_type=discipline_case&object_id=${c.id}`)).items;
    assert.equal(trail.length, 1);
    assert.equal(trail[0].details.ground, 'limitation_expired');
  });
});

describe('closing without a sanction', () => {
  test('after a vote short of the share: the conclusion is required, the day not before the vote; a running suspension ends', async () => {
    let c = await open(m.recent, { breach_date: '2026-09-01', sanction: 'warning' });
    c = ok(await api.post(caseUrl(c.id, '/suspension'),
      { from: '2026-10-01', until: '2026-12-29', basis: 'investigation', version: c.version }));
    assert.equal(c.suspension.in_force, true);
    c = await checked('POST', caseUrl(c.id, '/vote'), 200,
      { in_favour: 4, against: 5, abstain: 1, entitled: 10, voted_on: '2026-11-05', version: c.version });
    assert.equal(c.threshold.passes, false);

    problem(await close(c, { closed_on: '2026-11-10', ground: 'not_disciplined' }),
      422, 'validation_failed', [['note', 'required']]);
    problem(await close(c, { closed_on: '2026-11-04', ground: 'not_disciplined', note: 'Không đủ tỷ lệ' }),
      422, 'validation_failed', [['closed_on', 'discipline_decided_before_vote']]);
    problem(await close(c, { closed_on: '2026-11-17', ground: 'not_disciplined', note: 'Không đủ tỷ lệ' }),
      422, 'validation_failed', [['closed_on', 'date_in_future']]);
    assert.equal((await get(c.id)).version, c.version, 'nothing was written');

    const note = 'Biểu quyết không đủ tỷ lệ; chi bộ kết luận không thi hành kỷ luật, nhắc nhở rút kinh nghiệm';
    c = await checked('POST', caseUrl(c.id, '/close'), 200,
      { closed_on: '2026-11-10', ground: 'not_disciplined', note, version: c.version });
    assert.equal(c.state, 'closed');
    assert.deepEqual(c.closure, { closed_on: '2026-11-10', ground: 'not_disciplined', note });
    assert.equal(c.suspension.lifted_on, '2026-11-10');
    assert.equal(c.suspension.in_force, false, 'the suspension ended with the case');
    const record = ok(await api.get(`/api/v1/members/${m.recent.id}/discipline`));
    assert.ok(record.items.some((x) => x.id === c.id && x.state === 'closed'));
  });

  test('a decided case cannot be closed', async () => {
    let c = await open(m.decided);
    c = ok(await api.post(caseUrl(c.id, '/vote'), { in_favour: 6, against: 0, abstain: 0, entitled: 6, voted_on: '2026-03-01', version: c.version }));
    c = ok(await api.post(caseUrl(c.id, '/decide'), { decided_on: '2026-03-02', decision_number: '4-QĐ/CB', version: c.version }));
    problem(await close(c, { closed_on: '2026-11-16', ground: 'not_disciplined', note: 'Xem lại' }), 409, 'discipline_already_decided');
    assert.equal((await get(c.id)).state, 'decided');
  });

  test('bad bodies are refused naming the field', async () => {
    const c = await open(m.decided, { breach_date: '2026-10-01' });
    problem(await close(c, {}), 422, 'validation_failed', [['closed_on', 'required'], ['ground', 'required']]);
    problem(await close(c, { closed_on: '2026-11-16', ground: 'expired' }), 422, 'validation_failed', [['ground', 'not_allowed']]);
    problem(await close(c, { closed_on: '16/11/2026', ground: 'not_disciplined', note: 'x' }), 422, 'validation_failed', [['closed_on', null]]);
    problem(await close(c, { closed_on: '2026-11-16', ground: 'not_disciplined', note: 7 }), 422, 'validation_failed', [['note', 'wrong_type']]);
    problem(await close(c, { closed_on: '2026-11-16', ground: 'not_disciplined', note: 'x', reason: 'y' }), 422, 'validation_failed', [['reason', null]]);
    problem(await close(c, { closed_on: '2026-09-30', ground: 'not_disciplined', note: 'x' }),
      422, 'validation_failed', [['closed_on', 'discipline_closed_before_breach']]);
    problem(await api.post(caseUrl(c.id, '/close'), { closed_on: '2026-11-16', ground: 'not_disciplined', note: 'x', version: c.version + 1 }), 409, null);
    problem(await api.post(caseUrl(999999, '/close'), { closed_on: '2026-11-16', ground: 'not_disciplined', note: 'x', version: 1 }), 404, 'not_found');
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellB.id }));
    problem(await secretary.post(caseUrl(c.id, '/close'), { closed_on: '2026-11-16', ground: 'not_disciplined', note: 'x', version: c.version }),
      404, 'not_found');
    const again = await get(c.id);
    assert.deepEqual([again.state, again.version], ['open', c.version]);
  });
});
