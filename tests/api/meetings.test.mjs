// Cell meetings through the API (issue 14, rules/meetings.toml): scheduling with the agenda
// template, recording a meeting as held (attendance of every member of the cell, votes against
// all entitled), approval that locks it, amendments, the minutes as DOCX and print page, absence
// notices (the member sends, the secretary decides), the base committee's missing-meeting view,
// a cell's quality in a year and the removal list. Every bad input answers a clear 4xx naming
// the field and writes nothing. Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember, iso, serverToday } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let api;
let tree;
let doc;
const m = {};
const today = () => iso(serverToday());
const daysFromToday = (n) => iso(new Date(serverToday().getTime() + n * 86400000));

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Sinh Hoạt');
  m.chair = await createMember(api, tree.cellA.id, { full_name: 'Nguyễn Văn Chủ' });
  m.secretary = await createMember(api, tree.cellA.id, { full_name: 'Trần Thị Thư', sex: 'female' });
  m.regular = await createMember(api, tree.cellA.id, { full_name: 'Lê Văn Đều' });
  m.drifter = await createMember(api, tree.cellA.id, { full_name: 'Phạm Văn Vắng' });
  m.probationary = await createMember(api, tree.cellA.id, { full_name: 'Đỗ Thị Dự', sex: 'female', status: 'probationary' });
  m.old = await createMember(api, tree.cellA.id, { full_name: 'Vũ Văn Miễn', birth_date: '1945-05-05' });
  ok(await api.post(`/api/v1/members/${m.old.id}/exemption`, { version: m.old.version, action: 'start', on: '2026-01-05', document: { number: '3-QĐ/CB' } }), 200);
  m.other = await createMember(api, tree.cellB.id, { full_name: 'Hoàng Văn Khác' });
});
after(async () => { await server?.stop(); });

/** A reply checked against the OpenAPI document, then its body (asserting the status). */
async function checked(method, path, status, json) {
  const reply = method === 'GET' ? await api.get(path) : method === 'PATCH' ? await api.patch(path, json) : await api.post(path, json);
  assert.deepEqual(checkReply(doc, method, path, reply), [], `${method} ${path} matches the document`);
  return ok(reply, status);
}
const schedule = (orgId, body) => checked('POST', `/api/v1/orgs/${orgId}/meetings`, 201, body);
const meetingsOf = async (orgId) => ok(await api.get(`/api/v1/orgs/${orgId}/meetings?limit=500`));
const auditCount = async () => ok(await api.get('/api/v1/audit?limit=500&object_type=meeting')).items.length;
/** Attendance of every counted member of the cell: present unless given. */
function attendance(meeting, statuses = {}) {
  return meeting.roster.filter((r) => r.counted).map((r) => ({ member_id: r.member_id, status: statuses[r.member_id] ?? 'present', ...(statuses[r.member_id] === 'absent_excused' ? { reason: 'Đi công tác' } : {}) }));
}
async function heldMeeting(orgId, heldOn, statuses = {}, kind = 'regular') {
  const meeting = await schedule(orgId, { held_on: heldOn, kind, ...(kind === 'thematic' ? { topic: 'Chuyển đổi số' } : {}) });
  return checked('POST', `/api/v1/meetings/${meeting.id}/record`, 200, { chair_id: m.chair.id, secretary_id: m.secretary.id, attendance: attendance(meeting, statuses) });
}

