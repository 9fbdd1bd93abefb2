// Measured in the browser: first load with a cold cache (a new browser context has an empty
// HTTP cache) until the tree / the member list is on screen, and search latency from the last
// keystroke to the results on screen, at 65,000 members. Printed as "METRIC name value_ms".
import type { Browser, Page } from '@playwright/test';
import { adminState, expect, metric, serverUrl, test } from './fixtures';

const runs = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** ms from navigation start until `selector` exists, polled every animation frame. */
async function timeToVisible(browser: Browser, path: string, selector: string) {
  const context = await browser.newContext({
    baseURL: serverUrl(),
    viewport: { width: 1366, height: 768 },
    storageState: adminState(),
  });
  const page = await context.newPage();
  await page.goto(path, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (sel) => (document.querySelector(sel) ? performance.now() : null),
    selector,
    { polling: 'raf', timeout: 15_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  const bytes = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .concat(performance.getEntriesByType('navigation'))
      .reduce((sum, entry) => sum + ((entry as PerformanceResourceTiming).encodedBodySize || 0), 0),
  );
  await context.close();
  return { ms, bytes };
}

test('first load with a cold cache', async ({ browser }) => {
  for (const [name, path, selector] of [
    ['first_load_tree', '/orgs', '[data-testid="org-tree"] .org-node'],
    ['first_load_member_list', '/members', '[data-testid="member-table"] tbody tr.ant-table-row'],
  ] as const) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < runs; run += 1) {
      const result = await timeToVisible(browser, path, selector);
      times.push(result.ms);
      bytes = result.bytes;
    }
    metric(`${name}_cold_median`, median(times));
    metric(`${name}_cold_max`, Math.max(...times));
    console.log(`INFO ${name} bytes_loaded=${bytes} runs=${times.map(Math.round).join(',')}`);
  }
});

async function searchOnce(page: Page, q: string): Promise<number> {
  const box = page.getByTestId('member-search');
  await box.fill('');
  await expect(page.getByTestId('member-table')).toHaveAttribute('data-result-q', '');
  await page.evaluate(() => {
    const w = window as unknown as { __lastInput?: number };
    delete w.__lastInput;
    document.addEventListener('input', () => (w.__lastInput = performance.now()), {
      capture: true,
    });
  });
  await box.pressSequentially(q, { delay: 40 });
  const handle = await page.waitForFunction(
    (query) => {
      const table = document.querySelector<HTMLElement>('[data-testid="member-table"]');
      const w = window as unknown as { __lastInput?: number };
      if (!table || table.dataset.resultQ !== query || !w.__lastInput) return null;
      if (!table.querySelector('tbody tr.ant-table-row, .ant-empty')) return null;
      return performance.now() - w.__lastInput;
    },
    q,
    { polling: 'raf', timeout: 10_000 },
  );
  return (await handle.jsonValue()) as number;
}

test('search results on screen after the last keystroke, at 65,000 members', async ({ page }) => {
  await page.goto('/members');
  await expect(page.getByTestId('member-total')).toContainText(/65\.\d{3} đảng viên/);
  const queries = [
    'nguyen van an',
    'tran thi hoa',
    'le minh',
    'pham thu',
    'hoang van nam',
    'vu thi',
    'do duc',
  ];
  const times: number[] = [];
  for (const q of queries) {
    const ms = await searchOnce(page, q);
    times.push(ms);
    console.log(`INFO search "${q}" ${Math.round(ms)} ms`);
  }
  metric('search_last_keystroke_to_results_median', median(times));
  metric('search_last_keystroke_to_results_max', Math.max(...times));
});
