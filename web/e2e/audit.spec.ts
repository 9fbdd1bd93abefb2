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
  const events = await (await api.get('/api/v1/audit?action=auth.login&limit=500')).json();
  expect(events.items.length).toBeGreaterThan(0);
  await expect(rows.filter({ hasText: admin.username }).first()).toBeVisible();

  // A row opens to its hash, session and request id.
  await rows.first().locator('.ant-table-row-expand-icon').click();
  const details = page.getByTestId('audit-event-details').first();
  await expect(details).toContainText(events.items[0].hash);
  await expect(details).toContainText('Mã yêu cầu');

  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('Chuỗi nhật ký nguyên vẹn');
});

test('older events load below', async ({ page, api }) => {
  // Every export is recorded: enough of them (of one small cell) make a second page.
  const cells = await (await api.get('/api/v1/orgs/search?q=chi%20bo&holds_members=true')).json();
  for (let index = 0; index < 55; index += 1) {
    expect((await api.get(`/api/v1/members.csv?org=${cells.items[0].id}`)).ok()).toBeTruthy();
  }
  await page.goto('/audit');
  const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(50);
  await expect(rows.first().locator('[data-action]')).toHaveAttribute(
    'data-action',
    'member.export',
  );
  await page.getByTestId('audit-older').click();
  await expect.poll(() => rows.count()).toBeGreaterThan(50);
});
