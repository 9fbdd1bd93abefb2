// The compliance board on the demo bloc (issue 16): from the bloc's board, the child with the
// most out-of-rule items is followed down (at most three clicks) to a cell; the cell's board
// lists its items, and following one item's link opens that item's page. The expected path is
// read from the API first, so the spec checks what the page shows against the server's counts.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { TODAY, toVi } from './dates';

interface Board {
  org: { id: number; name: string };
  as_of: string;
  total: number;
  children: { org: { id: number; name: string }; total: number }[];
  lagging: { org: { id: number; name: string; kind: string }; total: number }[];
}
interface Items {
  total: number;
  items: { link: string; subject: { label: string } }[];
}

async function get<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(`/api/v1${url}`);
  expect(response.ok(), `${url}: ${response.status()}`).toBeTruthy();
  return response.json() as Promise<T>;
}

/** The child the page lists first: most items, ties in the server's (name) order. */
function mostLagging(board: Board) {
  return [...board.children].sort((a, b) => b.total - a.total)[0];
}

test('drill from the bloc to a lagging cell and follow one item', async ({ page, api }) => {
  const [root] = (await get<{ items: { id: number }[] }>(api, '/orgs')).items;
  let board = await get<Board>(api, `/orgs/${root.id}/compliance`);
  expect(board.as_of).toBe(TODAY);
  expect(board.total, 'the demo has out-of-rule items').toBeGreaterThan(0);

  await page.goto(`/compliance?org=${root.id}`);
  await expect(page.getByTestId('compliance-title')).toContainText(board.org.name);
  await expect(page.getByTestId('compliance-total')).toContainText(toVi(TODAY));

  // First click: the child lagging most; second: the organization lagging most inside it.
  const next = mostLagging(board);
  expect(next.total, `${board.org.name} has a lagging child`).toBeGreaterThan(0);
  const childLink = page.getByTestId('compliance-child').first();
  await expect(childLink).toHaveText(next.org.name);
  await childLink.click();
  let clicks = 1;
  await expect(page).toHaveURL(new RegExp(`[?&]org=${next.org.id}(&|$)`));
  await expect(page.getByTestId('compliance-title')).toContainText(next.org.name);
  board = await get<Board>(api, `/orgs/${next.org.id}/compliance`);
  const [worst] = board.lagging;
  expect(['cell', 'base_cell'], 'the organization lagging most is a cell').toContain(
    worst.org.kind,
  );
  const laggingLink = page.getByTestId('compliance-lagging-org').first();
  await expect(laggingLink).toHaveText(worst.org.name);
  await laggingLink.click();
  clicks += 1;
  await expect(page).toHaveURL(new RegExp(`[?&]org=${worst.org.id}(&|$)`));
  await expect(page.getByTestId('compliance-title')).toContainText(worst.org.name);
  board = await get<Board>(api, `/orgs/${worst.org.id}/compliance`);
  expect(board.total).toBe(worst.total);
  expect(clicks, 'root to the lagging cell in at most three clicks').toBeLessThanOrEqual(3);

  const items = await get<Items>(api, `/orgs/${board.org.id}/compliance/items`);
  expect(items.total).toBe(board.total);
  const [first] = items.items;
  const itemLink = page.getByTestId('compliance-item-link').first();
  await expect(itemLink).toHaveText(first.subject.label);
  await itemLink.click();
  const wanted = new URL(first.link, 'http://x');
  await expect(page).toHaveURL((url) => url.pathname === wanted.pathname);
  await expect(page.getByText('Không tìm thấy')).toHaveCount(0);
});
