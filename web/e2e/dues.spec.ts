// A cell's dues month end to end: the book of the last month that has ended, a payment recorded
// from a member's row (by bank transfer, dated in that month, for what the member owes), the
// book's totals changing by exactly that (collected, paid for the month, arrears), then the
// month closed: locked, no more payments from the book, and the server's closing holding the
// same collected figure. The money is read as the UI writes it ("1.234.000 đ").
import type { APIRequestContext, Page } from '@playwright/test';
import { animationsSettled, expect, parseViNumber, screenshotsDir, test } from './fixtures';
import { TODAY, toVi } from './dates';

interface Line {
  member_id: number;
  full_name: string;
  due: { status: string; amount: number };
  paid_for_month: number;
  arrears: number;
}
interface Book {
  org: { id: number; name: string };
  month: string;
  lines: Line[];
  totals: { due: number; paid_for_month: number; collected: number; arrears: number };
  closing: { collected: number } | null;
}

// The month before TODAY's: the last one that has ended, the one a cell closes.
const [year, month] = TODAY.split('-').map(Number);
const MONTH = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
// A day inside that month, not after today: the payment counts in that month's collection.
const PAID_ON = `${MONTH}-20`;

async function get<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(`/api/v1${url}`);
  expect(response.ok(), `${url}: ${response.status()}`).toBeTruthy();
  return response.json() as Promise<T>;
}

const money = (page: Page, id: string) =>
  page
    .getByTestId(id)
    .innerText()
    .then((text) => parseViNumber(text.replace(/\s*đ$/, '')));

test('a dues month: record a payment in the book, the totals change, close the month', async ({
  page,
  api,
}) => {
  // A cell whose book for the month is open and has a member owing dues for it.
  const cells = await get<{ items: { id: number }[] }>(
    api,
    '/orgs/search?q=chi%20bo&holds_members=true&limit=30',
  );
  let book: Book | undefined;
  let line: Line | undefined;
  for (const cell of cells.items) {
    const candidate = await get<Book>(api, `/orgs/${cell.id}/dues/book?month=${MONTH}`);
    if (candidate.closing) continue;
    line = candidate.lines.find((l) => l.due.status === 'due' && l.due.amount > 0 && l.arrears > 0);
    if (line) {
      book = candidate;
      break;
    }
  }
  expect(book, 'a cell with a member owing dues').toBeTruthy();
  const owed = line!.arrears;

  await page.goto(`/dues?org=${book!.org.id}&month=${MONTH}`);
  await expect(page.getByTestId('dues-table')).toBeVisible();
  await expect(page.getByTestId('dues-total-collected')).toHaveText(
    `${book!.totals.collected.toLocaleString('vi-VN')} đ`,
  );
  const before = {
    collected: await money(page, 'dues-total-collected'),
    paid: await money(page, 'dues-total-paid'),
    arrears: await money(page, 'dues-total-arrears'),
  };
  expect(before.collected).toBe(book!.totals.collected);

  // The member's row: record a bank transfer for what they owe, dated in the month.
  const row = page.locator('tr', { has: page.getByRole('link', { name: line!.full_name }) });
  await row.getByTestId('dues-pay').click();
  const form = page.getByTestId('payment-form');
  await expect(form).toBeVisible();
  await page.locator('#payment_paid_on').fill(toVi(PAID_ON));
  await page.locator('#payment_paid_on').press('Tab');
  await form.getByText('Chuyển khoản', { exact: true }).click();
  await page.locator('#payment_amount').fill(String(owed));
  await page.locator('#payment_amount').press('Tab');
  await expect(page.locator('#payment_amount')).toHaveValue(owed.toLocaleString('vi-VN'));
  await page.getByTestId('payment-submit').click();
  await expect(page.getByTestId('payment-form')).toHaveCount(0);

  // The totals change by exactly the payment: collected up, arrears down, the month paid.
  await expect(page.getByTestId('dues-total-collected')).toHaveText(
    `${(before.collected + owed).toLocaleString('vi-VN')} đ`,
  );
  await expect(page.getByTestId('dues-total-arrears')).toHaveText(
    `${(before.arrears - owed).toLocaleString('vi-VN')} đ`,
  );
  const paidNow = before.paid + (line!.due.amount - line!.paid_for_month);
  await expect(page.getByTestId('dues-total-paid')).toHaveText(
    `${paidNow.toLocaleString('vi-VN')} đ`,
  );
  await expect(row.getByTestId('dues-paid')).toHaveText(
    `${line!.due.amount.toLocaleString('vi-VN')} đ`,
  );

  // Close the month: locked, with the same collected figure on the server.
  await page.getByTestId('dues-close').click();
  await page.getByTestId('dues-close-confirm').click();
  await expect(page.getByTestId('dues-closed')).toBeVisible();
  await expect(page.getByTestId('dues-pay')).toHaveCount(0);
  await expect(page.getByTestId('dues-close')).toHaveCount(0);
  const closed = await get<Book>(api, `/orgs/${book!.org.id}/dues/book?month=${MONTH}`);
  expect(closed.closing?.collected).toBe(before.collected + owed);
  await animationsSettled(page);
  await page.screenshot({ path: `${screenshotsDir}dues-book-closed.png`, fullPage: true });

  // The member's card shows the payment, by bank, with nothing owed up to that month.
  await row.getByRole('link', { name: line!.full_name }).click();
  await expect(page.getByTestId('member-dues')).toContainText('Chuyển khoản');
  await expect(page.getByTestId('member-dues')).toContainText(toVi(PAID_ON));
});
