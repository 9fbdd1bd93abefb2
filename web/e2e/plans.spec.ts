// Personal plans end to end (issue 13): a member of a demo cell, signed in on a phone-sized
// screen (390 px), records their commitment for the year with two items; the cell's secretary
// opens the cell's list, finds the plan recorded and reviews it mid-year (the test's today,
// 16/11, lies inside the rules' mid-year window), one assessment per item; the member then sees
// the review and can no longer edit. Both users are made here with `chibo user add`.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { APIRequestContext, Browser } from '@playwright/test';
import type { Account } from './accounts';
import { expect, signIn, signedOut, test } from './fixtures';
import { TODAY } from './dates';

interface Org {
  id: number;
  name: string;
  kind: string;
  child_count?: number;
}
interface CellPlans {
  org: { id: number; name: string };
  lines: { member_id: number; full_name: string; head: boolean; plan: unknown }[];
}

const web = path.resolve(import.meta.dirname, '..');
const tag = Date.now().toString(36).slice(-5);
const year = Number(TODAY.slice(0, 4));
const member: Account = {
  username: `e2e.plan.member.${tag}`,
  password: 'dang vien ke hoach mat khau',
  displayName: 'Đảng viên Kế hoạch',
  role: 'member',
};
const secretary: Account = {
  username: `e2e.plan.secretary.${tag}`,
  password: 'bi thu danh gia ke hoach mat khau',
  displayName: 'Bí thư Đánh giá',
  role: 'cell_secretary',
};
const firstItem = `Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ${tag}`;
const secondItem = `Hoàn thành tốt nhiệm vụ chuyên môn ${tag}`;

async function get<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(`/api/v1${url}`);
  expect(response.ok(), `${url}: ${response.status()}`).toBeTruthy();
  return response.json() as Promise<T>;
}

/** `chibo user add` on the test's database (the server keeps running: SQLite in WAL mode). */
function addUser(account: Account, options: string[]) {
  const bin = path.resolve(web, process.env.CHIBO_BIN ?? '../build/src/chibo');
  const db = `sqlite:${path.join(process.env.CHIBO_E2E_DIR!, 'demo.db')}`;
  execFileSync(
    bin,
    [
      'user',
      'add',
      '--db',
      db,
      '--username',
      account.username,
      '--role',
      account.role,
      '--display-name',
      account.displayName,
      ...options,
    ],
    {
      input: `${account.password}\n`,
      env: { ...process.env, CHIBO_TEST_TODAY: TODAY },
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
}

/** A demo cell with a member (not a head) who has not recorded a plan this year. */
async function cellWithoutPlan(api: APIRequestContext) {
  const queue: Org[] = (await get<{ items: Org[] }>(api, '/orgs')).items;
  while (queue.length > 0) {
    const org = queue.shift()!;
    if (org.kind === 'cell' || org.kind === 'base_cell') {
      const cell = await get<CellPlans>(api, `/orgs/${org.id}/plans?year=${year}`);
      const line = cell.lines.find((l) => !l.plan && !l.head);
      if (line) return { cell, line };
    }
    if ((org.child_count ?? 0) > 0) {
      queue.push(...(await get<{ items: Org[] }>(api, `/orgs/${org.id}/children`)).items);
    }
  }
  throw new Error('no demo cell has a member without a plan');
}

async function signedInAs(browser: Browser, baseURL: string, account: Account, width = 1366) {
  const context = await browser.newContext({
    baseURL,
    storageState: signedOut,
    viewport: { width, height: width < 500 ? 844 : 768 },
  });
  const page = await context.newPage();
  await signIn(page, account);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return { context, page };
}

test('a member records a plan on a phone; the secretary reviews it mid-year', async ({
  api,
  browser,
  baseURL,
}) => {
  const { cell, line } = await cellWithoutPlan(api);
  addUser(member, ['--member-id', String(line.member_id)]);
  addUser(secretary, ['--scope', String(cell.org.id)]);

  // The member, on a phone: the year's form, two items, recorded.
  const phone = await signedInAs(browser, baseURL!, member, 390);
  const page = phone.page;
  await page.goto('/plans');
  const mine = page.getByTestId('my-plan');
  await expect(mine).toContainText(line.full_name);
  const form = page.getByTestId('plan-form');
  await form.locator('#plan_items_0_content').fill(firstItem);
  await form.locator('#plan_items_0_measure').fill('Dự đủ các buổi học chuyên đề');
  await form.getByRole('button', { name: 'Thêm nội dung' }).click();
  await form.locator('#plan_items_1_content').fill(secondItem);
  await form.locator('#plan_items_1_measure').fill('Xếp loại hoàn thành tốt nhiệm vụ');
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-status')).toHaveText('Đã đăng ký');
  await expect(page.getByTestId('plan-items')).toContainText(secondItem);
  // Nothing wider than the phone's screen.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('plan-edit')).toBeVisible();

  // The secretary: the cell's list shows the plan; the mid-year review, item by item.
  const desk = await signedInAs(browser, baseURL!, secretary);
  const cellPage = desk.page;
  await cellPage.goto(`/plans?tab=cell&org=${cell.org.id}&year=${year}`);
  const table = cellPage.getByTestId('cell-plans-table');
  await expect(table).toContainText(line.full_name);
  await cellPage.getByTestId(`open-plan-${line.member_id}`).click();
  const review = cellPage.getByTestId('review-form');
  await expect(review).toBeVisible();
  await expect(
    review
      .locator('#review_stage')
      .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'),
  ).toContainText('Đánh giá giữa năm');
  await cellPage.getByTestId('review-item-0').getByText('Hoàn thành', { exact: true }).click();
  await cellPage
    .getByTestId('review-item-1')
    .getByText('Hoàn thành một phần', { exact: true })
    .click();
  await review.getByPlaceholder('Nhận xét (nếu có)').nth(1).fill('Cần chủ động hơn');
  await cellPage.getByTestId('review-save').click();
  await expect(review).toHaveCount(0);
  await expect(table.locator('tr', { hasText: line.full_name })).toContainText(
    'Đã đánh giá giữa năm',
  );

  // The member sees the review; the plan is locked.
  await page.reload();
  await expect(page.getByTestId('plan-status')).toHaveText('Đã đánh giá giữa năm');
  await expect(page.getByTestId('plan-items')).toContainText('Hoàn thành một phần');
  await expect(page.getByTestId('plan-items')).toContainText('Cần chủ động hơn');
  await expect(page.getByTestId('plan-edit')).toHaveCount(0);
  await phone.context.close();
  await desk.context.close();
});
