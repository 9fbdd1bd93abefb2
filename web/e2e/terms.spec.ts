// The committee tab of an organization (/orgs/:id?tab=committee): the running term and the
// committee the server holds, earlier terms with their seats, a cell past its term flagged
// with the rule's source, and the forms: ending a seat (a reason is required) and electing a
// member to a seat.
import type { APIRequestContext, Page } from '@playwright/test';
import { animationsSettled, expect, test } from './fixtures';
import { toVi } from './dates';

interface Seat {
  id: number;
  member_id: number;
  member_name: string;
  position: string;
  started_on: string;
  ended_on: string | null;
  version: number;
}
interface Term {
  id: number;
  name: string;
  starts_on: string;
  ends_on: string | null;
}
interface Committee {
  term: Term | null;
  seats: Seat[];
  warnings: { code: string; source: string }[];
  standing_code: string | null;
}

async function get<T>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(`/api/v1${path}`);
  expect(response.ok(), path).toBeTruthy();
  return response.json() as Promise<T>;
}

/** Cells of the demo (the organizations of official members), in the list's order. */
async function cells(api: APIRequestContext, page: number): Promise<number[]> {
  const members = await get<{ items: { org_id: number }[] }>(
    api,
    `/members?status=official&page=${page}&page_size=500`,
  );
  return [...new Set(members.items.map((m) => m.org_id))];
}

const seatRow = (page: Page, id: number) =>
  page.getByTestId('committee-seats').locator(`tr[data-row-key="${id}"]`);

test('the committee tab shows the running term, its committee and the earlier terms', async ({
  page,
  api,
}) => {
  const cell = (await cells(api, 2))[0];
  const committee = await get<Committee>(api, `/orgs/${cell}/committee`);
  const terms = await get<{ items: Term[] }>(api, `/orgs/${cell}/terms`);
  expect(committee.term, 'the demo gives every cell a running term').toBeTruthy();

  await page.goto(`/orgs/${cell}`);
  await page.getByRole('tab', { name: 'Cấp ủy / Nhiệm kỳ' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${cell}\\?tab=committee`));
  const current = page.getByTestId('current-term');
  await expect(current).toContainText(committee.term!.name);
  await expect(current).toContainText(toVi(committee.term!.starts_on));
  for (const seat of committee.seats) {
    await expect(seatRow(page, seat.id)).toContainText(seat.member_name);
  }
  await expect(page.getByTestId('committee-seats').locator('tbody tr[data-row-key]')).toHaveCount(
    committee.seats.length,
  );

  // The tab is part of the address: a reload opens it again.
  await page.reload();
  await expect(page.getByTestId('current-term')).toContainText(committee.term!.name);

  // An earlier term opens with its seats, ended with the term.
  const earlier = terms.items.find((term) => term.id !== committee.term!.id);
  expect(earlier, 'the demo gives cells an earlier term').toBeTruthy();
  await page.getByTestId('past-terms').getByText(earlier!.name).click();
  const history = page.getByTestId('term-seats');
  await expect(history.locator('tbody tr[data-row-key]').first()).toContainText('Hết nhiệm kỳ');
});

test('a cell past its term without a congress is flagged with the rule’s source', async ({
  page,
  api,
}) => {
  let overdue: number | undefined;
  for (const cell of await cells(api, 1)) {
    const committee = await get<Committee>(api, `/orgs/${cell}/committee`);
    if (committee.standing_code === 'term_overdue') {
      overdue = cell;
      break;
    }
  }
  expect(overdue, 'the demo has cells past their term').toBeTruthy();
  await page.goto(`/orgs/${overdue}?tab=committee`);
  const standing = page.getByTestId('term-standing');
  await expect(standing).toContainText('Quá hạn đại hội');
  await expect(standing).toContainText('Căn cứ:');
  // The organization's overview carries the same warning.
  await page.getByRole('tab', { name: 'Tổng quan' }).click();
  await expect(page.getByTestId('org-warnings')).toContainText('Quá hạn đại hội');
});

test('ending a seat needs a reason; electing a member adds a seat', async ({ page, api }) => {
  const cell = (await cells(api, 3))[1];
  const committee = await get<Committee>(api, `/orgs/${cell}/committee`);
  const ended = committee.seats.find((seat) => seat.position !== 'secretary') ?? committee.seats[0];
  expect(ended, 'the cell has a committee').toBeTruthy();

  await page.goto(`/orgs/${cell}?tab=committee`);
  await seatRow(page, ended.id).getByRole('button', { name: 'Kết thúc' }).click();
  const endForm = page.getByTestId('seat-end-form');
  await animationsSettled(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc', exact: true }).click();
  await expect(endForm).toContainText('Lý do: bắt buộc nhập');
  await endForm.getByLabel('Lý do').fill('Chuyển công tác');
  await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc', exact: true }).click();
  await expect(seatRow(page, ended.id)).toHaveCount(0);
  const after = await get<Committee>(api, `/orgs/${cell}/committee`);
  expect(after.seats.some((seat) => seat.id === ended.id)).toBe(false);

  // The member whose seat ended is elected to another seat (a seat ended today is still held
  // today: the same one would overlap it).
  const [code, label] =
    ended.position === 'cell_committee_member'
      ? ['deputy_secretary', 'Phó Bí thư']
      : ['cell_committee_member', 'Chi ủy viên'];
  await page.getByTestId('appoint-seat').click();
  const seatForm = page.getByTestId('seat-form');
  await animationsSettled(page);
  await seatForm.getByTestId('seat-member-select').click();
  await page.keyboard.type(ended.member_name);
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: ended.member_name })
    .first()
    .click();
  await seatForm.getByTestId('position-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: label }).click();
  await seatForm.getByLabel('Số quyết định').fill('15-QĐ/ĐU');
  await page.getByRole('dialog').getByRole('button', { name: 'Ghi', exact: true }).click();
  await expect(seatForm).toHaveCount(0);
  const final = await get<Committee>(api, `/orgs/${cell}/committee`);
  const added = final.seats.find(
    (seat) => seat.member_id === ended.member_id && seat.position === code,
  );
  expect(added).toBeTruthy();
  await expect(seatRow(page, added!.id)).toContainText(label);
  await expect(seatRow(page, added!.id)).toContainText('15-QĐ/ĐU');
});
