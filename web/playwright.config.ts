// Browser tests: Debian's Chromium (browsers cannot be downloaded here) driven headless against
// a `chibo serve` that e2e/global-setup.ts starts on a free port with a fresh demo database.
import { defineConfig } from '@playwright/test';

// Timings are benchmarks, not tests: e2e/performance.spec.ts runs only under `npm run bench`
// (bench/run.sh), which prints its METRIC lines for docs/BENCHMARKS.md.
const bench = !!process.env.CHIBO_UI_BENCH;

// The specs share one server and one demo database. With more than one worker
// (CHIBO_E2E_WORKERS), those that compare the server's aggregates with the page (counts and
// totals of the bloc, badge lists, the audit trail's order) run one at a time after the others,
// so that no other test changes the data under them.
const workers = Number(process.env.CHIBO_E2E_WORKERS ?? 1);
const quiet = ['audit', 'badges', 'i18n', 'members', 'orgs', 'probation'].map(
  (name) => `${name}.spec.ts`,
);
const projects =
  bench || workers <= 1
    ? undefined
    : [
        { name: 'shared', testIgnore: ['performance.spec.ts', ...quiet] },
        { name: 'quiet', testMatch: quiet, dependencies: ['shared'], workers: 1 },
      ];

export default defineConfig({
  testDir: 'e2e',
  testMatch: bench ? ['performance.spec.ts'] : ['*.spec.ts'],
  testIgnore: bench ? [] : ['performance.spec.ts'],
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers,
  projects,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    // The UI then turns antd's motion off (src/app/provider.tsx): no click lands mid-animation.
    contextOptions: { reducedMotion: 'reduce' },
    screenshot: 'only-on-failure',
    actionTimeout: 30_000,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
      // Playwright adds --headless and a fresh temporary --user-data-dir itself.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
