// CHIBO_TEST_TODAY (tests only): the server's civil date is fixed, its clock stays real. The
// suites start every server with it (lib/today.mjs), and the UI reads the date from /auth/me.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, runChibo } from './lib/server.mjs';
import { client, ok } from './lib/api.mjs';
import { TEST_TODAY } from './lib/today.mjs';

const servers = [];
after(async () => { await Promise.all(servers.map((s) => s.stop())); });

describe('CHIBO_TEST_TODAY', () => {
  test('the suites\' servers take the fixed date as today; /auth/me says it', async () => {
    const server = await startServer();
    servers.push(server);
    const me = ok(await client(server.base).get('/api/v1/auth/me'));
    assert.equal(me.today, TEST_TODAY);
    assert.match(server.log(), /CHIBO_TEST_TODAY is set: today is \d{4}-\d{2}-\d{2}/);
  });

  test('another date for one server: its rules count from it, its instants stay real', async () => {
    const server = await startServer({ today: '2024-02-29' });
    servers.push(server);
    const api = client(server.base);
    const me = ok(await api.get('/api/v1/auth/me'));
    assert.equal(me.today, '2024-02-29');
    assert.ok(Date.parse(me.session.created_at) > Date.now() - 60_000, 'the session began now, not in 2024');
    const root = ok(await api.post('/api/v1/orgs', { kind: 'committee_central', name: 'Đảng bộ Khối Ngày Cố Định' }), 201);
    assert.equal(ok(await api.get(`/api/v1/probation?org=${root.id}`)).today, '2024-02-29');
    // A date after the server's today is in the future, though the real clock is past it.
    const future = await api.post('/api/v1/orgs', { kind: 'committee_central', name: 'Đảng bộ Khối Sau', established_on: '2025-01-01' });
    assert.equal(future.status, 422);
  });

  test('a malformed date is refused with its name, before anything is opened', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-today-'));
    try {
      for (const bad of ['2026-02-30', '16/11/2026', '']) {
        const db = path.join(dir, 'x.db');
        const result = await runChibo(['init', '--db', `sqlite:${db}`], '', bad);
        assert.notEqual(result.code, 0, `CHIBO_TEST_TODAY=${bad} accepted`);
        assert.match(result.stderr, /CHIBO_TEST_TODAY/);
        assert.ok(!fs.existsSync(db), 'no database made');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