describe('scheduling a meeting', () => {
  test('a regular meeting gets the agenda template and the cell\'s roster; exempted members are not counted', async () => {
    const meeting = await schedule(tree.cellA.id, { held_on: '2026-10-05', kind: 'regular', place: 'Phòng họp tầng 3', starts_at: '14:00' });
    assert.equal(meeting.state, 'scheduled');
    assert.deepEqual(meeting.agenda.map((a) => a.code), ['roll_call', 'last_month_results', 'documents_from_above', 'discussion', 'resolution', 'admissions_recognitions', 'scoring']);
    assert.equal(meeting.agenda[0].title, 'Điểm danh, tuyên bố lý do, giới thiệu chủ trì và thư ký');
    assert.equal(meeting.roster.length, 6);
    assert.equal(meeting.roster.find((r) => r.member_id === m.old.id).counted, false);
    assert.equal(meeting.roster.find((r) => r.member_id === m.other.id), undefined);
    assert.equal(meeting.quality, null);
    assert.equal(meeting.may_write, true);
    m.october = meeting;
  });

  test('every bad schedule is refused with its field, and nothing is written', async () => {
    const before = (await meetingsOf(tree.cellA.id)).total;
    const audits = await auditCount();
    const cases = [
      [{ kind: 'regular' }, 'held_on', 'required'],
      [{ held_on: '2026-10-32', kind: 'regular' }, 'held_on', null],
      [{ held_on: '2026-10-05', kind: 'monthly' }, 'kind', 'unknown_code'],
      [{ held_on: '2026-10-05', kind: 'thematic' }, 'topic', 'required'],
      [{ held_on: '2026-10-05', kind: 'regular', starts_at: '25:00' }, 'starts_at', 'time_format'],
      [{ held_on: '2026-10-05', kind: 'regular', agenda: [{ code: 'gossip' }] }, 'agenda[0].code', 'unknown_code'],
      [{ held_on: '2026-10-05', kind: 'regular', document_ids: [99999999] }, 'document_ids[0]', 'unknown_document'],
      [{ held_on: '2026-10-05', kind: 'regular', directive_ids: [99999999] }, 'directive_ids[0]', 'unknown_directive'],
      [{ held_on: '2026-10-05', kind: 'regular', colour: 'red' }, 'colour', 'unknown_field'],
    ];
    for (const [body, field, code] of cases) {
      problem(await api.post(`/api/v1/orgs/${tree.cellA.id}/meetings`, body), 422, 'validation_failed', [[field, code]]);
    }
    problem(await api.post(`/api/v1/orgs/${tree.base.id}/meetings`, { held_on: '2026-10-05', kind: 'regular' }), 409, 'not_a_cell');
    problem(await api.post('/api/v1/orgs/99999999/meetings', { held_on: '2026-10-05', kind: 'regular' }), 404, 'not_found');
    assert.equal((await meetingsOf(tree.cellA.id)).total, before, 'no meeting written');
    assert.equal(await auditCount(), audits, 'no audit entry written');
  });

  test('a scheduled meeting may be edited: its agenda, place and links', async () => {
    const edited = await checked('PATCH', `/api/v1/meetings/${m.october.id}`, 200, { place: 'Hội trường A', agenda: [{ code: 'roll_call' }, { code: 'other', title: 'Góp ý dự thảo văn kiện' }] });
    assert.equal(edited.place, 'Hội trường A');
    assert.deepEqual(edited.agenda.map((a) => a.title), ['Điểm danh, tuyên bố lý do, giới thiệu chủ trì và thư ký', 'Góp ý dự thảo văn kiện']);
    problem(await api.patch(`/api/v1/meetings/${m.october.id}`, { agenda: [{ code: 'other' }] }), 422, 'validation_failed', [['agenda[0].title', 'required']]);
  });
});

