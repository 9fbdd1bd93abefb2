// The dues forms end to end: on a member's dues card, record a new basis (a BHXH salary from this
// month) and see this month's amount become 1 % of it, then a 50 % reduction decision and see the
// amount halve; on a cell's closed month, record an adjustment and see it listed in the book and
// counted in the month's collection. The forms also on a phone-sized screen (390 px): nothing
// runs off its side. Money is read as the UI writes it ("1.234.000 đ").
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { adminState, animationsSettled, expect, screenshotsDir, test } from './fixtures';
import { TODAY } from './dates';

interface Line {
  member_id: number;
  full_name: string;
  due: { status: string; amount: number; reduction_percent: number };
}
interface Book {
  org: { id: number; name: string };
  month: string;
  lines: Line[];
  totals: { collected: number };
  closing: { collected: number } | null;
  adjustments: { amount: number; reason: string }[];
}

const THIS_MONTH = TODAY.slice(0, 7);
const [year, month] = TODAY.split('-').map(Number);
// The last month that has ended: the one a cell can close.
const LAST_MONTH = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
const vi = (n: number) => `${n.toLocaleString('vi-VN')} đ`;
// The month "YYYY-MM" as the form's month field takes it ("01/2027").
const typed = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const plusMonths = (iso: string, n: number) => {
  const index = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

async function get<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(`/api/v1${url}`);
  expect(response.ok(), `${url}: ${response.status()}`).toBeTruthy();
  return response.json() as Promise<T>;
}

async function cells(api: APIRequestContext) {
  const found = await get<{ items: { id: number }[] }>(
    api,
    '/orgs/search?q=chi%20bo&holds_members=true&limit=30',
  );
  return found.items;
}

// The last cell of the list with members, its last month closed (closed here if need be).
async function closedBook(api: APIRequestContext): Promise<Book> {
  let book: Book | undefined;
  for (const cell of [...(await cells(api))].reverse()) {
    const candidate = await get<Book>(api, `/orgs/${cell.id}/dues/book?month=${LAST_MONTH}`);
    if (candidate.lines.length > 0) {
      book = candidate;
      break;
    }
  }
  expect(book, 'a cell with members').toBeTruthy();
  if (book!.closing) return book!;
  const closed = await api.post(`/api/v1/orgs/${book!.org.id}/dues/close`, {
    data: { month: LAST_MONTH },
  });
  expect(closed.ok(), `close: ${closed.status()}`).toBeTruthy();
  return (await closed.json()) as Book;
}

async function phonePage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({
    baseURL,
    storageState: adminState(),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  return { context, page: await context.newPage() };
}

async function fitsPhone(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    'page width at 390 px',
  ).toBeLessThanOrEqual(390);
}

async function typeMonth(page: Page, selector: string, iso: string) {
  await page.locator(selector).click();
  await page.locator(selector).fill(typed(iso));
  await page.locator(selector).press('Enter');
}

// This month's row of the card.
const thisMonthRow = (page: Page) =>
  page.getByTestId('member-dues-months').locator(`tr[data-row-key="${THIS_MONTH}"]`);

