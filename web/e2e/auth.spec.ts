// Signing in and out (docs/accounts.md): the second factor, wrong passwords, the way back to
// where the user was sent from, signing out leaving nothing to go back to, and signing out
// another of one's own sessions from the account page.
import { admin2, office, traveller } from './accounts';
import {
  chooseMenuItem,
  expect,
  serverUrl,
  signIn,
  signedOut,
  test,
  writeHeaders,
} from './fixtures';

test.use({ storageState: signedOut });

test('a signed-out visit goes to the sign-in page, and back there after a sign-in with TOTP', async ({
  page,
}) => {
  await page.goto('/members?q=nguyen');
  await expect(page).toHaveURL(/\/login\?return_to=%2Fmembers%3Fq%3Dnguyen$/);
  const form = page.getByTestId('login-form');
  await expect(form.getByLabel('Tên đăng nhập')).toHaveAttribute('autocomplete', 'username');
  await expect(form.getByLabel('Mật khẩu', { exact: true })).toHaveAttribute(
    'autocomplete',
    'current-password',
  );

  await signIn(page, admin2, '/members?q=nguyen');
  const code = page.getByTestId('login-totp');
  await expect(code).toHaveCount(0);
  await expect(page).toHaveURL(/\/members\?q=nguyen$/);
  await expect(page.getByTestId('member-table')).toHaveAttribute('data-result-q', 'nguyen');
  await expect(page.getByTestId('user-menu')).toContainText(admin2.displayName);

  // Home, for a fresh sign-in without a return address, is the tree.
  await page.goto('/');
  await expect(page).toHaveURL(/\/orgs\/\d+$/);
});

test('the code step asks for the 6 digits on a numeric keypad', async ({ page }) => {
  await page.goto('/login');
  const form = page.getByTestId('login-form');
  await form.getByLabel('Tên đăng nhập').fill(admin2.username);
  await form.getByLabel('Mật khẩu', { exact: true }).fill(admin2.password);
  await form.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  const code = page.getByTestId('login-totp');
  await expect(code).toBeFocused();
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await code.fill('12a');
  await form.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page.getByText('Mã xác thực gồm đúng 6 chữ số')).toBeVisible();
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/login');
  const form = page.getByTestId('login-form');
  await form.getByLabel('Tên đăng nhập').fill(office.username);
  await form.getByLabel('Mật khẩu', { exact: true }).fill('not the password');
  await form.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page.getByTestId('login-error')).toHaveText(
    'Tên đăng nhập hoặc mật khẩu không đúng.',
  );
  await expect(page).toHaveURL(/\/login$/);
  await expect(form.getByLabel('Mật khẩu', { exact: true })).toHaveValue('');
});

test('signing out returns to the sign-in page, and Back shows no data', async ({ page }) => {
  await signIn(page, office);
  await expect(page).toHaveURL(/\/orgs\/\d+$/);
  await page.goto('/members');
  const rows = page.getByTestId('member-table').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  // Not an administrator: no users or audit log in the navigation.
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Đảng viên', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Người dùng', exact: true })).toHaveCount(0);

  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('user-menu-who')).toContainText(office.displayName);
  await expect(page.getByTestId('user-menu-who')).toContainText('Cán bộ văn phòng cấp ủy');
  await chooseMenuItem(
    page,
    page.getByTestId('user-menu'),
    'Đăng xuất',
    page.getByTestId('login-form'),
  );
  await expect(page).toHaveURL(/\/login$/);

  // Back reaches a page of the session that ended: it asks to sign in, and shows nothing.
  await page.goBack();
  await expect(page).toHaveURL(/\/login\?return_to=%2F/);
  await expect(page.getByTestId('login-form')).toBeVisible();
  await expect(page.getByTestId('member-table')).toHaveCount(0);
  await expect(page.getByTestId('org-tree')).toHaveCount(0);
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(401);
});

test('the account page lists my sessions and signs another one out after my password', async ({
  page,
  playwright,
}) => {
  // Another device: the same account signed in from a phone's browser.
  const phone = await playwright.request.newContext({
    baseURL: serverUrl(),
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    extraHTTPHeaders: writeHeaders(),
  });
  const login = await phone.post('/api/v1/auth/login', {
    data: { username: traveller.username, password: traveller.password },
  });
  expect(login.status()).toBe(200);
  expect((await phone.get('/api/v1/auth/me')).status()).toBe(200);

  await signIn(page, traveller);
  await expect(page).toHaveURL(/\/orgs\/\d+$/);
  await page.goto('/account');
  const card = page.getByTestId('sessions-card');
  await expect(card).toContainText('Phiên đăng nhập');
  const rows = card.getByTestId('sessions-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  const thisRow = rows.filter({ hasText: 'Phiên này' });
  await expect(thisRow).toHaveCount(1);
  await expect(thisRow.getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);
  const phoneRow = rows.filter({ hasText: 'Safari trên iPhone' });
  await expect(phoneRow).toContainText('127.0.0.1');

  // A wrong password is refused under the field, and nothing ends.
  await phoneRow.getByRole('button', { name: 'Đăng xuất' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Đăng xuất phiên Safari trên iPhone');
  const password = dialog.getByLabel('Mật khẩu hiện tại');
  await expect(password).toBeFocused();
  await password.fill('khong phai mat khau nay');
  await dialog.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await expect(dialog.getByText('Mật khẩu hiện tại: không đúng')).toBeVisible();
  expect((await phone.get('/api/v1/auth/me')).status()).toBe(200);

  await password.fill(traveller.password);
  await dialog.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Đã đăng xuất 1 phiên')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Phiên này');
  await expect(card.getByRole('button', { name: 'Đăng xuất mọi phiên khác' })).toBeDisabled();
  // The phone is out at its next request; this page still works.
  expect((await phone.get('/api/v1/auth/me')).status()).toBe(401);
  await phone.dispose();
  await page.reload();
  await expect(page.getByTestId('account-page')).toBeVisible();
});
