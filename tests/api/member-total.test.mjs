// GET /members says whether its total is exact (total_exact, issue 5). At national scale a
// very common name prefix is counted only up to a bound (storage/sql/search/search_plan.h); on a
// registry this size every count is exact, in lists and in searches, on both engines.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok } from './lib/api.mjs';

let server;
before(async () => { server = await startServer({ data: 'demo', members: 2000 }); });
after(async () => { await server?.stop(); });

test('lists and name searches report exact totals', async () => {
  const all = ok(await server.admin.get('/api/v1/members?page_size=5'));
  assert.equal(all.total_exact, true);
  assert.equal(all.total >= 1900, true);
  for (const q of ['nguyen', 'thi', 'nguyen van', 'an']) {
    const page = ok(await server.admin.get(`/api/v1/members?page_size=5&q=${encodeURIComponent(q)}`));
    assert.equal(page.total_exact, true, q);
    assert.ok(page.total >= page.items.length, q);
  }
});
