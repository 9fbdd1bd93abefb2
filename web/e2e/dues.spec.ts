// A cell's dues month end to end: the book of the last month that has ended, a payment recorded
// from a member's row (by bank transfer, dated in that month, for what the member owes), the
// book's totals changing by exactly that (collected, paid for the month, arrears), then the
// month closed: locked, no more payments from the book, and the server's closing holding the
// same collected figure. The money is read as the UI writes it ("1.234.000 đ").
// Then the month's reconciliation drilled down from the root to a cell (a month no test writes
// into, so its figures stay): each level's totals row is the line its parent showed for it, and
// the figures change with the level; back goes up again; nothing runs off a 390 px screen.
import type { APIRequestContext, Page } from '@playwright/test';
import {
  adminState,
  animationsSettled,
  expect,
  parseViNumber,
  screenshotsDir,
  test,
} from './fixtures';
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

interface ReconLine {
  org: { id: number; name: string };
  collected: number;
  kept: number;
  sent_up: number;
  holds_members: boolean;
  has_children: boolean;
  open_cells: number;
}
interface Recon {
  path: { id: number; name: string }[];
  line: ReconLine;
  children: ReconLine[];
}

// The month before MONTH: the demo's payments, and no test records or closes anything in it.
const EARLIER =
  month <= 2
    ? `${year - 1}-${String(month + 10).padStart(2, '0')}`
    : `${year}-${String(month - 2).padStart(2, '0')}`;
const vnd = (value: number) => `${value.toLocaleString('vi-VN')} đ`;

test('the reconciliation drills down from the root to a cell, the figures of each level', async ({
  page,
  api,
  browser,
  baseURL,
}) => {
  const [root] = (await get<{ items: { id: number }[] }>(api, '/orgs')).items;
  const at = (org: number) => get<Recon>(api, `/orgs/${org}/dues/reconciliation?month=${EARLIER}`);
  let recon = await at(root.id);
  expect(recon.line.collected, 'the demo collected dues that month').toBeGreaterThan(0);

  await page.goto(`/dues/reconciliation?org=${root.id}&month=${EARLIER}`);
  const total = page.getByTestId('reconciliation-total');
  const expectLevel = async (level: Recon) => {
    await expect(total).toHaveAttribute('data-org', String(level.line.org.id));
    await expect(total.getByTestId('reconciliation-collected')).toHaveText(
      vnd(level.line.collected),
    );
    await expect(total.getByTestId('reconciliation-kept')).toHaveText(vnd(level.line.kept));
    await expect(total.getByTestId('reconciliation-sent')).toHaveText(vnd(level.line.sent_up));
    await expect(page.getByTestId('reconciliation-child')).toHaveCount(level.children.length);
    // Children with cells not closed are highlighted.
    for (const child of level.children.filter((c) => c.open_cells > 0).slice(0, 3)) {
      await expect(
        page.locator(`[data-testid="reconciliation-child"][data-org="${child.org.id}"]`),
      ).toHaveClass(/reconciliation-lagging/);
    }
  };
  await expectLevel(recon);
  await expect(page.getByTestId('reconciliation-rules')).toContainText('dues.keep_bp');

  // Down the branch with the most money to a cell, one click a level (at most five).
  const visited: Recon[] = [recon];
  for (let depth = 0; depth < 5; depth += 1) {
    const next = [...recon.children].sort((a, b) => b.collected - a.collected)[0];
    expect(next, `${recon.line.org.name} has children`).toBeTruthy();
    expect(next.collected, 'a child holds less than its parent').toBeLessThan(
      recon.line.collected + 1,
    );
    await page
      .locator(`[data-testid="reconciliation-child"][data-org="${next.org.id}"]`)
      .getByTestId('reconciliation-drill')
      .click();
    await expect(page).toHaveURL(new RegExp(`[?&]org=${next.org.id}(&|$)`));
    const below = await at(next.org.id);
    expect(below.line, 'the level shows the line its parent showed for it').toEqual(next);
    await expectLevel(below);
    visited.push(below);
    recon = below;
    if (!next.has_children) break;
  }
  expect(recon.line.holds_members, 'the drill ends at a cell').toBe(true);
  expect(recon.children).toEqual([]);
  expect(visited.length).toBeGreaterThanOrEqual(3);
  expect(recon.line.collected, 'the figures change with the level').toBeLessThan(
    visited[0].line.collected,
  );
  await expect(total.getByTestId('reconciliation-book')).toBeVisible();
  // The breadcrumb up to the root; back goes up one level.
  await expect(page.getByTestId('reconciliation-path')).toContainText(visited[0].line.org.name);
  await page.goBack();
  await expectLevel(visited[visited.length - 2]);
  await page.getByTestId('reconciliation-path').getByTestId('reconciliation-up').first().click();
  await expectLevel(visited[0]);
  await animationsSettled(page);
  await page.screenshot({ path: `${screenshotsDir}dues-reconciliation.png`, fullPage: true });

  // A phone: the table scrolls inside the page, nothing runs off the side.
  const phone = await browser.newContext({
    baseURL,
    storageState: adminState(),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const small = await phone.newPage();
  await small.goto(`/dues/reconciliation?org=${visited[1].line.org.id}&month=${EARLIER}`);
  await expect(small.getByTestId('reconciliation-total')).toHaveAttribute(
    'data-org',
    String(visited[1].line.org.id),
  );
  expect(
    await small.evaluate(() => document.documentElement.scrollWidth),
    'page width at 390 px',
  ).toBeLessThanOrEqual(390);
  await animationsSettled(small);
  await small.screenshot({ path: `${screenshotsDir}dues-reconciliation-390.png`, fullPage: true });
  await phone.close();
});
