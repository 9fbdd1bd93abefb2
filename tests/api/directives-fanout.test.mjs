// The directives cascade, part two (issue 13), through the API: a fan-out larger than
// --fanout-inline-max (3 here) runs as a background job (one batch per transaction) and the
// directive shows its progress until done, with the roll-up exact and `chibo check` passing;
// a bad fan-out is refused and schedules nothing; the list's search ignores diacritics and
// case, and filters by year and status; a directive's `kind` is labelled as such; studies at
// two levels count each member once.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createOrg, createMember } from './lib/api.mjs';
import { daysFromToday } from './lib/lifecycle.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

const doc = loadOpenApi();
function checked(client) {
  const request = async (method, path, options = {}) => {
    const reply = await client.request(method, path, options);
    assert.deepEqual(checkReply(doc, method, path, reply).slice(0, 10), [], `${method} ${path} -> ${reply.status}: ${reply.text.slice(0, 300)}`);
    return reply;
  };
  return {
    ...client,
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, json, options = {}) => request('POST', path, { ...options, json }),
  };
}

const WAIT_MS = 120_000; // bounds the wait on a loaded machine; no speed is asserted
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let server;
let api;
let tree;
const cells = [];

async function count(sql) {
  const { stdout, code, stderr } = await server.sql(sql);
  assert.equal(code, 0, stderr);
  return Number(stdout.trim());
}

/** Polls the directive until no fan-out of it runs; returns it. */
async function fanoutsDone(id) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const directive = ok(await api.get(`/api/v1/directives/${id}`));
    if (directive.fanouts.length > 0 && directive.fanouts.every((f) => f.state === 'done')) return directive;
    assert.ok(Date.now() < deadline, `fan-out not done within ${WAIT_MS} ms: ${JSON.stringify(directive.fanouts)}`);
    await pause(50);
  }
}

const rollupAt = async (directiveId, org) =>
  ok(await api.get(`/api/v1/directives/${directiveId}/rollup?org=${org.id}`)).org.counts;

before(async () => {
  // Jobs on (off by default in the suites; the request wakes the runner, whose own tick is a
  // minute); a fan-out of more than 3 assignments goes to the background, 2 per batch.
  server = await startServer({ serveArgs: ['--jobs', 'on', '--fanout-inline-max', '3', '--fanout-batch', '2'] });
  api = checked(server.admin);
  tree = await buildTree(api, 'Giao Nền');
  cells.push(tree.cellA, tree.cellB);
  for (let i = 1; i <= 4; i++) {
    cells.push(await createOrg(api, { kind: 'cell', name: `Chi bộ Tổ ${i} Giao Nền`, parent_id: tree.base.id }));
  }
});
after(async () => { await server?.stop(); });