describe('recording a meeting as held', () => {
  test('a meeting in the future cannot be recorded as held; nothing is written', async () => {
    const future = await schedule(tree.cellA.id, { held_on: daysFromToday(3), kind: 'regular' });
    const body = { chair_id: m.chair.id, secretary_id: m.secretary.id, attendance: attendance(future) };
    problem(await api.post(`/api/v1/meetings/${future.id}/record`, body), 422, 'validation_failed', [['held_on', 'date_in_future']]);
    problem(await api.post(`/api/v1/meetings/${m.october.id}/record`, { ...body, held_on: daysFromToday(1) }), 422, 'validation_failed', [['held_on', 'date_in_future']]);
    const after = ok(await api.get(`/api/v1/meetings/${future.id}`));
    assert.equal(after.state, 'scheduled');
    assert.ok(after.roster.every((r) => r.attendance === null));
    m.future = future;
  });

  test('attendance for someone not in the cell, a missing member, a bad status or vote: 422, nothing written', async () => {
    const base = { chair_id: m.chair.id, secretary_id: m.secretary.id, attendance: attendance(m.october) };
    const audits = await auditCount();
    const cases = [
      [{ ...base, attendance: [...base.attendance, { member_id: m.other.id, status: 'present' }] }, `attendance[${base.attendance.length}].member_id`, 'not_in_cell'],
      [{ ...base, attendance: base.attendance.slice(1) }, 'attendance', 'member_missing'],
      [{ ...base, attendance: [{ ...base.attendance[0], status: 'late' }, ...base.attendance.slice(1)] }, 'attendance[0].status', 'unknown_code'],
      [{ ...base, attendance: [base.attendance[0], ...base.attendance] }, 'attendance[1].member_id', 'listed_twice'],
      [{ ...base, chair_id: m.other.id }, 'chair_id', 'not_in_cell'],
      [{ ...base, votes: [{ subject: 'Nghị quyết', in_favour: 5, against: 1, abstain: 0 }] }, 'votes[0].in_favour', 'votes_exceed_entitled'],
      [{ ...base, votes: [{ subject: 'Nghị quyết', in_favour: -1, against: 0, abstain: 0 }] }, 'votes[0].in_favour', 'out_of_range'],
      [{ secretary_id: m.secretary.id, attendance: base.attendance }, 'chair_id', 'required'],
    ];
    for (const [body, field, code] of cases) {
      problem(await api.post(`/api/v1/meetings/${m.october.id}/record`, body), 422, 'validation_failed', [[field, code]]);
    }
    const after = ok(await api.get(`/api/v1/meetings/${m.october.id}`));
    assert.equal(after.state, 'scheduled');
    assert.ok(after.roster.every((r) => r.attendance === null), 'no attendance written');
    assert.equal(await auditCount(), audits);
  });

  test('a held meeting: attendance, tally, votes against all entitled, quality', async () => {
    const body = {
      chair_id: m.chair.id, secretary_id: m.secretary.id,
      attendance: attendance(m.october, { [m.regular.id]: 'absent_excused' }),
      votes: [{ subject: 'Nghị quyết tháng 10', in_favour: 3, against: 0, abstain: 0 }],
      resolution: 'Chi bộ thống nhất:\n1. Hoàn thành kế hoạch quý IV.',
      minutes: 'Đồng chí Bí thư quán triệt văn bản cấp trên.\nCác đồng chí thảo luận.',
    };
    const held = await checked('POST', `/api/v1/meetings/${m.october.id}/record`, 200, body);
    assert.equal(held.state, 'held');
    assert.equal(held.chair.member_id, m.chair.id);
    // Counted: 5 (the exempted member is not); present 4 of 5 = 80 %: not above 85 %.
    assert.equal(held.quality.counted, 5);
    assert.equal(held.quality.present, 4);
    assert.equal(held.quality.absent_excused, 1);
    assert.equal(held.quality.attendance_percent, 80);
    assert.equal(held.quality.attendance_ok, false);
    assert.equal(held.quality.no_unexcused, true);
    assert.equal(held.quality.meets, false);
    assert.ok(held.quality.rules.some((r) => r.key === 'meetings.min_attendance_percent' && r.value === 85 && /12-HD\/BTCTW/.test(r.source)));
    // Entitled: the 4 official members counted (not the probationary one, not the exempted one).
    assert.equal(held.votes[0].entitled, 4);
    assert.equal(held.votes[0].passed, true, '3 of 4 entitled is more than half');
    assert.equal(held.votes[0].rule.key, 'meetings.resolution_vote_share');
    assert.equal(held.roster.find((r) => r.member_id === m.regular.id).reason, 'Đi công tác');
    // Recorded again before approval: allowed (a correction of the draft).
    const again = await checked('POST', `/api/v1/meetings/${m.october.id}/record`, 200, { ...body, attendance: attendance(m.october) });
    assert.equal(again.quality.present, 5);
    assert.equal(again.quality.meets, true);
  });
});

