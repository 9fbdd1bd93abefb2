// The OpenAPI document in the source tree (src/http/openapi.json, merged from the fragments in
// src/http/openapi/ by scripts/openapi.mjs and compiled into the binary):
// valid JSON and OpenAPI 3.0.3, every route the suite exercises documented with its status
// codes, every reference resolved, every example valid, and the member fields in step with
// src/domain/members/member_fields.cpp. No server needed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROUTES } from './lib/routes.mjs';
import { SOURCE_ROOT } from './lib/server.mjs';
import { OPENAPI_PATH, loadOpenApi, resolveRef, validate } from './lib/openapi.mjs';
import { mergedDocument } from '../../scripts/openapi.mjs';

const text = fs.readFileSync(OPENAPI_PATH, 'utf8');
let doc;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const deref = (node) => (node && node.$ref ? deref(resolveRef(doc, node.$ref)) : node);

function operations() {
  const out = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) if (item[method]) out.push([method.toUpperCase(), template, item[method], item]);
  }
  return out;
}

describe('the document', () => {
  test('is the merge of its fragments (src/http/openapi/*.json; node scripts/openapi.mjs)', () => {
    assert.equal(text, mergedDocument());
  });

  test('is valid UTF-8 JSON', () => {
    assert.doesNotThrow(() => { doc = JSON.parse(text); });
    assert.deepEqual(loadOpenApi(), doc);
    assert.ok(!text.includes('\uFFFD'), 'no replacement characters');
  });

  test('is OpenAPI 3.0.3 with info and paths', () => {
    doc ??= loadOpenApi();
    assert.equal(doc.openapi, '3.0.3');
    assert.equal(typeof doc.info.title, 'string');
    assert.equal(typeof doc.info.version, 'string');
    assert.equal(typeof doc.paths, 'object');
    for (const key of Object.keys(doc)) {
      assert.ok(['openapi', 'info', 'servers', 'paths', 'components', 'security', 'tags', 'externalDocs'].includes(key) || key.startsWith('x-'), `top-level ${key}`);
    }
  });

  test('every $ref resolves', () => {
    doc ??= loadOpenApi();
    const missing = [];
    (function walk(node, where) {
      if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${where}[${i}]`));
      else if (node && typeof node === 'object') {
        if (typeof node.$ref === 'string' && resolveRef(doc, node.$ref) === undefined) missing.push(`${where}: ${node.$ref}`);
        for (const [k, v] of Object.entries(node)) walk(v, `${where}.${k}`);
      }
    }(doc, '$'));
    assert.deepEqual(missing, []);
  });
});

describe('routes', () => {
  test('every route the suite exercises is documented (method + path template)', () => {
    doc ??= loadOpenApi();
    const missing = ROUTES.filter(([method, template]) => !doc.paths[template]?.[method.toLowerCase()])
      .map(([m, t]) => `${m} ${t}`);
    assert.deepEqual(missing, []);
  });

  test('lib/routes.mjs is exactly the routes the server registers (src/http/*.cpp), so none escapes the suites', () => {
    const dir = path.join(SOURCE_ROOT, 'src', 'http');
    const registered = new Set();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cpp'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/router\.add\(\s*"([A-Z]+)",\s*"(\/api\/v1[^"]*)"/g)) registered.add(`${m[1]} ${m[2]}`);
    }
    assert.ok(registered.size >= 70, `the parser found ${registered.size} routes`);
    const listed = new Set(ROUTES.map(([m, t]) => `${m} ${t}`));
    assert.deepEqual([...registered].filter((r) => !listed.has(r)).sort(), [], 'served but not in lib/routes.mjs');
    assert.deepEqual([...listed].filter((r) => !registered.has(r)).sort(), [], 'in lib/routes.mjs but not served');
  });

  test('nothing is documented that the server does not serve', () => {
    doc ??= loadOpenApi();
    const known = new Set(ROUTES.map(([m, t]) => `${m} ${t}`));
    const extra = operations().map(([m, t]) => `${m} ${t}`).filter((x) => !known.has(x));
    assert.deepEqual(extra, []);
  });

  test('operations have a unique operationId, a summary, a tag and responses', () => {
    doc ??= loadOpenApi();
    const ids = new Set();
    for (const [method, template, op] of operations()) {
      assert.ok(op.operationId, `${method} ${template} operationId`);
      assert.ok(!ids.has(op.operationId), `duplicate operationId ${op.operationId}`);
      ids.add(op.operationId);
      assert.ok(op.summary, `${method} ${template} summary`);
      assert.ok(op.tags?.length, `${method} ${template} tags`);
      assert.ok(Object.keys(op.responses ?? {}).length > 0);
    }
  });

  // Ids are integers; a job kind (POST /jobs/{kind}/run) is its name.
  test('path parameters are declared as required integers (a job kind as a string)', () => {
    doc ??= loadOpenApi();
    for (const [method, template, op, item] of operations()) {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
      for (const name of names) {
        const p = params.find((x) => x.in === 'path' && x.name === name);
        assert.ok(p, `${method} ${template}: path parameter ${name}`);
        assert.equal(p.required, true);
        assert.equal(deref(p.schema).type, name === 'kind' ? 'string' : 'integer');
      }
      for (const p of params.filter((x) => x.in === 'path')) assert.ok(names.includes(p.name), `${method} ${template}: stray path parameter ${p.name}`);
    }
  });

  // The status codes each route can answer (see src/http/*.cpp, src/app/*.cpp).
  // 401: no valid session; 403: CSRF refused (writes), a session still in its first-login stage,
  // or a role without the permission (docs/accounts.md, docs/access-matrix.md).
  const EXPECTED = {
    'GET /api/v1/health': [200, 400, 405, 503],
    'GET /api/v1/openapi.json': [200, 400, 405],
    'GET /api/v1/catalogs': [200, 400, 401, 405, 429],
    'GET /api/v1/rules': [200, 400, 401, 403, 405, 429],
    'GET /api/v1/orgs': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/orgs': [201, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/orgs/search': [200, 400, 401, 403, 405, 429, 503],
    'GET /api/v1/orgs/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'PATCH /api/v1/orgs/{id}': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/orgs/{id}/children': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/orgs/{id}/stats': [200, 400, 401, 403, 404, 405, 422, 429, 503],
    'POST /api/v1/orgs/{id}/move': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/orgs/{id}/dissolve': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/orgs/{id}/merge': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/members': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/members': [201, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/members.csv': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/members/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'PATCH /api/v1/members/{id}': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/members/{id}/history': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/auth/login': [200, 400, 401, 403, 405, 413, 415, 422, 429, 503],
    'POST /api/v1/auth/logout': [204, 400, 401, 403, 405, 429, 503],
    'GET /api/v1/auth/me': [200, 400, 401, 405, 429, 503],
    'POST /api/v1/auth/password': [200, 400, 401, 403, 405, 413, 415, 422, 429, 503],
    'POST /api/v1/auth/totp/begin': [200, 400, 401, 403, 405, 413, 415, 422, 429, 503],
    'POST /api/v1/auth/totp/confirm': [200, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/auth/sessions': [200, 400, 401, 405, 429, 503],
    'POST /api/v1/auth/sessions/end': [200, 400, 401, 403, 404, 405, 413, 415, 422, 429, 503],
    'GET /api/v1/users': [200, 400, 401, 403, 405, 429, 503],
    'POST /api/v1/users': [201, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/users/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'PATCH /api/v1/users/{id}': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/users/{id}/reset-password': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/users/{id}/end-sessions': [200, 400, 401, 403, 404, 405, 413, 415, 422, 429, 503],
    'GET /api/v1/audit': [200, 400, 401, 403, 405, 429, 503],
    'GET /api/v1/audit/verify': [200, 400, 401, 403, 405, 429, 503],
    'GET /api/v1/candidates': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/candidates': [201, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/candidates/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'PATCH /api/v1/candidates/{id}': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/candidates/{id}/steps': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/candidates/{id}/undo': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/candidates/{id}/close': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/probation': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/members/{id}/recognition': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/transfers': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/transfers': [201, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/transfers/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/transfers/{id}/complete': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/transfers/{id}/cancel': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/members/{id}/exit': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/members/{id}/exemption': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/members/{id}/gaps': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/members/{id}/lifecycle': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/badges': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/badges.csv': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/badges/awards': [201, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/calendar': [200, 400, 401, 403, 405, 429],
    'GET /api/v1/orgs/{id}/terms': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/orgs/{id}/terms': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/orgs/{id}/committee': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/terms/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'PATCH /api/v1/terms/{id}': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/terms/{id}/seats': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/seats/{id}/end': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/documents': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/documents': [201, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/documents/incoming': [201, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/documents/next-number': [200, 400, 401, 403, 404, 405, 422, 429, 503],
    'GET /api/v1/documents/catalog': [200, 400, 401, 403, 405, 429, 503],
    'GET /api/v1/documents/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'PATCH /api/v1/documents/{id}': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/documents/{id}/withdraw': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/documents/{id}/forwards': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/documents/{id}/attachments': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/documents/{id}/attachments/{aid}': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/documents/{id}/attachments/{aid}/remove': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/documents/{id}/docx': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/documents/{id}/print': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/orgs/{id}/document-issuers': [200, 400, 401, 403, 404, 405, 429, 503],
    'PUT /api/v1/orgs/{id}/document-issuers': [200, 400, 401, 403, 404, 405, 413, 415, 422, 429, 503],
    'GET /api/v1/directives': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/directives': [201, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/directives/mark-overdue': [200, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/directives/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/directives/{id}/assignments': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/directives/{id}/assignments': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/directives/{id}/rollup': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/directives/{id}/studies': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/directives/{id}/studies': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/assignments/overdue': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/assignments/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/assignments/{id}/acknowledge': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/assignments/{id}/start': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/assignments/{id}/assignments': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/assignments/{id}/reports': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/assignments/{id}/accept': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/assignments/{id}/return': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/orgs/{id}/assignments': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/inbox': [200, 400, 401, 405, 429, 503],
    'GET /api/v1/inbox/unread-count': [200, 400, 401, 405, 429, 503],
    'POST /api/v1/inbox/{id}/read': [200, 400, 401, 403, 404, 405, 413, 415, 422, 429, 503],
    'POST /api/v1/inbox/read-all': [200, 400, 401, 403, 405, 413, 415, 422, 429, 503],
    'GET /api/v1/jobs': [200, 400, 401, 403, 405, 429, 503],
    'POST /api/v1/jobs/{kind}/run': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/members/{id}/dues': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/members/{id}/dues/bases': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/members/{id}/dues/reliefs': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/members/{id}/dues/payments': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/dues/mine': [200, 400, 401, 403, 405, 409, 429, 503],
    'GET /api/v1/orgs/{id}/dues/book': [200, 400, 401, 403, 404, 405, 409, 429, 503],
    'POST /api/v1/orgs/{id}/dues/close': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/orgs/{id}/dues/adjustments': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/orgs/{id}/dues/reconciliation': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/orgs/{id}/dues/arrears': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/plans/mine': [200, 400, 401, 403, 405, 409, 429, 503],
    'POST /api/v1/plans/mine': [201, 400, 401, 403, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/plans/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'PUT /api/v1/plans/{id}': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/plans/{id}/reviews': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/members/{id}/plans': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/orgs/{id}/plans': [200, 400, 401, 403, 404, 405, 409, 429, 503],
    'GET /api/v1/orgs/{id}/dues/book.xlsx': [200, 400, 401, 403, 404, 405, 409, 422, 429, 503],
    'POST /api/v1/orgs/{id}/dues/payments.xlsx': [201, 400, 401, 403, 404, 405, 409, 413, 422, 429, 503],
    'POST /api/v1/review-campaigns': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/review-campaigns': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/review-campaigns/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/review-campaigns/{id}/self-assessments': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/review-campaigns/{id}/proposals': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/review-campaigns/{id}/decisions': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/review-campaigns/{id}/superior-reviews': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/review-campaigns/{id}/org-grades': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/members/{id}/reviews': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/review-shortcomings': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/review-shortcomings/{id}/close': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/review-shortcomings': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/meetings/catalog': [200, 400, 401, 403, 405, 429, 503],
    'GET /api/v1/meetings/mine': [200, 400, 401, 403, 405, 409, 429, 503],
    'GET /api/v1/orgs/{id}/meetings': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/orgs/{id}/meetings': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/orgs/{id}/meetings/missing': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/orgs/{id}/meetings/quality': [200, 400, 401, 403, 404, 405, 422, 429, 503],
    'GET /api/v1/orgs/{id}/removal-candidates': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/meetings/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'PATCH /api/v1/meetings/{id}': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/meetings/{id}/record': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/meetings/{id}/approve': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/meetings/{id}/amendments': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/meetings/{id}/docx': [200, 400, 401, 403, 404, 405, 409, 429, 503],
    'GET /api/v1/meetings/{id}/print': [200, 400, 401, 403, 404, 405, 409, 429, 503],
    'POST /api/v1/meetings/{id}/absence-notices': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/meetings/{id}/absence-notices/{nid}/decision': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/review-campaigns/{id}/close': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/review-campaigns/{id}/summary.xlsx': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/inspection-programmes': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/inspection-programmes': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/inspection-programmes/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'PATCH /api/v1/inspection-programmes/{id}': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/inspections/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/inspections/{id}/stages': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/inspections/{id}/conclusion': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/inspection-items': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/inspection-items/{id}/close': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/discipline-cases': [201, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/discipline-cases': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/discipline-cases/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'PATCH /api/v1/discipline-cases/{id}': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/discipline-cases/{id}/vote': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/discipline-cases/{id}/decide': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/discipline-cases/{id}/appeal': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/discipline-cases/{id}/suspension': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'POST /api/v1/discipline-cases/{id}/close': [200, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503],
    'GET /api/v1/members/{id}/discipline': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/orgs/{id}/compliance': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/orgs/{id}/compliance/items': [200, 400, 401, 403, 404, 405, 429, 503],
    'GET /api/v1/orgs/{id}/reports/members': [200, 400, 401, 403, 404, 405, 422, 429, 503],
    'GET /api/v1/orgs/{id}/reports/members.xlsx': [200, 400, 401, 403, 404, 405, 422, 429, 503],
    'POST /api/v1/members/imports': [201, 400, 401, 403, 405, 409, 413, 422, 429, 503],
    'GET /api/v1/members/imports/{id}': [200, 400, 401, 403, 404, 405, 429, 503],
    'POST /api/v1/members/imports/{id}/cancel': [200, 400, 401, 403, 404, 405, 409, 429, 503],
    'GET /api/v1/orgs/{id}/remediation': [200, 400, 401, 403, 404, 405, 429, 503],
  };

  test('every route is in the status table above', () => {
    assert.deepEqual(ROUTES.map(([m, t]) => `${m} ${t}`).sort(), Object.keys(EXPECTED).sort());
  });

  test('only health, openapi.json and login are public; every other route needs the session cookie', () => {
    doc ??= loadOpenApi();
    assert.deepEqual(doc.security, [{ sessionCookie: [] }]);
    const scheme = doc.components.securitySchemes.sessionCookie;
    assert.deepEqual([scheme.type, scheme.in, scheme.name], ['apiKey', 'cookie', 'chibo_session']);
    const open = operations().filter(([, , op]) => Array.isArray(op.security) && op.security.length === 0)
      .map(([m, t]) => `${m} ${t}`).sort();
    assert.deepEqual(open, ['GET /api/v1/health', 'GET /api/v1/openapi.json', 'POST /api/v1/auth/login']);
  });

  test('each route documents its status codes', () => {
    doc ??= loadOpenApi();
    for (const [key, codes] of Object.entries(EXPECTED)) {
      const [method, template] = key.split(' ');
      const op = doc.paths[template][method.toLowerCase()];
      const documented = Object.keys(op.responses).map(Number).sort((a, b) => a - b);
      assert.deepEqual(documented, codes, key);
    }
  });

  test('error responses are application/problem+json Problems; writes take application/json', () => {
    doc ??= loadOpenApi();
    for (const [method, template, op] of operations()) {
      for (const [status, raw] of Object.entries(op.responses)) {
        const response = deref(raw);
        assert.ok(response.description, `${method} ${template} ${status}: description`);
        if (Number(status) >= 400 && !(template === '/api/v1/health' && status === '503')) {
          const media = response.content?.['application/problem+json'];
          assert.ok(media, `${method} ${template} ${status}: application/problem+json`);
          assert.equal(deref(media.schema), doc.components.schemas.Problem);
        }
      }
      // Attachments and spreadsheets are uploaded as the file itself (its type is told by its content).
      const upload = ['/api/v1/documents/{id}/attachments', '/api/v1/orgs/{id}/dues/payments.xlsx', '/api/v1/members/imports'];
      if (['POST', 'PATCH'].includes(method) && !upload.includes(template)) {
        assert.ok(op.requestBody?.content?.['application/json'], `${method} ${template}: JSON request body`);
      }
    }
  });
});

describe('schemas', () => {
  const schema = (name) => doc.components.schemas[name];
  const props = (name) => {
    const s = schema(name);
    if (s.allOf) return Object.assign({}, ...s.allOf.map((p) => deref(p).properties ?? {}));
    return s.properties;
  };

  test('the response shapes are all there', () => {
    doc ??= loadOpenApi();
    for (const name of ['Organization', 'OrganizationDetail', 'OrgCounts', 'StructureWarning', 'OrgList', 'Member',
      'MemberDetail', 'MemberEvent', 'FieldChange', 'MemberPage', 'MemberHistory', 'Stats', 'Catalogs', 'Rules',
      'Problem', 'FieldProblem', 'ProblemItem', 'Health', 'MemberCreate', 'MemberUpdate', 'OrgCreate', 'OrgUpdate',
      'OrgMove', 'OrgDissolve', 'OrgMerge', 'RoleInfo', 'Me', 'Grant', 'User', 'UserList', 'UserCreate', 'UserCreated',
      'UserUpdate', 'AuditEvent', 'AuditPage', 'AuditVerification', 'Login', 'PasswordChange']) {
      assert.ok(schema(name), name);
    }
    assert.ok(props('Organization').counts && props('Organization').warnings);
    assert.deepEqual(Object.keys(deref(props('Organization').counts).properties).sort(), ['official', 'on_roll', 'probationary', 'total']);
    assert.ok(props('MemberDetail').history && props('MemberDetail').org);
    assert.deepEqual(Object.keys(props('MemberPage')).sort(), ['items', 'page', 'page_size', 'total', 'total_exact']);
    for (const key of ['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'items']) assert.ok(props('Problem')[key], `Problem.${key}`);
    assert.deepEqual(deref(props('Problem').errors.items).required, ['field', 'code', 'message']);
  });

  // member_fields.cpp: {"name", K::kKind, max_chars, required, "label_vi", "label_en"...}
  const source = fs.readFileSync(path.join(SOURCE_ROOT, 'src/domain/members/member_fields.cpp'), 'utf8');
  const constants = Object.fromEntries([...source.matchAll(/constexpr size_t (\w+) = (\d+);/g)].map((m) => [m[1], Number(m[2])]));
  // An entry ends at its closing brace; A::kDerived in it marks a field chibo computes.
  const fields = [...source.matchAll(/\{"(\w+)",\s*K::(\w+),\s*(\w+),\s*(true|false),([^}]*)\}/g)]
    .map((m) => ({ name: m[1], kind: m[2], max: constants[m[3]] ?? Number(m[3]), required: m[4] === 'true',
      derived: /A::kDerived/.test(m[5]) }));
  const inputs = fields.filter((f) => !f.derived);

  test('member_fields.cpp was read (sanity check of the parser)', () => {
    assert.equal(fields.length, 30);
    assert.deepEqual(fields.filter((f) => f.derived).map((f) => f.name), ['discipline', 'probation_ends_on']);
    assert.equal(fields[0].name, 'full_name');
    assert.equal(fields[0].max, 100);
  });

  test('MemberCreate documents every member field, the required ones and their limits', () => {
    doc ??= loadOpenApi();
    const create = schema('MemberCreate');
    assert.deepEqual(Object.keys(create.properties).sort(), inputs.map((f) => f.name).sort());
    assert.deepEqual([...create.required].sort(), inputs.filter((f) => f.required).map((f) => f.name).sort());
    assert.equal(create.additionalProperties, false, 'unknown fields are refused');
    for (const f of inputs) {
      if (['kName', 'kText', 'kCitizenId', 'kCardNo', 'kPhone', 'kEmail', 'kEducation'].includes(f.kind)) {
        assert.equal(create.properties[f.name].maxLength, f.max, `${f.name} maxLength`);
      }
    }
  });

  test('MemberUpdate is every member field plus version; Member has them all plus computed ones', () => {
    doc ??= loadOpenApi();
    assert.deepEqual(Object.keys(schema('MemberUpdate').properties).sort(), [...inputs.map((f) => f.name), 'version'].sort());
    const member = Object.keys(schema('Member').properties);
    for (const f of fields) assert.ok(member.includes(f.name), `Member.${f.name}`);
    for (const extra of ['id', 'org_name', 'age', 'version', 'created_at', 'updated_at']) assert.ok(member.includes(extra), `Member.${extra}`);
  });

  test('organization bodies list exactly the fields the handlers read', () => {
    doc ??= loadOpenApi();
    assert.deepEqual(Object.keys(schema('OrgCreate').properties).sort(), ['code', 'established_on', 'kind', 'name', 'parent_id', 'short_name']);
    assert.deepEqual(Object.keys(schema('OrgUpdate').properties).sort(), ['code', 'established_on', 'kind', 'name', 'short_name', 'version']);
    assert.deepEqual(Object.keys(schema('OrgMove').properties).sort(), ['parent_id', 'version']);
    assert.deepEqual(Object.keys(schema('OrgDissolve').properties).sort(), ['dissolved_on', 'version']);
    assert.deepEqual(Object.keys(schema('OrgMerge').properties).sort(), ['merged_on', 'target_id', 'version']);
  });

  test('query parameters are exactly those the handlers read', () => {
    doc ??= loadOpenApi();
    const read = (file) => new Set([...fs.readFileSync(path.join(SOURCE_ROOT, 'src/http', file), 'utf8')
      .matchAll(/params\.(?:integer|text|list|flag)\("(\w+)"/g)].map((m) => m[1]));
    const documented = (...keys) => new Set(keys.flatMap((key) => {
      const [method, template] = key.split(' ');
      return (doc.paths[template][method].parameters ?? []).map(deref).filter((p) => p.in === 'query').map((p) => p.name);
    }));
    assert.deepEqual([...documented('get /api/v1/members', 'get /api/v1/members.csv')].sort(), [...read('member_routes.cpp')].sort());
    assert.deepEqual([...documented('get /api/v1/orgs', 'get /api/v1/orgs/search', 'get /api/v1/orgs/{id}/children')].sort(), [...read('org_routes.cpp')].sort());
    assert.deepEqual([...documented('get /api/v1/candidates')].sort(), [...read('candidate_routes.cpp')].sort());
    assert.deepEqual([...documented('get /api/v1/probation', 'get /api/v1/transfers', 'get /api/v1/badges', 'get /api/v1/badges.csv', 'get /api/v1/calendar')].sort(),
      [...read('lifecycle_routes.cpp')].sort());
    const sort = deref(doc.paths['/api/v1/members'].get.parameters.map(deref).find((p) => p.name === 'sort').schema);
    assert.deepEqual(sort.enum, ['name', '-name', 'age', '-age', 'admission_date', '-admission_date']);
    const pageSize = deref(doc.paths['/api/v1/members'].get.parameters.map(deref).find((p) => p.name === 'page_size').schema);
    assert.equal(pageSize.maximum, 500);
  });
});

describe('examples', () => {
  test('every example matches its schema', () => {
    doc ??= loadOpenApi();
    const problems = [];
    for (const [name, s] of Object.entries(doc.components.schemas)) {
      if (s.example !== undefined) problems.push(...validate(doc, s, s.example, `schemas.${name}.example`));
    }
    const checkMedia = (media, where) => {
      if (!media?.schema) return;
      if (media.example !== undefined) problems.push(...validate(doc, media.schema, media.example, where));
      for (const [k, ex] of Object.entries(media.examples ?? {})) problems.push(...validate(doc, media.schema, deref(ex).value, `${where}.${k}`));
    };
    for (const [method, template, op] of operations()) {
      const where = `${method} ${template}`;
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) checkMedia(media, `${where} request ${type}`);
      for (const [status, raw] of Object.entries(op.responses)) {
        for (const [type, media] of Object.entries(deref(raw).content ?? {})) {
          if (type === 'text/csv') continue;
          checkMedia(media, `${where} ${status} ${type}`);
        }
      }
      for (const p of (op.parameters ?? []).map(deref)) {
        if (p.example !== undefined && p.schema) problems.push(...validate(doc, p.schema, p.example, `${where} parameter ${p.name}`));
      }
    }
    assert.deepEqual(problems, []);
  });

  test('examples are in Vietnamese', () => {
    doc ??= loadOpenApi();
    const create = doc.paths['/api/v1/members'].post.requestBody.content['application/json'].examples;
    assert.ok(Object.values(create).some((e) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(e.value.full_name)));
    const conflict = deref(doc.paths['/api/v1/members'].post.responses['409']).content['application/problem+json'].examples;
    assert.match(JSON.stringify(conflict), /Trùng với một đảng viên đã có/);
  });
});
