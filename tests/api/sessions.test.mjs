// A user's own sessions (docs/accounts.md, ASVS 7.5.2; docs/security.md E4): GET /auth/sessions
// lists the open ones with the current one marked, and POST /auth/sessions/end ends one of them
// or all the others after re-authentication with the current password. Another user's session is
// not found like an unknown one; a wrong password is audited and throttled like a sign-in; every
// input is validated. Every reply is checked against the OpenAPI document.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { startServer } from './lib/server.mjs';
import { client, cookieJar, ok, problem } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let admin;
let doc;

before(async () => {
  doc = loadOpenApi();
  server = await startServer({ data: 'empty' });
  admin = server.admin;
});
after(async () => { await server?.stop(); });

const LAPTOP = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const TABLET = 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** A client signed in as `credentials` from a browser that says `userAgent`. */
async function signedIn(credentials, userAgent) {
  const jar = cookieJar();
  ok(await server.signIn(credentials, { jar, headers: { 'user-agent': userAgent } }));
  return client(server.base, { jar });
}

/** The reply, after checking it against the OpenAPI document. */
function documented(method, path, reply) {
  assert.deepEqual(checkReply(doc, method, path, reply).slice(0, 10), [], `${method} ${path} -> ${reply.status}: ${reply.text.slice(0, 300)}`);
  return reply;
}

const list = async (api) => ok(documented('GET', '/api/v1/auth/sessions', await api.get('/api/v1/auth/sessions'))).items;
const end = async (api, body, options) => documented('POST', '/api/v1/auth/sessions/end', await api.post('/api/v1/auth/sessions/end', body, options));
const me = (api) => api.get('/api/v1/auth/me');
const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');
const byAgent = (items, agent) => items.find((item) => item.user_agent === agent);
const auditOf = async (userId) => ok(await admin.get(`/api/v1/audit?action=user.sessions_end&object_type=user&object_id=${userId}`)).items;

describe('GET /auth/sessions', () => {
  test('two sign-ins give two sessions, the newest activity first, each current from its own side', async () => {
    const user = await server.addUser({ roles: ['leader'] });
    const laptop = await signedIn(user, LAPTOP);
    const phone = await signedIn(user, PHONE);
    const other = await signedIn(await server.addUser({ roles: ['leader'] }), TABLET);

    const fromLaptop = await list(laptop);
    assert.deepEqual(fromLaptop.map((s) => s.user_agent), [PHONE, LAPTOP], 'the phone signed in last');
    assert.deepEqual(fromLaptop.map((s) => s.current), [false, true]);
    for (const session of fromLaptop) {
      assert.deepEqual(Object.keys(session).sort(), ['address', 'created_at', 'current', 'expires_at', 'id', 'last_seen_at', 'user_agent']);
      assert.match(session.id, /^[0-9a-f]{32}$/);
      assert.equal(session.address, '127.0.0.1');
      assert.ok(Date.parse(session.created_at) <= Date.parse(session.last_seen_at));
      assert.equal(Date.parse(session.expires_at) - Date.parse(session.created_at), 8 * 3600 * 1000);
    }
    // The ids name the sessions without being their token hashes (the audit trail's "session").
    for (const api of [laptop, phone]) {
      assert.ok(!fromLaptop.some((s) => s.id === sha256(api.jar.value) || s.id === api.jar.value));
    }

    const fromPhone = await list(phone);
    assert.deepEqual(fromPhone.map((s) => [s.id, s.current]), [[byAgent(fromLaptop, PHONE).id, true], [byAgent(fromLaptop, LAPTOP).id, false]]);
    // Another user's list holds only their own.
    const others = await list(other);
    assert.equal(others.length, 1);
    assert.equal(others[0].user_agent, TABLET);
    assert.ok(!fromLaptop.some((s) => s.id === others[0].id));
  });

  test('ended sessions are not listed; without a session it is 401', async () => {
    const user = await server.addUser({ roles: ['leader'] });
    const laptop = await signedIn(user, LAPTOP);
    const phone = await signedIn(user, PHONE);
    assert.equal((await phone.post('/api/v1/auth/logout', undefined)).status, 204);
    const left = await list(laptop);
    assert.deepEqual(left.map((s) => s.user_agent), [LAPTOP]);
    problem(await client(server.base, { jar: null }).get('/api/v1/auth/sessions'), 401, 'unauthenticated');
    problem(await laptop.get('/api/v1/auth/sessions?all=1'), 400, null);
  });
});

