// Bad input: each gets its 4xx as application/problem+json naming the problem and the field,
// in Vietnamese or English by Accept-Language, and NOTHING is written (checked by re-reading).
import { before, after, beforeEach, afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  client, ok, problem, buildTree, memberPayload, createMember, counts, listMembers, cccd, cardNo,
  yearsAgo,
} from './lib/api.mjs';

let server;
let api;
let tree;
let existing; // a member every PATCH case tries to change
let existingCard;

before(async () => {
  server = await startServer({ data: 'empty' });
  api = client(server.base);
  tree = await buildTree(api, 'Lỗi');
  existingCard = cardNo();
  existing = await createMember(api, tree.cellA.id, {
    full_name: 'Đinh Văn Gốc', party_card_no: existingCard, work_unit: 'Phòng Gốc', phone: '0912345678',
  });
});
after(async () => { await server?.stop(); });

// ---- "nothing written" -------------------------------------------------------------------

async function snapshot() {
  const member = ok(await api.get(`/api/v1/members/${existing.id}`));
  const orgs = [];
  for (const org of Object.values(tree)) {
    const o = ok(await api.get(`/api/v1/orgs/${org.id}`));
    orgs.push({ id: o.id, name: o.name, version: o.version, status: o.status, path: o.path, counts: o.counts });
  }
  return {
    total: (await listMembers(api, {})).total,
    roots: ok(await api.get('/api/v1/orgs')).items.map((o) => o.id),
    member,
    orgs,
  };
}

let baseline;
// Every test in this file must leave the database as it found it, unless it says otherwise.
beforeEach(async () => { baseline = await snapshot(); });
afterEach(async (t) => {
  if (t.name.startsWith('(writes)')) return;
  assert.deepEqual(await snapshot(), baseline, `"${t.name}" must not write anything`);
});

const post = (body, options) => api.post('/api/v1/members', body, options);
const raw = (method, path, body, headers = { 'content-type': 'application/json' }) =>
  api.request(method, path, { body, headers });
const valid = (overrides = {}) => memberPayload(tree.cellA.id, overrides);
const patchExisting = (fields, options) =>
  api.patch(`/api/v1/members/${existing.id}`, { version: existing.version, ...fields }, options);

async function assertNotStored(citizenId) {
  assert.equal((await listMembers(api, { q: citizenId })).total, 0, `no member with CCCD ${citizenId}`);
}

// ---- request bodies ----------------------------------------------------------------------

describe('malformed JSON: 400 malformed_json', () => {
  for (const [label, body] of [
    ['truncated', '{"full_name": "Nguyễn Văn An",'],
    ['trailing comma', '{"full_name": "Nguyễn Văn An",}'],
    ['single quotes', "{'full_name': 'A'}"],
    ['empty body', ''],
    ['garbage after the object', '{"full_name": "A"} x'],
    // Found by fuzz/json_fuzz.cpp: answered 500 before.
    ['a number beyond a double', '{"full_name": "A", "party_card_number": 1e400}'],
  ]) {
    test(`POST /members: ${label}`, async () => {
      const p = problem(await raw('POST', '/api/v1/members', body), 400, 'malformed_json');
      assert.match(p.title, /JSON/);
    });
  }

  test('every JSON route refuses it', async () => {
    const body = '{"name": ';
    problem(await raw('POST', '/api/v1/orgs', body), 400, 'malformed_json');
    problem(await raw('PATCH', `/api/v1/orgs/${tree.cellA.id}`, body), 400, 'malformed_json');
    problem(await raw('POST', `/api/v1/orgs/${tree.cellA.id}/move`, body), 400, 'malformed_json');
    problem(await raw('POST', `/api/v1/orgs/${tree.cellA.id}/dissolve`, body), 400, 'malformed_json');
    problem(await raw('POST', `/api/v1/orgs/${tree.cellA.id}/merge`, body), 400, 'malformed_json');
    problem(await raw('PATCH', `/api/v1/members/${existing.id}`, body), 400, 'malformed_json');
  });

  test('a body that is not an object: 400 body_not_object', async () => {
    for (const body of ['[]', '"text"', '42', 'null', `[${JSON.stringify(valid())}]`]) {
      problem(await raw('POST', '/api/v1/members', body), 400, 'body_not_object');
    }
    problem(await raw('PATCH', `/api/v1/members/${existing.id}`, '[1]'), 400, 'body_not_object');
    problem(await raw('POST', '/api/v1/orgs', 'true'), 400, 'body_not_object');
  });
});

