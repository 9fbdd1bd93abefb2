// The member page's lifecycle panel: party age, probation, and the recognition procedure with
// its checks (a resolution before probation ends is refused, naming the rule and its source).
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { TODAY } from './dates';

interface ProbationItem {
  id: number;
  full_name: string;
  days_to_end: number;
  probation_ends_on: string;
  decision_due: string | null;
}

async function probation(api: APIRequestContext) {
  const response = await api.get('/api/v1/probation?within=366');
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as {
    due: ProbationItem[];
    awaiting_decision: ProbationItem[];
  };
}

test('a decision recognizes a probationary member from the end of probation', async ({
  page,
  api,
}) => {
  const lists = await probation(api);
  // One whose decision is not late yet (a late one needs a note saying why).
  const member = lists.awaiting_decision.find(
    (item) => !!item.decision_due && item.decision_due >= TODAY,
  )!;
  expect(member, 'a member awaiting a decision that is not late').toBeTruthy();
  await page.goto(`/members/${member.id}`);
  const panel = page.getByTestId('member-lifecycle');
  await expect(panel).toContainText('Tuổi đảng hôm nay');
  await expect(panel).toContainText(member.probation_ends_on.split('-').reverse().join('/'));
  await panel.getByRole('button', { name: 'Công nhận chính thức' }).click();
  const form = page.getByTestId('procedure-recognition');
  await expect(form.getByLabel('Quyết định của cấp ủy có thẩm quyền')).toBeChecked();
  await form.locator('#procedure_recognition_document_number').fill('77-QĐ/ĐU');
  await form.locator('#procedure_recognition_document_authority').fill('Đảng ủy cơ sở');
  await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(
    page.getByTestId('member-name').locator('xpath=following::span[contains(@class,"ant-tag")][1]'),
  ).toHaveText('Đảng viên chính thức');
  const after = await (await api.get(`/api/v1/members/${member.id}`)).json();
  expect(after.status).toBe('official');
  expect(after.official_date).toBe(member.probation_ends_on);
  await expect(panel).toContainText('77-QĐ/ĐU, Đảng ủy cơ sở');
});

test("the cell's resolution before probation ends is refused with the rule", async ({
  page,
  api,
}) => {
  const lists = await probation(api);
  const member = lists.due.find((item) => item.days_to_end > 5);
  expect(member).toBeTruthy();
  const rules = (await (await api.get('/api/v1/rules')).json()).items as {
    key: string;
    source: string;
    effective_from: string;
  }[];
  const months = rules
    .filter((rule) => rule.key === 'probation.months' && rule.effective_from <= TODAY)
    .sort((a, b) => b.effective_from.localeCompare(a.effective_from))[0];
  await page.goto(`/members/${member!.id}`);
  await page
    .getByTestId('member-lifecycle')
    .getByRole('button', { name: 'Công nhận chính thức' })
    .click();
  const form = page.getByTestId('procedure-recognition');
  await expect(form.getByLabel('Nghị quyết chi bộ đề nghị công nhận')).toBeChecked();
  await form.locator('#procedure_recognition_document_number').fill('3-NQ/CB');
  await form.locator('#procedure_recognition_in_favour').fill('8');
  await form.locator('#procedure_recognition_entitled').fill('9');
  await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(
    form.locator('.ant-form-item-explain-error').filter({ hasText: 'Vi phạm' }),
  ).toContainText(`Vi phạm: ${months.key} — ${months.source}`);
  const after = await (await api.get(`/api/v1/members/${member!.id}`)).json();
  expect(after.status).toBe('probationary');
});
