// Opening a review campaign over more organizations than --fanout-inline-max (3 here) fans out
// in the background (issue 15; app/review_fanout.h): the request answers at once with no unit
// written and the progress (running, 0 of the total); the job runner writes the units in
// batches of --fanout-batch (2), each organization exactly once, and the campaign shows them
// written until done. While the fan-out runs, the steps needing the units are refused with 409
// review_fanning_out (the units written and the total as parameters); a small subtree still
// opens in the request. Today is CHIBO_TEST_TODAY.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createOrg, createMember } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

const WAIT_MS = 120_000; // bounds the wait on a loaded machine; no speed is asserted
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const doc = loadOpenApi();

async function checked(api, method, path, status, json) {
  const reply = method === 'GET' ? await api.get(path) : await api.post(path, json);
  assert.deepEqual(checkReply(doc, method, path, reply).slice(0, 10), [], `${method} ${path} -> ${reply.status}: ${reply.text.slice(0, 300)}`);
  return ok(reply, status);
}

async function count(server, sql) {
  const { stdout, code, stderr } = await server.sql(sql);
  assert.equal(code, 0, stderr);
  return Number(stdout.trim());
}

/** Polls the campaign until its fan-out is done; returns the campaign view. */
async function fannedOut(api, id) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const view = await checked(api, 'GET', `/api/v1/review-campaigns/${id}`, 200);
    const { fanout } = view.campaign;
    assert.ok(fanout.units <= fanout.total, JSON.stringify(fanout));
    assert.equal(view.campaign.units, fanout.units);
    if (fanout.state === 'done') return view;
    assert.ok(Date.now() < deadline, `fan-out not done within ${WAIT_MS} ms: ${JSON.stringify(fanout)}`);
    await pause(50);
  }
}

/** The campaign's units: every active organization of the subtree, each exactly once. */
async function assertUnitsOnce(server, campaignId, orgs) {
  assert.equal(await count(server, `SELECT COUNT(*) FROM review_units WHERE campaign_id = ${campaignId}`), orgs.length);
  assert.equal(await count(server, `SELECT COUNT(DISTINCT org_id) FROM review_units WHERE campaign_id = ${campaignId}`), orgs.length);
  const ids = orgs.map((o) => o.id).join(', ');
  assert.equal(await count(server, `SELECT COUNT(*) FROM review_units WHERE campaign_id = ${campaignId} AND org_id IN (${ids})`), orgs.length);
}

async function bigTree(api, prefix) {
  const tree = await buildTree(api, prefix);
  const extra = [];
  for (let i = 1; i <= 4; i++) extra.push(await createOrg(api, { kind: 'cell', name: `Chi bộ Tổ ${i} ${prefix}`, parent_id: tree.base.id }));
  // 7 + 4 = 11 organizations > 3: the background.
  return { tree, orgs: [tree.root, tree.above, tree.above2, tree.base, tree.cellA, tree.cellB, tree.baseCell, ...extra] };
}

describe('with the job runner on: the request wakes it', () => {
  let server;
  let api;
  before(async () => {
    server = await startServer({ serveArgs: ['--jobs', 'on', '--fanout-inline-max', '3', '--fanout-batch', '2'] });
    api = server.admin;
  });
  after(async () => { await server?.stop(); });

  test('a subtree above the inline maximum is written in batches, every unit once, progress shown', async () => {
    const { tree, orgs } = await bigTree(api, 'Triển Khai');
    const opened = await checked(api, 'POST', '/api/v1/review-campaigns', 201,
      { org_id: tree.root.id, year: 2026, review_date: '2026-11-02', title: 'Kiểm điểm năm 2026' });
    assert.equal(opened.campaign.fanout.total, orgs.length);
    assert.ok(opened.campaign.fanout.units <= orgs.length);
    const done = await fannedOut(api, opened.campaign.id);
    assert.deepEqual([done.campaign.fanout.units, done.campaign.fanout.total], [orgs.length, orgs.length]);
    assert.ok(done.campaign.fanout.finished_at);
    assert.equal(done.children.length, 3, 'the root\'s children have their units');
    await assertUnitsOnce(server, opened.campaign.id, orgs);
    // ceil(11 / 2) = 6 batches, each with its done mark; the job run is done.
    assert.equal(await count(server, `SELECT COUNT(*) FROM job_steps WHERE step_key LIKE 'review_fanout:${opened.campaign.id}:%'`), 6);
    assert.equal(await count(server, `SELECT COUNT(*) FROM jobs WHERE kind = 'review_fanout' AND job_key = 'review_fanout:${opened.campaign.id}' AND done_at IS NOT NULL`), 1);
    const actions = ok(await api.get('/api/v1/audit?limit=500&object_type=review_campaign')).items.map((e) => e.action);
    assert.ok(actions.includes('review.campaign_open') && actions.includes('review.campaign_fanout_done'));
    const kind = ok(await api.get('/api/v1/jobs')).items.find((j) => j.kind === 'review_fanout');
    assert.equal(kind.schedule, 'on_demand');
  });

  test('a subtree within the inline maximum still opens in the request', async () => {
    const tree = await buildTree(api, 'Nhỏ Triển Khai');
    const root = tree.base;  // the base and its two cells: 3, not above the maximum
    const opened = await checked(api, 'POST', '/api/v1/review-campaigns', 201,
      { org_id: root.id, year: 2026, review_date: '2026-11-02', title: 'Kiểm điểm năm 2026' });
    assert.deepEqual(opened.campaign.fanout, { state: 'done', units: 3, total: 3, finished_at: null });
    assert.equal(opened.campaign.units, 3);
    await assertUnitsOnce(server, opened.campaign.id, [root, tree.cellA, tree.cellB]);
  });
});

