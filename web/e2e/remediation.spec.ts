// The remediation list on the demo bloc (issue 15): the review's shortcomings and the
// inspections' violations and recommendations of the subtree in one list by due date. The page
// shows the first page of what the API answers; "Quá hạn" keeps the overdue ones, each tagged
// so; the inspection source keeps only inspection items, whose link opens their inspection.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

interface Items {
  total: number;
  items: { source: string; subject_name: string; overdue: boolean; inspection_id: number | null }[];
}

async function get<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(`/api/v1${url}`);
  expect(response.ok(), `${url}: ${response.status()}`).toBeTruthy();
  return response.json() as Promise<T>;
}

test("the bloc's items from both sources, filtered by state and source", async ({ page, api }) => {
  const [root] = (await get<{ items: { id: number }[] }>(api, '/orgs')).items;
  const open = await get<Items>(api, `/orgs/${root.id}/remediation?state=open&limit=50`);
  expect(open.total, 'the demo has open shortcomings and recommendations').toBeGreaterThan(0);

  await page.goto(`/remediation?org=${root.id}`);
  const rows = page.getByTestId('remediation-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(Math.min(open.items.length, 50));
  await expect(rows.first()).toContainText(open.items[0].subject_name);

  const overdue = await get<Items>(api, `/orgs/${root.id}/remediation?state=overdue&limit=50`);
  await page.locator('.ant-segmented-item').filter({ hasText: 'Quá hạn' }).click();
  await expect(page).toHaveURL(/state=overdue/);
  if (overdue.total > 0) {
    await expect(rows.first()).toContainText(overdue.items[0].subject_name);
    await expect(rows.first().locator('.ant-tag-red')).toHaveText('Quá hạn');
  }

  const inspection = await get<Items>(
    api,
    `/orgs/${root.id}/remediation?state=overdue&source=inspection&limit=50`,
  );
  await page.locator('.ant-segmented-item').filter({ hasText: 'Kiểm tra, giám sát' }).click();
  await expect(page).toHaveURL(/source=inspection/);
  await expect(rows).toHaveCount(Math.min(inspection.items.length, 50));
  if (inspection.total > 0) {
    await rows.first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/inspections/${inspection.items[0].inspection_id}$`));
  }
});
