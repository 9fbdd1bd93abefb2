// An inspection end to end (issue 15): the inspection committee of a committee under the bloc
// issues this year's programme with one inspection of a base organization under it, records the
// decision, the plan, the work with the subject and the report (a Steps timeline, each stage
// with its date and document), then the conclusion with a recommendation, and closes the
// recommendation with its evidence. The demo's programmes (the bloc's) show overdue items in the
// open list.
import type { APIRequestContext } from '@playwright/test';
import { adminState, animationsSettled, expect, screenshotsDir, setDate, test } from './fixtures';
import { TODAY, daysFromToday, toVi } from './dates';

interface Org {
  id: number;
  name: string;
  kind: string;
  child_count?: number;
}

async function get<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(`/api/v1${url}`);
  expect(response.ok(), `${url}: ${response.status()}`).toBeTruthy();
  return response.json() as Promise<T>;
}

/** A committee under the bloc without a programme this year, and a uniquely named organization under it. */
async function committeeAndSubject(api: APIRequestContext, year: number) {
  const [root] = (await get<{ items: Org[] }>(api, '/orgs')).items;
  const committees = (await get<{ items: Org[] }>(api, `/orgs/${root.id}/children`)).items;
  for (const committee of committees.filter((org) => (org.child_count ?? 0) > 0)) {
    const programmes = await get<{ items: { org_id: number }[] }>(
      api,
      `/inspection-programmes?org_id=${committee.id}&year=${year}`,
    );
    if (programmes.items.some((p) => p.org_id === committee.id)) continue;
    // A subject whose name no other organization has, so that the picker offers it once.
    for (const subject of (await get<{ items: Org[] }>(api, `/orgs/${committee.id}/children`))
      .items) {
      const found = await get<{ items: Org[] }>(
        api,
        `/orgs/search?q=${encodeURIComponent(subject.name)}&limit=50`,
      );
      if (found.items.filter((org) => org.name === subject.name).length === 1) {
        return { root, committee, subject };
      }
    }
  }
  throw new Error('no committee with a subordinate organization under the bloc');
}

test('a programme with an inspection, its stages to a conclusion, a recommendation closed', async ({
  api,
  page,
}) => {
  const year = Number(TODAY.slice(0, 4));
  const { root, committee, subject } = await committeeAndSubject(api, year);

  // The bloc's programmes of the demo: some recommendations are overdue, highlighted.
  await page.goto(`/inspections/items?org=${root.id}&filter=overdue`);
  await expect(page.getByTestId('item-table').locator('.row-overdue').first()).toBeVisible();

  await page.goto(`/inspections?org=${committee.id}&year=${year}`);
  await page.getByTestId('programme-new').click();
  const form = page.getByTestId('programme-form');
  await form.locator('#programme_subject_org_id').pressSequentially(subject.name.slice(0, 20), {
    delay: 20,
  });
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: subject.name })
    .first()
    .click();
  await page.getByTestId('inspection-content').fill('Kiểm tra việc thực hiện quy chế làm việc');
  await setDate(page, 'programme_starts_on', `${year}-02-02`);
  await setDate(page, 'programme_ends_on', `${year}-02-27`);
  for (const name of ['Nguyễn Văn Trưởng', 'Lê Thị Thành']) {
    await form.locator('#programme_team').fill(name);
    await form.locator('#programme_team').press('Enter');
  }
  await page.getByTestId('programme-submit').click();
  const card = page.getByTestId('programme-card').filter({ hasText: committee.name }).first();
  await expect(card.getByTestId('inspection-stage')).toHaveText('Chưa triển khai');
  await card.getByRole('link', { name: subject.name }).click();

  // The stages in order, each with its date (today) and document.
  const steps = page.getByTestId('inspection-steps');
  for (const [stage, document] of [
    ['Quyết định', '15-QĐ/UBKT'],
    ['Kế hoạch', '16-KH/ĐKT'],
    ['Làm việc với đối tượng', 'Biên bản làm việc'],
    ['Báo cáo kết quả', '17-BC/ĐKT'],
  ]) {
    const form = page.getByTestId('stage-form');
    await expect(form).toContainText(stage);
    await form.getByTestId('stage-document').fill(document);
    await form.getByTestId('stage-submit').click();
    await expect(steps).toContainText(`${toVi(TODAY)} · ${document}`);
  }
  await expect(page.getByTestId('inspection-stage').first()).toHaveText('Báo cáo kết quả');

  // The conclusion with one recommendation.
  const conclusion = page.getByTestId('conclusion-form');
  await conclusion.getByTestId('conclusion-document').fill('18-TB/UBKT');
  await conclusion.getByTestId('conclusion-text').fill('Cơ bản thực hiện tốt; cần sửa quy chế.');
  await conclusion.getByTestId('conclusion-add-item').click();
  const item = conclusion.getByTestId('conclusion-item');
  await item.getByTestId('item-description').fill('Quy chế làm việc chưa cập nhật');
  await item.getByTestId('item-action').fill('Ban hành quy chế sửa đổi');
  await item.getByTestId('item-owner').fill('Ban Thường vụ');
  await setDate(page, 'conclusion_items_0_due_on', daysFromToday(30));
  await conclusion.getByTestId('conclusion-submit').click();
  await expect(page.getByTestId('inspection-conclusion')).toHaveText(
    'Cơ bản thực hiện tốt; cần sửa quy chế.',
  );
  const table = page.getByTestId('item-table');
  await expect(table.getByTestId('item-state')).toHaveText('Đang khắc phục');

  // Closing the recommendation with its evidence.
  await table.getByTestId('item-close').click();
  await page.getByTestId('close-evidence').fill('Quyết định ban hành quy chế số 20-QĐ/ĐU');
  await page.getByTestId('close-submit').click();
  await expect(table.getByTestId('item-state')).toHaveText('Đã khắc phục');
  await expect(table.getByTestId('item-close')).toHaveCount(0);
});