describe('wrong JSON types: 422 wrong_type naming the field', () => {
  const cases = [
    ['full_name', 123],
    ['full_name', true],
    ['sex', ['male']],
    ['birth_date', 19800515],
    ['status', { code: 'official' }],
    ['org_id', true],
    ['org_id', 1.5],
    ['org_id', [1]],
    ['aliases', 5],
    ['aliases', [1, 2]],
    ['citizen_id', 1080123456],
    ['phone', 912345678],
  ];
  for (const [field, value] of cases) {
    test(`POST /members with ${field}: ${JSON.stringify(value)}`, async () => {
      const payload = valid({ [field]: value });
      problem(await post(payload), 422, 'validation_failed', [[field, 'wrong_type']]);
      if (field !== 'citizen_id') await assertNotStored(payload.citizen_id);
    });
  }

  test('several wrong fields are all named', async () => {
    const p = problem(await post(valid({ full_name: 1, sex: 2, org_id: 'x1' })), 422, 'validation_failed',
      [['full_name', 'wrong_type'], ['sex', 'wrong_type']]);
    assert.ok(p.errors.length >= 2);
  });

  test('org_id as a non-numeric string is an invalid id', async () => {
    problem(await post(valid({ org_id: 'abc' })), 422, 'validation_failed', [['org_id', 'invalid_id']]);
  });

  test('PATCH /members: version and fields with wrong types', async () => {
    problem(await api.patch(`/api/v1/members/${existing.id}`, { version: String(existing.version), position: 'X' }),
      422, 'validation_failed', [['version', 'wrong_type']]);
    problem(await patchExisting({ full_name: 42 }), 422, 'validation_failed', [['full_name', 'wrong_type']]);
    problem(await patchExisting({ aliases: { a: 1 } }), 422, 'validation_failed', [['aliases', 'wrong_type']]);
  });

  test('organization bodies', async () => {
    problem(await api.post('/api/v1/orgs', { kind: 'cell', name: 5, parent_id: tree.base.id }),
      422, 'validation_failed', [['name', 'wrong_type']]);
    problem(await api.post('/api/v1/orgs', { kind: 'cell', name: 'Chi bộ X', parent_id: String(tree.base.id) }),
      422, 'validation_failed', [['parent_id', 'wrong_type']]);
    problem(await api.post('/api/v1/orgs', { kind: 'cell', name: 'Chi bộ X', parent_id: tree.base.id, established_on: 20200101 }),
      422, 'validation_failed', [['established_on', 'wrong_type']]);
    problem(await api.patch(`/api/v1/orgs/${tree.cellA.id}`, { version: '1', name: 'X' }),
      422, 'validation_failed', [['version', 'wrong_type']]);
    problem(await api.post(`/api/v1/orgs/${tree.cellA.id}/move`, { parent_id: `${tree.base.id}` }),
      422, 'validation_failed', [['parent_id', 'wrong_type']]);
    problem(await api.post(`/api/v1/orgs/${tree.cellA.id}/dissolve`, { dissolved_on: 1 }),
      422, 'validation_failed', [['dissolved_on', 'wrong_type']]);
  });
});

describe('unknown fields: 422 unknown_field naming the field', () => {
  test('POST /members', async () => {
    for (const extra of [{ nickname: 'Ba' }, { id: 5 }, { version: 1 }, { Full_Name: 'X' }, { age: 40 }, { org_name: 'X' }]) {
      const payload = { ...valid(), ...extra };
      problem(await post(payload), 422, 'validation_failed', [[Object.keys(extra)[0], 'unknown_field']]);
      await assertNotStored(payload.citizen_id);
    }
  });

  test('PATCH /members', async () => {
    problem(await patchExisting({ nickname: 'Ba', position: 'X' }), 422, 'validation_failed', [['nickname', 'unknown_field']]);
    problem(await patchExisting({ history: [] }), 422, 'validation_failed', [['history', 'unknown_field']]);
  });

  test('organization routes', async () => {
    problem(await api.post('/api/v1/orgs', { kind: 'cell', name: 'Chi bộ X', parent_id: tree.base.id, status: 'active' }),
      422, 'validation_failed', [['status', 'unknown_field']]);
    problem(await api.post(`/api/v1/orgs/${tree.cellA.id}/move`, { parent_id: tree.base.id, reason: 'x' }),
      422, 'validation_failed', [['reason', 'unknown_field']]);
    problem(await api.post(`/api/v1/orgs/${tree.cellA.id}/merge`, { target_id: tree.cellB.id, note: 'x' }),
      422, 'validation_failed', [['note', 'unknown_field']]);
  });
});

