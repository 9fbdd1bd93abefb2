// The member registry: search, the member page, editing with checks and conflicts, creating.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, fold, screenshotsDir, test, waitForMemberResults } from './fixtures';

interface Member {
  id: number;
  full_name: string;
  sex: string;
  birth_date: string;
  citizen_id: string;
  position: string | null;
  work_unit: string | null;
  org_id: number;
  version: number;
}

async function members(
  api: APIRequestContext,
  query: string,
): Promise<{ items: Member[]; total: number }> {
  const response = await api.get(`/api/v1/members?${query}`);
  expect(response.ok()).toBeTruthy();
  return response.json();
}

async function member(api: APIRequestContext, id: number): Promise<Member> {
  return (await api.get(`/api/v1/members/${id}`)).json();
}

/** The CCCD digits 4-6 that agree with a birth date and sex (century/sex digit, year). */
function cccdMiddle(birthDate: string, sex: string): string {
  const year = Number(birthDate.slice(0, 4));
  const century = Math.floor((year - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
  return `${century}${String(year % 100).padStart(2, '0')}`;
}

async function openEdit(page: Page, id: number) {
  await page.goto(`/members/${id}`);
  await page.getByRole('button', { name: 'Sửa' }).click();
  await expect(page.getByTestId('member-form')).toBeVisible();
}

const row = (page: Page, name: string) =>
  page
    .getByTestId('member-table')
    .locator('tbody tr')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

test('a search without diacritics finds a member', async ({ page, api }) => {
  const sample = (await members(api, 'page=3&page_size=1')).items[0];
  expect(fold(sample.full_name)).not.toBe(sample.full_name.toLowerCase());
  await page.goto('/members');
  await expect(
    page.getByTestId('member-table').locator('tbody tr.ant-table-row').first(),
  ).toBeVisible();
  const q = fold(sample.full_name);
  await page.getByTestId('member-search').pressSequentially(q, { delay: 30 });
  await waitForMemberResults(page, q);
  await expect(row(page, sample.full_name).first()).toBeVisible();
  // The search is in the URL: reloading shows the same results.
  await expect(page).toHaveURL(
    new RegExp(`q=${encodeURIComponent(q).replace(/%20/g, '(\\+|%20)')}`),
  );
  const expected = await members(api, `q=${encodeURIComponent(q)}&page_size=1`);
  await expect(page.getByTestId('member-total')).toContainText(
    expected.total.toLocaleString('vi-VN'),
  );
});

test('a new member is created and then found as "nguyen van an"', async ({ page, api }) => {
  const cells = await (await api.get('/api/v1/orgs/search?q=chi%20bo&limit=50')).json();
  const cell = cells.items.find((org: { holds_members: boolean }) => org.holds_members);
  const suffix = String(Date.now()).slice(-6);
  await page.goto(`/members/new?org=${cell.id}`);
  const form = page.getByTestId('member-form');
  await expect(
    form.locator('#member_org_id').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'),
  ).toContainText(cell.name);
  await form.locator('#member_full_name').fill('Nguyễn Văn An');
  await form.locator('#member_sex').click();
  await page.locator('.ant-select-item-option[title="Nam"]').click();
  await form.locator('#member_birth_date').fill('15/05/1990');
  await form.locator('#member_birth_date').press('Tab');
  await expect(form.locator('#member_birth_date')).toHaveValue('15/05/1990');
  await form.locator('#member_citizen_id').fill(`001${cccdMiddle('1990-05-15', 'male')}${suffix}`);
  await form.locator('#member_admission_date').fill('10/03/2020');
  await form.locator('#member_admission_date').press('Tab');
  await expect(form.locator('#member_admission_date')).toHaveValue('10/03/2020');
  await form.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(page.getByTestId('member-name')).toHaveText('Nguyễn Văn An');
  const id = Number(/\/members\/(\d+)$/.exec(page.url())![1]);
  expect((await member(api, id)).org_id).toBe(cell.id);

  await page.goto('/members');
  await page.getByTestId('member-search').pressSequentially('nguyen van an', { delay: 30 });
  await waitForMemberResults(page, 'nguyen van an');
  // Vietnamese name order: "An" sorts before the many "Anh".
  await expect(
    page.getByTestId('member-table').locator('tbody tr.ant-table-row').first(),
  ).toContainText('Nguyễn Văn An');
  await expect(row(page, 'Nguyễn Văn An').first()).toBeVisible();
});

test('edit a field, save, reload: the change persisted and is in the history', async ({
  page,
  api,
}) => {
  const target = (await members(api, 'page=5&page_size=1')).items[0];
  const position = `Bí thư chi bộ ${Date.now() % 100000}`;
  // Open the member from the list.
  await page.goto(`/members?q=${encodeURIComponent(fold(target.full_name))}&org=${target.org_id}`);
  await row(page, target.full_name)
    .first()
    .getByRole('link', { name: target.full_name, exact: true })
    .click();
  await expect(page.getByTestId('member-name')).toHaveText(target.full_name);
  await page.getByRole('button', { name: 'Sửa' }).click();
  await page.locator('#member_position').fill(position);
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(page.getByTestId('member-page')).toBeVisible();
  await expect(page.locator('[data-field="position"]')).toHaveText(position);
  await page.reload();
  await expect(page.locator('[data-field="position"]')).toHaveText(position);
  await expect(page.getByTestId('member-history')).toContainText(position);
  expect((await member(api, target.id)).position).toBe(position);
  // Back to the list it came from.
  await page.getByRole('button', { name: 'Về danh sách' }).click();
  await expect(page).toHaveURL(/\/members\?/);
});

test('an invalid CCCD shows its error on that field (browser and server checks)', async ({
  page,
  api,
}) => {
  const target = (await members(api, 'page=7&page_size=1')).items[0];
  await openEdit(page, target.id);
  const cccd = page.locator('#member_citizen_id');
  await cccd.fill('12345');
  await cccd.press('Tab');
  const help = page.locator('#member_citizen_id_help');
  await expect(help).toHaveText('Số CCCD: phải gồm đúng 12 chữ số');
  // A CCCD with the right shape but no such province passes the browser and is refused by
  // the server: its message lands under the same field.
  await cccd.fill(`999${cccdMiddle(target.birth_date, target.sex)}123456`);
  await cccd.press('Tab');
  await expect(help).toHaveCount(0);
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(help).toContainText('3 chữ số đầu không phải mã tỉnh');
  await expect(page.getByRole('alert').filter({ hasText: 'Dữ liệu không hợp lệ' })).toBeVisible();
  await page.waitForTimeout(500); // the error message slides in
  await page.screenshot({ path: `${screenshotsDir}member-edit-error.png` });
  expect((await member(api, target.id)).citizen_id).toBe(target.citizen_id);
});

test('a conflict (someone else saved first) is explained and offers a reload', async ({
  page,
  api,
}) => {
  const target = (await members(api, 'page=9&page_size=1')).items[0];
  await openEdit(page, target.id);
  const mine = `Phó bí thư ${Date.now() % 100000}`;
  await page.locator('#member_position').fill(mine);
  // Meanwhile someone else saves another field.
  const theirs = `Đơn vị mới ${Date.now() % 100000}`;
  const saved = await api.patch(`/api/v1/members/${target.id}`, {
    data: { version: target.version, work_unit: theirs },
  });
  expect(saved.ok()).toBeTruthy();
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  const conflict = page.getByTestId('conflict-alert');
  await expect(conflict).toContainText('Người khác đã lưu bản ghi này trước bạn');
  await conflict.getByRole('button', { name: 'Tải lại, giữ thay đổi của tôi' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(page.locator('#member_position')).toHaveValue(mine);
  await expect(page.locator('#member_work_unit')).toHaveValue(theirs);
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(page.locator('[data-field="position"]')).toHaveText(mine);
  const after = await member(api, target.id);
  expect([after.position, after.work_unit]).toEqual([mine, theirs]);
});

test('filters, page and sort live in the URL; the CSV export has the filtered list', async ({
  page,
  api,
}) => {
  const url = '/members?status=probationary&sex=female&sort=-age&page=2&page_size=20';
  await page.goto(url);
  const expected = await members(
    api,
    'status=probationary&sex=female&sort=-age&page=2&page_size=20',
  );
  const first = expected.items[0];
  await expect(
    page.getByTestId('member-table').locator('tbody tr.ant-table-row').first(),
  ).toContainText(first.full_name);
  await expect(page.locator('.ant-pagination-item-active')).toHaveText('2');
  await expect(page.getByTestId('member-filters')).toBeVisible();
  await expect(page.getByTestId('member-total')).toContainText(
    expected.total.toLocaleString('vi-VN'),
  );

  const href = await page.getByTestId('export-csv').getAttribute('href');
  expect(href).toContain('/api/v1/members.csv?');
  expect(href).toContain('status=probationary');
  expect(href).not.toContain('page=');
  const csv = await api.get(href!);
  expect(csv.ok()).toBeTruthy();
  expect(Number(csv.headers()['x-total-count'])).toBe(expected.total);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);

  // Next page through the pager keeps the filters.
  await page.locator('.ant-pagination-next').click();
  await expect(page).toHaveURL(/page=3/);
  await expect(page).toHaveURL(/sex=female/);
});

test('the column chooser adds and removes columns', async ({ page }) => {
  await page.goto('/members');
  const header = page.getByTestId('member-table').locator('thead');
  await expect(header).not.toContainText('Số CCCD');
  await page.getByTestId('column-chooser').click();
  await page.locator('.column-chooser').getByText('Số CCCD', { exact: true }).click();
  await page.locator('.column-chooser').getByText('Dân tộc', { exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(header).toContainText('Số CCCD');
  await expect(header).not.toContainText('Dân tộc');
  await page.reload();
  await expect(header).toContainText('Số CCCD');
});

test('unknown member and page addresses show their error states', async ({ page }) => {
  await page.goto('/members/999999999');
  await expect(page.getByText('Không tìm thấy').first()).toBeVisible();
  await page.goto('/no-such-page');
  await expect(page.getByText('Không có trang này')).toBeVisible();
  await page.goto('/members?q=zzzzqqqq');
  await expect(page.getByText('Không có đảng viên nào khớp')).toBeVisible();
});

test('leaving a form with unsaved changes asks first', async ({ page, api }) => {
  const target = (await members(api, 'page=13&page_size=1')).items[0];
  await openEdit(page, target.id);
  await page.locator('#member_position').fill('Chưa lưu');
  await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên' }).click();
  const ask = page.getByRole('dialog', { name: 'Rời trang khi chưa lưu?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Ở lại' }).click();
  await expect(page.locator('#member_position')).toHaveValue('Chưa lưu');
  await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên' }).click();
  await page
    .getByRole('dialog', { name: 'Rời trang khi chưa lưu?' })
    .getByRole('button', { name: 'Rời trang' })
    .click();
  await expect(page.getByTestId('member-table')).toBeVisible();
  expect((await member(api, target.id)).position).toBe(target.position);
});
