// The member registry on a tree built by the test: create, read, history, update with
// optimistic concurrency, search, Vietnamese order, filters, paging, counts and CSV export.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  client, ok, problem, buildTree, memberPayload, createMember, counts, listMembers, allMembers,
  cccd, cardNo, compareNames, yearsAgo, serverToday, iso, ageOn,
} from './lib/api.mjs';
import { parseCsv } from './lib/csv.mjs';

let server;
let api;
let tree;

// cellA holds these names only, created in a scrambled order; this is their Vietnamese order
// (given name, then middle name, then family name; a < ă < â, d < đ, tones after letters).
const ORDERED_NAMES = [
  ['Bùi An', 'male'],
  ['Nguyễn Văn An', 'male'],
  ['Trần Văn An', 'male'],
  ['Lê Văn Anh', 'male'],
  ['Vũ Thị Ánh', 'female'],
  ['Ngô Văn Ân', 'male'],
  ['Đặng Thị Bình', 'female'],
  ['Lê Thị Bình', 'female'],
  ['Nguyễn Văn Bình', 'male'],
  ['Hoàng Văn Dũng', 'male'],
  ['Phạm Minh Đức', 'male'],
  ['Lê Minh Khai', 'male'],
  ['Trần Thị Minh Khai', 'female'],
];
const byName = new Map(); // full name -> created member (cellA)
const HCM_CCCD = cccd({ province: '079', sex: 'male', birthYear: 1980, serialNo: 424242 });
const CARD = cardNo();

// cellB: members chosen for the filters.
const filterSet = {};

before(async () => {
  server = await startServer({ data: 'empty' });
  api = client(server.base);
  tree = await buildTree(api);
  const scrambled = [7, 0, 12, 3, 9, 1, 11, 5, 2, 10, 4, 8, 6].map((i) => ORDERED_NAMES[i]);
  for (const [name, sex] of scrambled) {
    const extra = {};
    if (name === 'Ngô Văn Ân') { extra.citizen_id = HCM_CCCD; extra.party_card_no = CARD; }
    if (name === 'Hoàng Văn Dũng') { extra.birth_name = 'Hoàng Văn Tèo'; extra.aliases = ['Ba Sáu']; }
    byName.set(name, await createMember(api, tree.cellA.id, { full_name: name, sex, ...extra }));
  }

  const b = tree.cellB.id;
  filterSet.young = await createMember(api, b, {
    full_name: 'Lò Thị Mai', sex: 'female', ethnicity: '02', birth_date: '1995-07-01',
    admission_date: '2019-05-19', status: 'probationary',
  });
  filterSet.older = await createMember(api, b, {
    full_name: 'Hà Văn Sơn', ethnicity: '03', birth_date: '1970-01-10',
    admission_date: '1995-02-03', official_date: '1996-02-03',
  });
  filterSet.left = await createMember(api, b, {
    full_name: 'Đỗ Văn Lâm', birth_date: '1960-03-03', admission_date: '1985-01-01',
    official_date: '1986-01-01', status: 'left', exit_date: '2010-06-01', exit_ground: 'resigned_family_hardship',
  });
  filterSet.forty = await createMember(api, b, {
    full_name: 'Trịnh Văn Bốn', birth_date: yearsAgo(40), admission_date: yearsAgo(15),
    official_date: yearsAgo(14),
  });
  filterSet.almostForty = await createMember(api, b, {
    full_name: 'Trịnh Văn Năm', birth_date: yearsAgo(40, 1), admission_date: yearsAgo(15),
    official_date: yearsAgo(14),
  });
  filterSet.jan2010 = await createMember(api, b, {
    full_name: 'Phan Thị Xuân', sex: 'female', birth_date: '1985-04-04',
    admission_date: '2010-01-01', official_date: '2011-01-01',
  });
  filterSet.dec2010 = await createMember(api, b, {
    full_name: 'Phan Văn Hạ', birth_date: '1985-04-04', admission_date: '2010-12-31',
    official_date: '2011-12-31',
  });
  filterSet.jan2011 = await createMember(api, b, {
    full_name: 'Phan Văn Thu', birth_date: '1985-04-04', admission_date: '2011-01-01',
    official_date: '2012-01-01',
  });
  filterSet.dec2009 = await createMember(api, b, {
    full_name: 'Phan Văn Đông', birth_date: '1985-04-04', admission_date: '2009-12-31',
    official_date: '2010-12-31',
  });
});
after(async () => { await server?.stop(); });

const ids = (items) => items.map((m) => m.id).sort((x, y) => x - y);
const idsOf = (...members) => members.map((m) => m.id).sort((x, y) => x - y);

