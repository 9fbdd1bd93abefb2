// The probation lists of an organization: the counts shown are the server's whole counts for
// the same organization and window (also when a list is cut at its limit), overdue members say
// how late they are, and each row leads to the member page.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { daysBetween } from './dates';

type ListName = 'due' | 'overdue' | 'awaiting_decision';
const names: ListName[] = ['due', 'overdue', 'awaiting_decision'];

interface Item {
  id: number;
  full_name: string;
  consider_by: string;
}
interface Lists {
  today: string;
  due: Item[];
  overdue: Item[];
  awaiting_decision: Item[];
  counts: Record<ListName, number>;
}

async function lists(api: APIRequestContext, org: number, within: number, limit = 5000) {
  const response = await api.get(`/api/v1/probation?org=${org}&within=${within}&limit=${limit}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as Lists;
}

async function expectCounts(page: Page, counts: Record<ListName, number>) {
  for (const name of names) {
    await expect(page.getByTestId(`probation-count-${name}`)).toHaveAttribute(
      'data-count',
      String(counts[name]),
    );
  }
}

test("the bloc's counts are the server's, whole even where a list is cut", async ({
  page,
  api,
}) => {
  const [root] = (await (await api.get('/api/v1/orgs')).json()).items as { id: number }[];
  const wide = await lists(api, root.id, 90);
  // The demo has more members due within 90 days than the page asks for (100 a list).
  expect(wide.counts.due).toBeGreaterThan(100);
  expect(wide.due.length).toBe(wide.counts.due);

  await page.goto(`/probation?org=${root.id}&within=90`);
  await expectCounts(page, wide.counts);
  await page
    .getByTestId('probation-tabs')
    .getByRole('tab', { name: /Đến hạn xét/ })
    .click();
  const due = page.getByTestId('probation-list-due');
  await expect(due.getByTestId('probation-cut')).toHaveText(
    `Hiển thị 100 người đầu tiên trên tổng số ${wide.counts.due.toLocaleString('vi-VN')}`,
  );
  // Earliest end first, as the server cuts: the first row is the whole list's first.
  await expect(due.getByTestId('probation-member').first()).toHaveText(wide.due[0].full_name);

  // A narrower window: fewer due, the same overdue and awaiting, and the URL says which.
  const narrow = await lists(api, root.id, 30);
  expect(narrow.counts.due).toBeLessThan(wide.counts.due);
  await page.getByTestId('probation-window').getByText('30 ngày').click();
  await expect(page).toHaveURL(/within=30/);
  await expectCounts(page, narrow.counts);
});

test('overdue members show how late they are and open the member page', async ({ page, api }) => {
  const [root] = (await (await api.get('/api/v1/orgs')).json()).items as { id: number }[];
  const all = await lists(api, root.id, 60);
  const late = all.overdue[0];
  expect(late, 'the demo has overdue probationary members').toBeTruthy();
  // An organization above that member (or its cell) whose name few others share, picked by
  // typing its name as on the other pages.
  const member = await (await api.get(`/api/v1/members/${late.id}`)).json();
  const cell = await (await api.get(`/api/v1/orgs/${member.org_id}`)).json();
  let org: { id: number; name: string } | undefined;
  for (const candidate of [cell, ...[...cell.ancestors].reverse()]) {
    const q = encodeURIComponent(candidate.name);
    const found = (await (await api.get(`/api/v1/orgs/search?q=${q}&limit=5`)).json()).items;
    if (found.length < 5 && found.some((o: { id: number }) => o.id === candidate.id)) {
      org = candidate;
      break;
    }
  }
  expect(org, 'an organization with a distinctive name').toBeTruthy();
  const ofOrg = await lists(api, org!.id, 60);

  await page.goto('/probation');
  await page.getByLabel('Tổ chức đảng').pressSequentially(org!.name, { delay: 10 });
  await page.locator(`.ant-select-dropdown:visible .org-option[data-org-id="${org!.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`org=${org!.id}`));
  await expect(
    page.getByRole('heading', { name: `Dự bị và công nhận: ${org!.name}` }),
  ).toBeVisible();
  await expectCounts(page, ofOrg.counts);

  const list = page.getByTestId('probation-list-overdue');
  const row = list.locator('tr').filter({ hasText: late.full_name });
  await expect(row.getByTestId('probation-late')).toHaveText(
    `quá ${daysBetween(late.consider_by, ofOrg.today)} ngày`,
  );
  await expect(list.getByTestId('probation-rule')).toContainText(
    'Quá 30 ngày làm việc sau khi hết dự bị',
  );
  await row.getByRole('link', { name: late.full_name }).click();
  await expect(page).toHaveURL(new RegExp(`/members/${late.id}$`));
  await expect(page.getByTestId('member-lifecycle')).toContainText('Quá hạn');
});