// The inspection pages on a phone (390 px): nothing runs off the page's side; the tables scroll
// inside their cards; the programme form and the stage form stay usable.
test('the inspection pages fit a phone (390 px)', async ({ api, browser, baseURL }) => {
  const [root] = (await get<{ items: Org[] }>(api, '/orgs')).items;
  const programmes = await get<{ items: { id: number; org_id: number; year: number }[] }>(
    api,
    `/inspection-programmes?org_id=${root.id}`,
  );
  expect(programmes.items.length, 'the demo has programmes at the bloc').toBeGreaterThan(0);
  const programme = await get<{ inspections: { id: number; stage: string }[]; year: number }>(
    api,
    `/inspection-programmes/${programmes.items[0].id}`,
  );
  expect(programme.inspections.length, 'a programme with inspections').toBeGreaterThan(0);
  const inspectionId = programme.inspections[0].id;
  // One still under way shows the form of its next stage.
  const underWay = programme.inspections.find((i) => i.stage !== 'conclusion');

  const context = await browser.newContext({
    baseURL,
    storageState: adminState(),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const fitsPhone = async (what: string) =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${what}: page width at 390 px`,
    ).toBeLessThanOrEqual(390);
  try {
    await page.goto(`/inspections?org=${root.id}&year=${programme.year}`);
    await expect(page.getByTestId('programme-card').first()).toBeVisible();
    await fitsPhone('programmes');
    await page.getByTestId('programme-new').click();
    await expect(page.getByTestId('programme-form')).toBeVisible();
    await fitsPhone('the programme form');
    await animationsSettled(page);
    await page.screenshot({ path: `${screenshotsDir}inspection-programme-390.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('programme-form')).toBeHidden();

    await page.goto(`/inspections/items?org=${root.id}&filter=overdue`);
    await expect(page.getByTestId('item-table')).toBeVisible();
    await fitsPhone('recommendations');

    await page.goto(`/inspections/${inspectionId}`);
    await expect(page.getByTestId('inspection-steps')).toBeVisible();
    await fitsPhone('an inspection');
    await animationsSettled(page);
    await page.screenshot({ path: `${screenshotsDir}inspection-390.png`, fullPage: true });
    if (underWay) {
      await page.goto(`/inspections/${underWay.id}`);
      await expect(page.getByTestId('inspection-steps')).toBeVisible();
      await fitsPhone('an inspection under way');
    }
  } finally {
    await context.close();
  }
});
