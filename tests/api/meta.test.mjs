// /api/v1/health, /openapi.json, /catalogs, /rules, and what every API route shares:
// unknown routes (404), wrong methods (405), common headers.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ENGINE } from './lib/server.mjs';
import { client, ok, problem } from './lib/api.mjs';
import { loadOpenApi } from './lib/openapi.mjs';

let server;
let api;

before(async () => {
  server = await startServer({ data: 'empty' });
  api = client(server.base);
});
after(async () => { await server?.stop(); });

describe('GET /api/v1/health', () => {
  test('answers ok with the database engine and API headers', async () => {
    const reply = await api.get('/api/v1/health');
    const body = ok(reply);
    assert.equal(body.status, 'ok');
    assert.equal(body.database, ENGINE);
    assert.match(body.version, /^\d+\.\d+\.\d+$/);
    // The embedded server answers name searches from its in-memory index; on PostgreSQL,
    // where other processes write too, SQL answers them.
    assert.equal(body.search, ENGINE === 'sqlite' ? 'memory' : 'sql');
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.ok(reply.headers.get('x-request-id'), 'X-Request-Id header');
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(reply.headers.get('x-frame-options'), 'DENY');
    assert.equal(reply.headers.get('referrer-policy'), 'no-referrer');
  });

  test('the web UI\'s pages carry the same headers whether or not the UI is built', async () => {
    // The API suites' servers may run without web/dist (the page is then a short notice); the
    // page's own policy is in src/http/static_files_test.cpp and the e2e run.
    const reply = await fetch(`${server.base}/members`);
    await reply.arrayBuffer();
    assert.equal(reply.headers.get('x-frame-options'), 'DENY');
    assert.equal(reply.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
  });

  test('each request gets its own request id', async () => {
    const a = await api.get('/api/v1/health');
    const b = await api.get('/api/v1/health');
    assert.notEqual(a.headers.get('x-request-id'), b.headers.get('x-request-id'));
  });
});

describe('GET /api/v1/openapi.json', () => {
  test('serves an OpenAPI 3.0 JSON document', async () => {
    const reply = await api.get('/api/v1/openapi.json');
    const body = ok(reply);
    assert.match(body.openapi, /^3\.0\.\d+$/);
    assert.equal(typeof body.info.title, 'string');
    assert.equal(typeof body.info.version, 'string');
    assert.equal(typeof body.paths, 'object');
  });

  test('is the document of the source tree (once the binary is rebuilt with it)', async (t) => {
    const served = ok(await api.get('/api/v1/openapi.json'));
    if (Object.keys(served.paths).length === 0) {
      t.skip('this binary was built with the stub document; rebuild to embed src/http/openapi.json');
      return;
    }
    assert.deepEqual(served, loadOpenApi());
  });
});

describe('GET /api/v1/catalogs', () => {
  let catalogs;
  before(async () => { catalogs = ok(await api.get('/api/v1/catalogs')); });

  test('sexes are male and female with Vietnamese and English names', () => {
    assert.deepEqual(catalogs.sexes, [
      { code: 'male', name_vi: 'Nam', name_en: 'Male' },
      { code: 'female', name_vi: 'Nữ', name_en: 'Female' },
    ]);
  });

  test('the 54 ethnic groups, Kinh first with code 01', () => {
    assert.equal(catalogs.ethnicities.length, 54);
    assert.deepEqual(catalogs.ethnicities[0], { code: '01', name_vi: 'Kinh', name_en: 'Kinh' });
    assert.equal(new Set(catalogs.ethnicities.map((e) => e.code)).size, 54, 'codes are unique');
    assert.ok(catalogs.ethnicities.some((e) => e.name_vi === 'Tày'));
  });

  test('the 63 province codes of the citizen ID, Hà Nội first', () => {
    assert.equal(catalogs.provinces.length, 63);
    assert.deepEqual(catalogs.provinces[0], { code: '001', name_vi: 'Hà Nội', name_en: 'Hà Nội' });
    assert.ok(catalogs.provinces.every((p) => /^\d{3}$/.test(p.code)));
  });

  test('member statuses with their on-roll flag', () => {
    const statuses = Object.fromEntries(catalogs.member_statuses.map((s) => [s.code, s.on_roll]));
    assert.deepEqual(statuses, {
      probationary: true, official: true, exempted: true,
      not_recognized: false, removed: false, expelled: false, left: false, deceased: false, transferred_out: false,
    });
    // Every status off the roll has its grounds for leaving; each ground names its source.
    for (const status of catalogs.member_statuses.filter((s) => !s.on_roll)) {
      assert.ok(catalogs.exit_grounds.some((g) => g.status === status.code), status.code);
    }
    for (const ground of catalogs.exit_grounds) assert.ok(ground.source && ground.name_vi, ground.code);
    assert.equal(catalogs.exit_grounds.find((g) => g.code === 'resigned').readmission_allowed, false);
    const official = catalogs.member_statuses.find((s) => s.code === 'official');
    assert.equal(official.name_vi, 'Đảng viên chính thức');
  });

  test('organization kinds say where each may sit and whether it holds members', () => {
    const kinds = Object.fromEntries(catalogs.org_kinds.map((k) => [k.code, k]));
    assert.deepEqual(Object.keys(kinds).sort(), [
      'base_cell', 'base_committee', 'cell', 'committee_above_base', 'committee_central',
      'party_central', 'party_group', 'sub_committee',
    ]);
    // A committee under the Central Committee is a root, or sits under the national root.
    assert.deepEqual(kinds.committee_central.parents, ['party_central']);
    assert.equal(kinds.committee_central.root, true);
    assert.deepEqual(kinds.party_central.parents, []);
    assert.equal(kinds.party_central.root, true);
    assert.equal(kinds.cell.root, false);
    assert.equal(kinds.committee_central.holds_members, false);
    assert.deepEqual(kinds.cell.parents, ['base_committee', 'sub_committee']);
    assert.equal(kinds.cell.holds_members, true);
    assert.equal(kinds.base_cell.is_base, true);
    assert.equal(kinds.base_cell.holds_members, true);
    assert.equal(kinds.base_committee.name_vi, 'Đảng bộ cơ sở');
  });

  test('member fields list every field with its labels, required flag and limit', () => {
    const names = catalogs.member_fields.map((f) => f.name);
    assert.deepEqual(names, [
      'full_name', 'birth_name', 'aliases', 'sex', 'birth_date', 'place_of_birth', 'home_town',
      'permanent_residence', 'current_residence', 'ethnicity', 'religion', 'citizen_id',
      'party_card_no', 'phone', 'email', 'general_education', 'professional_qualification',
      'political_theory', 'occupation', 'work_unit', 'position', 'discipline', 'admission_date',
      'ceremony_date', 'official_date', 'probation_ends_on', 'org_id', 'status', 'exit_date', 'exit_ground',
    ]);
    const required = catalogs.member_fields.filter((f) => f.required).map((f) => f.name);
    assert.deepEqual(required, ['full_name', 'sex', 'birth_date', 'ethnicity', 'religion',
      'citizen_id', 'admission_date', 'org_id', 'status']);
    const fullName = catalogs.member_fields[0];
    assert.deepEqual(fullName, { name: 'full_name', label_vi: 'Họ và tên đang dùng', label_en: 'Full name', required: true, max_length: 100 });
  });

  test('other code lists and age bands', () => {
    assert.ok(catalogs.religions.some((r) => r.code === 'none' && r.name_vi === 'Không'));
    assert.ok(catalogs.political_theory_levels.some((r) => r.code === 'elementary' && r.name_vi === 'Sơ cấp'));
    assert.ok(catalogs.professional_qualifications.length >= 5);
    assert.ok(catalogs.occupations.some((o) => o.code === 'civil_servant'));
    assert.ok(Array.isArray(catalogs.age_bands) && catalogs.age_bands.includes('18-30'));
  });
});

describe('GET /api/v1/rules', () => {
  test('lists the versioned rule parameters with dates and sources', async () => {
    const body = ok(await api.get('/api/v1/rules'));
    assert.ok(Array.isArray(body.items) && body.items.length >= 4);
    for (const rule of body.items) {
      assert.equal(typeof rule.key, 'string');
      assert.equal(typeof rule.value, 'number');
      assert.match(rule.effective_from, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(rule.source.length > 0, `${rule.key} has a source`);
      assert.equal(typeof rule.note, 'string');
    }
    const latest = (key) => body.items.filter((r) => r.key === key)
      .sort((a, b) => a.effective_from.localeCompare(b.effective_from)).at(-1);
    assert.equal(latest('member.min_admission_age_years').value, 18);
    assert.equal(latest('org.min_official_members').value, 3);
    assert.equal(latest('org.base_cell_max_members').value, 30);
    assert.equal(latest('org.base_committee_min_members').value, 30);
  });
});

describe('unknown routes and wrong methods', () => {
  test('an unknown API route is a 404 problem (Vietnamese by default)', async () => {
    const reply = await api.get('/api/v1/nothing-here', { unrouted: true });
    const body = problem(reply, 404, 'route_not_found');
    assert.equal(body.title, 'Không có địa chỉ này');
    assert.equal(body.instance, '/api/v1/nothing-here');
    assert.equal(reply.headers.get('cache-control'), 'no-store');
  });

  test('an unknown route in English', async () => {
    const reply = await api.get('/api/v1/orgs/1/nothing', { unrouted: true, lang: 'en' });
    const body = problem(reply, 404, 'route_not_found');
    assert.equal(body.title, 'No such address');
  });

  test('a non-numeric or zero id is a 404', async () => {
    problem(await api.get('/api/v1/members/abc'), 404, 'not_found');
    problem(await api.get('/api/v1/members/0'), 404, 'not_found');
    problem(await api.get('/api/v1/orgs/-1'), 404, 'not_found');
    problem(await api.get('/api/v1/orgs/999999'), 404, 'not_found');
  });

  test('a wrong method is a 405 problem with an Allow header', async () => {
    let reply = await api.request('DELETE', '/api/v1/members', { unrouted: true });
    problem(reply, 405, 'method_not_allowed');
    assert.deepEqual(reply.headers.get('allow').split(/,\s*/).sort(), ['GET', 'POST']);

    reply = await api.request('PUT', '/api/v1/orgs/1', { unrouted: true, json: {} });
    problem(reply, 405, 'method_not_allowed');
    assert.deepEqual(reply.headers.get('allow').split(/,\s*/).sort(), ['GET', 'PATCH']);

    reply = await api.request('POST', '/api/v1/health', { unrouted: true, json: {} });
    problem(reply, 405, 'method_not_allowed');
    assert.equal(reply.headers.get('allow'), 'GET');

    reply = await api.request('GET', '/api/v1/orgs/1/move', { unrouted: true });
    problem(reply, 405, 'method_not_allowed');
    assert.equal(reply.headers.get('allow'), 'POST');
  });

  test('HEAD on a GET route answers like GET, without a body (RFC 9110 §9.3.2)', async () => {
    for (const path of ['/api/v1/health', '/api/v1/catalogs']) {
      const get = await api.get(path);
      const head = await api.request('HEAD', path, { unrouted: true });
      assert.equal(head.status, 200, `HEAD ${path}: ${head.status}`);
      assert.equal(head.text, '');
      assert.equal(head.headers.get('content-type'), get.headers.get('content-type'));
    }
  });

  test('the 405 problem names the method in English too', async () => {
    const reply = await api.request('DELETE', '/api/v1/members/1', { unrouted: true, lang: 'en' });
    const body = problem(reply, 405, 'method_not_allowed');
    assert.equal(body.title, 'Method not allowed');
    assert.deepEqual(reply.headers.get('allow').split(/,\s*/).sort(), ['GET', 'PATCH']);
  });
});
