// The audit viewer: sign-ins are there, each event opens to its details, and the chain checks.
import { admin } from './accounts';
import { expect, test } from './fixtures';

test('the audit log shows sign-ins, their details, and an intact chain', async ({ page, api }) => {
  await page.goto('/audit');
  await expect(page.getByTestId('audit-viewer')).toBeVisible();
  const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();

  // Only sign-ins (the URL carries the filter).
  await page.getByTestId('audit-action').locator('input').fill('auth.login');
  await page.locator('.ant-select-dropdown:visible').getByText('Đăng nhập · auth.login').click();
  await expect(page).toHaveURL(/action=auth\.login/);
  await expect(rows.first().locator('[data-action]')).toHaveAttribute('data-action', 'auth.login');
  await expect(rows.filter({ hasText: admin.username }).first()).toBeVisible();

  // A row opens to its hash, session and request id. Other tests may sign in meanwhile: the
  // hash shown is one of the server's latest sign-ins, asked for after the page.
  await rows.first().locator('.ant-table-row-expand-icon').click();
  const details = page.getByTestId('audit-event-details').first();
  await expect(details).toContainText('Mã yêu cầu');
  const events = await (await api.get('/api/v1/audit?action=auth.login&limit=500')).json();
  const shown = await details.innerText();
  expect(events.items.some((event: { hash: string }) => shown.includes(event.hash))).toBe(true);

  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('Chuỗi nhật ký nguyên vẹn');
});

test('older events load below', async ({ page, api }) => {
  // Every export is recorded: enough of them (of one small cell) make a second page.
  const cells = await (await api.get('/api/v1/orgs/search?q=chi%20bo&holds_members=true')).json();
  for (let index = 0; index < 55; index += 1) {
    expect((await api.get(`/api/v1/members.csv?org=${cells.items[0].id}`)).ok()).toBeTruthy();
  }
  // Only exports, so that what other tests write meanwhile does not come first.
  await page.goto('/audit?action=member.export');
  const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(50);
  await expect(rows.first().locator('[data-action]')).toHaveAttribute(
    'data-action',
    'member.export',
  );
  await page.getByTestId('audit-older').click();
  await expect.poll(() => rows.count()).toBeGreaterThan(50);
});
