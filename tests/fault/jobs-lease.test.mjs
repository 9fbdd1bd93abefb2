// Fault tests of the job runner (issue 13): several chibo processes on one database run each
// job step once, and a process killed (SIGKILL) in the middle of a run loses no step and
// repeats none: the run is taken over by the next process once the dead one's lease ends.
// The steps are the test kind's (chibo serve --test-job-steps N): each writes a done mark
// (job_steps), a notification and an audit entry "job.step" in one transaction; the audit
// entries are not deduplicated, so a step done twice would show as two.
//
// Meant for PostgreSQL (scripts/pg-cluster.sh run; CTest: fault.postgresql), where the runs
// are claimed with SELECT ... FOR UPDATE SKIP LOCKED; it runs on SQLite too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../api/lib/server.mjs';
import { startWorker, until, count } from './lib/worker.mjs';

const STEPS_DONE = "SELECT COUNT(*) FROM job_steps WHERE step_key LIKE 'test_count:%'";
const STEP_AUDITS = "SELECT COUNT(*) FROM audit_events WHERE action = 'job.step'";
const FINISHED = "SELECT COUNT(*) FROM jobs WHERE kind = 'test_count' AND done_at IS NOT NULL";

test('three processes on one database run every step of the day once', { timeout: 300_000 }, async () => {
  const STEPS = 40;
  const server = await startServer({ serveArgs: ['--jobs', 'off'] });
  const workers = [];
  try {
    const args = ['--test-job-steps', String(STEPS), '--test-job-step-ms', '10', '--job-batch', '2',
      '--job-lease-seconds', '30'];
    workers.push(...await Promise.all([1, 2, 3].map(() => startWorker(server.dbUrl, args))));
    await until(async () => (await count(server, FINISHED)) === 1, 'the run finished');
    assert.equal(await count(server, STEPS_DONE), STEPS);
    assert.equal(await count(server, STEP_AUDITS), STEPS, 'no step ran twice');
    assert.equal(await count(server, `SELECT COUNT(*) FROM notifications WHERE user_id = ${server.adminUser.id}`), STEPS);
    assert.equal(await count(server, "SELECT COUNT(*) FROM jobs WHERE kind = 'test_count'"), 1, 'one run scheduled, not one per process');
    assert.equal(await count(server, "SELECT steps_done FROM jobs WHERE kind = 'test_count'"), STEPS);
    assert.equal(await count(server, "SELECT COUNT(*) FROM audit_events WHERE action = 'job.finish' AND details LIKE '%test_count%'"), 1);
    // The other kinds too: one run each for the day, whoever ran it.
    assert.equal(await count(server, "SELECT COUNT(*) FROM jobs WHERE kind = 'reminders'"), 1);
    assert.equal(await count(server, "SELECT COUNT(*) FROM jobs WHERE kind = 'overdue' AND done_at IS NOT NULL"), 1);
    for (const worker of workers) assert.equal(worker.child.exitCode, null, `a worker died: ${worker.log()}`);
  } finally {
    await Promise.all(workers.map((w) => w.kill()));
    await server.stop();
  }
});

test('a process killed in the middle of a run: the next one finishes it, no step lost or repeated', { timeout: 300_000 }, async () => {
  // Enough steps that the run cannot finish between the count that sees 6 and the kill, even on a
  // loaded machine (54 steps of 100 ms left).
  const STEPS = 60;
  const server = await startServer({ serveArgs: ['--jobs', 'off'] });
  let second;
  try {
    const args = ['--test-job-steps', String(STEPS), '--test-job-step-ms', '100', '--job-batch', '3',
      '--job-lease-seconds', '3'];
    const first = await startWorker(server.dbUrl, args);
    // Some batches committed, the run not finished: kill -9 in the middle of a batch.
    await until(async () => (await count(server, STEPS_DONE)) >= 6, 'some steps done');
    const { signal } = await first.kill('SIGKILL');
    assert.equal(signal, 'SIGKILL');
    const atKill = await count(server, STEPS_DONE);
    assert.ok(atKill >= 6 && atKill < STEPS, `killed in the middle (${atKill} of ${STEPS} done)`);
    assert.equal(await count(server, FINISHED), 0);
    assert.equal(await count(server, STEP_AUDITS), atKill, 'a step is its effect and its mark, together');
    // The dead process's lease holds the run until it ends.
    assert.equal(await count(server, "SELECT COUNT(*) FROM jobs WHERE kind = 'test_count' AND lease_owner IS NOT NULL"), 1);

    second = await startWorker(server.dbUrl, args);
    await until(async () => (await count(server, FINISHED)) === 1, 'the run finished after the restart');
    assert.equal(await count(server, STEPS_DONE), STEPS, 'no step lost');
    assert.equal(await count(server, STEP_AUDITS), STEPS, 'no step repeated');
    assert.equal(await count(server, `SELECT COUNT(*) FROM notifications WHERE user_id = ${server.adminUser.id}`), STEPS);
    assert.equal(await count(server, "SELECT steps_done FROM jobs WHERE kind = 'test_count'"), STEPS);
    assert.equal(await count(server, "SELECT COUNT(*) FROM audit_events WHERE action = 'job.finish' AND details LIKE '%test_count%'"), 1);
  } finally {
    await second?.kill();
    await server.stop();
  }
});

