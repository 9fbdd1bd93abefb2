// The admission board of a cell: open a file, record its steps, see a refusal that names the
// rule broken and its source, and see the card move to the next phase's column.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, setDate, test } from './fixtures';
import { TODAY, yearsBeforeToday } from './dates';

interface MemberBrief {
  id: number;
  full_name: string;
  org_id: number;
  status: string;
}

async function get<T>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(`/api/v1${path}`);
  expect(response.ok(), path).toBeTruthy();
  return response.json() as Promise<T>;
}

/** The CCCD digits 4-6 that agree with a birth date and sex (century/sex digit, year). */
function cccdMiddle(birthDate: string, sex: string): string {
  const year = Number(birthDate.slice(0, 4));
  const century = Math.floor((year - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
  return `${century}${String(year % 100).padStart(2, '0')}`;
}

const syllables = ['An', 'Bình', 'Cúc', 'Dung', 'Giang', 'Hà', 'Khánh', 'Lan', 'Mai', 'Ngọc'];

/** A name nobody in the demo has: letters only, from the clock's digits. */
function uniqueName(): string {
  const digits = String(Date.now()).slice(-4);
  return `Trần Thị ${[...digits].map((d) => syllables[Number(d)]).join(' ')}`;
}

const column = (page: Page, phase: string) => page.getByTestId(`phase-${phase}`);
const card = (page: Page, phase: string, name: string) =>
  column(page, phase).getByTestId('candidate-card').filter({ hasText: name });

async function pickIntroducer(page: Page, index: number, member: MemberBrief, status: string) {
  const row = page.getByTestId(`introducer-${index}`);
  await row.locator('.ant-select').click();
  await row.locator('input[role="combobox"]').pressSequentially(member.full_name, { delay: 20 });
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: member.full_name })
    .filter({ hasText: status })
    .first();
  await option.click();
  await expect(row.locator('.ant-select').first()).toContainText(member.full_name);
}

async function recordNext(page: Page, step: string) {
  const form = page.getByTestId('step-form');
  await expect(
    form
      .locator('#admission_step_step')
      .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'),
  ).toContainText(step);
  await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(
    page.getByTestId('candidate-steps').locator('[data-done="true"]').filter({ hasText: step }),
  ).toBeVisible();
}