describe('POST /api/v1/members', () => {
  test('creates a member: 201, Location, ETag and the stored, cleaned record', async () => {
    const before = await counts(api, tree.baseCell.id);
    const payload = memberPayload(tree.baseCell.id, {
      // decomposed diacritics, extra spaces: stored NFC, trimmed, single spaces
      full_name: '  Nguye\u0302\u0303n   Thi\u0323 Hoa  ',
      sex: 'female',
      birth_date: '1990-02-28',
      admission_date: '2015-06-01',
      official_date: '2016-06-01',
      citizen_id: cccd({ sex: 'female', birthYear: 1990 }),
      party_card_no: 'tn-2024/7',
      phone: '+84 912 345 678',
      email: 'hoa@example.vn',
      aliases: ['Hoa Nhỏ', 'Bé Hoa'],
      birth_name: 'Nguyễn Thị Bông',
      place_of_birth: 'Hà Nội',
      home_town: 'Nam Định',
      permanent_residence: 'Phường Dịch Vọng, quận Cầu Giấy, Hà Nội',
      current_residence: 'Phường Dịch Vọng, quận Cầu Giấy, Hà Nội',
      general_education: '12/12',
      professional_qualification: 'bachelor',
      political_theory: 'intermediate',
      occupation: 'civil_servant',
      work_unit: 'Văn phòng Đảng ủy',
      position: 'Chuyên viên',
    });
    const reply = await api.post('/api/v1/members', payload);
    const member = ok(reply, 201);
    assert.equal(reply.headers.get('location'), `/api/v1/members/${member.id}`);
    assert.equal(reply.headers.get('etag'), '"v1"');
    assert.equal(member.full_name, 'Nguyễn Thị Hoa');
    assert.equal(member.full_name, member.full_name.normalize('NFC'));
    assert.equal(member.party_card_no, 'TN-2024/7');
    assert.equal(member.phone, '0912345678');
    assert.deepEqual(member.aliases, ['Hoa Nhỏ', 'Bé Hoa']);
    assert.equal(member.citizen_id, payload.citizen_id);
    assert.equal(member.org_id, tree.baseCell.id);
    assert.equal(member.org_name, tree.baseCell.name);
    assert.deepEqual(member.org, {
      id: tree.baseCell.id, name: tree.baseCell.name, kind: 'base_cell', short_name: null, status: 'active',
    });
    assert.equal(member.status, 'official');
    assert.equal(member.version, 1);
    assert.equal(member.age, ageOn('1990-02-28', iso(serverToday())));
    for (const field of ['email', 'birth_name', 'place_of_birth', 'home_town', 'permanent_residence',
      'current_residence', 'general_education', 'professional_qualification', 'political_theory',
      'occupation', 'work_unit', 'position', 'birth_date', 'admission_date', 'official_date',
      'sex', 'ethnicity', 'religion']) {
      assert.equal(member[field], payload[field], field);
    }
    // One "create" event, naming each field that was set, before = null.
    assert.equal(member.history.length, 1);
    const [event] = member.history;
    assert.equal(event.action, 'create');
    assert.equal(event.actor, 'tester', 'the history names the signed-in user');
    assert.match(event.at, /^\d{4}-\d{2}-\d{2}T/);
    const changed = Object.fromEntries(event.changes.map((c) => [c.field, c]));
    assert.equal(changed.full_name.after, 'Nguyễn Thị Hoa');
    assert.equal(changed.full_name.before, null);
    assert.equal(changed.citizen_id.after, payload.citizen_id);
    assert.equal(changed.status.after, 'official');
    assert.ok(!('religion' in changed) || changed.religion.after === 'none');
    for (const c of event.changes) assert.equal(c.before, null, `${c.field} had no value before`);

    // It shows up in its organization's counts and in each ancestor's.
    const after = await counts(api, tree.baseCell.id);
    assert.equal(after.official, before.official + 1);
    assert.equal(after.on_roll, before.on_roll + 1);
    assert.equal(after.total, before.total + 1);

    // GET returns the same record.
    const read = await api.get(`/api/v1/members/${member.id}`);
    assert.deepEqual(ok(read), member);
    assert.equal(read.headers.get('etag'), '"v1"');
  });

  test('look-alike letters and odd spaces are cleaned: Ð (eth) becomes Đ, no-break spaces collapse', async () => {
    const m = await createMember(api, tree.baseCell.id, {
      full_name: '\u00D0inh\u00A0Văn\u3000\tCường', birth_date: '1978-04-04', citizen_id: cccd({ birthYear: 1978 }),
    });
    assert.equal(m.full_name, 'Đinh Văn Cường');
    assert.deepEqual((await listMembers(api, { q: 'dinh van cuong' })).items.map((x) => x.id), [m.id]);
  });

  test('a probationary member counts as probationary up the tree', async () => {
    const before = await Promise.all([tree.cellA, tree.base, tree.above, tree.root].map((o) => counts(api, o.id)));
    const m = await createMember(api, tree.cellA.id, {
      full_name: 'Quách Thị Dự', sex: 'female', birth_date: '2001-09-02', admission_date: '2024-05-19',
      citizen_id: cccd({ sex: 'female', birthYear: 2001 }), status: 'probationary',
    });
    assert.equal(m.status, 'probationary');
    assert.equal(m.official_date, null);
    assert.match(m.citizen_id, /^0013/, 'a woman born in 2001 has century digit 3');
    const afterCounts = await Promise.all([tree.cellA, tree.base, tree.above, tree.root].map((o) => counts(api, o.id)));
    afterCounts.forEach((c, i) => {
      assert.equal(c.probationary, before[i].probationary + 1);
      assert.equal(c.official, before[i].official);
      assert.equal(c.on_roll, before[i].on_roll + 1);
    });
    assert.equal((await counts(api, tree.above2.id)).total, 0, 'a sibling subtree is untouched');
    // Keep cellA to the ordered names for the order tests.
    const moved = await api.patch(`/api/v1/members/${m.id}`, { version: m.version, org_id: tree.baseCell.id });
    ok(moved);
  });

  test('admission on the 18th birthday is allowed (the day before is not)', async () => {
    const ok18 = await createMember(api, tree.baseCell.id, {
      full_name: 'Kiều Văn Đủ Tuổi', birth_date: '1990-06-01', admission_date: '2008-06-01', official_date: '2009-06-01',
      citizen_id: cccd({ birthYear: 1990 }),
    });
    assert.equal(ok18.admission_date, '2008-06-01');
    problem(await api.post('/api/v1/members', memberPayload(tree.baseCell.id, {
      full_name: 'Kiều Văn Chưa Đủ', birth_date: '1990-06-01', admission_date: '2008-05-31', official_date: '2009-06-01',
      citizen_id: cccd({ birthYear: 1990 }),
    })), 422, 'validation_failed', [['admission_date', 'admission_under_age']]);
  });

  test('a status given by its Vietnamese label is stored as its code', async () => {
    const m = await createMember(api, tree.baseCell.id, {
      full_name: 'Kiều Văn Nhãn', status: 'Đảng viên dự bị', birth_date: '1999-01-01',
      admission_date: '2025-01-01', citizen_id: cccd({ birthYear: 1999 }),
    });
    assert.equal(m.status, 'probationary');
  });
});

