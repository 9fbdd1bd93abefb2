// The suspension of a member's party activities while a case is considered (Quy định 22-QĐ/TW
// Art. 31, rules/discipline.toml discipline.suspension_*), through the case page's form: a
// suspension recorded shows its card with the end date and the rule that limits it (90 days at
// first); an extension past the 180-day cap is refused under the field, naming the rule and the
// latest end date written as the UI writes dates (dd/mm/yyyy); an extension within the cap moves
// the end date and the limiting rule; lifting it ends the suspension today.
import type { APIRequestContext } from '@playwright/test';
import { expect, setDate, test } from './fixtures';
import { TODAY, daysFromToday, toVi } from './dates';

async function get<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(`/api/v1${url}`);
  expect(response.ok(), `${url}: ${response.status()}`).toBeTruthy();
  return response.json() as Promise<T>;
}

/** The ISO date `days` days after the ISO date `iso`. */
function daysAfter(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('a suspension recorded, extended past the cap (refused), extended within it, and lifted', async ({
  page,
  api,
}) => {
  const members = await get<{ items: { id: number }[] }>(
    api,
    '/members?status=official&page_size=12',
  );
  const created = await api.post('/api/v1/discipline-cases', {
    data: {
      member_id: members.items[members.items.length - 1].id,
      breach_summary: 'Có dấu hiệu vi phạm nghiêm trọng, cản trở việc kiểm tra',
      breach_date: daysFromToday(-60),
      sanction: 'expulsion',
      competent_level: 'Ủy ban kiểm tra Đảng ủy',
    },
  });
  expect(created.status()).toBe(201);
  const opened = (await created.json()) as { id: number };
  await page.goto(`/discipline/${opened.id}`);
  const card = page.getByTestId('discipline-suspension-card');
  await expect(card).toContainText('Không bị đình chỉ');

  // Suspended from ten days ago for 70 days: within the first 90.
  const from = daysFromToday(-10);
  const until = daysAfter(from, 70);
  await page.getByTestId('discipline-suspension-open').click();
  const form = page.getByTestId('discipline-suspension-form');
  await expect(form).toBeVisible();
  await setDate(page, 'discipline-suspension_from', from);
  await setDate(page, 'discipline-suspension_until', until);
  await page.getByTestId('discipline-suspension-submit').click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('discipline-suspension-until')).toHaveText(toVi(until));
  await expect(card).toContainText('discipline.suspension_days');
  await expect(page.getByTestId('discipline-suspension-state')).toHaveText('Đang bị đình chỉ');

  // An extension to one day past 180 days in all is refused under the field: the rule and the
  // latest end date, as dd/mm/yyyy.
  const latest = daysAfter(from, 180);
  await page.getByTestId('discipline-suspension-open').click();
  await expect(form).toBeVisible();
  await expect(page.getByTestId('discipline-suspension-mode')).toContainText('Gia hạn');
  await setDate(page, 'discipline-suspension_until', daysAfter(latest, 1));
  await page.getByTestId('discipline-suspension-submit').click();
  const refusal = page.locator('#discipline-suspension_until_help');
  await expect(refusal).toContainText('180 ngày');
  await expect(refusal).toContainText(toVi(latest));
  await expect(refusal).toContainText('discipline.suspension_max_days');
  await expect(refusal).not.toContainText(latest);
  await expect(page.getByTestId('discipline-suspension-until')).toHaveText(toVi(until));

  // Within the cap it is saved: the end date moves and the 180-day rule limits it now.
  const extended = daysAfter(from, 150);
  await setDate(page, 'discipline-suspension_until', extended);
  await page.getByTestId('discipline-suspension-submit').click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('discipline-suspension-until')).toHaveText(toVi(extended));
  await expect(card).toContainText('discipline.suspension_max_days');

  // Lifted today: the card shows the day and the suspension is over.
  await page.getByTestId('discipline-suspension-open').click();
  await expect(form).toBeVisible();
  await page.getByTestId('discipline-suspension-mode').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: 'Chấm dứt đình chỉ' })
    .click();
  await setDate(page, 'discipline-suspension_lifted_on', TODAY);
  await page.getByTestId('discipline-suspension-submit').click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('discipline-suspension-state')).toHaveText('Hết đình chỉ');
  await expect(card).toContainText(toVi(TODAY));
  await expect(page.getByTestId('discipline-suspension-open')).toHaveCount(0);
});
