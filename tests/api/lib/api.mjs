// A small HTTP client for /api/v1 plus builders of valid payloads and problem assertions.
import assert from 'node:assert/strict';
import { templateOf } from './routes.mjs';
import { TEST_TODAY } from './today.mjs';

/**
 * @typedef {{status: number, headers: Headers, text: string, body: any, contentType: string}} Reply
 */

// ---- sessions ----------------------------------------------------------------------------

/** The session cookie's name (without --secure-cookies). */
export const SESSION_COOKIE = 'chibo_session';

// The session a plain `client(base)` uses: startServer() signs an administrator in and
// registers its jar here, so that tests written before sign-in existed run signed in.
const defaultJars = new Map();

/** Makes `jar` the session of every `client(base)` created without an explicit session. */
export function setDefaultSession(base, jar) {
  defaultJars.set(base, jar);
}

/** A cookie jar holding at most the session cookie: `{ value }` (null: no cookie). */
export function cookieJar(value = null) {
  return { value };
}

/** The session cookie a reply sets: a token, '' when it clears the cookie, undefined if none. */
export function setCookieOf(reply) {
  const all = typeof reply.headers.getSetCookie === 'function' ? reply.headers.getSetCookie() : [];
  for (const line of all) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    if (name === SESSION_COOKIE || name === `__Host-${SESSION_COOKIE}`) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Client bound to one server. Every call goes through request(); a path that matches no known
 * route throws unless `unrouted: true` says the test probes unknown routes on purpose.
 *
 * By default the client uses the server's default session (the administrator that startServer
 * signed in) and sends the CSRF headers (X-Requested-With: chibo, Origin: the server's origin)
 * on every write. Options:
 *   - `jar`: its own cookie jar (`cookieJar()`), updated from Set-Cookie (login, logout);
 *     `jar: null` sends no cookie at all;
 *   - `csrf: false`: never send the CSRF headers.
 * Per request, `csrf: false` leaves the CSRF headers out, `cookie: 'raw value'` sends exactly
 * that Cookie header, and `headers` override anything.
 */
export function client(base, { jar, csrf = true } = {}) {
  const sessionJar = jar === undefined ? (defaultJars.get(base) ?? null) : jar;
  async function request(method, path, options = {}) {
    const { json, body, headers = {}, unrouted = false, lang } = options;
    const pathname = path.split('?')[0];
    if (!unrouted && !templateOf(method, pathname)) {
      throw new Error(`${method} ${pathname} is not a known route (add it to lib/routes.mjs)`);
    }
    const sent = {};
    const sendCsrf = options.csrf ?? csrf;
    if (sendCsrf && WRITES.has(method)) {
      sent['x-requested-with'] = 'chibo';
      sent.origin = base;
    }
    if (options.cookie !== undefined) {
      if (options.cookie !== null) sent.cookie = options.cookie;
    } else if (sessionJar?.value) {
      sent.cookie = `${SESSION_COOKIE}=${sessionJar.value}`;
    }
    Object.assign(sent, headers);
    let payload = body;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      if (!Object.keys(sent).some((h) => h.toLowerCase() === 'content-type')) {
        sent['content-type'] = 'application/json';
      }
    }
    if (lang !== undefined) sent['accept-language'] = lang;
    const response = await fetch(base + path, { method, headers: sent, body: payload });
    const buffer = Buffer.from(await response.arrayBuffer());
    const text = buffer.toString('utf8');
    const contentType = response.headers.get('content-type') ?? '';
    let parsed;
    if (/json/.test(contentType) && text.length > 0) {
      try { parsed = JSON.parse(text); } catch (error) {
        throw new Error(`${method} ${path}: invalid JSON in the response: ${error.message}\n${text.slice(0, 500)}`);
      }
    }
    const reply = { status: response.status, headers: response.headers, text, buffer, body: parsed, contentType };
    if (sessionJar && options.cookie === undefined) {
      const set = setCookieOf(reply);
      if (set !== undefined) sessionJar.value = set === '' ? null : set;
    }
    return reply;
  }
  return {
    base,
    jar: sessionJar,
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, json, options = {}) => request('POST', path, { ...options, json }),
    patch: (path, json, options = {}) => request('PATCH', path, { ...options, json }),
  };
}

/** A client with no session and no CSRF headers: what an anonymous browser or script sends. */
export function rawClient(base) {
  return client(base, { jar: null, csrf: false });
}

