// The annual review end to end (issue 15), on fresh data of its own: a base cell with five
// members under a new committee. The administrator opens the year's campaign from the review
// page; four members' self-assessments and the cell's proposals go in through the API, the fifth
// member's through the forms; the committee selects all five and decides: two "excellent" of
// five are over the 20 % quota, and the server's refusal (naming the rule) shows in the dialog;
// with one of them good instead the decision goes through, and the member page shows the grade.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { TODAY } from './dates';

interface Org {
  id: number;
  name: string;
}
interface Member {
  id: number;
  full_name: string;
}

const tag = Date.now().toString(36).slice(-5);
const year = Number(TODAY.slice(0, 4));
let serial = Number.parseInt(tag, 36) % 900000;
// Names take letters only: the tag's digits as letters ("Nguyễn Văn An Kbxaq").
const nameTag = `K${tag.replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;

async function post<T>(api: APIRequestContext, url: string, data: unknown, status = 0): Promise<T> {
  const response = await api.post(`/api/v1${url}`, { data });
  const expected = status || (response.status() === 201 ? 201 : 200);
  expect(response.status(), `${url}: ${await response.text()}`).toBe(expected);
  return response.json() as Promise<T>;
}

async function member(api: APIRequestContext, org: number, full_name: string): Promise<Member> {
  serial = (serial + 1) % 1_000_000;
  return post<Member>(api, '/members', {
    full_name,
    sex: 'male',
    birth_date: '1980-05-15',
    ethnicity: '01',
    religion: 'none',
    citizen_id: `001080${String(serial).padStart(6, '0')}`,
    admission_date: '2005-03-02',
    official_date: '2006-03-02',
    org_id: org,
    status: 'official',
  });
}

test('a campaign from self-assessment to decision, the quota refusal shown, the grade on the member page', async ({
  api,
  page,
}) => {
  // Fresh organizations: a committee and its base cell (which decides its own members).
  const top = await post<Org>(api, '/orgs', {
    kind: 'committee_central',
    name: `Đảng bộ Khối Kiểm điểm ${tag}`,
    short_name: `ĐBK KĐ ${tag}`,
    code: `KD${tag}`.toUpperCase(),
    established_on: '2007-04-11',
  });
  const cell = await post<Org>(api, '/orgs', {
    kind: 'base_cell',
    name: `Chi bộ Văn phòng Kiểm điểm ${tag}`,
    parent_id: top.id,
  });
  const names = ['Nguyễn Văn An', 'Trần Văn Bình', 'Lê Văn Cường', 'Phạm Văn Dũng', 'Hoàng Văn Em'];
  const members: Member[] = [];
  for (const name of names) members.push(await member(api, cell.id, `${name} ${nameTag}`));

  // The campaign, opened on the review page at the cell.
  await page.goto(`/review?org=${cell.id}`);
  await page.getByTestId('review-open').click();
  await page.getByTestId('review-open-submit').click();
  await expect(
    page.getByText(`Kiểm điểm, đánh giá, xếp loại chất lượng năm ${year}`),
  ).toBeVisible();
  const campaigns = await (await api.get(`/api/v1/review-campaigns?org_id=${cell.id}`)).json();
  const campaign = campaigns.items[0] as { id: number; year: number };
  expect(campaign.year).toBe(year);

  // The cell graded first (collectives before individuals); four members through the API.
  const steps = `/review-campaigns/${campaign.id}`;
  await post(api, `${steps}/org-grades`, { org_id: cell.id, score: 86, grade: 'good' });
  const entered: [number, 'excellent' | 'good'][] = [
    [95, 'excellent'],
    [92, 'excellent'],
    [85, 'good'],
    [80, 'good'],
  ];
  for (const [i, [score, grade]] of entered.entries()) {
    await post(api, `${steps}/self-assessments`, { member_id: members[i].id, score, grade });
    await post(api, `${steps}/proposals`, {
      member_id: members[i].id,
      grade,
      comment: 'Chi bộ nhận xét: hoàn thành nhiệm vụ được giao.',
      vote: { in_favour: 5, against: 0, entitled: 5 },
    });
  }

  // The fifth member's self-assessment and the cell's proposal through the forms.
  await page.getByTestId(`review-campaign-${campaign.id}`).click();
  await expect(page.getByTestId('review-campaign-org')).toHaveText(cell.name);
  const fifth = members[4];
  await page.getByTestId(`review-self-${fifth.id}`).click();
  const selfForm = page.getByRole('dialog');
  await selfForm.getByLabel('Điểm tự chấm (thang 100)').fill('88');
  await selfForm.getByLabel('Tự xếp loại').click();
  await page
    .locator(
      '.ant-select-dropdown:visible .ant-select-item-option[title="Hoàn thành tốt nhiệm vụ"]',
    )
    .click();
  await selfForm
    .getByLabel('Bản tự kiểm điểm (tóm tắt)')
    .fill('Hoàn thành tốt nhiệm vụ chuyên môn.');
  await page.getByTestId('review-self-submit').click();
  await expect(page.getByTestId(`review-stage-${fifth.id}`)).toHaveText('Đã tự đánh giá');
  await page.getByTestId(`review-proposal-${fifth.id}`).click();
  const proposalForm = page.getByRole('dialog');
  await expect(proposalForm.getByText('Hoàn thành tốt nhiệm vụ')).toBeVisible();
  await proposalForm.getByLabel('Nhận xét của chi bộ').fill('Đồng chí hoàn thành tốt nhiệm vụ.');
  await page.getByTestId('review-proposal-submit').click();
  await expect(page.getByTestId(`review-stage-${fifth.id}`)).toHaveText('Chi bộ đã đề xuất');

  // All five decided at once: two excellent of five is over the quota; the server says why.
  const table = page.getByTestId('review-members');
  for (const m of members) await table.getByRole('checkbox', { name: m.full_name }).check();
  await page.getByTestId('review-decide').click();
  await page.getByTestId('review-decision-submit').click();
  const problem = page.getByTestId('review-decision-problem').getByRole('alert');
  await expect(problem).toContainText('vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ');
  await expect(problem).toContainText('review.excellent_quota_pct');
  await expect(page.getByTestId(`review-stage-${members[0].id}`)).toHaveText('Chi bộ đã đề xuất');

  // The second one good instead: the decision goes through.
  await page.getByTestId(`decision-grade-${members[1].id}`).click();
  await page
    .locator(
      '.ant-select-dropdown:visible .ant-select-item-option[title="Hoàn thành tốt nhiệm vụ"]',
    )
    .click();
  await page.getByTestId('review-decision-submit').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  for (const m of members) {
    await expect(page.getByTestId(`review-stage-${m.id}`)).toHaveText('Đã quyết định');
  }
  await expect(page.getByTestId('review-summary-members-total')).toHaveText('5');
  await expect(page.getByTestId('review-quota')).toContainText('Trong tỷ lệ');

  // The member page shows the year's grade.
  await page.goto(`/members/${members[0].id}`);
  const reviews = page.getByTestId(`member-review-${year}`);
  await expect(reviews).toContainText(String(year));
  await expect(reviews.locator('[data-grade="excellent"]')).toHaveText('Xuất sắc');
});