test.describe.serial('dues forms', () => {
  test("record a basis, then a 50 % reduction, and see this month's amount change", async ({
    page,
    api,
  }) => {
    // A member who owes dues this month, without a reduction.
    let line: Line | undefined;
    for (const cell of await cells(api)) {
      const book = await get<Book>(api, `/orgs/${cell.id}/dues/book?month=${THIS_MONTH}`);
      line = book.lines.find(
        (l) => l.due.status === 'due' && l.due.amount > 0 && l.due.reduction_percent === 0,
      );
      if (line) break;
    }
    expect(line, 'a member owing dues this month').toBeTruthy();

    await page.goto(`/dues/members/${line!.member_id}`);
    await expect(page.getByTestId('member-dues')).toBeVisible();
    await expect(thisMonthRow(page)).toContainText(vi(line!.due.amount));

    // A BHXH salary of 9.876.500 đ from this month: 1 % is 98.765 đ.
    await page.getByTestId('member-dues-basis').click();
    const basis = page.getByTestId('basis-form');
    await expect(basis).toBeVisible();
    await page.locator('#dues-basis_amount').fill('9876500');
    await page.locator('#dues-basis_amount').press('Tab');
    await expect(page.locator('#dues-basis_amount')).toHaveValue('9.876.500');
    await page.getByTestId('basis-submit').click();
    await expect(basis).toHaveCount(0);
    await expect(thisMonthRow(page)).toContainText(vi(98_765));

    // A reduction of 50 % for this month and the next two: 49.382,5 rounded half up.
    await page.getByTestId('member-dues-relief').click();
    const relief = page.getByTestId('relief-form');
    await expect(relief).toBeVisible();
    // Nothing chosen: the form names the missing fields before anything is sent.
    await page.getByTestId('relief-submit').click();
    await expect(relief).toContainText('Mức giảm');
    await relief.getByText('50 %', { exact: true }).click();
    await typeMonth(page, '#dues-relief_to_month', plusMonths(THIS_MONTH, 2));
    await page.locator('#dues-relief_decision_number').fill('15-QĐ/ĐU');
    await page.locator('#dues-relief_decision_authority').fill('Đảng ủy cơ sở');
    await page.locator('#dues-relief_reason').fill('Hoàn cảnh khó khăn');
    await page.getByTestId('relief-submit').click();
    await expect(relief).toHaveCount(0);
    await expect(thisMonthRow(page)).toContainText(vi(49_383));
    await expect(thisMonthRow(page)).toContainText('−50 %');
    await expect(page.getByTestId('member-dues')).toContainText('15-QĐ/ĐU');

    // A reduction longer than the rules allow is refused before it is sent.
    await page.getByTestId('member-dues-relief').click();
    await expect(relief).toBeVisible();
    await relief.getByText('30 %', { exact: true }).click();
    await typeMonth(page, '#dues-relief_to_month', plusMonths(THIS_MONTH, 12));
    await page.getByTestId('relief-submit').click();
    await expect(relief).toContainText('Quá 12 tháng');
    await page.getByRole('button', { name: 'Hủy' }).click();
    await expect(relief).toHaveCount(0);
  });

  test('record an adjustment on a closed month and see it in the book', async ({ page, api }) => {
    const book = await closedBook(api);
    const reason = `${book.lines[0].full_name}: nộp bổ sung sau khi khóa sổ`;

    await page.goto(`/dues?org=${book.org.id}&month=${LAST_MONTH}`);
    await expect(page.getByTestId('dues-closed')).toBeVisible();
    await expect(page.getByTestId('dues-total-collected')).toHaveText(vi(book.totals.collected));
    await page.getByTestId('dues-adjust').click();
    const form = page.getByTestId('adjustment-form');
    await expect(form).toBeVisible();
    await page.locator('#dues-adjustment_amount').fill('15000');
    await page.locator('#dues-adjustment_reason').fill(reason);
    await page.getByTestId('adjustment-submit').click();
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('dues-adjustments')).toContainText(reason);
    await expect(page.getByTestId('dues-adjustments')).toContainText(vi(15_000));
    await expect(page.getByTestId('dues-total-collected')).toHaveText(
      vi(book.totals.collected + 15_000),
    );
    const after = await get<Book>(api, `/orgs/${book.org.id}/dues/book?month=${LAST_MONTH}`);
    expect(after.adjustments.some((a) => a.reason === reason && a.amount === 15_000)).toBe(true);
  });

  test('the three forms fit a phone (390 px)', async ({ browser, baseURL, api }) => {
    const book = await closedBook(api);
    const closedCell = book.org.id;
    const line = book.lines[0];
    const { context, page } = await phonePage(browser, baseURL!);
    try {
      await page.goto(`/dues/members/${line.member_id}`);
      await expect(page.getByTestId('member-dues')).toBeVisible();
      await fitsPhone(page);
      await page.getByTestId('member-dues-basis').click();
      await expect(page.getByTestId('basis-form')).toBeVisible();
      await fitsPhone(page);
      await animationsSettled(page);
      await page.screenshot({ path: `${screenshotsDir}dues-basis-390.png` });
      await page.getByRole('button', { name: 'Hủy' }).click();
      await page.getByTestId('member-dues-relief').click();
      await expect(page.getByTestId('relief-form')).toBeVisible();
      await fitsPhone(page);
      await animationsSettled(page);
      await page.screenshot({ path: `${screenshotsDir}dues-relief-390.png` });
      await page.getByRole('button', { name: 'Hủy' }).click();

      await page.goto(`/dues?org=${closedCell}&month=${LAST_MONTH}`);
      await expect(page.getByTestId('dues-closed')).toBeVisible();
      await page.getByTestId('dues-adjust').click();
      await expect(page.getByTestId('adjustment-form')).toBeVisible();
      await fitsPhone(page);
      await animationsSettled(page);
      await page.screenshot({ path: `${screenshotsDir}dues-adjustment-390.png` });
    } finally {
      await context.close();
    }
  });
});