describe('GET /api/v1/members/{id} and /history', () => {
  test('history lists the events newest first with their changes', async () => {
    const member = byName.get('Lê Văn Anh');
    const reply = await api.get(`/api/v1/members/${member.id}/history`);
    const body = ok(reply);
    assert.equal(body.items.length >= 1, true);
    assert.equal(body.items.at(-1).action, 'create');
    const detail = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.deepEqual(body.items, detail.history);
  });

  test('an unknown member is 404 for the record and its history', async () => {
    problem(await api.get('/api/v1/members/987654'), 404, 'not_found');
    problem(await api.get('/api/v1/members/987654/history'), 404, 'not_found');
  });
});

describe('PATCH /api/v1/members/{id}', () => {
  test('with the current version: changes the field, bumps the version, records an update event', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Sửa', birth_date: '1982-03-04', citizen_id: cccd({ birthYear: 1982 }), phone: '0912000111',
    });
    const reply = await api.patch(`/api/v1/members/${created.id}`, { version: 1, phone: '0987 654 321' });
    const updated = ok(reply);
    assert.equal(updated.phone, '0987654321');
    assert.equal(updated.version, 2);
    assert.equal(reply.headers.get('etag'), '"v2"');
    assert.equal(updated.full_name, 'Mạc Văn Sửa', 'other fields unchanged');
    assert.equal(updated.history.length, 2);
    const [event] = updated.history;
    assert.equal(event.action, 'update');
    assert.deepEqual(event.changes, [{ field: 'phone', before: '0912000111', after: '0987654321' }]);
    const reread = ok(await api.get(`/api/v1/members/${created.id}`));
    assert.equal(reread.phone, '0987654321');
    assert.equal(reread.version, 2);
  });

  test('with a stale version: 409 and nothing changes', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Cũ', birth_date: '1983-03-04', citizen_id: cccd({ birthYear: 1983 }),
    });
    ok(await api.patch(`/api/v1/members/${created.id}`, { version: 1, work_unit: 'Phòng Một' }));
    const stale = await api.patch(`/api/v1/members/${created.id}`, { version: 1, work_unit: 'Phòng Hai', position: 'Trưởng phòng' });
    problem(stale, 409, 'version_conflict');
    const reread = ok(await api.get(`/api/v1/members/${created.id}`));
    assert.equal(reread.work_unit, 'Phòng Một');
    assert.equal(reread.position, null);
    assert.equal(reread.version, 2);
    assert.equal(reread.history.length, 2);
  });

  test('a version from a future that does not exist is also a conflict', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Tới', birth_date: '1984-03-04', citizen_id: cccd({ birthYear: 1984 }),
    });
    problem(await api.patch(`/api/v1/members/${created.id}`, { version: 7, position: 'X' }), 409, 'version_conflict');
    assert.equal(ok(await api.get(`/api/v1/members/${created.id}`)).version, 1);
  });

  test('the version may come from If-Match: "vN"', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Khớp', birth_date: '1985-03-04', citizen_id: cccd({ birthYear: 1985 }),
    });
    const updated = ok(await api.patch(`/api/v1/members/${created.id}`, { position: 'Phó phòng' },
      { headers: { 'if-match': '"v1"' } }));
    assert.equal(updated.position, 'Phó phòng');
    assert.equal(updated.version, 2);
    problem(await api.patch(`/api/v1/members/${created.id}`, { position: 'Trưởng phòng' },
      { headers: { 'if-match': '"v1"' } }), 409, 'version_conflict');
    assert.equal(ok(await api.get(`/api/v1/members/${created.id}`)).position, 'Phó phòng');
  });

  test('without a version: 422 naming version, nothing changes', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Thiếu', birth_date: '1986-03-04', citizen_id: cccd({ birthYear: 1986 }),
    });
    problem(await api.patch(`/api/v1/members/${created.id}`, { position: 'X' }), 422, 'validation_failed', [['version', 'required']]);
    const reread = ok(await api.get(`/api/v1/members/${created.id}`));
    assert.equal(reread.position, null);
    assert.equal(reread.version, 1);
  });

  test('null clears an optional field, and the history says so', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Xóa', birth_date: '1989-03-04', citizen_id: cccd({ birthYear: 1989 }), phone: '0912000222', email: 'xoa@example.vn',
    });
    const updated = ok(await api.patch(`/api/v1/members/${created.id}`, { version: 1, phone: null, email: '' }));
    assert.equal(updated.phone, null);
    assert.equal(updated.email, null);
    assert.deepEqual(updated.history[0].changes, [
      { field: 'phone', before: '0912000222', after: null },
      { field: 'email', before: 'xoa@example.vn', after: null },
    ]);
  });

  test('saving the same values changes nothing and keeps the version', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Giữ', birth_date: '1987-03-04', citizen_id: cccd({ birthYear: 1987 }),
    });
    const same = ok(await api.patch(`/api/v1/members/${created.id}`, { version: 1, full_name: 'Mạc Văn Giữ' }));
    assert.equal(same.version, 1);
    assert.equal(same.history.length, 1);
  });

  test('moving a member to another cell moves the counts and records org_id', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Chuyển', birth_date: '1988-03-04', citizen_id: cccd({ birthYear: 1988 }),
    });
    const [fromBefore, toBefore, baseBefore, rootBefore] = await Promise.all(
      [tree.baseCell, tree.cellB, tree.base, tree.root].map((o) => counts(api, o.id)));
    const moved = ok(await api.patch(`/api/v1/members/${created.id}`, { version: 1, org_id: tree.cellB.id }));
    assert.equal(moved.org_id, tree.cellB.id);
    assert.equal(moved.org_name, tree.cellB.name);
    assert.deepEqual(moved.history[0].changes, [
      { field: 'org_id', before: String(tree.baseCell.id), after: String(tree.cellB.id) },
    ]);
    const [fromAfter, toAfter, baseAfter, rootAfter] = await Promise.all(
      [tree.baseCell, tree.cellB, tree.base, tree.root].map((o) => counts(api, o.id)));
    assert.equal(fromAfter.official, fromBefore.official - 1);
    assert.equal(toAfter.official, toBefore.official + 1);
    assert.equal(baseAfter.official, baseBefore.official + 1);
    assert.equal(rootAfter.official, rootBefore.official);
    const listed = await listMembers(api, { org: tree.cellB.id, q: 'mac van chuyen' });
    assert.deepEqual(listed.items.map((m) => m.id), [created.id]);
    // and back, so that cellB keeps only the filter set
    ok(await api.patch(`/api/v1/members/${created.id}`, { version: 2, org_id: tree.baseCell.id }));
  });

  test('recognition as official: probationary -> official from the end of probation, through its procedure', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Thị Công', sex: 'female', birth_date: '1998-03-04', admission_date: '2023-01-10',
      ceremony_date: '2023-01-20', citizen_id: cccd({ sex: 'female', birthYear: 1998 }), status: 'probationary',
    });
    assert.equal(created.probation_ends_on, '2024-01-20');
    const before = await counts(api, tree.baseCell.id);
    // The status is not edited: it changes through recognition, with its documents.
    problem(await api.patch(`/api/v1/members/${created.id}`, { version: 1, status: 'official', official_date: '2024-01-20' }),
      422, 'validation_failed', [['status', 'changed_by_procedure']]);
    ok(await api.post(`/api/v1/members/${created.id}/recognition`, { version: 1, step: 'cell_resolution', on: '2024-01-25',
      document: { number: '3-NQ/CB' }, vote: { in_favour: 5, against: 0, entitled: 6 } }), 201);
    ok(await api.post(`/api/v1/members/${created.id}/recognition`, { version: 1, step: 'decision', on: '2024-02-20',
      document: { number: '45-QĐ/ĐU', authority: 'Đảng ủy cấp trên' } }), 201);
    const updated = ok(await api.get(`/api/v1/members/${created.id}`));
    assert.equal(updated.status, 'official');
    assert.equal(updated.official_date, '2024-01-20');
    assert.equal(updated.history[0].action, 'recognition');
    assert.deepEqual(updated.history[0].changes.map((c) => c.field).sort(), ['official_date', 'status']);
    assert.deepEqual(updated.history[0].document, { number: '45-QĐ/ĐU', authority: 'Đảng ủy cấp trên' });
    const after = await counts(api, tree.baseCell.id);
    assert.equal(after.official, before.official + 1);
    assert.equal(after.probationary, before.probationary - 1);
    assert.equal(after.on_roll, before.on_roll);
  });

  test('leaving the Party takes the member off the roll but keeps the total', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Đi', birth_date: '1975-03-04', citizen_id: cccd({ birthYear: 1975 }),
    });
    const before = await counts(api, tree.baseCell.id);
    ok(await api.post(`/api/v1/members/${created.id}/exit`, { version: 1, status: 'left', on: '2026-01-15',
      ground: 'resigned_family_hardship', document: { number: '8-QĐ/ĐU', authority: 'Đảng ủy' } }));
    const after = await counts(api, tree.baseCell.id);
    assert.equal(after.on_roll, before.on_roll - 1);
    assert.equal(after.official, before.official - 1);
    assert.equal(after.total, before.total);
  });

  test('an unknown member is 404', async () => {
    problem(await api.patch('/api/v1/members/987654', { version: 1, position: 'X' }), 404, 'not_found');
  });

  test('concurrent PATCHes with the same version: exactly one wins, the others get 409', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Đua', birth_date: '1974-03-04', citizen_id: cccd({ birthYear: 1974 }),
    });
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      api.patch(`/api/v1/members/${created.id}`, { version: 1, position: `Vị trí ${i}` })));
    const statuses = replies.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = replies.find((r) => r.status === 200).body;
    for (const r of replies.filter((x) => x.status === 409)) problem(r, 409, 'version_conflict');
    const reread = ok(await api.get(`/api/v1/members/${created.id}`));
    assert.equal(reread.version, 2);
    assert.equal(reread.position, winner.position);
    assert.equal(reread.history.length, 2);
  });

  test('concurrent creations with the same CCCD: exactly one is stored, the others get 409', async () => {
    const citizenId = cccd({ birthYear: 1973 });
    const before = (await listMembers(api, {})).total;
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      api.post('/api/v1/members', memberPayload(tree.baseCell.id, {
        full_name: `Mạc Văn Trùng ${'ABCDEF'[i]}`, birth_date: '1973-03-04', citizen_id: citizenId,
      }))));
    assert.deepEqual(replies.map((r) => r.status).sort(), [201, 409, 409, 409, 409, 409]);
    for (const r of replies.filter((x) => x.status === 409)) problem(r, 409, 'duplicate_member', [['citizen_id', 'duplicate']]);
    assert.equal((await listMembers(api, {})).total, before + 1);
    assert.equal((await listMembers(api, { q: citizenId })).total, 1);
  });

  test('a status change shows in a name search narrowed by status', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Trạng', birth_date: '1972-03-04', citizen_id: cccd({ birthYear: 1972 }),
    });
    assert.equal((await listMembers(api, { q: 'mac van trang', status: 'official' })).total, 1);
    ok(await api.post(`/api/v1/members/${created.id}/exit`, { version: 1, status: 'deceased', on: '2026-02-01', ground: 'deceased' }));
    assert.equal((await listMembers(api, { q: 'mac van trang', status: 'official' })).total, 0);
    assert.deepEqual((await listMembers(api, { q: 'mac van trang', status: 'deceased' })).items.map((m) => m.id), [created.id]);
    assert.deepEqual((await listMembers(api, { q: 'mac van trang', org: tree.baseCell.id })).items.map((m) => m.id), [created.id]);
  });

  test('aliases and birth name: history shows before and after, search follows', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Danh', birth_date: '1971-03-04', citizen_id: cccd({ birthYear: 1971 }), aliases: ['Tư Danh'],
    });
    const updated = ok(await api.patch(`/api/v1/members/${created.id}`, { version: 1, aliases: ['Sáu Danh', 'Bảy Danh'], birth_name: 'Mạc Văn Khai Sinh' }));
    assert.deepEqual(updated.aliases, ['Sáu Danh', 'Bảy Danh']);
    const changes = Object.fromEntries(updated.history[0].changes.map((c) => [c.field, c]));
    assert.equal(changes.aliases.before, 'Tư Danh');
    assert.match(changes.aliases.after, /Sáu Danh.*Bảy Danh/);
    assert.equal(changes.birth_name.before, null);
    assert.equal(changes.birth_name.after, 'Mạc Văn Khai Sinh');
    assert.deepEqual((await listMembers(api, { q: 'bay danh' })).items.map((m) => m.id), [created.id]);
    assert.deepEqual((await listMembers(api, { q: 'khai sinh' })).items.map((m) => m.id), [created.id]);
    assert.equal((await listMembers(api, { q: 'tu danh' })).total, 0);
  });
});

