// Figures as of a past date on the organization dashboard, and the periodic report download
// (issue 16). A fresh cell gets two members through the API, one admitted 400 days ago and one
// 30 days ago: as of the day before the second admission the dashboard counts one.
import type { APIRequestContext } from '@playwright/test';
import { daysFromToday, toVi } from './dates';
import { expect, test } from './fixtures';

interface Org {
  id: number;
  name: string;
  kind: string;
}

async function getJson<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(url);
  expect(response.ok(), `${url}: ${response.status()}`).toBeTruthy();
  return (await response.json()) as T;
}

async function postJson<T>(api: APIRequestContext, url: string, data: unknown): Promise<T> {
  const response = await api.post(url, { data });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
  return (await response.json()) as T;
}

test('the dashboard shows the figures as of a past date and offers the periodic report', async ({
  page,
  api,
}) => {
  const [root] = (await getJson<{ items: Org[] }>(api, '/api/v1/orgs')).items;
  let home: Org | undefined;
  for (const above of (await getJson<{ items: Org[] }>(api, `/api/v1/orgs/${root.id}/children`))
    .items) {
    const kids = (await getJson<{ items: Org[] }>(api, `/api/v1/orgs/${above.id}/children`)).items;
    home = kids.find((org) => org.kind === 'base_committee');
    if (home) break;
  }
  expect(home, 'the demo data has a base committee').toBeTruthy();
  const stamp = Date.now().toString().slice(-6);
  const cell = await postJson<Org>(api, '/api/v1/orgs', {
    kind: 'cell',
    name: `Chi bộ Số Liệu ${stamp}`,
    parent_id: home!.id,
  });
  const member = (serial: string, fields: Record<string, string>) => ({
    full_name: serial === '1' ? 'Nguyễn Văn Một' : 'Nguyễn Văn Hai',
    sex: 'male',
    birth_date: '1985-04-04',
    ethnicity: '01',
    religion: 'none',
    citizen_id: `001085${stamp.slice(-5)}${serial}`,
    org_id: cell.id,
    ...fields,
  });
  await postJson(
    api,
    '/api/v1/members',
    member('1', {
      status: 'official',
      admission_date: daysFromToday(-800),
      official_date: daysFromToday(-400),
    }),
  );
  await postJson(
    api,
    '/api/v1/members',
    member('2', {
      status: 'probationary',
      admission_date: daysFromToday(-30),
    }),
  );

  await page.goto(`/orgs/${cell.id}`);
  const basis = page.getByTestId('stats-basis');
  await expect(basis).toContainText('Tính trên 2 đảng viên đang sinh hoạt');
  const asOf = page.locator('#stats-as-of');
  await asOf.fill(toVi(daysFromToday(-31)));
  await asOf.press('Tab');
  await expect(basis).toHaveText(
    `Tính trên 1 đảng viên trong danh sách ngày ${toVi(daysFromToday(-31))}`,
  );
  await asOf.fill(toVi(daysFromToday(-30)));
  await asOf.press('Tab');
  await expect(basis).toHaveText(
    `Tính trên 2 đảng viên trong danh sách ngày ${toVi(daysFromToday(-30))}`,
  );
  await page.getByRole('button', { name: 'Hôm nay' }).click();
  await expect(basis).toContainText('Tính trên 2 đảng viên đang sinh hoạt');

  // The periodic report: the chosen period's workbook downloads.
  const report = page.getByTestId('member-report');
  await expect(report).toContainText('Báo cáo định kỳ');
  const link = report.getByRole('link', { name: /Tải báo cáo/ });
  const href = await link.getAttribute('href');
  expect(href).toMatch(new RegExp(`/api/v1/orgs/${cell.id}/reports/members\\.xlsx\\?from=`));
  const reply = await api.get(href!);
  expect(reply.status()).toBe(200);
  expect(reply.headers()['content-type']).toContain('spreadsheetml');
});