describe('invalid UTF-8 inside a string value: 4xx naming the field', () => {
  const withBytes = (before, bytes, afterText) =>
    Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from(bytes), Buffer.from(afterText, 'utf8')]);

  test('0xC3 0x28 in full_name', async () => {
    const payload = valid();
    const json = JSON.stringify({ ...payload, full_name: 'Nguy@@n Văn An' });
    const [head, tail] = json.split('@@');
    const reply = await raw('POST', '/api/v1/members', withBytes(head, [0xc3, 0x28], tail));
    assert.ok(reply.status === 400 || reply.status === 422, `status ${reply.status}`);
    const p = problem(reply, reply.status, null, [['full_name', 'invalid_utf8']]);
    assert.equal(p.errors.length, 1);
    await assertNotStored(payload.citizen_id);
  });

  test('a lone continuation byte, an overlong form and 0xFF in other fields', async () => {
    for (const [field, bytes] of [['work_unit', [0x80]], ['place_of_birth', [0xc0, 0xaf]], ['position', [0xff]],
      ['home_town', [0xed, 0xa0, 0x80]]]) {
      const payload = valid();
      const json = JSON.stringify({ ...payload, [field]: 'Hà@@Nội' });
      const [head, tail] = json.split('@@');
      const reply = await raw('POST', '/api/v1/members', withBytes(head, bytes, tail));
      problem(reply, reply.status, null, [[field, 'invalid_utf8']]);
      assert.ok(reply.status === 400 || reply.status === 422);
      await assertNotStored(payload.citizen_id);
    }
  });

  test('in a PATCH and in an organization name', async () => {
    let json = JSON.stringify({ version: existing.version, work_unit: 'Ph@@ng' });
    let [head, tail] = json.split('@@');
    let reply = await raw('PATCH', `/api/v1/members/${existing.id}`, withBytes(head, [0xc3, 0x28], tail));
    problem(reply, reply.status, null, [['work_unit', 'invalid_utf8']]);
    json = JSON.stringify({ kind: 'cell', name: 'Chi b@@', parent_id: tree.base.id });
    [head, tail] = json.split('@@');
    reply = await raw('POST', '/api/v1/orgs', withBytes(head, [0xc3, 0x28], tail));
    problem(reply, reply.status, null, [['name', 'invalid_utf8']]);
  });

  test('a control character in a name is refused too', async () => {
    problem(await post(valid({ full_name: 'Nguyễn\u0007Văn An' })), 422, 'validation_failed', [['full_name', 'control_character']]);
  });
});

describe('over-long strings: 422 too_long', () => {
  test('full_name over 100 characters', async () => {
    const payload = valid({ full_name: `Nguyễn Văn ${'A'.repeat(90)}` });
    assert.equal([...payload.full_name].length, 101);
    problem(await post(payload), 422, 'validation_failed', [['full_name', 'too_long']]);
    await assertNotStored(payload.citizen_id);
  });

  test('free-text fields over 255 characters, email over 254', async () => {
    for (const field of ['place_of_birth', 'home_town', 'permanent_residence', 'current_residence', 'work_unit', 'position']) {
      problem(await post(valid({ [field]: 'ồ'.repeat(256) })), 422, 'validation_failed', [[field, 'too_long']]);
    }
    problem(await post(valid({ email: `${'a'.repeat(250)}@ex.vn` })), 422, 'validation_failed', [['email', 'too_long']]);
    problem(await post(valid({ party_card_no: '1'.repeat(33) })), 422, 'validation_failed', [['party_card_no', 'too_long']]);
  });

  test('in a PATCH and in organizations', async () => {
    problem(await patchExisting({ work_unit: 'x'.repeat(256) }), 422, 'validation_failed', [['work_unit', 'too_long']]);
    problem(await api.post('/api/v1/orgs', { kind: 'cell', name: 'Đ'.repeat(256), parent_id: tree.base.id }),
      422, 'validation_failed', [['name', 'too_long']]);
    problem(await api.post('/api/v1/orgs', { kind: 'cell', name: 'Chi bộ X', short_name: 'Đ'.repeat(101), parent_id: tree.base.id }),
      422, 'validation_failed', [['short_name', 'too_long']]);
    problem(await api.post('/api/v1/orgs', { kind: 'cell', name: 'Chi bộ X', code: 'C'.repeat(33), parent_id: tree.base.id }),
      422, 'validation_failed', [['code', 'too_long']]);
  });

  test('(writes) limits count characters, not bytes: 100 Vietnamese letters fit', async () => {
    const name = `Nguyễn Thị ${'Ễ'.repeat(89)}`;
    assert.equal([...name].length, 100);
    const m = await createMember(api, tree.cellB.id, { full_name: name, sex: 'female', citizen_id: cccd({ sex: 'female' }) });
    assert.equal(m.full_name, name);
    const w = ok(await api.patch(`/api/v1/members/${m.id}`, { version: 1, work_unit: 'ộ'.repeat(255) }));
    assert.equal([...w.work_unit].length, 255);
  });
});