// The background fan-out of a directive (issue 13; app/directive_fanout.h): one batch per
// transaction (the batch's assignments, its roll-up adjustments, the fan-out's cursor and the
// step's done mark), so a process killed in the middle neither loses nor repeats a batch.
test('a process killed in the middle of a background fan-out: no assignment lost or doubled, chibo check passes', { timeout: 300_000 }, async () => {
  const { ok, buildTree, createOrg } = await import('../api/lib/api.mjs');
  const { daysFromToday } = await import('../api/lib/lifecycle.mjs');
  const CELLS = 40;
  // Every process fans out anything above 1 assignment in the background, one cell per batch.
  const fanoutArgs = ['--fanout-inline-max', '1', '--fanout-batch', '1'];
  const server = await startServer({ serveArgs: ['--jobs', 'off', ...fanoutArgs] });
  let second;
  try {
    const api = server.admin;
    const tree = await buildTree(api, 'Ngắt Giữa Chừng');
    for (let i = 2; i < CELLS; i++) {  // cellA and cellB, and these
      await createOrg(api, { kind: 'cell', name: `Chi bộ ${i} Ngắt Giữa Chừng`, parent_id: tree.base.id });
    }
    const directive = ok(await api.post('/api/v1/directives', {
      org_id: tree.root.id, kind: 'directive', title: 'Chỉ thị giao nền', issued_on: daysFromToday(-2),
      tasks: [{ title: 'Triển khai', due_on: daysFromToday(30) }],
    }), 201);
    const batch = ok(await api.post(`/api/v1/directives/${directive.id}/assignments`,
      { task_ids: [directive.tasks[0].id], target: { mode: 'kind', kind: 'cell' } }), 201);
    assert.equal(batch.fanout.total, CELLS);
    const ASSIGNED = `SELECT COUNT(*) FROM directive_assignments WHERE directive_id = ${directive.id}`;
    const DISTINCT = `SELECT COUNT(*) FROM (SELECT DISTINCT task_id, org_id FROM directive_assignments WHERE directive_id = ${directive.id}) x`;
    const BATCHES = `SELECT COUNT(*) FROM job_steps WHERE step_key LIKE 'fanout:${batch.fanout.id}:%'`;
    const DONE = `SELECT COUNT(*) FROM directive_fanouts WHERE id = ${batch.fanout.id} AND state = 'done'`;
    const ROOT_TOTAL = `SELECT total FROM directive_rollup WHERE directive_id = ${directive.id} AND org_id = ${tree.root.id}`;

    const args = [...fanoutArgs, '--test-fanout-step-ms', '100', '--job-lease-seconds', '3'];
    const first = await startWorker(server.dbUrl, args);
    await until(async () => (await count(server, BATCHES)) >= 5, 'some batches done');
    const { signal } = await first.kill('SIGKILL');
    assert.equal(signal, 'SIGKILL');
    const atKill = await count(server, ASSIGNED);
    assert.ok(atKill >= 5 && atKill < CELLS, `killed in the middle (${atKill} of ${CELLS})`);
    // What committed is whole: each batch's assignments with its done mark and its roll-up.
    assert.equal(await count(server, BATCHES), atKill);
    assert.equal(await count(server, ROOT_TOTAL), atKill);
    assert.equal(await count(server, `SELECT done FROM directive_fanouts WHERE id = ${batch.fanout.id}`), atKill);
    assert.equal(await count(server, DONE), 0);

    second = await startWorker(server.dbUrl, args);
    await until(async () => (await count(server, DONE)) === 1, 'the fan-out finished after the restart');
    assert.equal(await count(server, ASSIGNED), CELLS, 'no assignment lost');
    assert.equal(await count(server, DISTINCT), CELLS, 'none doubled');
    assert.equal(await count(server, BATCHES), CELLS);
    assert.equal(await count(server, ROOT_TOTAL), CELLS);
    assert.equal(await count(server, `SELECT created FROM directive_fanouts WHERE id = ${batch.fanout.id}`), CELLS);
    await second.kill();
    second = undefined;
    const check = await server.chibo(['check', '--db', server.dbUrl]);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  } finally {
    await second?.kill();
    await server.stop();
  }
});

