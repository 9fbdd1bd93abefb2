// The civil date the servers under test take as today. server.mjs gives every chibo it runs
// CHIBO_TEST_TODAY, so that the dates a test computes and the server's deadlines agree whatever
// the day of the run (and its hour: the server counts days in Vietnam, UTC+7). A Monday; set
// CHIBO_TEST_TODAY to run the suites on another day.
export const TEST_TODAY = process.env.CHIBO_TEST_TODAY || '2026-11-16';

if (!/^\d{4}-\d{2}-\d{2}$/.test(TEST_TODAY)) {
  throw new Error(`CHIBO_TEST_TODAY must be YYYY-MM-DD, not ${JSON.stringify(TEST_TODAY)}`);
}

/**
 * The environment for a chibo process whose today is `today`. The background jobs are off
 * (CHIBO_JOBS=off) so that no suite sees their audit entries appear; the jobs suites turn them
 * on with `chibo serve --jobs on`. The per-user rate limits are off too: the suites send requests
 * as fast as the machine allows, so a limit per minute would make their outcome depend on its
 * speed; rate-limits.test.mjs sets its own with flags, which win over these.
 */
export function chiboEnv(today = TEST_TODAY) {
  return {
    CHIBO_JOBS: 'off',
    CHIBO_RATE_LIMIT_PER_MINUTE: '0',
    CHIBO_EXPORT_LIMIT_PER_HOUR: '0',
    ...process.env,
    CHIBO_TEST_TODAY: today,
  };
}