describe('bodies over 1 MiB: 413 body_too_large', () => {
  const big = (bytes) => JSON.stringify({ ...valid(), work_unit: 'x'.repeat(bytes) });

  test('POST /members with 1.5 MiB', async () => {
    const body = big(1.5 * 1024 * 1024);
    const p = problem(await raw('POST', '/api/v1/members', body), 413, 'body_too_large');
    assert.match(p.title, /1048576/);
  });

  test('PATCH /members and POST /orgs with 1.1 MiB', async () => {
    problem(await raw('PATCH', `/api/v1/members/${existing.id}`, JSON.stringify({ version: existing.version, work_unit: 'x'.repeat(1.1 * 1024 * 1024) })),
      413, 'body_too_large');
    problem(await raw('POST', '/api/v1/orgs', JSON.stringify({ kind: 'cell', name: 'x'.repeat(1.1 * 1024 * 1024), parent_id: tree.base.id })),
      413, 'body_too_large');
  });

  test('just under 1 MiB is read (and then refused as too long, 422)', async () => {
    const body = big(1024 * 1024 - 2000);
    assert.ok(Buffer.byteLength(body) <= 1024 * 1024);
    problem(await raw('POST', '/api/v1/members', body), 422, 'validation_failed', [['work_unit', 'too_long']]);
  });

  test('a 5 MiB body also gets a 413 answer (not a dropped connection)', async () => {
    let reply;
    try {
      reply = await raw('POST', '/api/v1/members', big(5 * 1024 * 1024));
    } catch (error) {
      assert.fail(`POST /api/v1/members with a 5 MiB body: no HTTP answer (${error.cause?.code ?? error.message}); expected 413`);
    }
    problem(reply, 413, 'body_too_large');
  });
});

describe('impossible or malformed dates: 422 invalid_date on that field', () => {
  for (const [field, value] of [
    ['birth_date', '2024-02-30'],
    ['birth_date', '2023-02-29'],
    ['birth_date', '1980-13-01'],
    ['birth_date', '1980-00-10'],
    ['birth_date', '1980-5-15'],
    ['birth_date', '15/05/1980'],
    ['birth_date', '1980-05-15T00:00:00Z'],
    ['admission_date', '2024-02-30'],
    ['admission_date', '2005-04-31'],
    ['official_date', '2006-06-31'],
  ]) {
    test(`${field}: ${value}`, async () => {
      const payload = valid({ [field]: value });
      problem(await post(payload), 422, 'validation_failed', [[field, 'invalid_date']]);
      await assertNotStored(payload.citizen_id);
    });
  }

  test('in a PATCH', async () => {
    problem(await patchExisting({ birth_date: '2024-02-30' }), 422, 'validation_failed', [['birth_date', 'invalid_date']]);
  });

  test('(writes) 29 February of a leap year is a real date', async () => {
    const m = await createMember(api, tree.cellB.id, { full_name: 'Đinh Văn Nhuận', birth_date: '1980-02-29', admission_date: '2024-02-29', official_date: '2025-02-28', citizen_id: cccd({ birthYear: 1980 }) });
    assert.equal(m.admission_date, '2024-02-29');
  });
});

