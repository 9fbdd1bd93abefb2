// Vietnamese by default; English on request, remembered, and sent to the server.
import { expect, test } from './fixtures';

test('switching to English changes the labels, numbers and server messages', async ({
  page,
  api,
}) => {
  await page.goto('/orgs');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Tổ chức đảng', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Đảng viên', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  // About 65,000 members (other tests add and move some): the thousands separator is the point.
  await expect(page.getByTestId('org-counts')).toContainText(/6\d\.\d{3}/);

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(nav.getByRole('link', { name: 'Organizations', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Members', exact: true })).toBeVisible();
  await expect(page.getByText('Member breakdowns')).toBeVisible();
  await expect(page.getByTestId('org-counts')).toContainText(/6\d,\d{3}/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The choice is remembered.
  await page.reload();
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Members', exact: true }),
  ).toBeVisible();

  // The CSV export link cannot send Accept-Language: it carries lang=en, and the file has
  // English column titles.
  const [target] = (await (await api.get('/api/v1/members?page=11&page_size=1')).json()).items;
  await page.goto(`/members?org=${target.org_id}`);
  const link = page.getByTestId('export-csv');
  await expect(link).toHaveAttribute('href', /[?&]lang=en(&|$)/);
  const href = (await link.getAttribute('href'))!;
  expect(new URL(href, 'http://x').searchParams.get('org')).toBe(String(target.org_id));
  const csv = await api.get(href);
  expect(csv.ok()).toBeTruthy();
  expect((await csv.text()).split('\r\n')[0]).toMatch(/^\uFEFFId,Full name,/);

  // Server messages come in English too (Accept-Language follows the UI).
  await page.goto(`/members/${target.id}/edit`);
  await expect(page.getByText('Personal particulars')).toBeVisible();
  const cccd = page.locator('#member_citizen_id');
  await cccd.fill('12');
  await cccd.press('Tab');
  await expect(page.locator('#member_citizen_id_help')).toHaveText(
    'Citizen ID: must be exactly 12 digits',
  );
  const year = Number(target.birth_date.slice(0, 4));
  const middle = `${Math.floor((year - 1900) / 100) * 2 + (target.sex === 'female' ? 1 : 0)}${String(year % 100).padStart(2, '0')}`;
  // An unknown province code is caught in the browser, with the server's English message.
  await cccd.fill(`999${middle}000000`);
  await cccd.press('Tab');
  await expect(page.locator('#member_citizen_id_help')).toHaveText(
    'Citizen ID: the first 3 digits are not a province code',
  );
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.locator('#member_citizen_id_help')).toContainText('not a province code');

  await page.getByTestId('language-switch').getByText('Tiếng Việt').click();
  await expect(page.getByText('Sơ yếu lý lịch')).toBeVisible();
});