// The background fan-out of a review campaign (issue 15; app/review_fanout.h): one batch of
// units per transaction with the campaign's cursor and the step's done mark, so a process
// killed in the middle neither loses nor repeats a unit (the primary key is the last guard).
test('a process killed in the middle of a review campaign\'s fan-out: no unit lost or doubled, chibo check passes', { timeout: 300_000 }, async () => {
  const { ok, buildTree, createOrg } = await import('../api/lib/api.mjs');
  const CELLS = 40;
  const ORGS = CELLS + 5;  // the root, two committees above the base, the base, the base cell
  const fanoutArgs = ['--fanout-inline-max', '1', '--fanout-batch', '1'];
  const server = await startServer({ serveArgs: ['--jobs', 'off', ...fanoutArgs] });
  let second;
  try {
    const api = server.admin;
    const tree = await buildTree(api, 'Kiểm Điểm Ngắt');
    for (let i = 2; i < CELLS; i++) {
      await createOrg(api, { kind: 'cell', name: `Chi bộ ${i} Kiểm Điểm Ngắt`, parent_id: tree.base.id });
    }
    const opened = ok(await api.post('/api/v1/review-campaigns',
      { org_id: tree.root.id, year: 2026, review_date: '2026-11-02', title: 'Kiểm điểm năm 2026' }), 201);
    const id = opened.campaign.id;
    assert.deepEqual([opened.campaign.fanout.state, opened.campaign.fanout.total], ['running', ORGS]);
    const UNITS = `SELECT COUNT(*) FROM review_units WHERE campaign_id = ${id}`;
    const DISTINCT = `SELECT COUNT(DISTINCT org_id) FROM review_units WHERE campaign_id = ${id}`;
    const BATCHES = `SELECT COUNT(*) FROM job_steps WHERE step_key LIKE 'review_fanout:${id}:%'`;
    const DONE = `SELECT COUNT(*) FROM review_campaigns WHERE id = ${id} AND fanout_state = 'done'`;

    const args = [...fanoutArgs, '--test-fanout-step-ms', '100', '--job-lease-seconds', '3'];
    const first = await startWorker(server.dbUrl, args);
    await until(async () => (await count(server, BATCHES)) >= 5, 'some batches done');
    const { signal } = await first.kill('SIGKILL');
    assert.equal(signal, 'SIGKILL');
    const atKill = await count(server, UNITS);
    assert.ok(atKill >= 5 && atKill < ORGS, `killed in the middle (${atKill} of ${ORGS})`);
    // What committed is whole: each batch's unit with its done mark and the campaign's count.
    assert.equal(await count(server, BATCHES), atKill);
    assert.equal(await count(server, `SELECT units FROM review_campaigns WHERE id = ${id}`), atKill);
    assert.equal(await count(server, DONE), 0);

    second = await startWorker(server.dbUrl, args);
    await until(async () => (await count(server, DONE)) === 1, 'the fan-out finished after the restart');
    assert.equal(await count(server, UNITS), ORGS, 'no unit lost');
    assert.equal(await count(server, DISTINCT), ORGS, 'none doubled');
    assert.equal(await count(server, BATCHES), ORGS);
    assert.equal(await count(server, `SELECT units FROM review_campaigns WHERE id = ${id}`), ORGS);
    await second.kill();
    second = undefined;
    const check = await server.chibo(['check', '--db', server.dbUrl]);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  } finally {
    await second?.kill();
    await server.stop();
  }
});