describe('GET /api/v1/members: search with q=', () => {
  const found = async (q, org = tree.cellA.id) => {
    const page = await listMembers(api, org === null ? { q } : { q, org });
    assert.equal(page.total, page.items.length);
    return page.items.map((m) => m.full_name);
  };

  test('q=nguyen van an finds "Nguyễn Văn An" without diacritics', async () => {
    const names = await found('nguyen van an');
    assert.ok(names.includes('Nguyễn Văn An'), names.join(', '));
    assert.ok(!names.includes('Trần Văn An'));
    assert.ok(!names.includes('Nguyễn Văn Bình'));
  });

  test('q=dang finds "Đặng Thị Bình" (đ folds to d)', async () => {
    assert.deepEqual(await found('dang'), ['Đặng Thị Bình']);
  });

  test('search ignores case and accepts diacritics in the query', async () => {
    assert.deepEqual(await found('ĐẶNG THỊ'), ['Đặng Thị Bình']);
    assert.deepEqual(await found('NGUYEN'), ['Nguyễn Văn An', 'Nguyễn Văn Bình']);
    assert.deepEqual(await found('Nguyễn Văn Bình'), ['Nguyễn Văn Bình']);
  });

  test('a given name or the end of a name matches, in name order', async () => {
    assert.deepEqual(await found('binh'), ['Đặng Thị Bình', 'Lê Thị Bình', 'Nguyễn Văn Bình']);
    // words match as prefixes, without diacritics: "an" also starts "Anh" and "Ân"
    assert.deepEqual(await found('van an'), ['Nguyễn Văn An', 'Trần Văn An', 'Lê Văn Anh', 'Ngô Văn Ân']);
    assert.deepEqual(await found('minh khai'), ['Lê Minh Khai', 'Trần Thị Minh Khai']);
  });

  test('the birth name and aliases are searched too', async () => {
    assert.deepEqual(await found('teo'), ['Hoàng Văn Dũng']);
    assert.deepEqual(await found('ba sau'), ['Hoàng Văn Dũng']);
  });

  test('by CCCD: a prefix and the whole number', async () => {
    const member = byName.get('Ngô Văn Ân');
    assert.deepEqual(await found(HCM_CCCD.slice(0, 6), null), ['Ngô Văn Ân']);
    const whole = await listMembers(api, { q: HCM_CCCD });
    assert.deepEqual(whole.items.map((m) => m.id), [member.id]);
    assert.equal(whole.items[0].citizen_id, HCM_CCCD);
    const spaced = await listMembers(api, { q: `${HCM_CCCD.slice(0, 3)} ${HCM_CCCD.slice(3, 6)} ${HCM_CCCD.slice(6)}` });
    assert.deepEqual(spaced.items.map((m) => m.id), [member.id]);
  });

  test('by party card number, in any case', async () => {
    const member = byName.get('Ngô Văn Ân');
    for (const q of [CARD, CARD.toLowerCase()]) {
      const page = await listMembers(api, { q });
      assert.deepEqual(page.items.map((m) => m.id), [member.id], q);
      assert.equal(page.items[0].party_card_no, CARD);
    }
  });

  test('search results page like the list', async () => {
    const first = await listMembers(api, { q: 'binh', org: tree.cellA.id, page_size: 2 });
    const second = await listMembers(api, { q: 'binh', org: tree.cellA.id, page_size: 2, page: 2 });
    assert.equal(first.total, 3);
    assert.equal(second.total, 3);
    assert.deepEqual([...first.items, ...second.items].map((m) => m.full_name), ['Đặng Thị Bình', 'Lê Thị Bình', 'Nguyễn Văn Bình']);
  });

  test('no match is an empty page, not an error', async () => {
    const page = await listMembers(api, { q: 'xyzxyz' });
    assert.deepEqual(page.items, []);
    assert.equal(page.total, 0);
  });

  test('search combines with the other filters', async () => {
    const page = await listMembers(api, { q: 'binh', org: tree.cellA.id, sex: 'male' });
    assert.deepEqual(page.items.map((m) => m.full_name), ['Nguyễn Văn Bình']);
    const reversed = await listMembers(api, { q: 'binh', org: tree.cellA.id, sort: '-name' });
    assert.deepEqual(reversed.items.map((m) => m.full_name), ['Nguyễn Văn Bình', 'Lê Thị Bình', 'Đặng Thị Bình']);
  });

  test('a renamed member is found by the new name and not the old one', async () => {
    const created = await createMember(api, tree.baseCell.id, {
      full_name: 'Tạ Văn Cũ', birth_date: '1981-03-04', citizen_id: cccd({ birthYear: 1981 }),
    });
    ok(await api.patch(`/api/v1/members/${created.id}`, { version: 1, full_name: 'Tạ Văn Mới' }));
    assert.deepEqual((await listMembers(api, { q: 'ta van moi' })).items.map((m) => m.id), [created.id]);
    assert.deepEqual((await listMembers(api, { q: 'ta van cu' })).items, []);
  });
});

