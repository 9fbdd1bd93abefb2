// The document register: an outgoing document gets the number the form previewed, is found by
// its summary typed without diacritics, takes an attachment (a file of the wrong type or too
// large is refused with the server's reason) and is withdrawn, its number not given again; an
// incoming document keeps its own symbol and is passed down; a malformed symbol is refused under
// its field. The data is made here: the issuing organization is one with a term on the test date.
import { writeFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { scoped } from './accounts';
import { expect, fold, setDate, signIn, signedOut, test } from './fixtures';
import { TODAY, daysFromToday, toVi } from './dates';

interface Org {
  id: number;
  name: string;
  child_count?: number;
}
interface NextNumber {
  number: number;
  symbol: string;
  term: { id: number; name: string };
}
interface PartyDocument {
  id: number;
  symbol: string | null;
  number: number | null;
  status: string;
  summary: string | null;
  attachments: { file_name: string; sha256: string; size: number }[];
  forwards: { org_id: number; org_name: string }[];
}

async function get<T>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(`/api/v1${path}`);
  expect(response.ok(), `${path}: ${response.status()}`).toBeTruthy();
  return response.json() as Promise<T>;
}

async function nextNumber(api: APIRequestContext, org: number, type: string, on = TODAY) {
  return api.get(`/api/v1/documents/next-number?org=${org}&type=${type}&issued_on=${on}`);
}

/**
 * An organization with children that numbers plans today (it has a term on the test's date):
 * the root's children first, then their children.
 */
async function issuer(api: APIRequestContext): Promise<Org> {
  const [root] = (await get<{ items: Org[] }>(api, '/orgs')).items;
  let level = [root];
  for (let depth = 0; depth < 3; depth++) {
    const next: Org[] = [];
    for (const org of level) {
      next.push(...(await get<{ items: Org[] }>(api, `/orgs/${org.id}/children`)).items);
    }
    for (const org of next.filter((item) => (item.child_count ?? 0) > 0)) {
      if ((await nextNumber(api, org.id, 'ke_hoach')).ok()) return org;
    }
    level = next.filter((item) => (item.child_count ?? 0) > 0).slice(0, 10);
  }
  throw new Error('no organization of the demo has a term on the test date');
}

/** A few letters and digits no other document's summary has. */
const marker = () => `${Date.now().toString(36).slice(-5)}`;

/** Chooses an option of the antd Select whose input has `id` (typed: the list is virtual). */
async function choose(page: Page, id: string, title: string) {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).pressSequentially(title.split(' (')[0], { delay: 20 });
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`)
    .click();
  await expect(
    page.locator(`#${id}`).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'),
  ).toContainText(title);
}

