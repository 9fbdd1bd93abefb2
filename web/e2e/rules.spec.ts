// The rules page: every version of every rule the server holds, with its value, the date it
// takes effect and its source, the version in force today marked; and the holiday calendar
// working days are counted on, year by year.
import type { APIRequestContext } from '@playwright/test';
import { scoped } from './accounts';
import { expect, signIn, test } from './fixtures';
import { TODAY, toVi } from './dates';

interface Rule {
  key: string;
  value: number;
  effective_from: string;
  source: string;
}
interface Day {
  date: string;
  working: boolean;
  name_vi: string;
  source: string;
}

async function get<T>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(`/api/v1${path}`);
  expect(response.ok(), path).toBeTruthy();
  return response.json() as Promise<T>;
}

test('every version of every rule, the one in force today marked', async ({ page, api }) => {
  const rules = (await get<{ items: Rule[] }>(api, '/rules')).items;
  const today = TODAY;
  const inForce = new Map<string, Rule>();
  for (const rule of rules) {
    const best = inForce.get(rule.key);
    if (rule.effective_from <= today && (!best || rule.effective_from > best.effective_from))
      inForce.set(rule.key, rule);
  }

  await page.goto('/');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Quy định, lịch nghỉ', exact: true })
    .click();
  await expect(page).toHaveURL(/\/rules$/);
  const rows = page.locator('[data-testid^="rule-area-"] tbody tr[data-state]');
  await expect(rows).toHaveCount(rules.length);
  await expect(page.locator('tr[data-state="in_force"]')).toHaveCount(inForce.size);

  // A rule changed by 232-QĐ/TW and again by 294-QĐ/TW: all three versions, the latest in force.
  const key = 'recognition.decision_working_days';
  const versions = rules
    .filter((rule) => rule.key === key)
    .sort((a, b) => b.effective_from.localeCompare(a.effective_from));
  expect(versions.length).toBeGreaterThanOrEqual(2);
  const area = page.getByTestId('rule-area-recognition');
  for (const version of versions) {
    const row = area.locator(`tr[data-row-key="${key}@${version.effective_from}"]`);
    await expect(row.getByTestId('rule-from')).toHaveText(toVi(version.effective_from));
    await expect(row.getByTestId('rule-source')).toHaveText(version.source);
    await expect(row.getByTestId('rule-value')).toHaveText(`${version.value} ngày làm việc`);
    const current = inForce.get(key) === version;
    await expect(row).toHaveAttribute('data-state', current ? 'in_force' : 'superseded');
    await expect(row.getByTestId('rule-state')).toHaveText(
      current ? 'Đang áp dụng' : 'Đã thay thế',
    );
  }
  // List rules read as lists: the award occasions as the Party writes them.
  await expect(
    page
      .getByTestId('rule-area-badge')
      .locator('tr[data-row-key^="badge.occasions@"]')
      .getByTestId('rule-value'),
  ).toHaveText('3/2 · 19/5 · 2/9 · 7/11');
});

test('the holiday calendar, year by year, with its sources', async ({ page, api }) => {
  const all = (await get<{ items: Day[] }>(api, '/calendar')).items;
  const worked = all.find((day) => day.working)!;
  expect(worked, 'the calendar has a weekend day worked').toBeTruthy();
  const year = worked.date.slice(0, 4);
  const days = (await get<{ items: Day[] }>(api, `/calendar?year=${year}`)).items;

  await page.goto('/rules');
  await page.getByRole('tab', { name: 'Lịch ngày nghỉ, ngày làm bù' }).click();
  await expect(page).toHaveURL(/tab=calendar/);
  await page.getByTestId('calendar-year').getByText(year, { exact: true }).click();
  const table = page.getByTestId('calendar-table');
  await expect(table.locator('tbody tr[data-row-key]')).toHaveCount(days.length);
  await expect(page.getByTestId('calendar-summary')).toHaveText(
    `Năm ${year}: ${days.filter((d) => !d.working).length} ngày nghỉ, ${days.filter((d) => d.working).length} ngày làm bù`,
  );
  const row = table.locator(`tr[data-row-key="${worked.date}"]`);
  await expect(row).toContainText(toVi(worked.date));
  await expect(row).toContainText('Làm bù');
  await expect(row).toContainText(worked.name_vi);
  await expect(row).toContainText(worked.source);
});

test('a cell secretary reads the rules too (the server gives them to any session)', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, scoped);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Quy định, lịch nghỉ', exact: true })
    .click();
  await expect(page.getByTestId('rule-area-admission')).toBeVisible();
  await context.close();
});