/** Asserts a 2xx JSON reply with the given status and returns its body. */
export function ok(reply, status = 200) {
  assert.equal(reply.status, status,
    `expected ${status}, got ${reply.status}: ${reply.text.slice(0, 800)}`);
  assert.match(reply.contentType, /^application\/json/);
  return reply.body;
}

/**
 * Asserts an RFC 9457 problem: status, content type, the standard members and chibo's `code`;
 * `fields` lists [field, code] pairs (code may be null for "any") that must appear in errors[].
 */
export function problem(reply, status, code, fields = []) {
  const context = `${reply.status} ${reply.text.slice(0, 800)}`;
  assert.equal(reply.status, status, `expected status ${status}: ${context}`);
  assert.match(reply.contentType, /^application\/problem\+json/, `content type: ${context}`);
  const body = reply.body;
  assert.ok(body && typeof body === 'object', `problem body: ${context}`);
  assert.equal(body.status, status, `body.status: ${context}`);
  if (code !== null) assert.equal(body.code, code, `body.code: ${context}`);
  assert.equal(typeof body.code, 'string');
  assert.equal(typeof body.type, 'string');
  assert.ok(typeof body.title === 'string' && body.title.length > 0, `title: ${context}`);
  assert.ok(typeof body.detail === 'string' && body.detail.length > 0, `detail: ${context}`);
  if (fields.length > 0) {
    assert.ok(Array.isArray(body.errors), `errors[]: ${context}`);
    for (const error of body.errors) {
      assert.equal(typeof error.field, 'string');
      assert.equal(typeof error.code, 'string');
      assert.ok(typeof error.message === 'string' && error.message.length > 0);
    }
    for (const [field, fieldCode] of fields) {
      assert.ok(
        body.errors.some((e) => e.field === field && (fieldCode === null || e.code === fieldCode)),
        `expected errors[] to name ${field}${fieldCode ? ` (${fieldCode})` : ''}: ${context}`);
    }
  }
  return body;
}

// ---- dates -------------------------------------------------------------------------------

/**
 * Today's civil date as the servers under test count it (CHIBO_TEST_TODAY, lib/today.mjs), as a
 * Date at 00:00Z. Every date a test computes for the server's rules starts here.
 */
export function serverToday() {
  return new Date(`${TEST_TODAY}T00:00:00Z`);
}

/**
 * The real clock's civil date in Vietnam (UTC+7, no daylight saving), as a Date at 00:00Z: only
 * for what the server stamps with real instants (audit times, sessions), never for its rules.
 * Between 17:00 and 24:00 UTC it is already tomorrow.
 */