describe('CCCD (citizen_id)', () => {
  test('letters or the wrong length: 422 cccd_format', async () => {
    for (const bad of ['00108012345A', '00108012345', '0010801234567', 'ABCDEFGHIJKL', '001-080-123-456', '００１０８０１２３４５６']) {
      const payload = valid({ citizen_id: bad });
      problem(await post(payload), 422, 'validation_failed', [['citizen_id', 'cccd_format']]);
    }
    problem(await patchExisting({ citizen_id: '12345' }), 422, 'validation_failed', [['citizen_id', 'cccd_format']]);
  });

  test('a first 3 digits that are no province: 422 cccd_province', async () => {
    problem(await post(valid({ citizen_id: cccd({ province: '999' }) })), 422, 'validation_failed', [['citizen_id', 'cccd_province']]);
    problem(await post(valid({ citizen_id: cccd({ province: '003' }) })), 422, 'validation_failed', [['citizen_id', 'cccd_province']]);
  });

  test('digits 4-6 that disagree with sex or birth year: 422 cccd_mismatch', async () => {
    // a woman with a man's century digit
    problem(await post(valid({ sex: 'female', citizen_id: cccd({ sex: 'male', birthYear: 1980 }) })),
      422, 'validation_failed', [['citizen_id', 'cccd_mismatch']]);
    // born 1980, CCCD says 1981
    problem(await post(valid({ birth_date: '1980-05-15', citizen_id: cccd({ birthYear: 1981 }) })),
      422, 'validation_failed', [['citizen_id', 'cccd_mismatch']]);
    // born 2001 (century digit 2), CCCD with the 1900s digit
    problem(await post(valid({ birth_date: '2001-01-01', admission_date: '2024-01-01', official_date: '2025-01-01', citizen_id: '001001123456' })),
      422, 'validation_failed', [['citizen_id', 'cccd_mismatch']]);
    // changing the sex of an existing member without changing the CCCD
    problem(await patchExisting({ sex: 'female' }), 422, 'validation_failed', [['citizen_id', 'cccd_mismatch']]);
  });

  test('a duplicate CCCD: 409 naming citizen_id', async () => {
    const p = problem(await post(valid({ citizen_id: existing.citizen_id, full_name: 'Đinh Văn Sao' })), 409, 'duplicate_member', [['citizen_id', 'duplicate']]);
    assert.equal(p.errors.length, 1);
    assert.equal((await listMembers(api, { q: existing.citizen_id })).total, 1);
    // spaces inside the number do not make it different
    const spaced = existing.citizen_id.replace(/^(\d{3})(\d{3})/, '$1 $2 ');
    problem(await post(valid({ citizen_id: spaced })), 409, 'duplicate_member', [['citizen_id', 'duplicate']]);
  });

  test('a duplicate party card number (in any case): 409 naming party_card_no', async () => {
    problem(await post(valid({ party_card_no: existingCard.toLowerCase() })), 409, 'duplicate_member', [['party_card_no', 'duplicate']]);
  });

  test('(writes) PATCHing another member onto an existing CCCD: 409, that member unchanged', async () => {
    const other = await createMember(api, tree.cellB.id, { full_name: 'Đinh Văn Khác', citizen_id: cccd({ birthYear: 1980 }) });
    problem(await api.patch(`/api/v1/members/${other.id}`, { version: 1, citizen_id: existing.citizen_id }),
      409, 'duplicate_member', [['citizen_id', 'duplicate']]);
    const reread = ok(await api.get(`/api/v1/members/${other.id}`));
    assert.equal(reread.citizen_id, other.citizen_id);
    assert.equal(reread.version, 1);
    assert.equal(reread.history.length, 1);
  });

  test('(writes) spaces in a CCCD are removed', async () => {
    const id = cccd({ birthYear: 1980 });
    const m = await createMember(api, tree.cellB.id, { full_name: 'Đinh Văn Cách', citizen_id: ` ${id.slice(0, 4)} ${id.slice(4, 8)} ${id.slice(8)} ` });
    assert.equal(m.citizen_id, id);
  });
});

