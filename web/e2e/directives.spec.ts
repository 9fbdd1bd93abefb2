// The directive cascade end to end: the bloc issues a directive with two tasks (one already
// past its due date) and assigns them to a base organization; the base organization assigns
// them further down to all its cells; a cell's secretary, on a phone-sized screen (390 px),
// acknowledges a task and reports on it; the bloc sees the roll-up change at the top and on
// the way down to that cell (three clicks), and accepts the report. Then the reminder job,
// run at the test's today, puts "overdue" in that secretary's inbox (the bell's count and the
// inbox page; the test waits for the text, never for the bell's polling interval).
// The cell secretary is made here with `chibo user add` and granted that one cell, so that the
// reminders for the cell's tasks go to them (the responsible organization's users).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import type { Account } from './accounts';
import {
  animationsSettled,
  expect,
  orgPathLabel,
  screenshotsDir,
  setDate,
  signIn,
  signedOut,
  test,
  writeHeaders,
} from './fixtures';
import { TODAY, daysFromToday, toVi } from './dates';

interface Org {
  id: number;
  name: string;
  kind: string;
  child_count?: number;
}
interface OrgDetail extends Org {
  ancestors: { id: number; name: string; short_name: string | null }[];
}
interface Assignment {
  id: number;
  task_title: string;
  org: { id: number; name: string };
  state: string;
}

const web = path.resolve(import.meta.dirname, '..');
const tag = Date.now().toString(36).slice(-5);
const cellSecretary: Account = {
  username: `e2e.cell.${tag}`,
  password: 'bi thu chi bo nhan viec mat khau',
  displayName: 'Bí thư Chi bộ Nhận việc',
  role: 'cell_secretary',
};
const title = `Chỉ thị về chuyển đổi số trong sinh hoạt chi bộ đợt ${tag}`;
const planTask = `Xây dựng kế hoạch thực hiện ${tag}`;
const lateTask = `Báo cáo sơ kết quý ${tag}`;
const periodicTask = `Báo cáo định kỳ việc thực hiện ${tag}`;

async function get<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(`/api/v1${url}`);
  expect(response.ok(), `${url}: ${response.status()}`).toBeTruthy();
  return response.json() as Promise<T>;
}