describe('approval locks the meeting; corrections are amendments', () => {
  test('approve, then every edit is refused (409) and nothing changes', async () => {
    problem(await api.post(`/api/v1/meetings/${m.future.id}/approve`, {}), 409, 'meeting_not_held');
    problem(await api.post(`/api/v1/meetings/${m.october.id}/amendments`, { section: 'other', text: 'x', reason: 'y' }), 409, 'meeting_not_approved');
    const approved = await checked('POST', `/api/v1/meetings/${m.october.id}/approve`, 200, {});
    assert.equal(approved.state, 'approved');
    assert.equal(approved.may_write, true, 'the secretary may still amend it');
    assert.ok(approved.approved_at);
    const audits = await auditCount();
    problem(await api.patch(`/api/v1/meetings/${m.october.id}`, { place: 'Nơi khác' }), 409, 'meeting_approved');
    problem(await api.post(`/api/v1/meetings/${m.october.id}/record`, { chair_id: m.chair.id, secretary_id: m.secretary.id, attendance: attendance(m.october) }), 409, 'meeting_approved');
    problem(await api.post(`/api/v1/meetings/${m.october.id}/approve`, {}), 409, 'meeting_approved');
    const after = ok(await api.get(`/api/v1/meetings/${m.october.id}`));
    assert.equal(after.place, 'Hội trường A');
    assert.equal(await auditCount(), audits);
  });

  test('an amendment records who, when and why; an attendance correction keeps the old status', async () => {
    problem(await api.post(`/api/v1/meetings/${m.october.id}/amendments`, { section: 'attendance', text: 'Sửa điểm danh', reason: '' }), 422, 'validation_failed', [['reason', 'required']]);
    problem(await api.post(`/api/v1/meetings/${m.october.id}/amendments`, { section: 'attendance', text: 'x', reason: 'y', attendance: [{ member_id: m.other.id, status: 'present' }] }), 422, 'validation_failed', [['attendance[0].member_id', 'not_in_cell']]);
    problem(await api.post(`/api/v1/meetings/${m.october.id}/amendments`, { section: 'minutes', text: 'x', reason: 'y', attendance: [{ member_id: m.chair.id, status: 'present' }] }), 422, 'validation_failed', [['attendance', 'only_for_attendance_section']]);
    const amended = await checked('POST', `/api/v1/meetings/${m.october.id}/amendments`, 201, {
      section: 'attendance', text: 'Đồng chí Đều vắng có lý do, không phải có mặt', reason: 'Ghi nhầm khi điểm danh',
      attendance: [{ member_id: m.regular.id, status: 'absent_excused', reason: 'Đi công tác' }],
    });
    assert.equal(amended.state, 'approved');
    assert.equal(amended.amendments.length, 1);
    const a = amended.amendments[0];
    assert.equal(a.reason, 'Ghi nhầm khi điểm danh');
    assert.ok(a.created_by.length > 0 && a.created_at.length > 0, 'who and when');
    assert.deepEqual(a.changes.map((c) => [c.member_id, c.from, c.to]), [[m.regular.id, 'present', 'absent_excused']]);
    assert.equal(amended.quality.present, 4);
  });
});

describe('the minutes', () => {
  test('DOCX and print view in the Party document layout, with the amendment', async () => {
    const docx = await api.request('GET', `/api/v1/meetings/${m.october.id}/docx`);
    assert.equal(docx.status, 200);
    assert.match(docx.contentType, /wordprocessingml/);
    assert.deepEqual(checkReply(doc, 'GET', `/api/v1/meetings/${m.october.id}/docx`, docx), []);
    const xml = documentXml(docx.buffer);
    for (const text of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'CHI BỘ PHÒNG SINH HOẠT A', 'BIÊN BẢN', 'Họp chi bộ thường kỳ tháng 10 năm 2026', 'Nguyễn Văn Chủ', 'THƯ KÝ', 'Ghi nhầm khi điểm danh']) {
      assert.ok(xml.includes(text), `the DOCX holds ${text}`);
    }
    const page = await api.request('GET', `/api/v1/meetings/${m.october.id}/print`);
    assert.equal(page.status, 200);
    assert.match(page.contentType, /text\/html/);
    for (const text of ['BIÊN BẢN', 'Hội trường A', 'Vắng có lý do: Lê Văn Đều (Đi công tác)', 'Nghị quyết tháng 10', 'Hoàn thành kế hoạch quý IV']) {
      assert.ok(page.text.includes(text), `the print view holds ${text}`);
    }
    assert.ok(!page.text.includes('DỰ THẢO'), 'an approved meeting is not a draft');
    // Every export or print of the minutes is audited.
    const trail = ok(await api.get(`/api/v1/audit?action=meeting.minutes_export&object_type=meeting&object_id=${m.october.id}`));
    assert.deepEqual(trail.items.map((e) => e.details.format).sort(), ['docx', 'print']);
    problem(await api.get(`/api/v1/meetings/${m.future.id}/docx`), 409, 'meeting_not_held');
  });
});

