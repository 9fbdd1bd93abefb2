// Per-user rate limits against mass extraction (ASVS 2.4.1; http/rate_limits.h, docs/security.md
// item 27): past the burst, a user's requests get 429 rate_limited with Retry-After while other
// users and the public routes go on; exports (CSV, XLSX) and member imports have an hourly quota,
// 429 export_quota, and a refused export costs no request. The server runs with tight limits
// (one request a minute past a burst of 5, two exports an hour), so the outcome does not depend on
// the machine's speed: only on five requests taking less than a minute.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem } from './lib/api.mjs';

let server;

before(async () => {
  server = await startServer({
    signIn: false,
    data: 'demo',
    members: 300,
    serveArgs: ['--rate-limit-per-minute', '1', '--rate-limit-burst', '5', '--export-limit-per-hour', '2'],
  });
});
after(async () => { await server?.stop(); });

const fresh = async () => server.login(await server.addUser({ roles: ['office_staff'], scope: 1 }));

describe('per-user rate limits', () => {
  test('past the burst a user gets 429 with Retry-After; another user and the public routes go on', async () => {
    const a = await fresh();
    for (let i = 0; i < 5; i++) ok(await a.get('/api/v1/auth/me'));
    const refused = await a.get('/api/v1/auth/me');
    const body = problem(refused, 429, 'rate_limited');
    const retry = Number(refused.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}: a token a minute`);
    assert.match(body.detail, new RegExp(`${retry} giây`), 'the Vietnamese message says how long');
    problem(await a.get('/api/v1/members?page_size=5'), 429, 'rate_limited');
    const b = await fresh();
    ok(await b.get('/api/v1/auth/me'));
    ok(await a.get('/api/v1/health'), 200);
  });

  test('exports have an hourly quota; a refused export costs no request', async () => {
    const c = await fresh();
    for (let i = 0; i < 2; i++) {
      const csv = await c.get('/api/v1/members.csv');
      assert.equal(csv.status, 200, csv.text.slice(0, 300));
      assert.match(csv.contentType, /^text\/csv/);
    }
    const quota = await c.get('/api/v1/members.csv');
    problem(quota, 429, 'export_quota');
    const retry = Number(quota.headers.get('retry-after'));
    assert.ok(retry > 1700 && retry <= 1800, `Retry-After ${retry}: two an hour, one each half hour`);
    // Two requests of the burst spent (the refused export gave its back): three more pass.
    for (let i = 0; i < 3; i++) ok(await c.get('/api/v1/auth/me'));
    problem(await c.get('/api/v1/auth/me'), 429, 'rate_limited');
  });
});