/** `chibo user add` on the test's database (the server keeps running: SQLite in WAL mode). */
function addUser(account: Account, scope: number) {
  const bin = path.resolve(web, process.env.CHIBO_BIN ?? '../build/src/chibo');
  const db = `sqlite:${path.join(process.env.CHIBO_E2E_DIR!, 'demo.db')}`;
  execFileSync(
    bin,
    [
      'user',
      'add',
      '--db',
      db,
      '--username',
      account.username,
      '--role',
      account.role,
      '--display-name',
      account.displayName,
      '--scope',
      String(scope),
    ],
    {
      input: `${account.password}\n`,
      env: { ...process.env, CHIBO_TEST_TODAY: TODAY },
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
}

/**
 * The bloc (the root), a committee above base level under it, one of its base committees with
 * at least two cells (organizations without children of their own): bloc → committee → base
 * organization → cell, the deepest way the roll-up is walked.
 */
async function tree(api: APIRequestContext) {
  const [root] = (await get<{ items: Org[] }>(api, '/orgs')).items;
  const committees = (await get<{ items: Org[] }>(api, `/orgs/${root.id}/children`)).items;
  for (const committee of committees.filter((org) => org.kind === 'committee_above_base')) {
    const bases = (await get<{ items: Org[] }>(api, `/orgs/${committee.id}/children`)).items;
    for (const base of bases.filter(
      (org) => org.kind === 'base_committee' && (org.child_count ?? 0) >= 2,
    )) {
      const cells = (await get<{ items: Org[] }>(api, `/orgs/${base.id}/children`)).items;
      if (cells.length >= 2 && cells.every((cell) => (cell.child_count ?? 0) === 0)) {
        return {
          root,
          committee: committee.id,
          base: await get<OrgDetail>(api, `/orgs/${base.id}`),
          cells,
        };
      }
    }
  }
  throw new Error('no committee → base committee → cells under the root of the demo');
}

async function signedInAs(browser: Browser, baseURL: string, account: Account, width = 1366) {
  const context = await browser.newContext({
    baseURL,
    storageState: signedOut,
    viewport: { width, height: width < 500 ? 844 : 768 },
  });
  const page = await context.newPage();
  await signIn(page, account);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return { context, page };
}

const summary = (page: Page, step: string) =>
  page.getByTestId('rollup-summary').getByTestId(`rollup-${step}`);

test.describe.serial('directives', () => {
  let directiveId = 0;
  let cellId = 0;
  let cellName = '';

  test('the bloc issues a directive, a base organization assigns it to its cells, a cell reports, the bloc sees the roll-up change', async ({
    page,
    api,
    browser,
    baseURL,
  }) => {
    const { root, committee, base, cells } = await tree(api);
    cellId = cells[0].id;
    cellName = cells[0].name;
    addUser(cellSecretary, cellId);

    // The bloc issues the directive: a document from above typed by its number, two tasks.
    await page.goto(`/directives/new?org=${root.id}`);
    const form = page.getByTestId('directive-form');
    await expect(
      form
        .locator('#directive_org_id')
        .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'),
    ).toContainText(root.name);
    await form.locator('#directive_title').fill(title);
    await setDate(page, 'directive_issued_on', daysFromToday(-30));
    await form.locator('#directive_number_symbol').fill(`${tag}-CT/ĐUK`);
    await form.locator('#directive_tasks_0_title').fill(planTask);
    await setDate(page, 'directive_tasks_0_due_on', daysFromToday(20));
    await page.getByTestId('directive-add-task').click();
    await form.locator('#directive_tasks_1_title').fill(lateTask);
    await setDate(page, 'directive_tasks_1_due_on', daysFromToday(-3));
    await form.getByRole('button', { name: 'Lưu' }).first().click();

    await expect(page.getByTestId('directive-title')).toHaveText(`${tag}-CT/ĐUK`);
    directiveId = Number(/\/directives\/(\d+)/.exec(page.url())![1]);
    await expect(page.getByTestId('directive-tasks')).toContainText(toVi(daysFromToday(-3)));

    // Both tasks to the base organization, chosen by name.
    await page.getByTestId('directive-assign').click();
    const assign = page.getByTestId('assign-form');
    await assign.getByTestId('assign-mode-orgs').click();
    const picker = assign.getByTestId('assign-orgs').locator('input');
    await picker.pressSequentially(base.name, { delay: 10 });
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: orgPathLabel(base) })
      .first()
      .click();
    await page.getByTestId('assign-submit').click();
    await expect(page.getByTestId('assign-form')).toHaveCount(0);
    await expect(summary(page, 'assigned')).toHaveText('2');

    // The base organization assigns each of its two tasks to all its cells.
    const received = await get<{ items: Assignment[] }>(
      api,
      `/orgs/${base.id}/assignments?direction=received`,
    );
    const ours = received.items.filter((item) => [planTask, lateTask].includes(item.task_title));
    expect(ours).toHaveLength(2);
    await page.goto(`/assignments?org=${base.id}`);
    for (const task of [planTask, lateTask]) {
      await page.getByTestId('assignment-table').getByRole('link', { name: task }).click();
      await expect(page.getByTestId('assignment-title')).toHaveText(task);
      await page.getByTestId('assignment-subassign').click();
      await page.getByTestId('assign-submit').click();
      await expect(page.getByTestId('assign-form')).toHaveCount(0);
      await expect(page.getByTestId('assignment-downstream')).toContainText(String(cells.length));
      await page.goBack();
    }

    await page.goto(`/directives/${directiveId}`);
    await expect(summary(page, 'assigned')).toHaveText(String(2 + 2 * cells.length));
    await expect(summary(page, 'reported')).toHaveText('0');

    // The cell's secretary, on a phone, acknowledges the plan task and reports on it.
    const phone = await signedInAs(browser, baseURL!, cellSecretary, 390);
    const cellPage = phone.page;
    await cellPage.goto(`/assignments?org=${cellId}`);
    await cellPage.getByTestId('assignment-table').getByRole('link', { name: planTask }).click();
    await expect(cellPage.getByTestId('assignment-title')).toHaveText(planTask);
    await cellPage.getByTestId('assignment-acknowledge').click();
    await expect(cellPage.getByTestId('assignment-state')).toHaveText('Đã tiếp nhận');
    await cellPage.getByTestId('assignment-report-open').click();
    const report = cellPage.getByTestId('report-form');
    await report
      .locator('#report_text')
      .fill('Chi bộ đã xây dựng kế hoạch, phân công từng đảng viên.');
    await report.getByRole('button', { name: 'Thêm số liệu' }).click();
    await report.locator('#report_figures_0_label').fill('Đảng viên được phân công');
    await report.locator('#report_figures_0_value').fill('12');
    await cellPage.getByTestId('report-submit').click();
    await expect(cellPage.getByTestId('assignment-state')).toHaveText('Đã báo cáo');
    await expect(cellPage.getByTestId('assignment-report')).toContainText(
      'Đảng viên được phân công',
    );
    await animationsSettled(cellPage);
    await cellPage.screenshot({
      path: `${screenshotsDir}directive-report-390.png`,
      fullPage: true,
    });
    // Nothing runs off the side of a 390 px screen.
    expect(
      await cellPage.evaluate(() => document.documentElement.scrollWidth),
      'page width at 390 px',
    ).toBeLessThanOrEqual(390);
    await phone.context.close();

    // The bloc sees it at the top, and reaches the cell in three clicks.
    await page.goto(`/directives/${directiveId}`);
    await expect(summary(page, 'reported')).toHaveText('1');
    const children = page.getByTestId('rollup-children');
    for (const next of [committee, base.id]) {
      await children.locator(`tr[data-org="${next}"]`).getByTestId('rollup-child-link').click();
      await expect(page.getByTestId('rollup-panel')).toHaveAttribute('data-org', String(next));
    }
    const cellRow = children.locator(`tr[data-org="${cellId}"]`);
    await expect(cellRow.locator('[data-step="reported"]')).toContainText('1');
    await animationsSettled(page);
    await page.screenshot({ path: `${screenshotsDir}directive-rollup.png`, fullPage: true });
    await cellRow.getByTestId('rollup-child-link').click();
    await expect(page.getByTestId('rollup-org')).toHaveText(cellName);
    await expect(summary(page, 'reported')).toHaveText('1');

    // The assigning level (the base organization) accepts the report.
    const row = page
      .getByTestId('directive-assignments')
      .locator('tr', { hasText: planTask })
      .filter({ hasText: cellName });
    await row.getByTestId('assignment-link').click();
    await page.getByTestId('assignment-review').click();
    await page.getByTestId('review-accept').click();
    await expect(page.getByTestId('assignment-state')).toHaveText('Đã chấp nhận');
    await page.goto(`/directives/${directiveId}`);
    await expect(summary(page, 'accepted')).toHaveText('1');
  });

  test('the reminder job puts an overdue task in the cell secretary inbox', async ({
    api,
    browser,
    baseURL,
    playwright,
  }) => {
    expect(directiveId, 'the directive of the test before').toBeGreaterThan(0);
    // The server's today is the test's; a run takes the ladder's steps due today (each once,
    // in batches) for every open assignment of the demo. The server's own ticker may hold the
    // job (409): run again until the secretary's inbox has the notice, as the server says it.
    // Its own cookie jar: a request context made in a test starts from the test's storage state
    // (the administrator's session), and a login that arrives with a session cookie ends it.
    const cellApi = await playwright.request.newContext({
      baseURL,
      storageState: signedOut,
      extraHTTPHeaders: { 'Accept-Language': 'vi', ...writeHeaders() },
    });
    const login = await cellApi.post('/api/v1/auth/login', {
      data: { username: cellSecretary.username, password: cellSecretary.password },
    });
    expect(login.ok(), await login.text()).toBeTruthy();
    await expect(async () => {
      const ran = await api.post('/api/v1/jobs/reminders/run', { data: {} });
      expect([200, 409], await ran.text()).toContain(ran.status());
      const inbox = (await (await cellApi.get('/api/v1/inbox?unread=true&limit=100')).json()) as {
        items: { title: string }[];
      };
      expect(
        inbox.items.some((item) => item.title.startsWith(`Quá hạn: ${lateTask}`)),
        JSON.stringify(inbox.items.map((item) => item.title)),
      ).toBe(true);
    }).toPass({ timeout: 120_000 });
    await cellApi.dispose();

    const { context, page } = await signedInAs(browser, baseURL!, cellSecretary);
    await expect(page.getByTestId('inbox-bell')).not.toHaveAttribute('data-unread', '');
    await page.getByTestId('inbox-bell').click();
    await expect(page).toHaveURL(/\/inbox$/);
    const item = page
      .getByTestId('inbox-item')
      .filter({ hasText: `Quá hạn: ${lateTask}` })
      .first();
    await expect(item).toHaveAttribute('data-kind', 'overdue');
    await expect(item).toHaveAttribute('data-read', 'false');
    await expect(item).toContainText(cellName);
    // Opening it marks it read and goes to the directive at the cell, the late task flagged.
    await item.getByTestId('inbox-item-title').click();
    await expect(page.getByTestId('directive-title')).toHaveText(`${tag}-CT/ĐUK`);
    await expect(page.getByTestId('rollup-org')).toHaveText(cellName);
    await expect(
      page
        .getByTestId('directive-assignments')
        .locator('tr', { hasText: lateTask })
        .getByTestId('assignment-overdue'),
    ).toBeVisible();
    await page.goto('/inbox');
    await expect(
      page
        .getByTestId('inbox-item')
        .filter({ hasText: `Quá hạn: ${lateTask}` })
        .first(),
    ).toHaveAttribute('data-read', 'true');
    await context.close();

    // An administrator sees the job's last run.
    const admin = await browser.newContext({ baseURL, storageState: process.env.CHIBO_E2E_STATE });
    const jobsPage = await admin.newPage();
    await jobsPage.goto('/jobs');
    await expect(
      jobsPage
        .getByTestId('job-table')
        .locator('tr[data-kind="reminders"]')
        .getByTestId('job-last-run'),
    ).not.toBeEmpty();
    await admin.close();
  });

  test('a task with a quarterly report schedule: the cell reports a quarter, the period shows it', async ({
    page,
    api,
  }) => {
    expect(cellId, 'the cell of the test before').toBeGreaterThan(0);
    const [root] = (await get<{ items: Org[] }>(api, '/orgs')).items;
    // Issued with the schedule picked in the form.
    await page.goto(`/directives/new?org=${root.id}`);
    const form = page.getByTestId('directive-form');
    await form.locator('#directive_title').fill(`Kế hoạch thực hiện có báo cáo định kỳ ${tag}`);
    await setDate(page, 'directive_issued_on', daysFromToday(-200));
    await form.locator('#directive_tasks_0_title').fill(periodicTask);
    await setDate(page, 'directive_tasks_0_due_on', daysFromToday(200));
    await form.getByTestId('directive-task-cadence').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Hằng quý' })
      .click();
    await form.getByRole('button', { name: 'Lưu' }).first().click();
    await expect(page.getByTestId('task-schedule')).toContainText('Hằng quý');
    const id = Number(/\/directives\/(\d+)/.exec(page.url())![1]);
    const directive = await get<{ tasks: { id: number }[] }>(api, `/directives/${id}`);
    const assigned = await api.post(`/api/v1/directives/${id}/assignments`, {
      data: { task_ids: [directive.tasks[0].id], target: { mode: 'orgs', org_ids: [cellId] } },
    });
    expect(assigned.ok(), await assigned.text()).toBeTruthy();
    const { items } = (await assigned.json()) as { items: { id: number }[] };

    // The assignment lists its periods; the first quarter is overdue, and the report form
    // offers it first.
    await page.goto(`/assignments/${items[0].id}`);
    const first = page.getByTestId('assignment-periods').locator('li').first();
    await expect(first).toHaveAttribute('data-state', 'overdue');
    await expect(first).toContainText('Quá hạn');
    await page.getByTestId('assignment-report-open').click();
    const report = page.getByTestId('report-form');
    await expect(report.getByTestId('report-period')).toBeVisible();
    await report.locator('#report_text').fill('Báo cáo kết quả thực hiện trong quý.');
    await page.getByTestId('report-submit').click();
    await expect(page.getByTestId('report-form')).toHaveCount(0);
    await expect(first).toHaveAttribute('data-state', 'reported');
    await expect(page.getByTestId('assignment-report').first()).toContainText('Quý');
  });
});
