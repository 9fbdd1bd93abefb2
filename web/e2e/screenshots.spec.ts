// Screenshots of the main screens for docs/ and the README (1366x768), and the layout at
// tablet width (no sideways scrolling of the page).
import type { APIRequestContext, Page } from '@playwright/test';
import { adminState, animationsSettled, expect, screenshotsDir, signedOut, test } from './fixtures';

interface Org {
  id: number;
  kind: string;
  child_count: number;
  warnings: unknown[];
}

async function children(api: APIRequestContext, id: number): Promise<Org[]> {
  return (await (await api.get(`/api/v1/orgs/${id}/children`)).json()).items;
}

/** A base committee with children, to show a deep tree beside a dashboard. */
async function sampleCommittee(api: APIRequestContext): Promise<Org> {
  const [root] = (await (await api.get('/api/v1/orgs')).json()).items as Org[];
  for (const above of await children(api, root.id)) {
    const base = (await children(api, above.id)).find(
      (org) => org.kind === 'base_committee' && org.child_count >= 4,
    );
    if (base) return base;
  }
  throw new Error('no base committee found');
}

/** An organization whose register the demo filled (incoming documents too). */
async function sampleRegister(api: APIRequestContext): Promise<number> {
  const page = await (await api.get('/api/v1/documents?direction=incoming&limit=1')).json();
  const [document] = page.items as { org_id: number }[];
  if (!document) throw new Error('the demo has no document');
  return document.org_id;
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  // Every chart drawn with its animation over (EChart sets data-rendered), nothing moving.
  await expect(page.locator('[data-rendered="false"]')).toHaveCount(0);
  await animationsSettled(page);
}

test('main screens at 1366x768', async ({ page, api }) => {
  const committee = await sampleCommittee(api);
  await page.goto(`/orgs/${committee.id}`);
  await expect(page.getByTestId('org-dashboard')).toBeVisible();
  await expect(page.locator('.breakdown-chart svg').first()).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}orgs-dashboard.png` });

  await page.goto(`/members?org=${committee.id}`);
  await expect(
    page.getByTestId('member-table').locator('tbody tr.ant-table-row').first(),
  ).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}member-list.png` });

  await page.getByTestId('member-search').pressSequentially('nguyen thi', { delay: 20 });
  await expect(page.getByTestId('member-table')).toHaveAttribute('data-result-q', 'nguyen thi');
  await page.getByRole('button', { name: 'Bộ lọc' }).click();
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}member-search.png` });

  const link = page.getByTestId('member-table').locator('tbody tr.ant-table-row a').first();
  await link.click();
  await expect(page.getByTestId('member-page')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}member-page.png` });

  await page.getByTestId('language-switch').getByText('English').click();
  await page.goto(`/orgs/${committee.id}`);
  await expect(page.getByText('Member breakdowns')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}orgs-dashboard-en.png` });
});

test('sign-in, users and audit screens at 1366x768', async ({ browser, page, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1366, height: 768 },
    storageState: signedOut,
  });
  const signIn = await context.newPage();
  await signIn.goto('/login');
  await expect(signIn.getByTestId('login-form')).toBeVisible();
  await settle(signIn);
  await signIn.screenshot({ path: `${screenshotsDir}login.png` });
  await context.close();

  await page.goto('/users');
  await expect(
    page.getByTestId('user-table').locator('tbody tr.ant-table-row').first(),
  ).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}users.png` });

  await page.goto('/audit');
  const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await rows.first().locator('.ant-table-row-expand-icon').click();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}audit.png` });

  await page.goto('/account');
  await expect(page.getByTestId('account-page')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}account.png` });
});

test('the document register: lists, the form with its number, a document', async ({
  page,
  api,
}) => {
  const org = await sampleRegister(api);
  await page.goto(`/documents?org=${org}`);
  await expect(
    page.getByTestId('document-table').locator('tbody tr.ant-table-row').first(),
  ).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}documents-outgoing.png` });

  await page.getByTestId('document-table').getByTestId('document-symbol').first().click();
  await expect(page.getByTestId('document-page')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}document-page.png` });

  await page.goto(`/documents/new?org=${org}`);
  await page.locator('#outgoing_type').click();
  await page.locator('#outgoing_type').pressSequentially('Kế hoạch', { delay: 20 });
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option[title="Kế hoạch (KH)"]')
    .click();
  await expect(page.getByTestId('number-preview')).toHaveAttribute('data-symbol', /-KH\//);
  await page.locator('#outgoing_summary').fill('về phát triển đảng viên năm 2027');
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}document-new.png` });

  await page.getByTestId('language-switch').getByText('English').click();
  await page.goto(`/documents/incoming?org=${org}`);
  await expect(page.getByRole('tab', { name: 'Incoming' })).toBeVisible();
  await expect(page.getByTestId('document-table')).toHaveAttribute('data-fetching', 'false');
  await settle(page);
  await page.screenshot({ path: `${screenshotsDir}documents-incoming-en.png` });
});

test('tablet width: no sideways scrolling, navigation collapsed', async ({ browser, api }) => {
  const committee = await sampleCommittee(api);
  const register = await sampleRegister(api);
  const context = await browser.newContext({
    baseURL: process.env.CHIBO_E2E_URL,
    viewport: { width: 820, height: 1180 },
    hasTouch: true,
    storageState: adminState(),
  });
  const page = await context.newPage();
  for (const [path, name, ready] of [
    [`/orgs/${committee.id}`, 'tablet-orgs', '[data-testid="org-dashboard"]'],
    [
      `/members?org=${committee.id}`,
      'tablet-members',
      '[data-testid="member-table"] tbody tr.ant-table-row',
    ],
    [
      `/documents?org=${register}`,
      'tablet-documents',
      '[data-testid="document-table"] tbody tr.ant-table-row',
    ],
  ] as const) {
    await page.goto(path);
    await expect(page.locator(ready).first()).toBeVisible();
    await settle(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshotsDir}${name}.png` });
  }
  await context.close();
});

test('keyboard: skip link, tree arrows and form fields in order', async ({ page }) => {
  await page.goto('/orgs');
  await expect(page.getByTestId('org-tree').locator('.org-node').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByText('Bỏ qua, đến nội dung chính')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});