describe('background fan-out', () => {
  let directive;

  test('more assignments than the inline maximum: a job makes them in batches, progress shown, roll-up exact', async () => {
    directive = ok(await api.post('/api/v1/directives', {
      org_id: tree.root.id, kind: 'directive', title: 'Chỉ thị giao đến mọi chi bộ', number_symbol: '31-CT/ĐUK',
      issued_on: daysFromToday(-5),
      tasks: [{ title: 'Quán triệt chỉ thị', due_on: daysFromToday(20) }, { title: 'Báo cáo kết quả', due_on: daysFromToday(40) }],
    }), 201);
    const [first, second] = directive.tasks;
    // One cell has the first task already (inline: 1 assignment): the background skips it.
    const inline = ok(await api.post(`/api/v1/directives/${directive.id}/assignments`,
      { task_ids: [first.id], target: { mode: 'orgs', org_ids: [tree.cellA.id] } }), 201);
    assert.equal(inline.created, 1);
    assert.equal(inline.fanout, null);
    // Every cell (6) x 2 tasks = 12 > 3: background.
    const batch = ok(await api.post(`/api/v1/directives/${directive.id}/assignments`,
      { task_ids: [first.id, second.id], target: { mode: 'kind', kind: 'cell' }, note: 'Toàn Đảng bộ' }), 201);
    assert.equal(batch.created, 0);
    assert.deepEqual(batch.items, []);
    assert.ok(batch.fanout, 'a background fan-out');
    assert.equal(batch.fanout.total, 12);
    assert.equal(batch.fanout.target_mode, 'kind');
    assert.deepEqual(batch.fanout.task_ids, [first.id, second.id]);
    const done = await fanoutsDone(directive.id);
    const fanout = done.fanouts[0];
    assert.equal(fanout.id, batch.fanout.id);
    assert.deepEqual([fanout.total, fanout.done, fanout.created, fanout.skipped], [12, 12, 11, 1]);
    assert.ok(fanout.finished_at);
    // The roll-up counts every assignment once, at every level.
    assert.equal(done.rollup.total, 12);
    assert.equal((await rollupAt(directive.id, tree.base)).total, 12);
    assert.equal((await rollupAt(directive.id, tree.cellA)).total, 2);
    assert.equal(await count(`SELECT COUNT(*) FROM directive_assignments WHERE directive_id = ${directive.id}`), 12);
    assert.equal(await count(`SELECT COUNT(*) FROM (SELECT DISTINCT task_id, org_id FROM directive_assignments WHERE directive_id = ${directive.id}) x`), 12);
    assert.equal(await count(`SELECT COUNT(*) FROM directive_assignments WHERE directive_id = ${directive.id} AND note = 'Toàn Đảng bộ'`), 11);
    // 6 batches of one cell (2 tasks) each, each with its done mark; the job run is done.
    assert.equal(await count(`SELECT COUNT(*) FROM job_steps WHERE step_key LIKE 'fanout:${fanout.id}:%'`), 6);
    assert.equal(await count(`SELECT COUNT(*) FROM jobs WHERE kind = 'fanout' AND job_key = 'fanout:${fanout.id}' AND done_at IS NOT NULL`), 1);
    const actions = ok(await api.get('/api/v1/audit?limit=500&object_type=directive')).items.map((e) => e.action);
    assert.ok(actions.includes('directive.fanout') && actions.includes('directive.fanout_done'));
    const jobs = ok(await api.get('/api/v1/jobs'));
    const kind = jobs.items.find((j) => j.kind === 'fanout');
    assert.equal(kind.schedule, 'on_demand');
    problem(await api.post('/api/v1/jobs/fanout/run', {}), 409, 'job_nothing_to_do');
  });

  test('passing a task down to more children than the inline maximum also runs in the background', async () => {
    // The base received nothing of this directive yet: give it the first task, then pass it down.
    const given = ok(await api.post(`/api/v1/directives/${directive.id}/assignments`,
      { task_ids: [directive.tasks[0].id], target: { mode: 'orgs', org_ids: [tree.base.id] } }), 201);
    assert.equal(given.created, 1);
    const received = given.items[0];
    const down = ok(await api.post(`/api/v1/assignments/${received.id}/assignments`,
      { target: { mode: 'children' }, plan_number: '12-KH/ĐU' }), 201);
    assert.ok(down.fanout);
    assert.equal(down.fanout.parent_id, received.id);
    assert.equal(down.fanout.total, 6);
    const done = await fanoutsDone(directive.id);
    const mine = done.fanouts.find((f) => f.id === down.fanout.id);
    // Each cell has this task from the issuer already: all 6 skipped (one target per task).
    assert.deepEqual([mine.done, mine.created, mine.skipped], [6, 0, 6]);
    const check = await server.chibo(['check', '--db', server.dbUrl]);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  });

  test('a wrong large fan-out is refused with its field and schedules nothing', async () => {
    const jobsBefore = await count("SELECT COUNT(*) FROM jobs WHERE kind = 'fanout'");
    const fanoutsBefore = await count('SELECT COUNT(*) FROM directive_fanouts');
    const refused = async (body, field, code) =>
      problem(await api.post(`/api/v1/directives/${directive.id}/assignments`, body), 422, 'validation_failed', [[field, code]]);
    await refused({ task_ids: [directive.tasks[0].id], target: { mode: 'kind', kind: 'no_such_kind' } }, 'target.kind', 'unknown_code');
    await refused({ task_ids: [directive.tasks[0].id, 999999], target: { mode: 'kind', kind: 'cell' } }, 'task_ids[1]', 'task_not_found');
    await refused({ task_ids: [directive.tasks[0].id], target: { mode: 'kind', kind: 'cell' }, due_on: daysFromToday(-30) }, 'due_on', null);
    assert.equal(await count("SELECT COUNT(*) FROM jobs WHERE kind = 'fanout'"), jobsBefore);
    assert.equal(await count('SELECT COUNT(*) FROM directive_fanouts'), fanoutsBefore);
  });
});