describe('other rules of the member record: 422 naming the field', () => {
  const cases = [
    ['required fields missing', { full_name: null, sex: null, birth_date: null, ethnicity: null, religion: null, citizen_id: null, admission_date: null, org_id: null, status: null },
      ['full_name', 'sex', 'birth_date', 'ethnicity', 'religion', 'citizen_id', 'admission_date', 'org_id', 'status'].map((f) => [f, 'required'])],
    ['empty full name', { full_name: '   ' }, [['full_name', 'required']]],
    ['digits in a name', { full_name: 'Nguyễn Văn 3' }, [['full_name', 'name_charset']]],
    ['unknown sex', { sex: 'other' }, [['sex', 'unknown_code']]],
    ['unknown ethnicity', { ethnicity: '99' }, [['ethnicity', 'unknown_code']]],
    ['unknown religion', { religion: 'jedi' }, [['religion', 'unknown_code']]],
    ['unknown status', { status: 'honorary' }, [['status', 'unknown_code']]],
    ['unknown political theory level', { political_theory: 'phd' }, [['political_theory', 'unknown_code']]],
    ['admitted under 18', { birth_date: '1990-06-01', admission_date: '2008-05-31', official_date: '2009-06-01', citizen_id: cccd({ birthYear: 1990 }) }, [['admission_date', 'admission_under_age']]],
    ['official date before admission', { admission_date: '2005-03-02', official_date: '2005-03-01' }, [['official_date', 'official_before_admission']]],
    ['official date equal to admission', { admission_date: '2005-03-02', official_date: '2005-03-02' }, [['official_date', 'official_before_admission']]],
    ['official without official date', { status: 'official', official_date: null }, [['official_date', 'required_for_official']]],
    ['probationary with an official date', { status: 'probationary', official_date: '2006-03-02' }, [['official_date', 'official_date_for_probationary']]],
    ['probationary with a party card', { status: 'probationary', party_card_no: 'TN9999999' }, [['party_card_no', 'card_for_probationary']]],
    ['birth date in the future', { birth_date: yearsAgo(-1), citizen_id: null }, [['birth_date', 'date_in_future']]],
    ['admission in the future', { admission_date: yearsAgo(-1), official_date: null, status: 'probationary' }, [['admission_date', 'date_in_future']]],
    ['birth before 1900', { birth_date: '1899-12-31', citizen_id: '001099123456' }, [['birth_date', 'date_too_early']]],
    ['bad email', { email: 'an@' }, [['email', 'email_format']]],
    ['bad phone', { phone: '12345' }, [['phone', 'phone_format']]],
    ['bad general education', { general_education: '13/12' }, [['general_education', 'education_format']]],
    ['bad card characters', { party_card_no: 'TN 123' }, [['party_card_no', 'card_charset']]],
    ['org that does not exist', { org_id: 999999 }, [['org_id', 'org_not_found']]],
  ];
  for (const [label, overrides, fields] of cases) {
    test(label, async () => {
      const payload = valid(overrides);
      problem(await post(payload), 422, 'validation_failed', fields);
      if (payload.citizen_id) await assertNotStored(payload.citizen_id);
    });
  }

  test('an organization that cannot hold members (a committee)', async () => {
    for (const org of [tree.root, tree.above, tree.base]) {
      problem(await post(valid({ org_id: org.id })), 422, 'validation_failed', [['org_id', 'org_cannot_hold_members']]);
    }
    problem(await patchExisting({ org_id: tree.base.id }), 422, 'validation_failed', [['org_id', 'org_cannot_hold_members']]);
  });

  test('a required field cleared by PATCH', async () => {
    problem(await patchExisting({ full_name: null }), 422, 'validation_failed', [['full_name', 'required']]);
    problem(await patchExisting({ birth_date: '' }), 422, 'validation_failed', [['birth_date', 'required']]);
  });

  test('a PATCH with one good and one bad field writes neither', async () => {
    problem(await patchExisting({ position: 'Bí thư', email: 'not-an-email' }), 422, 'validation_failed', [['email', 'email_format']]);
  });
});