/** word/document.xml of a DOCX (a ZIP), read from its local headers. */
function documentXml(buffer) {
  let at = 0;
  while (at + 30 <= buffer.length && buffer.readUInt32LE(at) === 0x04034b50) {
    const method = buffer.readUInt16LE(at + 8);
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extraLength = buffer.readUInt16LE(at + 28);
    const name = buffer.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extraLength;
    const data = buffer.subarray(start, start + size);
    if (name === 'word/document.xml') return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at = start + size;
  }
  throw new Error('no word/document.xml');
}

describe('absence notices and the member\'s own view', () => {
  test('the member sees the coming meetings, sends a notice; not for someone else, not for another cell', async () => {
    const coming = await schedule(tree.cellA.id, { held_on: today(), kind: 'ad_hoc', topic: 'Chuẩn bị đại hội' });
    const otherCell = await schedule(tree.cellB.id, { held_on: today(), kind: 'ad_hoc' });
    const self = await server.login(await server.addUser({ roles: ['member'], memberId: m.regular.id }));
    const mine = ok(await self.get('/api/v1/meetings/mine'));
    assert.deepEqual(checkReply(doc, 'GET', '/api/v1/meetings/mine', { status: 200, contentType: 'application/json', body: mine }), []);
    assert.equal(mine.member.id, m.regular.id);
    assert.equal(mine.org.id, tree.cellA.id);
    assert.ok(mine.upcoming.some((u) => u.id === coming.id));
    assert.ok(mine.attendance.some((a) => a.meeting_id === m.october.id && a.status === 'absent_excused'));
    problem(await self.post(`/api/v1/meetings/${coming.id}/absence-notices`, { reason: 'Đi công tác', member_id: m.drifter.id }), 403, 'forbidden');
    problem(await self.post(`/api/v1/meetings/${otherCell.id}/absence-notices`, { reason: 'Đi công tác' }), 404, 'not_found');
    problem(await self.post(`/api/v1/meetings/${coming.id}/absence-notices`, { reason: '' }), 422, 'validation_failed', [['reason', 'required']]);
    problem(await self.post(`/api/v1/meetings/${m.october.id}/absence-notices`, { reason: 'Ốm' }), 409, 'meeting_already_recorded');
    problem(await self.get(`/api/v1/meetings/${coming.id}`), 404, 'not_found');
    assert.equal(ok(await api.get(`/api/v1/meetings/${coming.id}`)).notices.length, 0, 'nothing written by the refusals');
    const notice = ok(await self.post(`/api/v1/meetings/${coming.id}/absence-notices`, { reason: 'Đi công tác Đà Nẵng' }), 201);
    assert.equal(notice.state, 'pending');
    assert.equal(notice.member_id, m.regular.id);
    problem(await self.post(`/api/v1/meetings/${coming.id}/absence-notices`, { reason: 'Lần nữa' }), 409, 'notice_exists');
    problem(await api.post(`/api/v1/meetings/${coming.id}/absence-notices`, { reason: 'x' }), 409, 'account_not_linked_to_member');
    m.coming = coming;
    m.notice = notice;
  });

  test('the secretary accepts it: the member is absent with reason when attendance is recorded', async () => {
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellA.id }));
    problem(await secretary.post(`/api/v1/meetings/${m.coming.id}/absence-notices/${m.notice.id}/decision`, { decision: 'maybe' }), 422, 'validation_failed', [['decision', 'unknown_code']]);
    problem(await secretary.post(`/api/v1/meetings/${m.coming.id}/absence-notices/99999999/decision`, { decision: 'accepted' }), 404, 'not_found');
    const decided = ok(await secretary.post(`/api/v1/meetings/${m.coming.id}/absence-notices/${m.notice.id}/decision`, { decision: 'accepted', note: 'Đồng ý' }));
    assert.equal(decided.state, 'accepted');
    problem(await secretary.post(`/api/v1/meetings/${m.coming.id}/absence-notices/${m.notice.id}/decision`, { decision: 'refused' }), 409, 'notice_decided');
    const rows = attendance(m.coming).filter((a) => a.member_id !== m.regular.id);
    const held = ok(await secretary.post(`/api/v1/meetings/${m.coming.id}/record`, { chair_id: m.chair.id, secretary_id: m.secretary.id, attendance: rows }));
    const line = held.roster.find((r) => r.member_id === m.regular.id);
    assert.equal(line.attendance, 'absent_excused');
    assert.equal(line.reason, 'Đi công tác Đà Nẵng');
  });
});