test('a cell admits a candidate step by step; a wrong introducer is refused with the rule', async ({
  page,
  api,
}) => {
  // A cell whose base organization has a probationary member (who may not introduce) and two
  // official members (who may).
  const catalogs = await get<{ org_kinds: { code: string; is_base: boolean }[] }>(api, '/catalogs');
  const isBase = (kind: string) => catalogs.org_kinds.some((k) => k.code === kind && k.is_base);
  const probationary = (
    await get<{ items: MemberBrief[] }>(api, '/members?status=probationary&page=3&page_size=1')
  ).items[0];
  const cell = await get<{
    id: number;
    name: string;
    kind: string;
    ancestors: { id: number; kind: string }[];
  }>(api, `/orgs/${probationary.org_id}`);
  const base = isBase(cell.kind)
    ? cell.id
    : [...cell.ancestors].reverse().find((org) => isBase(org.kind))!.id;
  const officials = (
    await get<{ items: MemberBrief[] }>(api, `/members?org=${base}&status=official&page_size=20`)
  ).items.filter(
    (member, index, all) => all.findIndex((m) => m.full_name === member.full_name) === index,
  );
  expect(officials.length).toBeGreaterThanOrEqual(2);
  // The rule an introducer breaks, as the server states it today.
  const rules = await get<{ items: { key: string; effective_from: string; source: string }[] }>(
    api,
    '/rules',
  );
  const introducerRule = rules.items
    .filter((rule) => rule.key === 'admission.introducers' && rule.effective_from <= TODAY)
    .sort((a, b) => b.effective_from.localeCompare(a.effective_from))[0];

  await page.goto(`/admission?org=${cell.id}`);
  await expect(page.getByRole('heading', { name: `Hồ sơ kết nạp: ${cell.name}` })).toBeVisible();
  await expect(page.getByTestId('admission-total')).toBeVisible();

  // A new file.
  const name = uniqueName();
  const birth = '1998-04-10';
  await page.getByRole('button', { name: 'Lập hồ sơ kết nạp' }).click();
  const form = page.getByTestId('candidate-form');
  await form.locator('#candidate_full_name').fill(name);
  await form.locator('#candidate_sex').click();
  await page.locator('.ant-select-item-option[title="Nữ"]').click();
  await setDate(page, 'candidate_birth_date', birth);
  await form
    .locator('#candidate_citizen_id')
    .fill(`001${cccdMiddle(birth, 'female')}${String(Date.now()).slice(-6)}`);
  await page.getByRole('button', { name: 'Tạo', exact: true }).click();
  await expect(page.getByTestId('candidate-name')).toHaveText(name);
  await expect(page.getByTestId('candidate-phase')).toHaveText('Chuẩn bị hồ sơ');
  // Its card is in the first column and says what the file lacks (the server's `missing`).
  await expect(card(page, 'preparing', name)).toHaveCount(1);
  await expect(card(page, 'preparing', name).locator('[data-step="course"]')).toHaveText(
    'Lớp bồi dưỡng nhận thức về Đảng',
  );

  // The course certificate, with its document.
  await page.locator('#admission_step_document_number').fill('125/GCN');
  await page.locator('#admission_step_document_authority').fill('Trung tâm Chính trị');
  await recordNext(page, 'Lớp bồi dưỡng nhận thức về Đảng');
  await expect(page.getByTestId('candidate-steps')).toContainText('125/GCN, Trung tâm Chính trị');
  await expect(card(page, 'preparing', name).locator('[data-step="course"]')).toHaveCount(0);
  await recordNext(page, 'Đơn xin vào Đảng');
  await recordNext(page, 'Lý lịch người vào Đảng');
  await recordNext(page, 'Thẩm tra lý lịch');

  // Introducers: a probationary member may not introduce; the refusal names the rule.
  await expect(
    page
      .locator('#admission_step_step')
      .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'),
  ).toContainText('Người giới thiệu');
  const knownSince = yearsBeforeToday(2);
  await pickIntroducer(page, 0, probationary, 'dự bị');
  await setDate(page, 'admission_step_introducers_0_known_since', knownSince);
  await pickIntroducer(page, 1, officials[0], 'chính thức');
  await setDate(page, 'admission_step_introducers_1_known_since', knownSince);
  await page
    .getByTestId('step-form')
    .getByRole('button', { name: 'Ghi nhận', exact: true })
    .click();
  const refusal = page.getByTestId('introducer-0').locator('.ant-form-item-explain-error');
  await expect(refusal).toContainText(`Vi phạm: ${introducerRule.key} — ${introducerRule.source}`);
  await expect(
    page.getByTestId('candidate-steps').locator('[data-step="introduction"]'),
  ).toHaveAttribute('data-done', 'false');

  // Another official member instead: accepted.
  await pickIntroducer(page, 0, officials[1], 'chính thức');
  await page
    .getByTestId('step-form')
    .getByRole('button', { name: 'Ghi nhận', exact: true })
    .click();
  await expect(
    page.getByTestId('candidate-steps').locator('[data-step="introduction"]'),
  ).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('candidate-steps')).toContainText(officials[1].full_name);

  // The last preparatory step: the file goes to the cell, its card to the next column.
  await page.locator('#admission_step_document_authority').fill('Đoàn thanh niên cơ quan');
  await recordNext(page, 'Nhận xét của đoàn thể, chi ủy nơi cư trú');
  await expect(page.getByTestId('candidate-phase')).toHaveText('Chi bộ xét');
  await expect(card(page, 'cell_review', name)).toHaveCount(1);
  await expect(card(page, 'preparing', name)).toHaveCount(0);
  await expect(card(page, 'cell_review', name).locator('[data-step="cell_resolution"]')).toHaveText(
    'Nghị quyết chi bộ',
  );

  // Withdrawing the step recorded in error brings the card back.
  await page.getByRole('button', { name: /^Rút bước/ }).click();
  await page.getByRole('button', { name: 'Rút bước', exact: true }).click();
  await expect(card(page, 'preparing', name)).toHaveCount(1);
  await expect(page.getByTestId('candidate-phase')).toHaveText('Chuẩn bị hồ sơ');
});
