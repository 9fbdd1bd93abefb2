// The member registry: search, the member page, editing with checks and conflicts, creating.
import type { APIRequestContext, Page } from '@playwright/test';
import {
  animationsSettled,
  expect,
  fold,
  orgPathLabel,
  screenshotsDir,
  test,
  waitForMemberResults,
} from './fixtures';

interface Member {
  id: number;
  full_name: string;
  sex: string;
  age: number | null;
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

/** A literal string as a regular expression. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const row = (page: Page, name: string) =>
  page
    .getByTestId('member-table')
    .locator('tbody tr')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

test('a search without diacritics finds a member', async ({ page, api }) => {
  // A member whose name has diacritics (the search then has something to fold).
  const found = (await members(api, 'page=3&page_size=50')).items.find(
    (m: { full_name: string }) => fold(m.full_name) !== m.full_name.toLowerCase(),
  );
  expect(found).toBeTruthy();
  const sample = found!;
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
  const cells = await (
    await api.get('/api/v1/orgs/search?q=chi%20bo&limit=50&holds_members=true')
  ).json();
  const cell = cells.items[0];
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
  const help = page.locator('#member_citizen_id_help');
  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') saves.push(request.url());
  });
  await cccd.fill('12345');
  await cccd.press('Tab');
  await expect(help).toHaveText('Số CCCD: phải gồm đúng 12 chữ số');
  // Twelve digits that begin with no province code (the catalog's provinces): caught in the
  // browser with the server's message, before anything is sent.
  const middle = cccdMiddle(target.birth_date, target.sex);
  await cccd.fill(`999${middle}123456`);
  await cccd.press('Tab');
  await expect(help).toHaveText('Số CCCD: 3 chữ số đầu không phải mã tỉnh, thành phố');
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(help).toHaveText('Số CCCD: 3 chữ số đầu không phải mã tỉnh, thành phố');
  await expect(cccd).toBeFocused();
  expect(saves).toEqual([]);

  // Someone else's CCCD (same sex and birth year, so the browser finds nothing wrong) is
  // refused by the server: its message lands under the same field.
  const year = target.birth_date.slice(0, 4);
  const peers = await members(
    api,
    `sex=${target.sex}&age_min=${target.age! - 1}&age_max=${target.age! + 1}&page_size=200`,
  );
  const other = peers.items.find(
    (item) => item.id !== target.id && item.citizen_id && item.birth_date.startsWith(year),
  )!;
  expect(other, 'a member born the same year').toBeTruthy();
  await cccd.fill(other.citizen_id);
  await cccd.press('Tab');
  await expect(help).toHaveCount(0);
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(help).toHaveText('Số CCCD: đã có người khác dùng');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Trùng với một đảng viên đã có' }),
  ).toBeVisible();
  expect(saves).toHaveLength(1);
  await animationsSettled(page); // the error message slides in
  await page.screenshot({ path: `${screenshotsDir}member-edit-error.png` });
  expect((await member(api, target.id)).citizen_id).toBe(target.citizen_id);
});

test("the member's cell is picked among cells only, each shown with its ancestors", async ({
  page,
  api,
}) => {
  interface Found {
    id: number;
    name: string;
    holds_members: boolean;
    ancestors: { name: string; short_name: string | null }[];
  }
  const search = async (query: string): Promise<Found[]> =>
    (await (await api.get(`/api/v1/orgs/search?${query}`)).json()).items;
  // "van phong" finds committees first; the picker asks the server for cells only.
  const all = await search('q=van%20phong&limit=30');
  expect(all.some((org) => !org.holds_members)).toBeTruthy();
  const cells = await search('q=van%20phong&limit=30&holds_members=true');
  expect(cells.every((org) => org.holds_members)).toBeTruthy();
  const committees = new Set(all.filter((org) => !org.holds_members).map((org) => org.id));

  await page.goto('/members/new');
  const form = page.getByTestId('member-form');
  await form.locator('#member_org_id').click();
  const asked = page.waitForRequest(
    (request) =>
      request.url().includes('/api/v1/orgs/search?') &&
      new URL(request.url()).searchParams.get('q') === 'van phong',
  );
  await page.keyboard.type('van phong');
  const url = new URL((await asked).url());
  expect(url.searchParams.get('holds_members')).toBe('true');

  const options = page.locator('.ant-select-dropdown:visible .org-option');
  await expect(options.first()).toHaveText(new RegExp(`^${literal(orgPathLabel(cells[0]))}`));
  const shown = await options.evaluateAll((nodes) =>
    nodes.map((node) => Number((node as HTMLElement).dataset.orgId)),
  );
  expect(shown.length).toBeGreaterThan(3);
  expect(shown).toEqual(cells.slice(0, shown.length).map((org) => org.id));
  expect(shown.filter((id) => committees.has(id))).toEqual([]);
  for (const [index, id] of shown.entries()) {
    const org = cells.find((item) => item.id === id)!;
    await expect(options.nth(index)).toContainText(orgPathLabel(org));
  }
  await page.screenshot({ path: `${screenshotsDir}member-org-picker.png` });

  // Namesakes: "Chi bộ Phòng Bảo vệ" under different committees read differently.
  const guards = await search('q=bao%20ve&limit=30&holds_members=true');
  const [a, b] = guards.filter((org) => org.name === guards[0].name);
  expect(orgPathLabel(a)).not.toBe(orgPathLabel(b));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('bao ve');
  await expect(options.filter({ hasText: orgPathLabel(a) })).toHaveCount(1);
  await expect(options.filter({ hasText: orgPathLabel(b) })).toHaveCount(1);
  await options.filter({ hasText: orgPathLabel(b) }).click();
  const chosen = form
    .locator('#member_org_id')
    .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]');
  await expect(chosen).toContainText(orgPathLabel(b));
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
  expect(href).toContain('lang=vi');
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
  await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Rời trang khi chưa lưu?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Ở lại' }).click();
  await expect(page.locator('#member_position')).toHaveValue('Chưa lưu');
  await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Rời trang khi chưa lưu?' })
    .getByRole('button', { name: 'Rời trang' })
    .click();
  await expect(page.getByTestId('member-table')).toBeVisible();
  expect((await member(api, target.id)).position).toBe(target.position);
});
