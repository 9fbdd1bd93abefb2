// Transfers in transit: an overdue one is flagged with its deadline and the source of the rule
// it breaks, the list's totals are the server's, and the actions (receipt, cancel) are those
// the user's permissions allow, with the server's refusals under their fields.
import type { APIRequestContext, Page } from '@playwright/test';
import { scoped } from './accounts';
import { animationsSettled, expect, signIn, test } from './fixtures';
import { TODAY, daysBetween, daysFromToday, toVi } from './dates';

interface Transfer {
  id: number;
  kind: string;
  state: string;
  member_id: number | null;
  member_name: string;
  from_org_id: number | null;
  letter_date: string;
  present_by: string | null;
  overdue: boolean;
  version: number;
}
interface Rule {
  key: string;
  value: number;
  effective_from: string;
  source: string;
}

async function get<T>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(`/api/v1${path}`);
  expect(response.ok(), path).toBeTruthy();
  return response.json() as Promise<T>;
}

const isoDaysAgo = (days: number) => daysFromToday(-days);
const row = (page: Page, id: number) =>
  page.getByTestId('transfer-table').locator(`tr[data-row-key="${id}"]`);

/** Official members of an organization's subtree with no open transfer. */
async function freeMembers(api: APIRequestContext, org: number, count: number) {
  const open = await get<{ items: Transfer[] }>(api, `/transfers?org=${org}&state=in_transit,away`);
  const busy = new Set(open.items.map((t) => t.member_id));
  const members = await get<{ items: { id: number; full_name: string; org_id: number }[] }>(
    api,
    `/members?org=${org}&status=official&page_size=50`,
  );
  const free = members.items.filter((m) => !busy.has(m.id)).slice(0, count);
  expect(free.length).toBe(count);
  return free;
}

