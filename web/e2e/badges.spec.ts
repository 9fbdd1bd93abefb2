// The badge list of an organization: its counts are the server's for the occasion picked, the
// CSV download has exactly the rows the page shows, and a decision's awards are recorded all
// or none, a refusal naming the member it is about.
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TODAY } from './dates';

interface BadgeItem {
  id: number;
  full_name: string;
  milestone: number;
}
interface BadgeList {
  occasion: string;
  total: number;
  by_milestone: Record<string, number>;
  items: BadgeItem[];
}

async function get<T>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(`/api/v1${path}`);
  expect(response.ok(), path).toBeTruthy();
  return response.json() as Promise<T>;
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** A committee under the bloc with a handful of members due a badge (one page of them). */
async function smallCommittee(api: APIRequestContext, min: number) {
  const [root] = (await get<{ items: { id: number }[] }>(api, '/orgs')).items;
  const children = (
    await get<{ items: { id: number; name: string }[] }>(api, `/orgs/${root.id}/children`)
  ).items;
  for (const org of children) {
    const list = await get<BadgeList>(api, `/badges?org=${org.id}&page_size=1`);
    if (list.total >= min && list.total <= 40) return org;
  }
  throw new Error('no committee with a few members due a badge');
}

const tableIds = (page: Page) =>
  page
    .getByTestId('badge-table')
    .locator('tbody tr[data-row-key]')
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-row-key'))));

test('the counts are the server’s, and the CSV has the rows the page shows', async ({
  page,
  api,
}) => {
  const org = await smallCommittee(api, 8);
  const next = await get<BadgeList>(api, `/badges?org=${org.id}&page_size=500`);

  await page.goto(`/badges?org=${org.id}`);
  await expect(page.getByTestId('badge-total')).toHaveAttribute('data-count', String(next.total));
  for (const [years, count] of Object.entries(next.by_milestone)) {
    await expect(
      page.getByTestId('badge-counts').locator(`[data-milestone="${years}"]`),
    ).toHaveAttribute('data-count', String(count));
  }
  expect(await tableIds(page)).toEqual(next.items.map((item) => item.id));

  const downloading = page.waitForEvent('download');
  await page.getByTestId('badge-csv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`huy-hieu-${next.occasion}.csv`);
  const rows = parseCsv(
    readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''),
  ).filter((row) => row.length > 1);
  expect(rows[0]).toEqual([
    'Mã số',
    'Họ và tên',
    'Chi bộ',
    'Ngày vào Đảng',
    'Huy hiệu (năm)',
    'Ngày đủ tuổi đảng',
    'Mới từ đợt trước',
  ]);
  const csv = rows.slice(1);
  expect(csv.map((row) => Number(row[0]))).toEqual(await tableIds(page));
  expect(csv.map((row) => Number(row[4]))).toEqual(next.items.map((item) => item.milestone));

  // Only the 30-year badge: the list, its counts and its CSV follow.
  await page.getByTestId('badge-milestones').click();
  await page.locator('.ant-select-item-option[title="Huy hiệu 30 năm"]').click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/milestone=30/);
  const thirty = await get<BadgeList>(api, `/badges?org=${org.id}&milestone=30&page_size=500`);
  expect(thirty.total).toBeLessThan(next.total);
  await expect(page.getByTestId('badge-total')).toHaveAttribute('data-count', String(thirty.total));
  expect(await tableIds(page)).toEqual(thirty.items.map((item) => item.id));
  const href = await page.getByTestId('badge-csv').getAttribute('href');
  const filtered = await api.get(href!);
  expect(filtered.headers()['x-total-count']).toBe(String(thirty.total));

  // The occasion after: the server's list for that date.
  await page.getByTestId('badge-occasion').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  const current = options.filter({ hasText: 'đợt kế tiếp' });
  await expect(current).toHaveCount(1);
  await current.locator('xpath=following-sibling::div[1]').click();
  await expect(page).toHaveURL(/occasion=\d{4}-\d{2}-\d{2}/);
  const occasion = new URL(page.url()).searchParams.get('occasion')!;
  expect(occasion > next.occasion).toBe(true);
  const later = await get<BadgeList>(
    api,
    `/badges?org=${org.id}&occasion=${occasion}&milestone=30&page_size=500`,
  );
  await expect(page.getByTestId('badge-total')).toHaveAttribute('data-count', String(later.total));
  expect(await page.getByTestId('badge-csv').getAttribute('href')).toContain(
    `occasion=${occasion}`,
  );
});

test('a decision’s awards are all or none; a refusal names its member', async ({ page, api }) => {
  const org = await smallCommittee(api, 3);
  const list = await get<BadgeList>(api, `/badges?org=${org.id}&page_size=500`);
  const [first, second] = list.items;
  const document = { number: '12-QĐ/ĐUK', authority: 'Ban Thường vụ Đảng ủy Khối' };

  await page.goto(`/badges?org=${org.id}`);
  const table = page.getByTestId('badge-table');
  for (const item of [first, second]) {
    await table.locator(`tr[data-row-key="${item.id}"] .ant-checkbox-input`).check();
  }
  await expect(page.getByTestId('badge-award')).toHaveText('Ghi nhận quyết định tặng (2)');
  await page.getByTestId('badge-award').click();
  const form = page.getByTestId('award-form');
  await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(form).toContainText('Số văn bản: bắt buộc nhập');
  await form.locator('#badge_award_document_number').fill(document.number);
  await form.locator('#badge_award_document_authority').fill(document.authority);

  // Meanwhile someone records the second member's badge: the decision is refused, whole.
  const meanwhile = await api.post('/api/v1/badges/awards', {
    data: {
      occasion: list.occasion,
      decided_on: TODAY,
      document,
      awards: [{ member_id: second.id, milestone: second.milestone }],
    },
  });
  expect(meanwhile.status()).toBe(201);
  await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: second.full_name })).toContainText(
    `${second.full_name}: `,
  );
  const lifecycle = await get<{ badges: { milestone: number }[] }>(
    api,
    `/members/${first.id}/lifecycle`,
  );
  expect(lifecycle.badges.map((b) => b.milestone)).not.toContain(first.milestone);

  // The first one alone goes through and leaves the list.
  await page.getByRole('button', { name: 'Hủy', exact: true }).click();
  await table.locator(`tr[data-row-key="${second.id}"] .ant-checkbox-input`).uncheck();
  await page.getByTestId('badge-award').click();
  await form.locator('#badge_award_document_number').fill(document.number);
  await form.locator('#badge_award_document_authority').fill(document.authority);
  await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(table.locator(`tr[data-row-key="${first.id}"]`)).toHaveCount(0);
  await expect(table.locator(`tr[data-row-key="${second.id}"]`)).toHaveCount(0);
  await expect(page.getByTestId('badge-total')).toHaveAttribute(
    'data-count',
    String(list.total - 2),
  );
  const after = await get<{ badges: { milestone: number }[] }>(
    api,
    `/members/${first.id}/lifecycle`,
  );
  expect(after.badges.map((b) => b.milestone)).toContain(first.milestone);
});