describe('the list', () => {
  test('q ignores diacritics and case; year and status filter', async () => {
    const make = async (title, number, issued) => ok(await api.post('/api/v1/directives', {
      org_id: tree.above2.id, kind: 'plan', title, number_symbol: number, issued_on: issued,
      tasks: [{ title: 'Việc', due_on: daysFromToday(60) }],
    }), 201);
    const thisYear = Number(daysFromToday(0).slice(0, 4));
    await createOrg(api, { kind: 'base_committee', name: 'Đảng bộ Cơ sở Lọc', parent_id: tree.above2.id });
    const old = await make('Kế hoạch Đẩy mạnh chuyển đổi số', '07-KH/ĐU', `${thisYear - 1}-03-02`);
    const recent = await make('KẾ HOẠCH HỌC TẬP CHUYÊN ĐỀ', '15-KH/ĐU', daysFromToday(-3));
    const list = async (query) => ok(await api.get(`/api/v1/directives?org=${tree.above2.id}&${query}`)).items.map((d) => d.id);
    assert.deepEqual(await list('q=chuyen%20doi%20so'), [old.id]);
    assert.deepEqual(await list('q=CHUYỂN%20ĐỔI'), [old.id]);
    assert.deepEqual(await list('q=hoc%20tap'), [recent.id]);
    assert.deepEqual(await list('q=15-kh'), [recent.id]);
    assert.deepEqual(await list('q=ke%20hoach'), [recent.id, old.id]);
    assert.deepEqual(await list(`year=${thisYear - 1}`), [old.id]);
    assert.deepEqual(await list(`year=${thisYear}&q=ke%20hoach`), [recent.id]);
    // Status from the roll-up at the issuer: nothing assigned is open; then accepted is done.
    assert.deepEqual(await list('status=open'), [recent.id, old.id]);
    assert.deepEqual(await list('status=done'), []);
    const [assignment] = ok(await api.post(`/api/v1/directives/${old.id}/assignments`,
      { task_ids: [old.tasks[0].id], target: { mode: 'children' } }), 201).items;
    let a = ok(await api.post(`/api/v1/assignments/${assignment.id}/acknowledge`, { version: assignment.version }));
    a = ok(await api.post(`/api/v1/assignments/${a.id}/reports`, { version: a.version, text: 'Đã xong' }), 201);
    ok(await api.post(`/api/v1/assignments/${a.id}/accept`, { version: a.version }));
    assert.deepEqual(await list('status=done'), [old.id]);
    assert.deepEqual(await list('status=open'), [recent.id]);
    assert.deepEqual(await list('status=overdue'), []);
    // Bad filters: 400 naming the parameter.
    problem(await api.get('/api/v1/directives?year=20'), 400, 'invalid_parameter', [['year', null]]);
    problem(await api.get('/api/v1/directives?status=late'), 400, 'invalid_parameter', [['status', 'unknown_code']]);
  });

  test("a directive's wrong kind is labelled as the directive's kind, not an organization's", async () => {
    const before = ok(await api.get('/api/v1/directives')).total;
    const reply = await server.admin.request('POST', '/api/v1/directives', {
      json: { org_id: tree.root.id, kind: 'memo', title: 'Sai loại', issued_on: daysFromToday(-1), tasks: [{ title: 'Việc', due_on: daysFromToday(5) }] },
    });
    problem(reply, 422, 'validation_failed', [['kind', 'unknown_code']]);
    const message = reply.body.errors.find((e) => e.field === 'kind').message;
    assert.match(message, /^Loại văn bản chỉ đạo/);
    assert.doesNotMatch(message, /tổ chức/);
    assert.equal(ok(await api.get('/api/v1/directives')).total, before);
  });
});

describe('studies at two levels', () => {
  test('each member counts once: the larger of a level\'s own session and its children\'s', async () => {
    const directive = ok(await api.post('/api/v1/directives', {
      org_id: tree.root.id, kind: 'resolution', title: 'Nghị quyết học tập hai cấp', issued_on: daysFromToday(-20),
      tasks: [{ title: 'Học tập', due_on: daysFromToday(20) }],
    }), 201);
    for (const name of ['Ngô Văn Một', 'Ngô Văn Hai', 'Ngô Văn Ba']) await createMember(api, tree.cellA.id, { full_name: name });
    for (const name of ['Ngô Thị Bốn', 'Ngô Thị Năm']) await createMember(api, tree.cellB.id, { full_name: name });
    const url = `/api/v1/directives/${directive.id}/studies`;
    const studied = async (org) => (await rollupAt(directive.id, org)).studied;
    ok(await api.post(url, { org_id: tree.cellA.id, held_on: daysFromToday(-10), attendees: 3 }));
    ok(await api.post(url, { org_id: tree.cellB.id, held_on: daysFromToday(-10), attendees: 1 }));
    assert.deepEqual([await studied(tree.base), await studied(tree.root)], [4, 4]);
    // The base holds a session for all its members (5), 5 attending: not 4 + 5 = 9.
    const base = ok(await api.post(url, { org_id: tree.base.id, held_on: daysFromToday(-5), attendees: 5 }));
    assert.deepEqual([await studied(tree.cellA), await studied(tree.base), await studied(tree.above), await studied(tree.root)], [3, 5, 5, 5]);
    // Corrected down to 2: the cells' 4 count again.
    ok(await api.post(url, { org_id: tree.base.id, held_on: daysFromToday(-5), attendees: 2, version: base.version }));
    assert.deepEqual([await studied(tree.base), await studied(tree.root)], [4, 4]);
    const check = await server.chibo(['check', '--db', server.dbUrl]);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  });
});