/** An official transfer out of the committee, its letter dated `daysAgo` days ago. */
async function transferOut(api: APIRequestContext, member: number, daysAgo: number) {
  const response = await api.post('/api/v1/transfers', {
    data: {
      kind: 'official',
      direction: 'outgoing',
      member_id: member,
      external_org: 'Đảng bộ tỉnh Nghệ An',
      letter_date: isoDaysAgo(daysAgo),
      letter: { number: `${daysAgo}-GGT/ĐUK`, authority: 'Ban Tổ chức Đảng ủy Khối' },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Transfer;
}

test('an overdue transfer in transit is flagged with its deadline and the rule’s source', async ({
  page,
  api,
}) => {
  const [root] = (await get<{ items: { id: number }[] }>(api, '/orgs')).items;
  const overdue = (
    await get<{ items: Transfer[] }>(
      api,
      `/transfers?org=${root.id}&state=in_transit,away&overdue=true`,
    )
  ).items;
  const late = overdue.find((t) => t.state === 'in_transit');
  expect(late, 'the demo has an overdue transfer in transit').toBeTruthy();
  const rule = (await get<{ items: Rule[] }>(api, '/rules')).items
    .filter(
      (r) => r.key === 'transfer.present_working_days' && r.effective_from <= late!.letter_date,
    )
    .sort((a, b) => b.effective_from.localeCompare(a.effective_from))[0];
  const open = (
    await get<{ items: Transfer[] }>(api, `/transfers?org=${root.id}&state=in_transit,away`)
  ).items;

  await page.goto(`/transfers?org=${root.id}`);
  await expect(page.getByTestId('transfer-total')).toHaveText(
    `${open.length} chuyển sinh hoạt, ${open.filter((t) => t.overdue).length} quá hạn`,
  );
  // A transfer not overdue carries no flag.
  const onTime = open.find((t) => !t.overdue)!;
  await expect(row(page, onTime.id).getByTestId('transfer-overdue')).toHaveCount(0);

  await page.getByTestId('transfer-overdue-only').click();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(page.getByTestId('transfer-total')).toHaveText(
    `${overdue.length} chuyển sinh hoạt, ${overdue.length} quá hạn`,
  );
  const flagged = row(page, late!.id);
  await expect(flagged).toHaveAttribute('data-overdue', 'true');
  await expect(flagged.getByTestId('transfer-deadline-date')).toHaveText(toVi(late!.present_by!));
  // Days late as the page counts them: from the server's today.
  const daysLate = daysBetween(late!.present_by!, TODAY);
  await expect(flagged.getByTestId('transfer-overdue')).toHaveText(`Quá hạn ${daysLate} ngày`);
  await expect(flagged.getByTestId('transfer-rule')).toHaveText(
    `Xuất trình trong ${rule.value} ngày làm việc (${rule.source})`,
  );
});

test('cancelling needs a reason and brings the member back; a receipt ends the transit', async ({
  page,
  api,
}) => {
  const cell = (
    await get<{ items: { org_id: number }[] }>(api, '/members?status=official&page=7&page_size=1')
  ).items[0].org_id;
  const [first, second] = await freeMembers(api, cell, 2);
  const cancelled = await transferOut(api, first.id, 3);
  const received = await transferOut(api, second.id, 4);

  await page.goto(`/transfers?org=${cell}&state=in_transit`);
  await row(page, cancelled.id).getByRole('button', { name: 'Hủy chuyển' }).click();
  const form = page.getByTestId('transfer-cancel-form');
  await animationsSettled(page);
  await page.getByRole('button', { name: 'Hủy chuyển sinh hoạt', exact: true }).click();
  await expect(form).toContainText('Lý do hủy: bắt buộc nhập');
  // A date before the letter: the server refuses it, under the date.
  const before = form.locator('#transfer_cancel_on');
  await before.fill(toVi(isoDaysAgo(5)));
  await before.press('Tab');
  await form.locator('#transfer_cancel_text').fill('Không nhận công tác mới');
  await page.getByRole('button', { name: 'Hủy chuyển sinh hoạt', exact: true }).click();
  await expect(form.locator('.ant-form-item-explain-error').first()).toHaveText(
    'Ngày: trước ngày giấy giới thiệu',
  );
  expect((await get<Transfer>(api, `/transfers/${cancelled.id}`)).state).toBe('in_transit');
  await before.fill(toVi(isoDaysAgo(0)));
  await before.press('Tab');
  await page.getByRole('button', { name: 'Hủy chuyển sinh hoạt', exact: true }).click();
  await expect(row(page, cancelled.id)).toHaveCount(0);
  expect((await get<Transfer>(api, `/transfers/${cancelled.id}`)).state).toBe('cancelled');
  expect((await get<{ status: string }>(api, `/members/${first.id}`)).status).toBe('official');

  await row(page, received.id).getByRole('button', { name: 'Nơi đến đã nhận' }).click();
  await page
    .getByTestId('transfer-complete-form')
    .locator('#transfer_complete_text')
    .fill('Tỉnh ủy đã nhận');
  await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(row(page, received.id)).toHaveCount(0);
  const done = await get<Transfer>(api, `/transfers/${received.id}`);
  expect(done.state).toBe('completed');
  expect((await get<{ status: string }>(api, `/members/${second.id}`)).status).toBe(
    'transferred_out',
  );
});

test('a cell secretary may end temporary transfers but not official ones', async ({
  browser,
  baseURL,
  api,
}) => {
  const scope = Number(process.env.CHIBO_E2E_SCOPE_ORG);
  const [member, traveller] = await freeMembers(api, scope, 2);
  const official = await transferOut(api, member.id, 2);
  // A temporary one of its own: whether the demo put one in this scope is chance.
  const away = await api.post('/api/v1/transfers', {
    data: {
      kind: 'temporary',
      direction: 'outgoing',
      purpose: 'study',
      member_id: traveller.id,
      external_org: 'Chi bộ lớp Cao cấp lý luận chính trị',
      letter_date: isoDaysAgo(10),
      letter: { number: '9-GGT/CB', authority: 'Chi bộ' },
      until: daysFromToday(180),
    },
  });
  expect(away.status(), await away.text()).toBe(201);
  const temporary = (await away.json()) as Transfer;
  const open = (
    await get<{ items: Transfer[] }>(api, `/transfers?org=${scope}&state=in_transit,away`)
  ).items;

  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, scoped);
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Chuyển sinh hoạt', exact: true }),
  ).toBeVisible();
  await page.goto(`/transfers?org=${scope}`);
  await expect(page.getByTestId('transfer-total')).toContainText(`${open.length} chuyển sinh hoạt`);
  await expect(row(page, official.id).getByTestId('transfer-member')).toHaveText(member.full_name);
  await expect(row(page, official.id).getByRole('button')).toHaveCount(0);
  await expect(
    row(page, temporary.id).getByRole('button', { name: 'Kết thúc tạm thời' }),
  ).toBeVisible();
  await expect(row(page, temporary.id).getByRole('button', { name: 'Hủy chuyển' })).toBeVisible();
  await context.close();
});