describe('GET /api/v1/members: Vietnamese order', () => {
  test('the expected order agrees with ICU\'s Vietnamese collation (given, middle, family)', () => {
    const names = ORDERED_NAMES.map(([n]) => n);
    assert.deepEqual([...names].sort(compareNames), names);
  });

  test('sort=name (the default) lists given name, then middle, then family name', async () => {
    const expected = ORDERED_NAMES.map(([n]) => n);
    const byDefault = await listMembers(api, { org: tree.cellA.id });
    assert.deepEqual(byDefault.items.map((m) => m.full_name), expected);
    const explicit = await listMembers(api, { org: tree.cellA.id, sort: 'name' });
    assert.deepEqual(explicit.items.map((m) => m.full_name), expected);
  });

  test('"Trần Văn An" before "Lê Thị Bình" before "Nguyễn Văn Bình"', async () => {
    const names = (await listMembers(api, { org: tree.cellA.id })).items.map((m) => m.full_name);
    assert.ok(names.indexOf('Trần Văn An') < names.indexOf('Lê Thị Bình'));
    assert.ok(names.indexOf('Lê Thị Bình') < names.indexOf('Nguyễn Văn Bình'));
    assert.ok(names.indexOf('Hoàng Văn Dũng') < names.indexOf('Phạm Minh Đức'), 'd before đ');
  });

  test('sort=-name reverses it', async () => {
    const page = await listMembers(api, { org: tree.cellA.id, sort: '-name' });
    assert.deepEqual(page.items.map((m) => m.full_name), ORDERED_NAMES.map(([n]) => n).reverse());
  });

  test('sort=age lists the youngest first, -age the oldest first', async () => {
    const young = await listMembers(api, { org: tree.cellB.id, sort: 'age' });
    const births = young.items.map((m) => m.birth_date);
    assert.deepEqual(births, [...births].sort().reverse());
    assert.equal(young.items[0].id, filterSet.young.id);
    const old = await listMembers(api, { org: tree.cellB.id, sort: '-age' });
    assert.deepEqual(old.items.map((m) => m.birth_date), [...births].sort());
    assert.equal(old.items[0].id, filterSet.left.id);
  });

  test('sort=admission_date and -admission_date', async () => {
    const asc = await listMembers(api, { org: tree.cellB.id, sort: 'admission_date' });
    const dates = asc.items.map((m) => m.admission_date);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(asc.items[0].id, filterSet.left.id);
    const desc = await listMembers(api, { org: tree.cellB.id, sort: '-admission_date' });
    assert.deepEqual(desc.items.map((m) => m.admission_date), [...dates].sort().reverse());
  });
});