describe('Content-Type: 415 unless application/json', () => {
  test('text/plain, form data, none', async () => {
    const body = JSON.stringify(valid());
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      problem(await raw('POST', '/api/v1/members', body, { 'content-type': type }), 415, 'unsupported_media_type');
    }
    problem(await api.request('POST', '/api/v1/members', { body: new Uint8Array(Buffer.from(body)) }), 415, 'unsupported_media_type');
    problem(await raw('PATCH', `/api/v1/members/${existing.id}`, JSON.stringify({ version: 1, position: 'x' }), { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    problem(await raw('POST', '/api/v1/orgs', JSON.stringify({ kind: 'cell', name: 'X', parent_id: tree.base.id }), { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    problem(await raw('POST', `/api/v1/orgs/${tree.cellA.id}/dissolve`, '{}', { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
  });

  test('(writes) application/json with a charset, in any case, is accepted', async () => {
    const a = valid({ full_name: 'Đinh Văn Bộ Mã' });
    ok(await raw('POST', '/api/v1/members', JSON.stringify(a), { 'content-type': 'application/json; charset=utf-8' }), 201);
    const b = valid({ full_name: 'Đinh Văn Hoa Thường' });
    ok(await raw('POST', '/api/v1/members', JSON.stringify(b), { 'content-type': 'Application/JSON' }), 201);
  });
});

describe('duplicate keys in a JSON object', () => {
  test('are refused rather than silently taking one value', async () => {
    const payload = valid();
    const body = JSON.stringify(payload).replace('{', '{"full_name":"Kẻ Mạo Danh",');
    const reply = await raw('POST', '/api/v1/members', body);
    assert.ok(reply.status === 400 || reply.status === 422,
      `expected 400/422 for duplicate key full_name, got ${reply.status} ${reply.text.slice(0, 300)}`);
    problem(reply, reply.status, null, [['full_name', null]]);
  });
});

// ---- query parameters --------------------------------------------------------------------

describe('query parameters', () => {
  test('an unknown parameter: 400 invalid_parameter naming it', async () => {
    for (const [path, field] of [
      ['/api/v1/members?foo=1', 'foo'],
      ['/api/v1/members?limit=10', 'limit'],
      ['/api/v1/members?org_id=1', 'org_id'],
      ['/api/v1/members?Q=an', 'Q'],
      ['/api/v1/members.csv?foo=1', 'foo'],
      ['/api/v1/orgs?foo=1', 'foo'],
      [`/api/v1/orgs/${tree.root.id}/children?foo=1`, 'foo'],
      ['/api/v1/orgs/search?q=a&foo=1', 'foo'],
    ]) {
      const p = problem(await api.get(path), 400, 'invalid_parameter', [[field, 'unknown_parameter']]);
      assert.equal(p.title, 'Tham số không hợp lệ');
    }
  });

  test('unknown parameters are refused on single-object routes too (a typo must not be ignored)', async () => {
    const failures = [];
    for (const path of [`/api/v1/members/${existing.id}?fields=full_name`, `/api/v1/members/${existing.id}/history?page=2`,
      `/api/v1/orgs/${tree.root.id}?include_dissolved=true`, `/api/v1/orgs/${tree.root.id}/stats?at=2020-01-01`]) {
      const reply = await api.get(path);
      if (reply.status !== 400) failures.push(`${path} -> ${reply.status}`);
    }
    assert.deepEqual(failures, [], 'expected 400 unknown_parameter');
  });

  test('values of the wrong form: 400 naming the parameter', async () => {
    const cases = [
      ['age_min=abc', 'age_min', 'wrong_type'],
      ['age_max=1.5', 'age_max', 'wrong_type'],
      ['age_min=-1', 'age_min', 'out_of_range'],
      ['admitted_from=19x', 'admitted_from', 'wrong_type'],
      ['page=0', 'page', 'out_of_range'],
      ['page=x', 'page', 'wrong_type'],
      ['page_size=0', 'page_size', 'out_of_range'],
      ['page_size=501', 'page_size', 'out_of_range'],
      ['org=abc', 'org', 'wrong_type'],
      ['org=0', 'org', 'out_of_range'],
      ['sort=height', 'sort', 'unknown_code'],
      ['sort=-', 'sort', 'unknown_code'],
      [`q=${'a'.repeat(201)}`, 'q', 'too_long'],
      ['q=%ZZ', 'q', 'malformed_escape'],
      ['q=%C3%28', 'q', 'invalid_utf8'],
    ];
    for (const [query, field, code] of cases) {
      problem(await api.get(`/api/v1/members?${query}`), 400, 'invalid_parameter', [[field, code]]);
    }
    problem(await api.get('/api/v1/orgs?parent=abc'), 400, 'invalid_parameter', [['parent', 'wrong_type']]);
    problem(await api.get('/api/v1/orgs?include_dissolved=maybe'), 400, 'invalid_parameter', [['include_dissolved', 'wrong_type']]);
    problem(await api.get(`/api/v1/orgs/${tree.root.id}/children?include_dissolved=2`), 400, 'invalid_parameter', [['include_dissolved', 'wrong_type']]);
  });

  test('values outside the catalogs or ranges are also 400 (a bad query value, like age_min=abc)', async () => {
    const cases = [
      ['status=bogus', 'status'],
      ['sex=x', 'sex'],
      ['ethnicity=99', 'ethnicity'],
      ['age_min=150', 'age_min'],
      ['age_min=50&age_max=40', 'age_max'],
      ['admitted_from=1900', 'admitted_from'],
      ['admitted_from=2010&admitted_to=2000', 'admitted_to'],
    ];
    const failures = [];
    for (const [query, field] of cases) {
      const reply = await api.get(`/api/v1/members?${query}`);
      const named = reply.body?.errors?.some((e) => e.field === field);
      assert.ok(named, `${query}: the problem names ${field}: ${reply.text.slice(0, 200)}`);
      if (reply.status !== 400 || reply.body.code !== 'invalid_parameter') failures.push(`${query} -> ${reply.status} ${reply.body.code}`);
    }
    assert.deepEqual(failures, [], 'every bad query value should be 400 invalid_parameter, as age_min=abc is');
  });

  test('an unknown organization in the subtree filter is 404', async () => {
    problem(await api.get('/api/v1/members?org=999999'), 404, 'not_found');
    problem(await api.get('/api/v1/members.csv?org=999999'), 404, 'not_found');
  });
});

// ---- the problem document and its language -----------------------------------------------

describe('problem+json shape and language', () => {
  test('members of the problem document', async () => {
    const reply = await post(valid({ full_name: 'A'.repeat(101) }));
    const p = problem(reply, 422, 'validation_failed', [['full_name', 'too_long']]);
    assert.equal(p.type, 'urn:chibo:problem:validation_failed');
    assert.equal(p.instance, '/api/v1/members');
    assert.equal(typeof p.request_id, 'string');
    assert.equal(p.request_id, reply.headers.get('x-request-id'));
    assert.equal(p.detail, p.errors[0].message);
  });

  test('default and vi give Vietnamese with diacritics', async () => {
    for (const lang of [undefined, 'vi', 'vi-VN,vi;q=0.9,en;q=0.8', 'fr-FR']) {
      const p = problem(await post(valid({ full_name: 'A'.repeat(101) }), { lang }), 422, 'validation_failed');
      assert.equal(p.title, 'Dữ liệu không hợp lệ', `lang ${lang}`);
      assert.equal(p.errors[0].message, 'Họ và tên đang dùng: dài quá 100 ký tự');
    }
    const dup = problem(await post(valid({ citizen_id: existing.citizen_id })), 409, 'duplicate_member');
    assert.equal(dup.title, 'Trùng với một đảng viên đã có');
    assert.equal(dup.errors[0].message, 'Số CCCD: đã có người khác dùng');
  });

  test('en gives English', async () => {
    for (const lang of ['en', 'en-US,en;q=0.9', 'EN']) {
      const p = problem(await post(valid({ full_name: 'A'.repeat(101) }), { lang }), 422, 'validation_failed');
      assert.equal(p.title, 'Invalid data', `lang ${lang}`);
      assert.equal(p.errors[0].message, 'Full name: longer than 100 characters');
    }
    const date = problem(await post(valid({ birth_date: '2024-02-30' }), { lang: 'en' }), 422, 'validation_failed');
    assert.equal(date.errors.find((e) => e.field === 'birth_date').message, 'Date of birth: not a valid date (YYYY-MM-DD, a real calendar day)');
    const cid = problem(await post(valid({ citizen_id: '123' }), { lang: 'en' }), 422, 'validation_failed');
    assert.equal(cid.errors[0].message, 'Citizen ID: must be exactly 12 digits');
    const stale = problem(await api.patch(`/api/v1/members/${existing.id}`, { version: 99, position: 'x' }, { lang: 'en' }), 409, 'version_conflict');
    assert.match(stale.title, /Someone else saved this record first/);
    const q = problem(await api.get('/api/v1/members?age_min=abc', { lang: 'en' }), 400, 'invalid_parameter');
    assert.equal(q.errors[0].message, 'Minimum age: must be an integer');
    const media = problem(await raw('POST', '/api/v1/members', '{}', { 'content-type': 'text/plain', 'accept-language': 'en' }), 415, 'unsupported_media_type');
    assert.equal(media.title, 'Only application/json bodies are accepted');
  });

  test('several errors: detail names the first and counts the rest', async () => {
    const vi = problem(await post(valid({ sex: 'x', religion: 'y', ethnicity: 'z' })), 422, 'validation_failed');
    assert.equal(vi.errors.length, 3);
    assert.match(vi.detail, /\(và 2 lỗi khác\)$/);
    const en = problem(await post(valid({ sex: 'x', religion: 'y', ethnicity: 'z' }), { lang: 'en' }), 422, 'validation_failed');
    assert.match(en.detail, /\(and 2 more\)$/);
  });
});
