// Shared test setup: the server's URL as baseURL, the administrator's session (saved by the
// global setup) as every test's default, an API client speaking to the same server in that
// session, and a guard that fails a test on any uncaught page error or React/antd warning.
import {
  test as base,
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
} from '@playwright/test';
import type { Account } from './accounts';
import { toVi } from './dates';
import { freshTotp } from './totp';

export const serverUrl = () => {
  const url = process.env.CHIBO_E2E_URL;
  if (!url) throw new Error('CHIBO_E2E_URL is not set (global setup did not run)');
  return url;
};

/** The signed-in administrator's session (cookies), for browser.newContext({ storageState }). */
export const adminState = () => {
  const state = process.env.CHIBO_E2E_STATE;
  if (!state) throw new Error('CHIBO_E2E_STATE is not set (global setup did not run)');
  return state;
};

/** No session at all. */
export const signedOut = { cookies: [], origins: [] };

/** What the server's CSRF check wants on every write (a browser sends Origin itself). */
export const writeHeaders = () => ({ 'X-Requested-With': 'chibo', Origin: serverUrl() });

// Screenshots go to test-results/ unless CHIBO_SCREENSHOTS_DIR says otherwise: `npm run
// screenshots` refreshes docs/screenshots/ on purpose, an ordinary test run leaves them alone.
export const screenshotsDir =
  process.env.CHIBO_SCREENSHOTS_DIR ??
  new URL('../test-results/screenshots/', import.meta.url).pathname;

export const test = base.extend<{ api: APIRequestContext; consoleProblems: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take a destructuring pattern
  baseURL: async ({}, use) => use(serverUrl()),
  // eslint-disable-next-line no-empty-pattern -- as above
  storageState: async ({}, use) => use(adminState()),
  api: async ({ playwright }, use) => {
    const api = await playwright.request.newContext({
      baseURL: serverUrl(),
      storageState: adminState(),
      extraHTTPHeaders: { 'Accept-Language': 'vi', ...writeHeaders() },
    });
    await use(api);
    await api.dispose();
  },
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        const text = message.text();
        // Failed requests that a test provokes on purpose (422, 409, 401) are logged by Chromium.
        if (text.startsWith('Failed to load resource')) return;
        if (
          message.type() === 'error' ||
          (message.type() === 'warning' && /antd|React/.test(text))
        ) {
          problems.push(`${message.type()}: ${text}`);
        }
      });
      await use(problems);
      expect(problems, 'console errors and warnings').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** "65.000" -> 65000 */
export function parseViNumber(text: string): number {
  return Number(text.replace(/\./g, '').replace(/,/g, '.').trim());
}

/** As the server folds names: no diacritics, đ -> d, lower case. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

interface OrgBrief {
  name: string;
  short_name: string | null;
}

/** "Đảng bộ Vụ X › Đảng bộ Bộ Y": ancestors (listed root first) nearest first, short names. */
export function ancestorPath(ancestors: OrgBrief[]): string {
  return [...ancestors]
    .reverse()
    .map((item) => item.short_name || item.name)
    .join(' › ');
}

/** How the pickers show an organization: "Chi bộ Phòng Tổng hợp — Đảng bộ Vụ X › ...". */
export function orgPathLabel(org: { name: string; ancestors: OrgBrief[] }): string {
  const path = ancestorPath(org.ancestors);
  return path ? `${org.name} — ${path}` : org.name;
}

export function metric(name: string, valueMs: number): void {
  console.log(`METRIC ${name} ${Math.round(valueMs)}`);
}

export async function waitForMemberResults(page: Page, q: string) {
  await expect(page.getByTestId('member-table')).toHaveAttribute('data-result-q', q);
}

/**
 * Waits until no animation runs on the page (CSS animations and transitions: a dialog zooming
 * in, a message sliding in; endless ones such as spinners do not count). A click during an
 * opening animation can be lost, and a screenshot would catch a frame of it.
 */
export async function animationsSettled(page: Page) {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getComputedTiming().endTime === Infinity,
      ),
  );
}

/** Signs in through the login page (the code step too, for an account with a second factor). */
export async function signIn(page: Page, account: Account, returnTo?: string) {
  await page.goto(returnTo ? `/login?return_to=${encodeURIComponent(returnTo)}` : '/login');
  const form = page.getByTestId('login-form');
  await form.getByLabel('Tên đăng nhập').fill(account.username);
  await form.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
  await form.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  if (account.totpSecret) {
    await expect(page.getByTestId('login-totp')).toBeFocused();
    await page.getByTestId('login-totp').fill(await freshTotp(account.totpSecret));
    await form.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  }
}

/**
 * Opens a dropdown with `trigger` and chooses its item `name`, until `effect` shows. Under load
 * a click can land while the menu is still animating in and be lost; the menu is then opened
 * and chosen again (the items here only open a dialog or sign out, so a repeat is harmless).
 */
export async function chooseMenuItem(page: Page, trigger: Locator, name: string, effect: Locator) {
  const item = page.getByRole('menuitem', { name });
  await expect(async () => {
    if (!(await effect.isVisible())) {
      if (!(await item.isVisible())) await trigger.click({ timeout: 3_000 });
      await item.click({ timeout: 3_000 });
    }
    await expect(effect).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
}

/** Types the ISO date `iso` into the date input `#id` as a user would (dd/mm/yyyy), and leaves it. */
export async function setDate(page: Page, id: string, iso: string) {
  const input = page.locator(`#${id}`);
  await input.fill(toVi(iso));
  await input.press('Tab');
  await expect(input).toHaveValue(toVi(iso));
}