describe('GET /api/v1/members: paging', () => {
  test('pages of 5 cover the 13 names once each, in order', async () => {
    const expected = ORDERED_NAMES.map(([n]) => n);
    const seen = [];
    for (const page of [1, 2, 3]) {
      const body = await listMembers(api, { org: tree.cellA.id, page, page_size: 5 });
      assert.equal(body.total, 13);
      assert.equal(body.page, page);
      assert.equal(body.page_size, 5);
      assert.equal(body.items.length, page < 3 ? 5 : 3);
      seen.push(...body.items.map((m) => m.full_name));
    }
    assert.deepEqual(seen, expected);
    const past = await listMembers(api, { org: tree.cellA.id, page: 4, page_size: 5 });
    assert.deepEqual(past.items, []);
    assert.equal(past.total, 13);
  });

  test('the default page is 1 of 50', async () => {
    const body = await listMembers(api, { org: tree.cellA.id });
    assert.equal(body.page, 1);
    assert.equal(body.page_size, 50);
  });

  test('a list item carries the member fields, its organization name and age', async () => {
    const body = await listMembers(api, { org: tree.cellA.id, page_size: 1 });
    const [item] = body.items;
    for (const key of ['id', 'full_name', 'citizen_id', 'org_id', 'org_name', 'status', 'sex',
      'birth_date', 'age', 'admission_date', 'version', 'ethnicity', 'religion']) {
      assert.ok(key in item, key);
    }
    assert.equal(item.org_id, tree.cellA.id);
    assert.equal(item.org_name, tree.cellA.name);
    assert.equal(item.age, ageOn(item.birth_date, iso(serverToday())));
    assert.ok(!('history' in item), 'list items carry no history');
  });
});