describe('reach: out-of-reach organizations and meetings are not found', () => {
  test('a secretary of another cell gets 404; a reader without meeting.write gets 403', async () => {
    const other = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellB.id }));
    problem(await other.get(`/api/v1/meetings/${m.october.id}`), 404, 'not_found');
    problem(await other.post(`/api/v1/meetings/${m.future.id}/record`, { chair_id: m.chair.id, secretary_id: m.secretary.id, attendance: [] }), 404, 'not_found');
    problem(await other.post(`/api/v1/orgs/${tree.cellA.id}/meetings`, { held_on: '2026-10-05', kind: 'regular' }), 404, 'not_found');
    problem(await other.get(`/api/v1/orgs/${tree.cellA.id}/meetings/quality?year=2026`), 404, 'not_found');
    problem(await other.get(`/api/v1/orgs/${tree.cellA.id}/removal-candidates?year=2026`), 404, 'not_found');
    const leader = await server.login(await server.addUser({ roles: ['leader'], scope: tree.root.id }));
    problem(await leader.post(`/api/v1/meetings/${m.future.id}/record`, { chair_id: m.chair.id, secretary_id: m.secretary.id, attendance: [] }), 403, 'forbidden');
    problem(await leader.post(`/api/v1/orgs/${tree.cellA.id}/meetings`, { held_on: '2026-10-05', kind: 'regular' }), 403, 'forbidden');
    assert.equal(ok(await leader.get(`/api/v1/meetings/${m.october.id}`)).may_write, false);
  });
});