export function clockToday() {
  const now = new Date(Date.now() + 7 * 3600 * 1000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function iso(date) {
  return date.toISOString().slice(0, 10);
}

/** ISO date `years` years before today (clamped for 29 February like the server's add_years). */
export function yearsAgo(years, extraDays = 0) {
  const t = serverToday();
  const y = t.getUTCFullYear() - years;
  const m = t.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(Date.UTC(y, m, Math.min(t.getUTCDate(), lastDay)));
  d.setUTCDate(d.getUTCDate() + extraDays);
  return iso(d);
}

/** Whole years between two ISO dates (the age on `on` of someone born on `birth`). */
export function ageOn(birth, on) {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [oy, om, od] = on.split('-').map(Number);
  let years = oy - by;
  if (om < bm || (om === bm && od < bd)) years--;
  return years;
}

// ---- valid payloads ----------------------------------------------------------------------

let serial = 100000 + Math.floor(Math.random() * 400000);

/**
 * A CCCD that passes chibo's checks: 3-digit province, century/sex digit (0 man / 1 woman born
 * 1900-1999, 2/3 for 2000-2099), the last two digits of the birth year, and a 6-digit serial.
 */
export function cccd({ province = '001', sex = 'male', birthYear = 1980, serialNo } = {}) {
  const century = Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
  const yy = String(birthYear % 100).padStart(2, '0');
  const tail = String(serialNo ?? serial++).padStart(6, '0').slice(-6);
  return `${province}${century}${yy}${tail}`;
}

let cardSerial = 10000000 + Math.floor(Math.random() * 80000000);
export function cardNo() {
  return `TN${cardSerial++}`;
}

/**
 * A valid official member in `orgId`; `overrides` replace fields (null removes one). The CCCD
 * follows sex and birth year unless given.
 */
export function memberPayload(orgId, overrides = {}) {
  const sex = overrides.sex ?? 'male';
  const birth = typeof overrides.birth_date === 'string' ? overrides.birth_date : '1980-05-15';
  const status = overrides.status ?? 'official';
  // Admitted at 25 and recognized a year later, unless the test says otherwise.
  const admissionYear = Math.min(Number(birth.slice(0, 4)) + 25, serverToday().getUTCFullYear() - 2);
  const payload = {
    full_name: 'Nguyễn Văn Thử',
    sex,
    birth_date: birth,
    ethnicity: '01',
    religion: 'none',
    citizen_id: cccd({ sex, birthYear: Number(birth.slice(0, 4)) }),
    admission_date: `${admissionYear}-03-02`,
    official_date: status === 'official' ? `${admissionYear + 1}-03-02` : undefined,
    org_id: orgId,
    status,
    ...overrides,
  };
  for (const [key, value] of Object.entries(payload)) {
    if (value === undefined || value === null) delete payload[key];
  }
  return payload;
}

/** Creates a member and returns the created detail (asserting 201). */
export async function createMember(api, orgId, overrides = {}) {
  const reply = await api.post('/api/v1/members', memberPayload(orgId, overrides));
  return ok(reply, 201);
}

/** Creates an organization and returns it (asserting 201). */
export async function createOrg(api, fields) {
  const reply = await api.post('/api/v1/orgs', fields);
  return ok(reply, 201);
}

/**
 * Builds a small tree in an empty database:
 *   root (committee_central)
 *   ├─ above (committee_above_base) ─ base (base_committee) ─ cellA, cellB (cell)
 *   ├─ above2 (committee_above_base)
 *   └─ baseCell (base_cell)
 */
export async function buildTree(api, prefix = 'Thử nghiệm') {
  const root = await createOrg(api, {
    kind: 'committee_central', name: `Đảng bộ Khối ${prefix}`, short_name: 'ĐBK TN', code: `R${Date.now() % 100000}`,
    established_on: '2007-04-11',
  });
  const above = await createOrg(api, { kind: 'committee_above_base', name: `Đảng bộ Bộ ${prefix} Một`, parent_id: root.id });
  const above2 = await createOrg(api, { kind: 'committee_above_base', name: `Đảng bộ Bộ ${prefix} Hai`, parent_id: root.id });
  const base = await createOrg(api, { kind: 'base_committee', name: `Đảng bộ Cục ${prefix}`, parent_id: above.id });
  const cellA = await createOrg(api, { kind: 'cell', name: `Chi bộ Phòng ${prefix} A`, parent_id: base.id });
  const cellB = await createOrg(api, { kind: 'cell', name: `Chi bộ Phòng ${prefix} B`, parent_id: base.id });
  const baseCell = await createOrg(api, { kind: 'base_cell', name: `Chi bộ Văn phòng ${prefix}`, parent_id: root.id });
  return { root, above, above2, base, cellA, cellB, baseCell };
}

export async function getOrg(api, id) {
  return ok(await api.get(`/api/v1/orgs/${id}`));
}

export async function counts(api, id) {
  return (await getOrg(api, id)).counts;
}

/** GET /api/v1/members with the given query object; returns the page body. */
export async function listMembers(api, query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.append(key, String(value));
  const qs = params.toString();
  return ok(await api.get(`/api/v1/members${qs ? `?${qs}` : ''}`));
}

/** Every member matching `query`, fetched page by page (page_size 500). */
export async function allMembers(api, query = {}) {
  const items = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const body = await listMembers(api, { ...query, page, page_size: 500 });
    total = body.total;
    items.push(...body.items);
    if (body.items.length < 500) break;
  }
  assert.equal(items.length, total, 'paging through the list must yield `total` items');
  return items;
}

// ---- Vietnamese name order ---------------------------------------------------------------

const vi = new Intl.Collator('vi');

/** Splits a name like the server: family = first word, given = last word, middle between. */
export function nameParts(fullName) {
  const words = fullName.split(' ');
  if (words.length === 1) return { family: '', middle: '', given: words[0] };
  return { family: words[0], middle: words.slice(1, -1).join(' '), given: words[words.length - 1] };
}

/** Vietnamese order: given name, then middle name, then family name (ICU "vi" collation). */
export function compareNames(a, b) {
  const pa = nameParts(a);
  const pb = nameParts(b);
  return vi.compare(pa.given, pb.given) || vi.compare(pa.middle, pb.middle) || vi.compare(pa.family, pb.family);
}
