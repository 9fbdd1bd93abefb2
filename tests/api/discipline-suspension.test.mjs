// Suspension of party activities while a case is considered (đình chỉ sinh hoạt đảng; Quy định
// 22-QĐ/TW Art. 28-31, rules/discipline.toml discipline.suspension_*): a member at most 90 days
// at first and 180 with extensions, an organization 90 without extension, a prosecuted member for
// the law's period; lifted early once; refused after the decision. A member suspended on the
// review date is not reviewed that year. Every bad input is a 4xx naming the field and nothing is
// written. Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let api;
let tree;
let doc;
const m = {};

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Đình Chỉ');
  m.suspended = await createMember(api, tree.cellA.id, { full_name: 'Vũ Văn Đình' });
  m.prosecuted = await createMember(api, tree.cellA.id, { full_name: 'Hồ Văn Tố' });
  m.other = await createMember(api, tree.cellA.id, { full_name: 'Lý Thị Thường', sex: 'female' });
});
after(async () => { await server?.stop(); });

async function checked(method, path, status, json) {
  const reply = method === 'GET' ? await api.get(path) : await api.post(path, json);
  assert.deepEqual(checkReply(doc, method, path, reply), [], `${method} ${path} matches the document`);
  return ok(reply, status);
}
const caseUrl = (id, tail = '') => `/api/v1/discipline-cases/${id}${tail}`;
const open = (subject, extra = {}) => checked('POST', '/api/v1/discipline-cases', 201, {
  ...subject,
  breach_summary: 'Có dấu hiệu vi phạm nghiêm trọng, cản trở việc kiểm tra',
  breach_date: '2026-09-01',
  sanction: subject.org_id ? 'warning' : 'expulsion',
  competent_level: 'Ủy ban kiểm tra Đảng ủy',
  ...extra,
});
const suspend = (c, body) => api.post(caseUrl(c.id, '/suspension'), { version: c.version, ...body });