const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << >>\n%%EOF\n`);

test('an outgoing document gets the previewed number, is found without diacritics, takes an attachment and is withdrawn', async ({
  page,
  api,
}, testInfo) => {
  const org = await issuer(api);
  const expected = (await (await nextNumber(api, org.id, 'ke_hoach')).json()) as NextNumber;
  const tag = marker();
  const summary = `về phát triển đảng viên ở Khánh Hòa đợt ${tag}`;

  await page.goto(`/documents/new?org=${org.id}`);
  const form = page.getByTestId('outgoing-form');
  await expect(
    form
      .locator('#outgoing_org_id')
      .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'),
  ).toContainText(org.name);
  await expect(page.getByTestId('number-preview-card')).toContainText(
    'Chọn tổ chức, thể loại và ngày',
  );
  await choose(page, 'outgoing_type', 'Kế hoạch (KH)');
  // The date is today's by default: the preview is the server's next plan number.
  await expect(form.locator('#outgoing_issued_on')).toHaveValue(toVi(TODAY));
  const preview = page.getByTestId('number-preview');
  await expect(preview).toHaveAttribute('data-symbol', expected.symbol);
  await expect(page.getByTestId('number-preview-card')).toContainText(expected.term.name);
  // A date outside every term is refused in the preview, as the server words it; back to today.
  await setDate(page, 'outgoing_issued_on', '1931-01-05');
  await expect(page.getByTestId('number-preview-problem')).toBeVisible();
  await setDate(page, 'outgoing_issued_on', TODAY);
  await expect(preview).toHaveAttribute('data-symbol', expected.symbol);

  await form.locator('#outgoing_place').fill('Hà Nội');
  await form.locator('#outgoing_summary').fill(summary);
  await form.locator('#outgoing_body').fill('Đoạn thứ nhất.\nĐoạn thứ hai.');
  await form.locator('#outgoing_signer_position').fill('Bí thư');
  await form.locator('#outgoing_signer_name').fill('Nguyễn Văn An');
  await form.locator('#outgoing_recipient_texts').fill('Như trên\nLưu Văn phòng');
  await form.getByRole('button', { name: 'Lưu' }).first().click();

  await expect(page.getByTestId('document-title')).toHaveText(expected.symbol);
  const id = Number(/\/documents\/(\d+)$/.exec(page.url())![1]);
  const created = await get<PartyDocument>(api, `/documents/${id}`);
  expect(created.symbol).toBe(expected.symbol);
  expect(created.number).toBe(expected.number);
  await expect(page.getByTestId('document-recipients')).toContainText('Lưu Văn phòng');
  await expect(page.getByTestId('document-docx')).toHaveAttribute(
    'href',
    `/api/v1/documents/${id}/docx`,
  );

  // Found in the register by its summary typed without diacritics.
  await page.goto(`/documents?org=${org.id}`);
  const q = fold(`Khánh Hòa đợt ${tag}`);
  await page.getByTestId('document-search').pressSequentially(q, { delay: 20 });
  await expect(page.getByTestId('document-table')).toHaveAttribute('data-result-q', q);
  await expect(page).toHaveURL(new RegExp(`q=${q.replace(/ /g, '\\+')}`));
  const rows = page.getByTestId('document-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(summary);
  await rows.first().getByTestId('document-symbol').click();
  await expect(page.getByTestId('document-title')).toHaveText(expected.symbol);

  // An attachment: a PDF is kept with its SHA-256; a text file calling itself PDF is refused.
  const upload = page.getByTestId('document-attachments').locator('input[type=file]');
  await upload.setInputFiles({
    name: 'ke-hoach.pdf',
    mimeType: 'application/pdf',
    buffer: pdf(tag),
  });
  await expect(page.getByTestId('attachment-link')).toHaveText(/ke-hoach\.pdf/);
  const attached = (await get<PartyDocument>(api, `/documents/${id}`)).attachments;
  expect(attached.map((item) => item.file_name)).toEqual(['ke-hoach.pdf']);
  expect(attached[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  await upload.setInputFiles({
    name: 'ghi-chu.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('không phải PDF'),
  });
  await expect(page.getByTestId('attachment-problem')).toContainText('kiểm tra theo nội dung');
  // A PDF over the server's limit (20 MiB unless chibo serve says otherwise) is refused too.
  // (From a file: a buffer this large would crawl through the browser protocol.)
  const large = testInfo.outputPath('qua-lon.pdf');
  writeFileSync(large, Buffer.concat([pdf(tag), Buffer.alloc(20 * 1024 * 1024)]));
  await upload.setInputFiles(large);
  await expect(page.getByTestId('attachment-problem')).toContainText('vượt quá');
  await expect(page.getByTestId('attachment-link')).toHaveCount(1);

  // Withdrawn with a reason: it stays in the register, and its number is not given again.
  await page.getByRole('button', { name: 'Thu hồi' }).click();
  const dialog = page.getByTestId('document-withdraw-form');
  await dialog.locator('#document_withdraw_reason').fill('Ban hành nhầm, thay bằng văn bản khác');
  await page.getByRole('dialog').getByRole('button', { name: 'Thu hồi' }).click();
  await expect(page.getByTestId('document-withdrawn-banner')).toContainText('Ban hành nhầm');
  await expect(page.getByTestId('document-withdrawn')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thu hồi' })).toHaveCount(0);
  expect((await get<PartyDocument>(api, `/documents/${id}`)).status).toBe('withdrawn');
  const after = (await (await nextNumber(api, org.id, 'ke_hoach')).json()) as NextNumber;
  expect(after.number).toBeGreaterThan(expected.number);
});

test('an incoming document keeps its own symbol, is passed down and edited', async ({
  page,
  api,
}) => {
  const org = await issuer(api);
  const children = (await get<{ items: Org[] }>(api, `/orgs/${org.id}/children`)).items;
  const child = children[0];
  const tag = marker();
  const symbol = `${(Number.parseInt(tag, 36) % 900) + 100}-KH/TU`;

  await page.goto(`/documents/incoming?org=${org.id}`);
  await page.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
  const form = page.getByTestId('incoming-form');
  await expect(form.locator('#incoming_received_on')).toHaveValue(toVi(TODAY));
  await form.locator('#incoming_from_issuer').fill('Tỉnh ủy Thái Nguyên');
  await choose(page, 'incoming_type', 'Kế hoạch (KH)');
  await form.locator('#incoming_symbol').fill(symbol);
  await setDate(page, 'incoming_issued_on', daysFromToday(-3));
  await form.locator('#incoming_summary').fill(`về học tập nghị quyết đợt ${tag}`);
  const forward = page.getByTestId('forward-orgs');
  await forward.click();
  await forward
    .locator('input')
    .pressSequentially(fold(child.name).split(' ').slice(0, 4).join(' '), {
      delay: 20,
    });
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: child.name })
    .first()
    .click();
  await expect(forward).toContainText(child.name);
  await form.getByRole('button', { name: 'Lưu' }).first().click();

  await expect(page.getByTestId('document-title')).toHaveText(symbol);
  await expect(page.getByTestId('document-forwards')).toContainText(child.name);
  const id = Number(/\/documents\/(\d+)$/.exec(page.url())![1]);
  const created = await get<PartyDocument>(api, `/documents/${id}`);
  expect(created.forwards.map((item) => item.org_id)).toEqual([child.id]);

  // Edited: only the summary changes; the symbol stays.
  await page.getByRole('button', { name: 'Sửa' }).click();
  const edit = page.getByTestId('incoming-form');
  await expect(edit.locator('#incoming_symbol')).toHaveValue(symbol);
  await edit.locator('#incoming_summary').fill(`về học tập, quán triệt nghị quyết đợt ${tag}`);
  await edit.getByRole('button', { name: 'Lưu' }).first().click();
  await expect(page.getByTestId('document-page-summary')).toHaveText(
    `về học tập, quán triệt nghị quyết đợt ${tag}`,
  );
  await expect(page.getByTestId('document-title')).toHaveText(symbol);

  await page.goto(`/documents/incoming?org=${org.id}&q=${encodeURIComponent(symbol)}`);
  await expect(page.getByTestId('document-table')).toHaveAttribute('data-result-q', symbol);
  await expect(page.getByTestId('document-table').locator('tbody tr.ant-table-row')).toContainText([
    'Tỉnh ủy Thái Nguyên',
  ]);
});

test('a malformed symbol is refused under its field and nothing is written', async ({
  page,
  api,
}) => {
  const org = await issuer(api);
  const tag = marker();
  const before = await get<{ total: number }>(api, `/documents?org=${org.id}&direction=incoming`);

  await page.goto(`/documents/incoming/new?org=${org.id}`);
  const form = page.getByTestId('incoming-form');
  await form.locator('#incoming_from_issuer').fill('Ban Tổ chức Tỉnh ủy');
  await choose(page, 'incoming_type', 'Hướng dẫn (HD)');
  await form.locator('#incoming_symbol').fill('số mười một');
  await setDate(page, 'incoming_issued_on', daysFromToday(-1));
  await form.locator('#incoming_summary').fill(`về công tác tổ chức ${tag}`);
  await form.getByRole('button', { name: 'Lưu' }).first().click();

  const item = form.locator('.ant-form-item').filter({ has: page.locator('#incoming_symbol') });
  await expect(item.locator('.ant-form-item-explain-error')).toContainText('17-KH/TU');
  await expect(page.getByTestId('document-problem')).toBeVisible();
  expect(page.url()).toContain('/documents/incoming/new');
  const after = await get<{ total: number }>(api, `/documents?org=${org.id}&direction=incoming`);
  expect(after.total).toBe(before.total);
});

test('a secret document is listed to a cell secretary without its summary, and not opened', async ({
  api,
  browser,
  baseURL,
}) => {
  const scope = Number(process.env.CHIBO_E2E_SCOPE_ORG);
  const tag = marker();
  const symbol = `${(Number.parseInt(tag, 36) % 900) + 100}-CV/TU`;
  const response = await api.post('/api/v1/documents/incoming', {
    data: {
      org_id: scope,
      from_issuer: 'Tỉnh ủy Thái Nguyên',
      symbol,
      type: 'cong_van',
      issued_on: daysFromToday(-2),
      received_on: daysFromToday(-1),
      summary: `về công tác bảo vệ chính trị nội bộ ${tag}`,
      secrecy: 'mat',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const secret = (await response.json()) as PartyDocument;

  // The cell secretary reads the register of the scope but not secret documents.
  const context = await browser.newContext({ baseURL, storageState: signedOut });
  const page = await context.newPage();
  await signIn(page, scoped);
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Văn bản', exact: true }),
  ).toBeVisible();
  await page.goto(`/documents/incoming?org=${scope}&q=${encodeURIComponent(symbol)}`);
  await expect(page.getByTestId('document-table')).toHaveAttribute('data-result-q', symbol);
  const row = page.getByTestId('document-table').locator(`tr[data-row-key="${secret.id}"]`);
  await expect(row.getByTestId('document-secrecy')).toHaveText('Mật');
  await expect(row).toContainText('Văn bản mật');
  await expect(row).not.toContainText(tag);
  await row.getByTestId('document-symbol').click();
  await expect(page.getByRole('alert')).toContainText('Văn bản mật');
  await expect(page.getByTestId('document-page')).toHaveCount(0);
  await context.close();
});
