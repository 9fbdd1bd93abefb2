// Account management by an administrator, a new user's first sign-in, and what a user scoped
// to one committee sees.
import type { Page } from '@playwright/test';
import { admin, scoped } from './accounts';
import { chooseMenuItem, expect, screenshotsDir, signIn, signedOut, test } from './fixtures';
import { freshTotp } from './totp';

interface Org {
  id: number;
  name: string;
  child_count: number;
}

const userRow = (page: Page, username: string) =>
  page
    .getByTestId('user-table')
    .locator('tbody tr.ant-table-row')
    .filter({ has: page.getByText(username, { exact: true }) });

/** Fills the user form (the first grant: the role, and the scope found by typing `scope`). */
async function fillUserForm(
  page: Page,
  user: { username: string; name: string; role: string; scope?: string },
) {
  const form = page.getByTestId('user-form');
  await form.getByLabel('Tên đăng nhập').fill(user.username);
  await form.getByLabel('Họ và tên').fill(user.name);
  // An option clicked while the list is still sliding in can be missed: try again then.
  await expect(async () => {
    const option = page.locator(`.ant-select-item-option[title="${user.role}"]`);
    if (!(await option.isVisible())) await form.getByTestId('grant-role').click();
    await option.click({ timeout: 2_000 });
    await expect(form.getByTestId('grant-role')).toContainText(user.role, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  if (user.scope) {
    await form.getByLabel('Phạm vi (tổ chức)').pressSequentially(user.scope, { delay: 20 });
    await page.locator('.ant-select-dropdown:visible .org-option').first().click();
  }
}

test('an administrator creates a user, who signs in for the first time and sets a password', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, storageState: signedOut });
  const page = await context.newPage();
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/orgs\/\d+$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Người dùng', exact: true }).click();
  await expect(page).toHaveURL(/\/users$/);

  const username = `e2e.moi${Date.now() % 100000}`;
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  await fillUserForm(page, {
    username,
    name: 'Nguyễn Thị Mới',
    role: 'Bí thư chi bộ',
    scope: 'chi bo',
  });
  await page.getByRole('dialog').getByRole('button', { name: 'Tạo' }).click();
  const secret = page.getByTestId('one-time-password');
  await expect(secret).toBeVisible();
  await expect(page.getByText('Mật khẩu này chỉ hiện một lần')).toBeVisible();
  const oneTime = (await secret.innerText()).trim();
  expect(oneTime.length).toBeGreaterThanOrEqual(12);
  await page.getByTestId('one-time-password-done').click();
  await expect(userRow(page, username)).toContainText('Chờ đổi mật khẩu');

  // Sign out, and in as the new user.
  await chooseMenuItem(
    page,
    page.getByTestId('user-menu'),
    'Đăng xuất',
    page.getByTestId('login-form'),
  );
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, { username, password: oneTime, displayName: '', role: '' });
  await expect(page).toHaveURL(/\/first-login\/password$/);
  const form = page.getByTestId('password-form');
  await form.getByLabel('Mật khẩu dùng một lần (do quản trị cấp)').fill(oneTime);
  // A common password is refused by the server, under its field.
  await form.getByLabel('Mật khẩu mới', { exact: true }).fill('password123');
  await form.getByLabel('Nhập lại mật khẩu mới').fill('password123');
  await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(form.locator('.ant-form-item-explain-error')).toContainText('quá phổ biến');
  const mine = 'bốn mùa hoa nở trên đồi';
  await form.getByLabel('Mật khẩu mới', { exact: true }).fill(mine);
  await form.getByLabel('Nhập lại mật khẩu mới').fill(mine);
  await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();

  // Into the app, within the granted cell.
  await expect(page).toHaveURL(/\/orgs\/\d+$/);
  await expect(page.getByTestId('org-tree').locator('.org-node')).toHaveCount(1);
  await expect(page.getByTestId('user-menu')).toContainText('Nguyễn Thị Mới');
  await context.close();
});