describe('the base committee\'s views', () => {
  test('cells without a recorded meeting in a month, one page', async () => {
    const missing = await checked('GET', `/api/v1/orgs/${tree.root.id}/meetings/missing?month=2026-10`, 200);
    const ids = missing.items.map((i) => i.org.id);
    assert.ok(!ids.includes(tree.cellA.id), 'cell A held October\'s meeting');
    assert.ok(ids.includes(tree.cellB.id) && ids.includes(tree.baseCell.id));
    assert.equal(missing.total, 2);
    assert.equal(missing.period_from, '2026-10-01');
    const november = await checked('GET', `/api/v1/orgs/${tree.root.id}/meetings/missing?month=2026-11&limit=1`, 200);
    assert.equal(november.items.length, 1);
    assert.equal(november.total, 3, 'an ad hoc meeting is not the month\'s regular one');
    const quarter = await checked('GET', `/api/v1/orgs/${tree.root.id}/meetings/missing?month=2026-10&kind=thematic`, 200);
    assert.equal(quarter.period_to, '2026-12-31');
    problem(await api.get(`/api/v1/orgs/${tree.root.id}/meetings/missing`), 400, 'invalid_parameter');
    problem(await api.get(`/api/v1/orgs/${tree.root.id}/meetings/missing?month=2026-13`), 400, 'invalid_parameter');
    problem(await api.get(`/api/v1/orgs/${tree.root.id}/meetings/missing?month=2026-10&kind=ad_hoc`), 400, 'invalid_parameter');
  });

  test('unexcused absences in 3 months of a year put a member on the removal list, with the evidence', async () => {
    const absent = { [m.drifter.id]: 'absent_unexcused' };
    const july = await heldMeeting(tree.cellA.id, '2026-07-07', absent);
    await heldMeeting(tree.cellA.id, '2026-07-21', absent, 'ad_hoc');
    await heldMeeting(tree.cellA.id, '2026-08-04', absent);
    let list = await checked('GET', `/api/v1/orgs/${tree.cellA.id}/removal-candidates?year=2026`, 200);
    assert.equal(list.items.find((i) => i.member_id === m.drifter.id), undefined, 'two months are not three');
    await heldMeeting(tree.cellA.id, '2026-09-08', absent, 'thematic');
    list = await checked('GET', `/api/v1/orgs/${tree.cellA.id}/removal-candidates?year=2026`, 200);
    const entry = list.items.find((i) => i.member_id === m.drifter.id);
    assert.ok(entry, 'listed after the third month');
    assert.deepEqual(entry.grounds, ['meetings']);
    assert.deepEqual(entry.unexcused_months, ['2026-07', '2026-08', '2026-09']);
    assert.equal(entry.unexcused_meetings.length, 4);
    assert.equal(entry.unexcused_meetings[0].meeting_id, july.id);
    assert.equal(entry.exit.ground, 'missed_activities_or_dues');
    assert.equal(entry.exit.path, `/api/v1/members/${m.drifter.id}/exit`);
    assert.ok(list.rules.some((r) => r.key === 'meetings.absent_months_for_removal' && r.value === 3));
    const root = await checked('GET', `/api/v1/orgs/${tree.root.id}/removal-candidates?year=2026&limit=1`, 200);
    assert.ok(root.total >= 1);
    assert.equal(root.items.length, 1);
    assert.equal((await checked('GET', `/api/v1/orgs/${tree.cellA.id}/removal-candidates?year=2025`, 200)).total, 0, 'another year');
    problem(await api.get(`/api/v1/orgs/${tree.cellA.id}/removal-candidates`), 400, 'invalid_parameter');
    problem(await api.get(`/api/v1/orgs/${tree.cellA.id}/removal-candidates?year=20x6`), 400, 'invalid_parameter');
  });

  test('a cell\'s quality in a year: missing months and quarters, unexcused absences', async () => {
    const q = await checked('GET', `/api/v1/orgs/${tree.cellA.id}/meetings/quality?year=2026`, 200);
    assert.deepEqual(q.owed_months.length, 10, 'January to October (November is not over)');
    assert.ok(q.missing_months.includes('2026-01'));
    assert.ok(!q.missing_months.includes('2026-10') && !q.missing_months.includes('2026-07'));
    assert.deepEqual(q.owed_quarters, [1, 2, 3]);
    assert.deepEqual(q.missing_quarters, [1, 2], 'a thematic meeting was held in the third quarter');
    assert.equal(q.unexcused, 4);
    assert.equal(q.meets, false);
    assert.deepEqual(q.failures.sort(), ['attendance', 'missing_regular', 'missing_thematic', 'unexcused'].sort());
    problem(await api.get(`/api/v1/orgs/${tree.base.id}/meetings/quality?year=2026`), 422, 'validation_failed', [['id', 'not_a_cell']]);
    problem(await api.get(`/api/v1/orgs/${tree.cellA.id}/meetings/quality`), 400, 'invalid_parameter');
  });

  test('lists of a cell and of a subtree; the catalog', async () => {
    const list = await checked('GET', `/api/v1/orgs/${tree.root.id}/meetings?year=2026&kind=regular`, 200);
    assert.ok(list.items.every((i) => i.kind === 'regular'));
    assert.ok(list.items.some((i) => i.id === m.october.id && i.state === 'approved'));
    problem(await api.get(`/api/v1/orgs/${tree.root.id}/meetings?state=done`), 400, 'invalid_parameter');
    const catalog = await checked('GET', '/api/v1/meetings/catalog', 200);
    assert.equal(catalog.agenda_template.length, 7);
    assert.ok(catalog.rules.every((r) => r.source.length > 0));
  });
});