describe('POST /auth/sessions/end', () => {
  test('ending the other session: its cookie is 401 at once, this one stays, and it is audited', async () => {
    const user = await server.addUser({ roles: ['office_staff'] });
    const laptop = await signedIn(user, LAPTOP);
    const phone = await signedIn(user, PHONE);
    const phoneId = byAgent(await list(laptop), PHONE).id;
    assert.deepEqual(ok(await end(laptop, { id: phoneId, current_password: user.password })), { ended: 1 });
    problem(await me(phone), 401, null);
    ok(await me(laptop));
    assert.deepEqual((await list(laptop)).map((s) => [s.user_agent, s.current]), [[LAPTOP, true]]);
    // Ended, the id is not found any more.
    problem(await end(laptop, { id: phoneId, current_password: user.password }), 404, 'not_found');

    const [event] = await auditOf(user.id);
    assert.equal(event.action, 'user.sessions_end');
    assert.equal(event.outcome, 'ok');
    assert.equal(event.actor, user.username);
    assert.equal(event.session, sha256(laptop.jar.value));
    assert.equal(event.details.sessions_ended, 1);
    assert.deepEqual(event.details.session_ids, [phoneId]);
    assert.ok(!JSON.stringify(event).includes(user.password), 'the password is not recorded');
  });

  test('others: true ends every other session of the user, keeps this one and other users\'', async () => {
    const user = await server.addUser({ roles: ['leader'] });
    const laptop = await signedIn(user, LAPTOP);
    const phone = await signedIn(user, PHONE);
    const tablet = await signedIn(user, TABLET);
    const someoneElse = await signedIn(await server.addUser({ roles: ['leader'] }), PHONE);
    assert.equal((await list(laptop)).length, 3);
    assert.deepEqual(ok(await end(laptop, { others: true, current_password: user.password })), { ended: 2 });
    problem(await me(phone), 401, null);
    problem(await me(tablet), 401, null);
    ok(await me(laptop));
    ok(await me(someoneElse));
    assert.equal((await list(laptop)).length, 1);
    // Nothing left to end: 0, still a success.
    assert.deepEqual(ok(await end(laptop, { others: true, current_password: user.password })), { ended: 0 });
    const [event] = await auditOf(user.id);
    assert.equal(event.details.sessions_ended, 0);
    assert.equal(event.details.target, 'others');
  });

  test('another user\'s session id is 404 like an unknown one, and it stays open', async () => {
    const user = await server.addUser({ roles: ['leader'] });
    const mine = await signedIn(user, LAPTOP);
    const theirs = await signedIn(await server.addUser({ roles: ['leader'] }), PHONE);
    const theirId = (await list(theirs))[0].id;
    const foreign = problem(await end(mine, { id: theirId, current_password: user.password }), 404, 'not_found');
    const unknown = problem(await end(mine, { id: '0'.repeat(32), current_password: user.password }), 404, 'not_found');
    assert.equal(foreign.title, unknown.title);
    assert.equal(foreign.detail, unknown.detail);
    // Nor does a token hash, or the token itself, name a session.
    problem(await end(mine, { id: sha256(theirs.jar.value), current_password: user.password }), 404, 'not_found');
    problem(await end(mine, { id: theirs.jar.value, current_password: user.password }), 404, 'not_found');
    ok(await me(theirs));
    // An administrator is no exception: its own sessions only.
    problem(await end(admin, { id: theirId, current_password: server.adminUser.password }), 404, 'not_found');
    ok(await me(theirs));
  });

  test('the current session is refused on id (sign out instead), in either language', async () => {
    const user = await server.addUser({ roles: ['leader'] });
    const laptop = await signedIn(user, LAPTOP);
    const currentId = (await list(laptop))[0].id;
    problem(await end(laptop, { id: currentId, current_password: user.password }), 422, 'validation_failed', [['id', 'session_current']]);
    const english = problem(await end(laptop, { id: currentId, current_password: user.password }, { lang: 'en' }), 422, 'validation_failed', [['id', 'session_current']]);
    assert.match(english.errors[0].message, /session in use; sign out/);
    ok(await me(laptop));
  });

  test('every input is validated: 422 naming the field, and nothing ends', async () => {
    const user = await server.addUser({ roles: ['leader'] });
    const laptop = await signedIn(user, LAPTOP);
    const phone = await signedIn(user, PHONE);
    const phoneId = byAgent(await list(laptop), PHONE).id;
    const password = user.password;
    const cases = [
      [{}, [['id', 'one_of'], ['current_password', 'required']]],
      [{ id: phoneId }, [['current_password', 'required']]],
      [{ id: phoneId, current_password: '' }, [['current_password', 'required']]],
      [{ id: phoneId, others: true, current_password: password }, [['id', 'one_of']]],
      [{ others: false, current_password: password }, [['id', 'one_of']]],
      [{ id: '', current_password: password }, [['id', 'one_of']]],
      [{ id: 5, current_password: password }, [['id', 'wrong_type']]],
      [{ others: 'yes', current_password: password }, [['others', 'wrong_type']]],
      [{ others: true, current_password: 12345678 }, [['current_password', 'wrong_type']]],
      [{ others: true, current_password: password, everyone: true }, [['everyone', 'unknown_field']]],
      [{ id: phoneId, current_password: password, user_id: 1 }, [['user_id', 'unknown_field']]],
    ];
    for (const [body, fields] of cases) {
      const refused = problem(await end(laptop, body), 422, 'validation_failed', fields);
      assert.equal(refused.errors.length, fields.length, JSON.stringify(body));
    }
    problem(await end(laptop, [phoneId]), 400, 'body_not_object');
    problem(await laptop.post('/api/v1/auth/sessions/end?others=true', { others: true, current_password: password }), 400, null);
    ok(await me(phone));
    assert.equal((await list(laptop)).length, 2);
    assert.equal((await auditOf(user.id)).length, 0, 'an invalid request is not a re-authentication attempt');
  });

  test('CSRF: without the headers it is 403 and nothing ends', async () => {
    const user = await server.addUser({ roles: ['leader'] });
    const laptop = await signedIn(user, LAPTOP);
    const phone = await signedIn(user, PHONE);
    const bare = client(server.base, { jar: laptop.jar, csrf: false });
    problem(await bare.post('/api/v1/auth/sessions/end', { others: true, current_password: user.password }), 403, 'csrf_rejected');
    ok(await me(phone));
  });

  test('a wrong password: 422 on current_password, audited; five make even the right one 429, sign-in too', async () => {
    const user = await server.addUser({ roles: ['leader'] });
    const laptop = await signedIn(user, LAPTOP);
    const phone = await signedIn(user, PHONE);
    const phoneId = byAgent(await list(laptop), PHONE).id;
    for (let attempt = 0; attempt < 5; attempt++) {
      problem(await end(laptop, { id: phoneId, current_password: `${user.password}x${attempt}` }), 422, 'validation_failed', [['current_password', 'password_wrong']]);
    }
    ok(await me(phone));
    const events = await auditOf(user.id);
    assert.equal(events.length, 5);
    for (const event of events) {
      assert.equal(event.outcome, 'refused');
      assert.equal(event.details.reason, 'password_wrong');
      assert.ok(!JSON.stringify(event).includes(user.password), 'no password is recorded');
    }
    const locked = await end(laptop, { id: phoneId, current_password: user.password });
    problem(locked, 429, 'login_throttled');
    const retry = Number(locked.headers.get('retry-after'));
    assert.ok(retry > 0 && retry <= 900, `Retry-After: ${locked.headers.get('retry-after')}`);
    ok(await me(phone));
    // The same throttle as signing in: this account from this address is held back there too.
    problem(await server.signIn(user), 429, 'login_throttled');
    ok(await me(laptop));
  });
});
