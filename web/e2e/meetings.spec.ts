// A cell meeting end to end, its secretary on a phone (390 px): a meeting (ad hoc) scheduled
// for yesterday is recorded as held, one member per row with the attendance as a segmented
// control (present, absent with a reason, absent without one), a vote and the resolution; the
// page never runs off the side of the screen. Then the minutes are approved (read-only after
// that, the recording gone), the DOCX downloads as a .docx, and the print view opens. Last, the
// "xem xét xóa tên" list of the demo shows a member with the evidence and the way to the exit
// procedure.
import type { APIRequestContext, Browser } from '@playwright/test';
import { adminState, animationsSettled, expect, screenshotsDir, test } from './fixtures';
import { TODAY, daysFromToday, toVi } from './dates';

interface Meeting {
  id: number;
  state: string;
  roster: { member_id: number; full_name: string; counted: boolean }[];
}
interface Removal {
  total: number;
  items: {
    member_id: number;
    full_name: string;
    grounds: string[];
    unexcused_meetings: { meeting_id: number }[];
    unpaid_months: string[];
  }[];
}

async function get<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(`/api/v1${url}`);
  expect(response.ok(), `${url}: ${response.status()}`).toBeTruthy();
  return response.json() as Promise<T>;
}

async function phoneContext(browser: Browser, baseURL: string) {
  const context = await browser.newContext({
    baseURL,
    storageState: adminState(),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  return { context, page: await context.newPage() };
}

test.describe.serial('meetings', () => {
  // The meetings server comes from the `meetings` branch; until it is merged the routes answer
  // 404 and these specs are skipped (said so in the report, not passed off as run).
  test.beforeEach(async ({ api }) => {
    const catalog = await api.get('/api/v1/meetings/catalog');
    test.skip(catalog.status() === 404, 'the meetings API is not in this build');
  });

  test('a secretary records a meeting with attendance at 390 px, approves it, downloads the minutes', async ({
    api,
    browser,
    baseURL,
  }) => {
    // A cell with at least three members counted, and a meeting yesterday.
    const cells = await get<{ items: { id: number }[] }>(
      api,
      '/orgs/search?q=chi%20bo&holds_members=true&limit=30',
    );
    let meeting: Meeting | undefined;
    for (const cell of cells.items) {
      const created = await api.post(`/api/v1/orgs/${cell.id}/meetings`, {
        data: { held_on: daysFromToday(-1), kind: 'ad_hoc', place: 'Phòng họp tầng 2' },
      });
      if (!created.ok()) continue;
      const candidate = (await created.json()) as Meeting;
      if (candidate.roster.filter((line) => line.counted).length >= 3) {
        meeting = candidate;
        break;
      }
    }
    expect(meeting, 'a cell with three members and a meeting scheduled').toBeTruthy();
    const [chair, excused, unexcused] = meeting!.roster.filter((line) => line.counted);

    const { context, page } = await phoneContext(browser, baseURL!);
    await page.goto(`/meetings/${meeting!.id}`);
    await expect(page.getByTestId('meeting-state')).toHaveText('Đã lên lịch');
    await page.getByTestId('meeting-record-open').click();
    const form = page.getByTestId('meeting-record-form');
    await expect(form).toBeVisible();
    await expect(page.locator('#record_held_on')).toHaveValue(toVi(daysFromToday(-1)));

    await page.locator('#record_chair_id').fill(chair.full_name);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: chair.full_name })
      .first()
      .click();
    await page.locator('#record_secretary_id').fill(excused.full_name);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: excused.full_name })
      .first()
      .click();

    // One member per row; the status is a segmented control with large targets.
    const row = (id: number) =>
      form.locator(`[data-testid="attendance-row"][data-member-id="${id}"]`);
    await expect(row(chair.member_id)).toHaveAttribute('data-status', 'present');
    await row(excused.member_id).getByText('Vắng có lý do').click();
    await expect(row(excused.member_id)).toHaveAttribute('data-status', 'absent_excused');
    await row(excused.member_id).getByTestId('attendance-reason').fill('Đi công tác tỉnh');
    await row(unexcused.member_id).getByText('Vắng không lý do').click();
    await expect(row(unexcused.member_id)).toHaveAttribute('data-status', 'absent_unexcused');
    // The tap target is the whole segment (its label may wrap), not the text inside it.
    const target = await row(chair.member_id)
      .locator('.ant-segmented-item', { hasText: 'Có mặt' })
      .boundingBox();
    expect(target!.height, 'a tap target of at least 40 px').toBeGreaterThanOrEqual(40);

    await page.getByTestId('vote-add').click();
    await page.locator('#record_votes_0_subject').fill('Thông qua nghị quyết tháng');
    await page.locator('#record_resolution').fill('Chi bộ thống nhất nhiệm vụ tháng tới.');
    await page.locator('#record_minutes').fill('Đồng chí bí thư quán triệt văn bản cấp trên.');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      'page width at 390 px',
    ).toBeLessThanOrEqual(390);
    await animationsSettled(page);
    await page.screenshot({ path: `${screenshotsDir}meeting-record-390.png`, fullPage: true });
    await page.getByTestId('record-submit').click();

    await expect(page.getByTestId('meeting-state')).toHaveText('Đã ghi kết quả');
    const attendance = page.getByTestId('meeting-attendance');
    await expect(attendance.locator(`[data-member-id="${excused.member_id}"]`)).toContainText(
      'Đi công tác tỉnh',
    );
    await expect(attendance.locator(`[data-member-id="${unexcused.member_id}"]`)).toContainText(
      'Vắng không lý do',
    );
    await expect(page.getByTestId('meeting-resolution')).toHaveText(
      'Chi bộ thống nhất nhiệm vụ tháng tới.',
    );

    // Approve: locked, nothing to record any more, amendments offered instead.
    await page.getByTestId('meeting-approve').click();
    await page.getByTestId('meeting-approve-confirm').click();
    await expect(page.getByTestId('meeting-state')).toHaveText('Đã thông qua biên bản');
    await expect(page.getByTestId('meeting-locked')).toBeVisible();
    await expect(page.getByTestId('meeting-record-open')).toHaveCount(0);
    await expect(page.getByTestId('meeting-amend')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    // The minutes: a .docx download, and the print view.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('meeting-docx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const print = await api.get(`/api/v1/meetings/${meeting!.id}/print`);
    expect(print.ok()).toBeTruthy();
    expect(await page.getByTestId('meeting-print').getAttribute('href')).toBe(
      `/api/v1/meetings/${meeting!.id}/print`,
    );
    await context.close();
  });

  test('the removal list shows a member with the evidence and the exit procedure', async ({
    page,
    api,
  }) => {
    const [root] = (await get<{ items: { id: number }[] }>(api, '/orgs')).items;
    const year = Number(TODAY.slice(0, 4));
    // The demo's base organizations: the first one with someone on its list.
    const cells = await get<{ items: { id: number }[] }>(
      api,
      '/orgs/search?q=chi%20bo&holds_members=true&limit=30',
    );
    let org = root.id;
    let list: Removal | undefined;
    for (const cell of cells.items) {
      const candidate = await get<Removal>(api, `/orgs/${cell.id}/removal-candidates?year=${year}`);
      if (candidate.items.length) {
        org = cell.id;
        list = candidate;
        break;
      }
    }
    expect(list, 'a cell with a member to consider in the demo').toBeTruthy();
    const item = list!.items[0];

    await page.goto(`/removal?org=${org}&year=${year}`);
    const row = page.locator('tr', { has: page.getByRole('link', { name: item.full_name }) });
    await expect(row).toBeVisible();
    const evidence = row.getByTestId('removal-evidence');
    if (item.unexcused_meetings.length) {
      await expect(evidence).toContainText('Vắng không lý do');
    }
    if (item.unpaid_months.length) {
      await expect(evidence).toContainText('Tháng không đóng đảng phí');
    }
    await row.getByTestId('removal-exit').click();
    await expect(page).toHaveURL(new RegExp(`/members/${item.member_id}$`));
  });
});