test('a new administrator enrols an authenticator app at the first sign-in', async ({
  browser,
  baseURL,
  api,
}) => {
  const username = `e2e.qt${Date.now() % 100000}`;
  const created = await api.post('/api/v1/users', {
    data: {
      username,
      display_name: 'Lê Quản Trị',
      grants: [{ role: 'administrator', scope_org_id: null }],
    },
  });
  expect(created.status()).toBe(201);
  const oneTime = (await created.json()).one_time_password as string;

  const context = await browser.newContext({ baseURL, storageState: signedOut });
  const page = await context.newPage();
  await signIn(page, { username, password: oneTime, displayName: '', role: '' }, '/audit');
  await expect(page).toHaveURL(/\/first-login\/password\?return_to=%2Faudit$/);
  const form = page.getByTestId('password-form');
  const mine = 'quản trị hệ thống mới';
  await form.getByLabel('Mật khẩu dùng một lần (do quản trị cấp)').fill(oneTime);
  await form.getByLabel('Mật khẩu mới', { exact: true }).fill(mine);
  await form.getByLabel('Nhập lại mật khẩu mới').fill(mine);
  await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();

  // Administrators need a second factor: the QR code and the secret for typing it by hand.
  await expect(page).toHaveURL(/\/first-login\/totp\?return_to=%2Faudit$/);
  const enrolment = page.getByTestId('totp-enrolment');
  await expect(enrolment.locator('.ant-qrcode canvas, .ant-qrcode svg').first()).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').getAttribute('data-secret'))!;
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByTestId('totp-code')).toHaveAttribute('autocomplete', 'one-time-code');
  await page.screenshot({ path: `${screenshotsDir}totp-enrolment.png` });
  await page.getByTestId('totp-code').fill(await freshTotp(secret));
  await enrolment.getByRole('button', { name: 'Xác nhận' }).click();

  // Then where they were going.
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByTestId('audit-viewer')).toBeVisible();
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  expect([me.stage, me.totp_enabled]).toEqual(['full', true]);
  await context.close();
});

test('an administrator disables a user after confirming', async ({ page, api }) => {
  await page.goto('/users');
  const username = `e2e.khoa${Date.now() % 100000}`;
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  await fillUserForm(page, { username, name: 'Trần Văn Khóa', role: 'Lãnh đạo' });
  await page.getByRole('dialog').getByRole('button', { name: 'Tạo' }).click();
  await page.getByTestId('one-time-password-done').click();

  await page.getByTestId('user-search').locator('input').fill(username);
  const row = userRow(page, username);
  await expect(row).toContainText('Lãnh đạo · Toàn hệ thống');
  await expect(row).toContainText('Đang hoạt động');
  // This dialog, not the one-time password's, which may still be closing.
  const confirm = page.getByRole('dialog').filter({ hasText: `Khóa tài khoản ${username}?` });
  await chooseMenuItem(
    page,
    row.getByRole('button', { name: `Thao tác khác với ${username}` }),
    'Khóa tài khoản',
    confirm,
  );
  await expect(confirm).toContainText(`Khóa tài khoản ${username}?`);
  await confirm.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await expect(row).toContainText('Đã khóa');

  const listed = await (await api.get(`/api/v1/users?q=${username}`)).json();
  expect(listed.items[0].disabled).toBe(true);
});

test('a scoped user sees only their subtree, and no account management', async ({
  browser,
  baseURL,
  api,
}) => {
  const scope = Number(process.env.CHIBO_E2E_SCOPE_ORG);
  const org = (await (await api.get(`/api/v1/orgs/${scope}`)).json()) as Org;
  const [root] = (await (await api.get('/api/v1/orgs')).json()).items as Org[];
  const context = await browser.newContext({ baseURL, storageState: signedOut });
  const page = await context.newPage();
  await signIn(page, scoped);
  await expect(page).toHaveURL(new RegExp(`/orgs/${scope}$`));

  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Tổ chức đảng', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Người dùng', exact: true })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Nhật ký kiểm toán', exact: true })).toHaveCount(0);

  // The tree starts at the granted committee; the root above it is not linked.
  const names = page.getByTestId('org-tree').locator('.org-node-name');
  await expect(names.first()).toHaveText(org.name);
  await expect(page.getByTestId('org-tree')).not.toContainText(root.name);
  await expect(page.getByTestId('org-title')).toHaveText(org.name);
  await expect(page.locator('.org-header .ant-breadcrumb a')).toHaveCount(0);
  // A cell secretary does not change organizations.
  await expect(page.getByRole('button', { name: 'Sửa' })).toHaveCount(0);

  // A member of the scope, without the restricted record class (discipline) a cell secretary
  // may not read; the administrator's view of the same record has it.
  const inScope = (await (await api.get(`/api/v1/members?org=${scope}&page_size=1`)).json())
    .items[0] as { id: number; full_name: string };
  expect('discipline' in (await (await api.get(`/api/v1/members/${inScope.id}`)).json())).toBe(
    true,
  );
  await page.goto(`/members/${inScope.id}`);
  await expect(page.getByTestId('member-name')).toHaveText(inScope.full_name);
  await expect(page.getByText('Sơ yếu lý lịch')).toBeVisible();
  await expect(page.getByText('Kỷ luật (thông tin hạn chế)')).toHaveCount(0);

  // Outside the scope: not found; the users page: not permitted.
  await page.goto(`/orgs/${root.id}`);
  await expect(page.getByText('Không tìm thấy tổ chức')).toBeVisible();
  await page.goto('/users');
  await expect(page.getByText('Bạn không có quyền mở trang này')).toBeVisible();
  await context.close();
});
