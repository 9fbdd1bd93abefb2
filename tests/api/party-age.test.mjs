// Issue 11 through the API: party age subtracts gaps as calendar periods, old members' gaps are
// recordable (an explicit historical gap; a late transfer of 1999 presented in 2002), and the
// working-day calendar covers the years deadlines fall in.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, cccd, memberPayload } from './lib/api.mjs';
import { officialMember } from './lib/lifecycle.mjs';

let server;
let api;
let tree;

before(async () => {
  server = await startServer();
  api = server.admin;
  tree = await buildTree(api, 'Tuổi Đảng');
});
after(async () => { await server?.stop(); });

const DOCUMENT = { number: '112-QĐ/ĐU', authority: 'Đảng ủy Bộ Tuổi Đảng' };
const gapsOf = async (id) => ok(await api.get(`/api/v1/members/${id}/lifecycle`));

describe('a gap from an old file', () => {
  test('removed in 2003, readmitted in 2008: recorded with its reason and document, party age and badge move by the period', async () => {
    const member = await officialMember(api, tree.cellA.id, {
      birth_date: '1960-04-04', citizen_id: cccd({ birthYear: 1960 }),
      admission_date: '1985-05-19', ceremony_date: '1985-06-01', official_date: '1986-06-01',
    });
    const saved = ok(await api.post(`/api/v1/members/${member.id}/gaps`, {
      version: member.version, from: '2003-03-01', to: '2008-06-15', reason: 'readmission',
      document: DOCUMENT, note: 'Xóa tên tháng 3/2003; kết nạp lại theo Quyết định 112-QĐ/ĐU ngày 15/6/2008',
    }));
    assert.equal(saved.version, member.version + 1);
    const lifecycle = await gapsOf(member.id);
    assert.equal(lifecycle.gaps.length, 1);
    assert.deepEqual(lifecycle.gaps[0], {
      from: '2003-03-01', to: '2008-06-15', days: 1933, period: { years: 5, months: 3, days: 14 }, reason: 'readmission',
    });
    // 1985-05-19 shifted by 5 years 3 months 14 days: 1990-09-02; 30 years on 2020-09-02.
    assert.deepEqual(lifecycle.next_badge, { milestone: 30, on: '2020-09-02' });
    const detail = ok(await api.get(`/api/v1/members/${member.id}`));
    assert.equal(detail.history[0].action, 'party_age_gap');
    assert.deepEqual(detail.history[0].document, DOCUMENT);
    const audit = ok(await api.get('/api/v1/audit?limit=20&action=member.party_age_gap')).items;
    assert.ok(audit.some((e) => e.object_id === String(member.id)), 'audited');
  });

  test('30 years with a two-year gap over 29 February is 28 years: the 30-year badge is due on the calendar date', async () => {
    const member = await officialMember(api, tree.cellA.id, {
      birth_date: '1965-01-01', citizen_id: cccd({ birthYear: 1965 }),
      admission_date: '1990-01-01', ceremony_date: '1990-01-10', official_date: '1991-01-10',
    });
    ok(await api.post(`/api/v1/members/${member.id}/gaps`, {
      version: member.version, from: '2000-01-01', to: '2002-01-01', reason: 'readmission',
      document: DOCUMENT, note: 'Xóa tên 2000, kết nạp lại 2002',
    }));
    const lifecycle = await gapsOf(member.id);
    assert.deepEqual(lifecycle.gaps[0].period, { years: 2, months: 0, days: 0 });
    // Not 2022-01-02, as 731 days would make it.
    assert.deepEqual(lifecycle.next_badge, { milestone: 30, on: '2022-01-01' });
  });

  test('the badge list and the award count the period: admitted 3/2/1992 with a two-year gap, 30 years on the occasion of 3/2/2024', async () => {
    const member = await officialMember(api, tree.cellB.id, {
      birth_date: '1966-06-06', citizen_id: cccd({ birthYear: 1966 }),
      admission_date: '1992-02-03', ceremony_date: '1992-02-10', official_date: '1993-02-10',
    });
    ok(await api.post(`/api/v1/members/${member.id}/gaps`, {
      version: member.version, from: '2000-01-01', to: '2002-01-01', reason: 'readmission',
      document: DOCUMENT, note: 'Xóa tên 2000, kết nạp lại 2002',
    }));
    const list = ok(await api.get(`/api/v1/badges?org=${tree.cellB.id}&occasion=2024-02-03&page_size=500`));
    const item = list.items.find((i) => i.id === member.id);
    assert.ok(item, 'due at the occasion of its milestone');
    assert.equal(item.milestone, 30);
    assert.equal(item.reached_on, '2024-02-03');
    assert.equal(item.party_age_years, 30);
    const awarded = ok(await api.post('/api/v1/badges/awards', {
      occasion: '2024-02-03', decided_on: '2024-02-03', document: { number: '5-QĐ/TU', authority: 'Ban Thường vụ' },
      awards: [{ member_id: member.id, milestone: 30 }],
    }), 201);
    assert.equal(awarded.awarded, 1);
  });

  test('every bad input is a 4xx naming its field, and nothing is written', async () => {
    const member = await officialMember(api, tree.cellB.id, {
      birth_date: '1962-02-02', citizen_id: cccd({ birthYear: 1962 }),
      admission_date: '1988-03-03', ceremony_date: '1988-03-10', official_date: '1989-03-10',
    });
    const good = { version: member.version, from: '1995-01-01', to: '1997-01-01', reason: 'readmission', document: DOCUMENT, note: 'Hồ sơ cũ' };
    const path = `/api/v1/members/${member.id}/gaps`;
    const cases = [
      [{ ...good, from: undefined }, 'from', 'required'],
      [{ ...good, from: '1995-02-30' }, 'from', null],
      [{ ...good, to: '1994-12-31' }, 'to', 'gap_not_after_start'],
      [{ ...good, from: '1987-01-01' }, 'from', 'gap_before_admission'],
      [{ ...good, to: '2999-01-01' }, 'to', 'date_in_future'],
      [{ ...good, reason: 'holiday' }, 'reason', 'unknown_code'],
      [{ ...good, reason: undefined }, 'reason', 'required'],
      [{ ...good, document: { authority: 'Đảng ủy' } }, 'document.number', 'required'],
      [{ ...good, document: { number: '1-QĐ' } }, 'document.authority', 'required'],
      [{ ...good, note: '' }, 'note', 'required'],
      [{ ...good, version: undefined }, 'version', 'required'],
      [{ ...good, colour: 'red' }, 'colour', 'unknown_field'],
    ];
    for (const [body, field, code] of cases) {
      const reply = await api.post(path, body);
      problem(reply, 422, 'validation_failed', [[field, code]]);
    }
    problem(await api.post(path, { ...good, version: member.version + 5 }), 409, 'version_conflict');
    problem(await api.post('/api/v1/members/99999999/gaps', good), 404, 'not_found');
    // Still nothing written.
    assert.deepEqual((await gapsOf(member.id)).gaps, []);
    assert.equal(ok(await api.get(`/api/v1/members/${member.id}`)).version, member.version);
    // An overlap with a recorded gap is refused; an adjacent one is not.
    const first = ok(await api.post(path, good));
    problem(await api.post(path, { ...good, version: first.version, from: '1996-12-31', to: '1998-01-01' }),
      422, 'validation_failed', [['from', 'gap_overlaps']]);
    ok(await api.post(path, { ...good, version: first.version, from: '1997-01-01', to: '1998-01-01', reason: 'late_transfer' }));
    assert.equal((await gapsOf(member.id)).gaps.length, 2);
  });
});