describe('GET /api/v1/members: filters', () => {
  const list = (query) => listMembers(api, { org: tree.cellB.id, ...query });

  test('sex', async () => {
    const female = await list({ sex: 'female' });
    assert.deepEqual(ids(female.items), idsOf(filterSet.young, filterSet.jan2010));
    assert.equal(female.total, 2);
    const male = await list({ sex: 'male' });
    assert.ok(male.items.every((m) => m.sex === 'male'));
    assert.equal(male.total + female.total, (await list({})).total);
  });

  test('status, one value, a comma list and a repeated parameter', async () => {
    assert.deepEqual(ids((await list({ status: 'probationary' })).items), idsOf(filterSet.young));
    assert.deepEqual(ids((await list({ status: 'left' })).items), idsOf(filterSet.left));
    const both = await list({ status: 'probationary,left' });
    assert.deepEqual(ids(both.items), idsOf(filterSet.young, filterSet.left));
    const repeated = await listMembers(api, { org: tree.cellB.id });
    const params = new URLSearchParams([['org', tree.cellB.id], ['status', 'probationary'], ['status', 'left']]);
    const reply = ok(await api.get(`/api/v1/members?${params}`));
    assert.deepEqual(ids(reply.items), idsOf(filterSet.young, filterSet.left));
    assert.equal(repeated.total, 9);
  });

  test('ethnicity, one code and several', async () => {
    assert.deepEqual(ids((await list({ ethnicity: '02' })).items), idsOf(filterSet.young));
    assert.deepEqual(ids((await list({ ethnicity: '02,03' })).items), idsOf(filterSet.young, filterSet.older));
    assert.equal((await list({ ethnicity: '01' })).total, 7);
  });

  test('age range, inclusive, on today\'s age (a birthday today counts)', async () => {
    const forty = await list({ age_min: 40, age_max: 40 });
    assert.deepEqual(ids(forty.items), idsOf(filterSet.forty));
    assert.equal(forty.items[0].age, 40);
    const upTo39 = await list({ age_min: 39, age_max: 39 });
    assert.deepEqual(ids(upTo39.items), idsOf(filterSet.almostForty));
    const young = await list({ age_max: 35 });
    assert.deepEqual(ids(young.items), idsOf(filterSet.young));
    const old = await list({ age_min: 60 });
    for (const m of old.items) assert.ok(m.age >= 60);
    assert.ok(old.items.some((m) => m.id === filterSet.left.id));
  });

  test('admission-year range, inclusive of 1 January and 31 December', async () => {
    const in2010 = await list({ admitted_from: 2010, admitted_to: 2010 });
    assert.deepEqual(ids(in2010.items), idsOf(filterSet.jan2010, filterSet.dec2010));
    const from2010 = await list({ admitted_from: 2010 });
    assert.ok(from2010.items.every((m) => m.admission_date >= '2010-01-01'));
    assert.ok(!from2010.items.some((m) => m.id === filterSet.dec2009.id));
    assert.ok(from2010.items.some((m) => m.id === filterSet.jan2011.id));
    const to2009 = await list({ admitted_to: 2009 });
    assert.ok(to2009.items.every((m) => m.admission_date <= '2009-12-31'));
    assert.ok(to2009.items.some((m) => m.id === filterSet.dec2009.id));
  });

  test('filters combine (AND)', async () => {
    const page = await list({ sex: 'female', admitted_from: 2010, admitted_to: 2010, status: 'official' });
    assert.deepEqual(ids(page.items), idsOf(filterSet.jan2010));
  });

  test('the subtree filter only returns members under that node, and total equals counts', async () => {
    for (const org of [tree.cellA, tree.cellB, tree.base, tree.above, tree.baseCell, tree.root, tree.above2]) {
      const c = await counts(api, org.id);
      const all = await allMembers(api, { org: org.id });
      assert.equal(all.length, c.total, `${org.name}: total`);
      assert.equal((await listMembers(api, { org: org.id, status: 'official' })).total, c.official);
      assert.equal((await listMembers(api, { org: org.id, status: 'probationary' })).total, c.probationary);
      assert.equal((await listMembers(api, {
        org: org.id, status: 'probationary,official,exempted',
      })).total, c.on_roll);
      const allowed = new Set(await subtreeIds(org.id));
      for (const m of all) assert.ok(allowed.has(m.org_id), `${m.full_name} is under ${org.name}`);
    }
    const base = await allMembers(api, { org: tree.base.id });
    const a = await allMembers(api, { org: tree.cellA.id });
    const b = await allMembers(api, { org: tree.cellB.id });
    assert.deepEqual(ids(base), ids([...a, ...b]));
  });
});