describe('with the job runner off: the steps wait for the fan-out', () => {
  let server;
  let api;
  before(async () => {
    server = await startServer({ serveArgs: ['--jobs', 'off', '--fanout-inline-max', '3', '--fanout-batch', '2'] });
    api = server.admin;
  });
  after(async () => { await server?.stop(); });

  test('steps needing the units are refused with 409 until the job has written them', async () => {
    const { tree, orgs } = await bigTree(api, 'Chờ Triển Khai');
    const member = await createMember(api, tree.cellA.id, { full_name: 'Nguyễn Văn Chờ' });
    const opened = await checked(api, 'POST', '/api/v1/review-campaigns', 201,
      { org_id: tree.root.id, year: 2026, review_date: '2026-11-02', title: 'Kiểm điểm năm 2026' });
    const id = opened.campaign.id;
    assert.deepEqual(opened.campaign.fanout, { state: 'running', units: 0, total: orgs.length, finished_at: null });
    assert.equal(opened.unit, null);
    assert.equal(await count(server, `SELECT COUNT(*) FROM review_units WHERE campaign_id = ${id}`), 0);
    const refused = [
      ['proposals', { member_id: member.id, grade: 'good', comment: 'Hoàn thành tốt nhiệm vụ.', vote: { in_favour: 5, against: 0, entitled: 6 } }],
      ['self-assessments', { member_id: member.id, score: 85, grade: 'good', text: 'Tự đánh giá.' }],
      ['decisions', { decisions: [{ member_id: member.id, score: 85, grade: 'good' }] }],
      ['org-grades', { org_id: tree.cellA.id, score: 86, grade: 'good', tasks_on_time_pct: 100, tasks_late_pct: 0, note: 'Chi bộ hoàn thành tốt nhiệm vụ.' }],
      ['close', { version: opened.campaign.version }],
    ];
    for (const [step, json] of refused) {
      const reply = await api.post(`/api/v1/review-campaigns/${id}/${step}`, json);
      const body = problem(reply, 409, 'review_fanning_out');
      assert.match(body.detail ?? body.title ?? '', /0\/11/, `${step}: the progress named`);
    }
    // The reads work meanwhile, with the progress.
    const list = ok(await api.get(`/api/v1/review-campaigns?org_id=${tree.root.id}`)).items;
    assert.equal(list[0].fanout.state, 'running');

    const run = ok(await api.post('/api/v1/jobs/review_fanout/run', {}));
    assert.ok(run.steps >= 6, JSON.stringify(run));
    const done = await fannedOut(api, id);
    assert.equal(done.campaign.fanout.units, orgs.length);
    await assertUnitsOnce(server, id, orgs);
    // Now the steps go through.
    const line = await checked(api, 'POST', `/api/v1/review-campaigns/${id}/proposals`, 200,
      { member_id: member.id, grade: 'good', comment: 'Hoàn thành tốt nhiệm vụ.', vote: { in_favour: 5, against: 0, entitled: 6 } });
    assert.equal(line.review.proposal.grade, 'good');
    problem(await api.post('/api/v1/jobs/review_fanout/run', {}), 409, 'job_nothing_to_do');
  });
});