describe('a late transfer from an old file', () => {
  test('a letter of 1999 presented in 2002 makes the time past the 1999 deadline a gap', async () => {
    const person = memberPayload(tree.cellB.id, {
      full_name: 'Lê Văn Muộn', birth_date: '1960-07-07', citizen_id: cccd({ birthYear: 1960 }),
      admission_date: '1986-02-03', ceremony_date: '1986-02-10', official_date: '1987-02-10',
    });
    delete person.org_id;
    const body = {
      kind: 'official', direction: 'incoming', to_org_id: tree.cellB.id, external_org: 'Đảng bộ tỉnh Nghệ An',
      letter_date: '1999-03-01', letter: { number: '7-GGT/TU', authority: 'Tỉnh ủy Nghệ An' }, on: '2002-03-01', member: person,
    };
    // Late, so a reason is needed, citing the Charter then in force.
    const late = await api.post('/api/v1/transfers', body);
    problem(late, 422, 'validation_failed', [['note', 'presented_late']]);
    const note = late.body.errors.find((e) => e.field === 'note');
    assert.equal(note.rule, 'transfer.present_working_days');
    assert.match(note.source, /Điều lệ Đảng 1996/);
    const arrived = ok(await api.post('/api/v1/transfers', { ...body, note: 'Hồ sơ cũ: xuất trình năm 2002' }), 201);
    // 30 working days from Monday 1/3/1999, Saturdays worked until October 1999: 5/4/1999.
    assert.equal(arrived.present_by, '1999-04-05');
    const lifecycle = await gapsOf(arrived.member_id);
    assert.equal(lifecycle.gaps.length, 1);
    assert.deepEqual([lifecycle.gaps[0].from, lifecycle.gaps[0].to, lifecycle.gaps[0].reason], ['1999-04-05', '2002-03-01', 'late_transfer']);
    assert.deepEqual(lifecycle.gaps[0].period, { years: 2, months: 10, days: 24 });
  });

  test('a letter from before any transfer rule chibo holds is refused naming the rule, not accepted without a gap', async () => {
    const person = memberPayload(tree.cellB.id, {
      full_name: 'Lê Văn Xưa', birth_date: '1955-07-07', citizen_id: cccd({ birthYear: 1955 }),
      admission_date: '1980-02-03', ceremony_date: '1980-02-10', official_date: '1981-02-10',
    });
    delete person.org_id;
    const reply = await api.post('/api/v1/transfers', {
      kind: 'official', direction: 'incoming', to_org_id: tree.cellB.id, external_org: 'Đảng bộ tỉnh Nghệ An',
      letter_date: '1993-03-01', letter: { number: '2-GGT/TU', authority: 'Tỉnh ủy Nghệ An' }, on: '1995-03-01', note: 'Hồ sơ cũ', member: person,
    });
    problem(reply, 422, 'validation_failed', [['letter_date', 'rule_not_in_force']]);
  });
});

describe('the working-day calendar', () => {
  test('years without a recorded notice are computed from the Labour Code, with their source', async () => {
    const days = ok(await api.get('/api/v1/calendar?year=2019')).items;
    const off = days.filter((d) => !d.working).map((d) => d.date);
    for (const day of ['2019-01-01', '2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08', '2019-04-15', '2019-04-30', '2019-05-01', '2019-09-02']) {
      assert.ok(off.includes(day), `${day} off in 2019`);
    }
    assert.match(days[0].source, /Bộ luật Lao động 2012/);
    // The years whose notices are recorded keep them (the swapped bridge day of 2025).
    const y2025 = ok(await api.get('/api/v1/calendar?year=2025')).items;
    assert.ok(y2025.some((d) => d.date === '2025-05-02' && !d.working));
    assert.ok(y2025.some((d) => d.date === '2025-04-26' && d.working));
  });
});
