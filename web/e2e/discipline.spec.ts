// Discipline end to end: the inspection committee's page of a cell's cases; a case opened
// against a member through the form lands on the case page, which shows its limitation clock
// (five years from the breach for a reprimand: the end date and the days left) and the share of
// ALL entitled the vote needs; an expulsion-level case shows "Không giới hạn"; a decided case's
// appeal recorded through its form shows the appeal deadline and the resolution clock, then its
// outcome, and a further appeal to the Central Inspection Committee ends final; the member's page lists the sanction in force with a link to the case; a deferral
// period added through the edit form moves the limitation clock; a case past its limitation is
// closed through its form (while it ran the same ground was refused under the field), and the
// closed case shows no vote or decision form.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TODAY, daysBetween, daysFromToday, toVi } from './dates';

async function get<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(`/api/v1${url}`);
  expect(response.ok(), `${url}: ${response.status()}`).toBeTruthy();
  return response.json() as Promise<T>;
}

/** The ISO date `years` years after `iso` (29 February falls back to the 28th). */
function yearsAfter(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return new Date(Date.UTC(y + years, m - 1, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Resolves the pending appeal today through its form: the sanction upheld. */
async function upholdAppeal(page: Page) {
  await page.getByTestId('discipline-appeal-open').click();
  const decided = page.locator('#discipline-appeal_decided_on');
  await decided.fill(toVi(TODAY));
  await decided.press('Tab');
  await page.locator('#discipline-appeal_outcome').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: 'Giữ nguyên' })
    .click();
  await page.getByTestId('discipline-appeal-submit').click();
}

test.describe.serial('discipline', () => {
  test('a case opened through the form shows its limitation clock and the vote it needs', async ({
    page,
    api,
  }) => {
    const cells = await get<{ items: { id: number; name: string }[] }>(
      api,
      '/orgs/search?q=chi%20bo&holds_members=true&limit=10',
    );
    let cell: { id: number; name: string } | undefined;
    let member: { id: number; full_name: string } | undefined;
    for (const candidate of cells.items) {
      const members = await get<{ items: { id: number; full_name: string }[] }>(
        api,
        `/members?org=${candidate.id}&status=official&page_size=5`,
      );
      if (members.items.length > 0) {
        cell = candidate;
        member = members.items[0];
        break;
      }
    }
    expect(member, 'a cell with an official member').toBeTruthy();

    await page.goto(`/discipline?org=${cell!.id}`);
    await expect(page.getByTestId('discipline-list')).toBeVisible();
    await page.getByTestId('discipline-open').click();
    const form = page.getByTestId('discipline-open-form');
    await expect(form).toBeVisible();
    await page.locator('#discipline-open_member_id').fill(member!.full_name);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: member!.full_name })
      .first()
      .click();
    await page
      .getByTestId('discipline-breach')
      .fill('Vi phạm quy định về những điều đảng viên không được làm');
    const breach = daysFromToday(-30);
    const date = page.locator('#discipline-open_breach_date');
    await date.fill(toVi(breach));
    await date.press('Tab');
    await expect(date).toHaveValue(toVi(breach));
    await page.getByTestId('discipline-level').fill('Chi bộ');
    await page.getByTestId('discipline-open-submit').click();

    await expect(page).toHaveURL(/\/discipline\/\d+$/);
    await expect(page.getByTestId('discipline-case-title')).toHaveText(member!.full_name);
    const ends = yearsAfter(breach, 5);
    await expect(page.getByTestId('discipline-limitation')).toHaveText(
      `Đến ${toVi(ends)}, còn ${daysBetween(TODAY, ends)} ngày`,
    );
    await expect(page.getByTestId('discipline-clocks')).toContainText(
      'discipline.limitation_reprimand_years',
    );
    await expect(page.getByTestId('discipline-threshold')).toContainText('trên 1/2');
  });

  test('an expulsion-level case has no limitation: "Không giới hạn"', async ({ page, api }) => {
    const members = await get<{ items: { id: number; full_name: string }[] }>(
      api,
      '/members?status=official&page_size=3',
    );
    const member = members.items[members.items.length - 1];
    const created = await api.post('/api/v1/discipline-cases', {
      data: {
        member_id: member.id,
        breach_summary: 'Vi phạm đến mức phải khai trừ',
        breach_date: daysFromToday(-400),
        sanction: 'expulsion',
        competent_level: 'Đảng ủy cấp trên cơ sở',
      },
    });
    expect(created.status()).toBe(201);
    const opened = (await created.json()) as { id: number };
    await page.goto(`/discipline/${opened.id}`);
    await expect(page.getByTestId('discipline-limitation')).toHaveText('Không giới hạn');
    await expect(page.getByTestId('discipline-threshold')).toContainText('trên 2/3');
  });

  test('an appeal recorded through the form shows the clocks; the member page lists the sanction', async ({
    page,
    api,
  }) => {
    const members = await get<{ items: { id: number; full_name: string }[] }>(
      api,
      '/members?status=official&page_size=8',
    );
    const member = members.items[members.items.length - 2];
    const post = async (url: string, data: object) => {
      const response = await api.post(`/api/v1${url}`, { data });
      expect(response.ok(), `${url}: ${response.status()} ${await response.text()}`).toBeTruthy();
      return (await response.json()) as { id: number; version: number };
    };
    const opened = await post('/discipline-cases', {
      member_id: member.id,
      breach_summary: 'Vi phạm quy chế làm việc',
      breach_date: daysFromToday(-60),
      sanction: 'warning',
      competent_level: 'Ủy ban kiểm tra Đảng ủy',
    });
    const voted = await post(`/discipline-cases/${opened.id}/vote`, {
      in_favour: 7,
      against: 1,
      abstain: 0,
      entitled: 8,
      voted_on: daysFromToday(-20),
      version: opened.version,
    });
    const number = `${opened.id}-QĐ/UBKT`;
    await post(`/discipline-cases/${opened.id}/decide`, {
      decided_on: daysFromToday(-10),
      decision_number: number,
      received_on: daysFromToday(-9),
      version: voted.version,
    });
    const decided = await get<{ clocks: { appeal: { due: string } } }>(
      api,
      `/discipline-cases/${opened.id}`,
    );

    await page.goto(`/discipline/${opened.id}`);
    await expect(page.getByTestId('discipline-appeal')).toContainText(
      toVi(decided.clocks.appeal.due),
    );
    await expect(page.getByTestId('discipline-appeal-resolve')).toHaveCount(0);
    await page.getByTestId('discipline-appeal-open').click();
    const received = page.locator('#discipline-appeal_received_on');
    await received.fill(toVi(TODAY));
    await received.press('Tab');
    await page.getByTestId('discipline-appeal-submit').click();
    await expect(page.getByTestId('discipline-appeal-received')).toHaveText(toVi(TODAY));
    await expect(page.getByTestId('discipline-state')).toHaveText('Đang khiếu nại');
    // The appeal deadline is still shown (received on time), and the resolution clock starts.
    await expect(page.getByTestId('discipline-appeal')).toContainText(
      toVi(decided.clocks.appeal.due),
    );
    await expect(page.getByTestId('discipline-appeal-resolve')).toContainText('còn');
    await expect(page.getByTestId('discipline-clocks')).toContainText(
      'discipline.appeal_resolve_days',
    );

    await upholdAppeal(page);
    await expect(page.getByTestId('discipline-appeal-outcome-shown')).toHaveText(
      'Giữ nguyên hình thức kỷ luật',
    );
    await expect(page.getByTestId('discipline-appeal-open')).toHaveCount(0);

    // Upheld by a body that is not final for a warning: a further appeal goes up, to the
    // Central Inspection Committee, whose outcome is final (rules/discipline.toml).
    await page.getByTestId('discipline-appeal-further').click();
    const further = page.locator('#discipline-appeal_received_on');
    await further.fill(toVi(TODAY));
    await further.press('Tab');
    await page.locator('#discipline-appeal_body').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Ủy ban Kiểm tra Trung ương' })
      .click();
    await page.getByTestId('discipline-appeal-submit').click();
    await expect(page.getByTestId('discipline-appeal-level')).toHaveCount(2);
    await expect(page.getByTestId('discipline-appeal-card')).toContainText('Lần 2');
    await expect(page.getByTestId('discipline-state')).toHaveText('Đang khiếu nại');
    await upholdAppeal(page);
    await expect(page.getByTestId('discipline-appeal-final')).toContainText(
      'discipline.appeal_final_rank_warning',
    );
    await expect(page.getByTestId('discipline-appeal-further')).toHaveCount(0);

    await page.goto(`/members/${member.id}`);
    const card = page.getByTestId('member-discipline');
    await expect(card).toBeVisible();
    const line = card.getByTestId('member-discipline-case').filter({ hasText: number });
    await expect(line).toContainText('Cảnh cáo');
    await expect(line).toContainText(`QĐ ${number} ngày ${toVi(daysFromToday(-10))}`);
    await line.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/discipline/${opened.id}$`));
  });

  test('a deferral period added through the edit form moves the limitation clock', async ({
    page,
    api,
  }) => {
    const members = await get<{ items: { id: number }[] }>(
      api,
      '/members?status=official&page_size=8',
    );
    const breach = daysFromToday(-100);
    const response = await api.post('/api/v1/discipline-cases', {
      data: {
        member_id: members.items[members.items.length - 3].id,
        breach_summary: 'Vi phạm chế độ báo cáo',
        breach_date: breach,
        sanction: 'reprimand',
        competent_level: 'Chi bộ',
      },
    });
    expect(response.status()).toBe(201);
    const opened = (await response.json()) as { id: number };
    await page.goto(`/discipline/${opened.id}`);
    const ends = yearsAfter(breach, 5);
    await expect(page.getByTestId('discipline-limitation')).toContainText(toVi(ends));
    await page.getByTestId('discipline-edit').click();
    await page.getByTestId('discipline-add-deferral').click();
    const from = page.locator('#discipline-edit_deferrals_0_from');
    await from.fill(toVi(daysFromToday(-50)));
    await from.press('Tab');
    const to = page.locator('#discipline-edit_deferrals_0_to');
    await to.fill(toVi(daysFromToday(-41)));
    await to.press('Tab');
    await page.locator('#discipline-edit_deferrals_0_reason').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Điều trị nội trú' })
      .click();
    await page.getByTestId('discipline-edit-submit').click();
    await expect(page.getByTestId('discipline-deferrals')).toContainText('Điều trị nội trú');
    // Ten days of inpatient treatment do not count: the end moves ten days later.
    const moved = new Date(`${ends}T00:00:00Z`);
    moved.setUTCDate(moved.getUTCDate() + 10);
    await expect(page.getByTestId('discipline-limitation')).toContainText(
      toVi(moved.toISOString().slice(0, 10)),
    );
  });

  test('a case past its limitation is closed through its form; a running one is refused', async ({
    page,
    api,
  }) => {
    const members = await get<{ items: { id: number }[] }>(
      api,
      '/members?status=official&page_size=10',
    );
    const open = async (breach: string) => {
      const response = await api.post('/api/v1/discipline-cases', {
        data: {
          member_id: members.items[members.items.length - 5].id,
          breach_summary: 'Vi phạm quy định về sinh hoạt đảng',
          breach_date: breach,
          sanction: 'reprimand',
          competent_level: 'Chi bộ',
        },
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { id: number }).id;
    };
    const closeToday = async (id: number) => {
      await page.goto(`/discipline/${id}`);
      await page.getByTestId('discipline-close-open').click();
      const form = page.getByTestId('discipline-close-form');
      await expect(form).toBeVisible();
      await expect(page.getByTestId('discipline-close-ground')).toContainText(
        'Đã hết thời hiệu xử lý kỷ luật',
      );
      const day = page.locator('#discipline-close_closed_on');
      await day.fill(toVi(TODAY));
      await day.press('Tab');
      await page.getByTestId('discipline-close-submit').click();
      return form;
    };

    // Still running: the ground was chosen, the server refuses it under the field.
    const running = await open(daysFromToday(-100));
    await page.goto(`/discipline/${running}`);
    await page.getByTestId('discipline-close-open').click();
    await page.locator('#discipline-close_ground').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Đã hết thời hiệu' })
      .click();
    const day = page.locator('#discipline-close_closed_on');
    await day.fill(toVi(TODAY));
    await day.press('Tab');
    await page.getByTestId('discipline-close-submit').click();
    await expect(page.getByTestId('discipline-close-form')).toContainText(
      'chưa hết thời hiệu xử lý kỷ luật',
    );
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('discipline-state')).toHaveText('Đang xem xét');

    // Six years ago: the five years have run, the form suggests that ground.
    const old = await open(daysFromToday(-6 * 366));
    const form = await closeToday(old);
    await expect(form).toBeHidden();
    await expect(page.getByTestId('discipline-state')).toHaveText('Đã khép hồ sơ');
    await expect(page.getByTestId('discipline-closure')).toContainText(
      'Đã hết thời hiệu xử lý kỷ luật',
    );
    await expect(page.getByTestId('discipline-closure')).toContainText(toVi(TODAY));
    await expect(page.getByTestId('discipline-vote-form')).toHaveCount(0);
    await expect(page.getByTestId('discipline-decision-form')).toHaveCount(0);
    await expect(page.getByTestId('discipline-close-open')).toHaveCount(0);
  });
});
