// Discipline end to end: the inspection committee's page of a cell's cases; a case opened
// against a member through the form lands on the case page, which shows its limitation clock
// (five years from the breach for a reprimand: the end date and the days left) and the share of
// ALL entitled the vote needs; an expulsion-level case shows "Không giới hạn".
import type { APIRequestContext } from '@playwright/test';
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
});