async function subtreeIds(id) {
  const out = [id];
  const children = ok(await api.get(`/api/v1/orgs/${id}/children?include_dissolved=true`)).items;
  for (const child of children) out.push(...await subtreeIds(child.id));
  return out;
}

describe('GET /api/v1/members.csv', () => {
  test('exports the filtered list as UTF-8 CSV with a BOM and Vietnamese headers', async () => {
    const reply = await api.get(`/api/v1/members.csv?org=${tree.cellA.id}`);
    assert.equal(reply.status, 200);
    assert.match(reply.contentType, /^text\/csv; ?charset=utf-8$/i);
    assert.match(reply.headers.get('content-disposition'), /attachment; filename="?[^"]+\.csv"?/);
    assert.equal(reply.headers.get('x-total-count'), '13');
    assert.deepEqual([...reply.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(reply.text.replace(/^\uFEFF/, ''));
    const [header, ...data] = rows;
    assert.equal(header[0], 'Mã số');
    assert.equal(header[1], 'Họ và tên đang dùng');
    assert.equal(header.at(-1), 'Tên chi bộ');
    assert.equal(data.length, 13);
    assert.deepEqual(data.map((r) => r[1]), ORDERED_NAMES.map(([n]) => n));
    const an = data.find((r) => r[1] === 'Ngô Văn Ân');
    assert.equal(an[0], String(byName.get('Ngô Văn Ân').id));
    assert.ok(an.includes(HCM_CCCD));
    assert.ok(an.includes('Đảng viên chính thức'), 'status shown by its Vietnamese label');
    assert.equal(an.at(-1), tree.cellA.name);
  });

  test('lang=en gives English headers and labels', async () => {
    const reply = await api.get(`/api/v1/members.csv?org=${tree.cellA.id}&lang=en`);
    assert.equal(reply.status, 200);
    const [header, ...data] = parseCsv(reply.text.replace(/^\uFEFF/, ''));
    assert.equal(header[1], 'Full name');
    assert.equal(header.at(-1), 'Organization name');
    const an = data.find((r) => r[1] === 'Ngô Văn Ân');
    assert.ok(an.includes('Official member'), 'status shown by its English label');
    problem(await api.get('/api/v1/members.csv?lang=fr'), 400, 'invalid_parameter', [['lang', 'unknown_code']]);
  });

  test('labels=false gives field names and codes', async () => {
    const reply = await api.get(`/api/v1/members.csv?org=${tree.cellA.id}&labels=false&q=binh`);
    assert.equal(reply.status, 200);
    const rows = parseCsv(reply.text.replace(/^\uFEFF/, ''));
    const [header, ...data] = rows;
    assert.equal(header[0], 'id');
    assert.equal(header[1], 'full_name');
    assert.ok(header.includes('citizen_id'));
    assert.equal(header.at(-1), 'org_name');
    assert.equal(data.length, 3);
    assert.equal(reply.headers.get('x-total-count'), '3');
    const statusColumn = header.indexOf('status');
    assert.ok(data.every((r) => r[statusColumn] === 'official'));
  });

  test('the export follows the same filters as the list', async () => {
    const query = `org=${tree.cellB.id}&sex=male&sort=-age`;
    const reply = await api.get(`/api/v1/members.csv?${query}`);
    const data = parseCsv(reply.text.replace(/^\uFEFF/, '')).slice(1);
    const listed = ok(await api.get(`/api/v1/members?${query}`));
    assert.equal(Number(reply.headers.get('x-total-count')), listed.total);
    assert.deepEqual(data.map((r) => r[0]), listed.items.map((m) => String(m.id)));
  });

  test('cells a spreadsheet would run as a formula are defused', async () => {
    const m = await createMember(api, tree.baseCell.id, {
      full_name: 'Mạc Văn Công Thức', birth_date: '1970-03-04', citizen_id: cccd({ birthYear: 1970 }),
      work_unit: '=HYPERLINK("http://x","y")', position: '@SUM(1)',
    });
    const reply = await api.get(`/api/v1/members.csv?q=${m.citizen_id}&labels=false`);
    const [header, row] = parseCsv(reply.text.replace(/^\uFEFF/, ''));
    assert.equal(row[header.indexOf('work_unit')], `'=HYPERLINK("http://x","y")`);
    assert.equal(row[header.indexOf('position')], "'@SUM(1)");
  });

  test('bad parameters are refused as for the list', async () => {
    problem(await api.get('/api/v1/members.csv?bogus=1'), 400, 'invalid_parameter', [['bogus', 'unknown_parameter']]);
    problem(await api.get('/api/v1/members.csv?labels=maybe'), 400, 'invalid_parameter', [['labels', 'wrong_type']]);
  });
});