describe('a member suspended while the case is considered', () => {
  let c;
  test('bad suspensions are refused naming the field and the rule; nothing is written', async () => {
    c = await open({ member_id: m.suspended.id });
    problem(await suspend(c, {}), 422, 'validation_failed', [['from', 'required'], ['until', 'required'], ['basis', 'required']]);
    problem(await suspend(c, { from: '2026-10-01', until: '2026-12-30', basis: 'rumour' }), 422, 'validation_failed', [['basis', 'not_allowed']]);
    problem(await suspend(c, { from: '2026-12-01', until: '2026-12-30', basis: 'investigation' }), 422, 'validation_failed', [['from', 'date_in_future']]);
    problem(await suspend(c, { from: '2026-10-01', until: '2026-09-30', basis: 'investigation' }), 422, 'validation_failed', [['until', 'date_before_start']]);
    // 2026-10-01 plus 90 days is 2026-12-30: one day more is refused.
    const long = problem(await suspend(c, { from: '2026-10-01', until: '2026-12-31', basis: 'investigation' }),
      422, 'validation_failed', [['until', 'discipline_suspension_too_long']]);
    const message = long.errors[0].message;
    assert.ok(message.includes('90') && /30\/12\/2026|2026-12-30/.test(message), message);
    assert.match(message, /discipline\.suspension_days/);
    problem(await suspend(c, { lifted_on: '2026-11-01' }), 409, 'discipline_not_suspended');
    problem(await suspend({ ...c, version: c.version + 5 }, { from: '2026-10-01', until: '2026-12-30', basis: 'investigation' }), 409, null);
    const again = await checked('GET', caseUrl(c.id), 200);
    assert.equal(again.suspension, null);
    assert.equal(again.version, c.version);
  });

  test('90 days at first, in force today, with the rule applied', async () => {
    c = await checked('POST', caseUrl(c.id, '/suspension'), 200,
      { from: '2026-10-01', until: '2026-12-30', basis: 'investigation', version: c.version });
    assert.deepEqual(
      [c.suspension.from, c.suspension.until, c.suspension.basis, c.suspension.lifted_on, c.suspension.in_force],
      ['2026-10-01', '2026-12-30', 'investigation', null, true]);
    assert.equal(c.suspension.rule.key, 'discipline.suspension_days');
    assert.equal(c.suspension.rule.value, 90);
    assert.match(c.suspension.rule.source, /22-QĐ\/TW/);
  });

  test('an extension keeps the first day and ends within 180 days in all', async () => {
    problem(await suspend(c, { from: '2026-10-02', until: '2027-02-01', basis: 'investigation' }),
      422, 'validation_failed', [['from', 'discipline_suspension_start_fixed']]);
    problem(await suspend(c, { from: '2026-10-01', until: '2026-12-30', basis: 'investigation' }),
      422, 'validation_failed', [['until', 'discipline_suspension_not_later']]);
    problem(await suspend(c, { from: '2026-10-01', until: '2027-03-31', basis: 'investigation' }),
      422, 'validation_failed', [['until', 'discipline_suspension_too_long']]);
    c = await checked('POST', caseUrl(c.id, '/suspension'), 200,
      { from: '2026-10-01', until: '2027-03-30', basis: 'investigation', version: c.version });
    assert.equal(c.suspension.until, '2027-03-30');
    assert.equal(c.suspension.rule.key, 'discipline.suspension_max_days');
  });

  test('the suspension is in the restricted audit trail', async () => {
    const entries = ok(await api.get(`/api/v1/audit?action=discipline_case.suspension&object_type=discipline_case&object_id=${c.id}`)).items;
    assert.equal(entries.length, 2, 'the suspension and its extension');
  });

  test('a member suspended on the review date is not reviewed, with the reason', async () => {
    const opened = await checked('POST', '/api/v1/review-campaigns', 201,
      { org_id: tree.cellA.id, year: 2026, review_date: '2026-11-10', title: 'Kiểm điểm năm 2026' });
    const view = await checked('GET', `/api/v1/review-campaigns/${opened.campaign.id}?org_id=${tree.cellA.id}`, 200);
    const line = (member) => view.members.find((x) => x.member_id === member.id);
    assert.equal(line(m.suspended).eligibility.reviewed, false);
    assert.equal(line(m.suspended).eligibility.reason, 'activities_suspended');
    assert.equal(line(m.other).eligibility.reviewed, true);
  });

  test('lifted early, once, alone in the request, within the suspension; then no extension', async () => {
    problem(await suspend(c, { lifted_on: '2026-11-20' }), 422, 'validation_failed', [['lifted_on', 'date_in_future']]);
    problem(await suspend(c, { lifted_on: '2026-09-30' }), 422, 'validation_failed', [['lifted_on', 'date_outside_term']]);
    problem(await suspend(c, { lifted_on: '2026-11-15', until: '2027-01-01' }), 422, 'validation_failed', [['lifted_on', 'discipline_suspension_lift_alone']]);
    c = await checked('POST', caseUrl(c.id, '/suspension'), 200, { lifted_on: '2026-11-15', version: c.version });
    assert.deepEqual([c.suspension.lifted_on, c.suspension.in_force], ['2026-11-15', false]);
    problem(await suspend(c, { lifted_on: '2026-11-16' }), 409, 'discipline_suspension_lifted');
    problem(await suspend(c, { from: '2026-10-01', until: '2027-03-01', basis: 'investigation' }), 409, 'discipline_suspension_lifted');
  });
});

describe('other subjects', () => {
  test('a prosecuted member follows the law\'s period, beyond the party cap', async () => {
    const c = await open({ member_id: m.prosecuted.id });
    const s = await checked('POST', caseUrl(c.id, '/suspension'), 200,
      { from: '2026-09-15', until: '2027-09-15', basis: 'prosecution', version: c.version });
    assert.equal(s.suspension.rule, null);
    assert.equal(s.suspension.in_force, true);
  });

  test('an organization: 90 days, no extension, never "prosecution"', async () => {
    const c = await open({ org_id: tree.cellB.id });
    problem(await suspend(c, { from: '2026-10-01', until: '2026-12-01', basis: 'prosecution' }), 422, 'validation_failed', [['basis', 'not_allowed']]);
    const s = await checked('POST', caseUrl(c.id, '/suspension'), 200,
      { from: '2026-10-01', until: '2026-12-30', basis: 'investigation', version: c.version });
    assert.equal(s.suspension.rule.key, 'discipline.org_suspension_days');
    problem(await suspend(s, { from: '2026-10-01', until: '2027-01-15', basis: 'investigation' }),
      422, 'validation_failed', [['until', 'discipline_suspension_too_long']]);
  });

  test('after the decision there is no new suspension', async () => {
    let c = await open({ member_id: m.other.id }, { sanction: 'reprimand' });
    c = await checked('POST', caseUrl(c.id, '/vote'), 200, { in_favour: 9, against: 0, abstain: 0, entitled: 9, voted_on: '2026-10-01', version: c.version });
    c = await checked('POST', caseUrl(c.id, '/decide'), 200, { decided_on: '2026-10-02', decision_number: '21-QĐ/UBKT', version: c.version });
    problem(await suspend(c, { from: '2026-10-03', until: '2026-11-01', basis: 'investigation' }), 409, 'discipline_case_decided');
  });
});
