// Fault test (issue 16; ../shared/security/reference.md §3 R9): the clock jumps. chibo is
// restarted with its wall clock moved back a day, then forward a year (the LD_PRELOAD shim,
// tests/fault/shim/fault_shim.c, shifts CLOCK_REALTIME for the process; CHIBO_TEST_TODAY moves
// with it). Checked:
//  - sessions end by their own rules: one last seen "in the future" (the clock went back a day)
//    is over (SessionPolicy::max_clock_skew_ms) rather than valid, unused, for a day; a year
//    later every session is past its absolute lifetime; logging in again works each time;
//  - the daily jobs run once per day whatever the clock does: going back a day runs that day's
//    jobs (once), never the day already done again, and no (kind, day) has two runs;
//  - no answer is a 500, and `chibo audit verify` (the chain is ordered by seq, not by time) and
//    `chibo check` pass.
//
// Both engines (CTest fault.sqlite and fault.postgresql; the shim only moves chibo's clock).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../api/lib/server.mjs';
import { client, cookieJar, ok } from '../api/lib/api.mjs';
import { TEST_TODAY } from '../api/lib/today.mjs';
import { startWorker, until, count, faultShimEnv, FAULT_SHIM } from './lib/worker.mjs';
import { checkDatabase } from './lib/load.mjs';

const DAY_S = 86_400;
const STEPS = 3;

function addDays(iso, days) {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('the clock moved back a day, then forward a year: sessions end by their rules, jobs run once a day, no 500, the audit chain verifies', {
  skip: !FAULT_SHIM ? 'needs CHIBO_FAULT_SHIM (CTest sets it)' : false,
  timeout: 300_000,
}, async () => {
  const server = await startServer({ serveArgs: ['--jobs', 'off'] });
  let worker;
  const statuses = [];
  const seen = async (promise) => {
    const reply = await promise;
    statuses.push(reply.status);
    return reply;
  };
  const jobArgs = ['--test-job-steps', String(STEPS), '--test-job-step-ms', '0'];
  const runsOf = (day) => count(server, `SELECT COUNT(*) FROM jobs WHERE kind = 'test_count' AND job_key = '${day}' AND done_at IS NOT NULL`);
  try {
    const leader = await server.addUser({ roles: ['leader'] });
    const signIn = async (base) => {
      const jar = cookieJar();
      const api = client(base, { jar });
      ok(await seen(api.post('/api/v1/auth/login', { username: leader.username, password: leader.password })));
      return api;
    };
    const clockAt = (days, today) => startWorker(server.dbUrl, jobArgs, {
      env: faultShimEnv({ clockOffsetS: days * DAY_S }), today,
    });

    // Today, as it is: a session, and the day's jobs.
    worker = await clockAt(0, TEST_TODAY);
    const first = await signIn(worker.base);
    ok(await seen(first.get('/api/v1/auth/me')));
    await until(async () => (await runsOf(TEST_TODAY)) === 1, "today's jobs done");
    await worker.kill();

    // Back a day.
    const yesterday = addDays(TEST_TODAY, -1);
    worker = await clockAt(-1, yesterday);
    const reused = await seen(client(worker.base, { jar: first.jar }).get('/api/v1/auth/me'));
    assert.equal(reused.status, 401, `a session from the future is over: ${reused.text}`);
    assert.equal(reused.body.code, 'session_expired');
    const second = await signIn(worker.base);
    ok(await seen(second.get('/api/v1/auth/me')));
    ok(await seen(second.get('/api/v1/orgs')));
    await until(async () => (await runsOf(yesterday)) === 1, "the jobs of the day the clock went back to, done");
    assert.equal(await runsOf(TEST_TODAY), 1, 'the day already done is not run again');
    await worker.kill();

    // Forward a year.
    const nextYear = addDays(TEST_TODAY, 365);
    worker = await clockAt(365, nextYear);
    // (The first session's cookie was cleared by the 401 above: no cookie, no session.)
    const aged = await seen(client(worker.base, { jar: second.jar }).get('/api/v1/auth/me'));
    assert.equal(aged.status, 401, `a session a year old is over: ${aged.text}`);
    assert.equal(aged.body.code, 'session_expired');
    const third = await signIn(worker.base);
    ok(await seen(third.get('/api/v1/auth/me')));
    await until(async () => (await runsOf(nextYear)) === 1, "a year later, that day's jobs done");
    await worker.kill();
    worker = undefined;

    // Each (kind, day) ran once; each test step once per day it ran.
    assert.equal(await count(server, 'SELECT COUNT(*) FROM (SELECT kind, job_key FROM jobs GROUP BY kind, job_key HAVING COUNT(*) > 1) x'), 0);
    assert.equal(await count(server, "SELECT COUNT(*) FROM jobs WHERE kind = 'test_count'"), 3);
    assert.equal(await count(server, "SELECT COUNT(*) FROM audit_events WHERE action = 'job.step'"), 3 * STEPS, 'no step ran twice');
    assert.deepEqual(statuses.filter((s) => s >= 500), [], 'no 5xx');
    await checkDatabase(server);
  } finally {
    await worker?.kill('SIGKILL');
    await server.stop();
  }
});
