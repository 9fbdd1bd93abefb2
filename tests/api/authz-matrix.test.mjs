// The authorization matrix, generated: every API route × every role of data/catalog/roles.tsv
// (each granted within one committee of a demo database, plus an unscoped administrator and an
// anonymous caller) × an object inside the grant's scope and one outside it. The expected status
// comes from the permission table (lib/access.mjs: deny by default; outside the scope → 404,
// never 403 and never the object; a route the role has no permission for → 403; no session →
// 401). Denied replies must not carry the object's name or citizen ID, and every list, search and
// export of a scoped user holds only what lies inside the scope; the restricted field
// (discipline: the view of the decided discipline cases) never reaches lists or searches, and
// reaches a member's detail and the CSV export
// only for the roles with discipline.read.
//
// Reads run first; the writes of the matrix use stale versions (an allowed write answers 409 and
// changes nothing) or create fresh objects, and run last.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { client, ok, problem, allMembers, memberPayload, iso, serverToday } from './lib/api.mjs';
import { ROUTES } from './lib/routes.mjs';
import { loadRoles, ROUTE_RULES, expectedAccess, permissionTable, routeTable } from './lib/access.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { SOURCE_ROOT } from './lib/server.mjs';
import { parseCsv } from './lib/csv.mjs';

const ROLES = loadRoles();
const roleByCode = Object.fromEntries(ROLES.map((r) => [r.code, r]));

let server;
let admin; // the unscoped administrator
const fx = {}; // the fixture: scope, objects in and out, users
const callers = []; // {label, role, api, grant}

const stamp = Date.now().toString(36).slice(-4);
const NAMES = {
  orgIn: 'Chi bộ Trong Phạm Vi Kiểm Thử',
  orgOut: 'Chi bộ Ngoài Phạm Vi Kiểm Thử',
  memberIn: 'Trần Văn Trongphạmvi',
  memberIn2: 'Lê Thị Cùngchibộ',
  memberOut: 'Ngô Thị Ngoàiphạmvi',
};
const DISCIPLINE_NUMBER = `${stamp}-QĐ/KT`;
const DISCIPLINE = `Khiển trách — QĐ ${DISCIPLINE_NUMBER} ngày 20/01/2026`;

/** Strings that must never appear in a refusal, nor in any reply to a scoped user about `out`. */
function secretsOf(side) {
  if (side === 'out') return [NAMES.orgOut, NAMES.memberOut, fx.memberOut.citizen_id];
  return [NAMES.orgIn, NAMES.memberIn, fx.memberIn.citizen_id];
}

async function walkSubtree(api, orgId) {
  const ids = [orgId];
  for (let i = 0; i < ids.length; i++) {
    const children = ok(await api.get(`/api/v1/orgs/${ids[i]}/children?include_dissolved=true`)).items;
    for (const c of children) ids.push(c.id);
  }
  return new Set(ids);
}

before(async () => {
  server = await startServer({ data: 'demo', members: 600, seed: 7 });
  admin = server.admin;

  // The scope: a committee directly under the root holding a member organization with at least
  // two members; the object outside: a member organization under another committee.
  const everyone = await allMembers(admin);
  const byOrg = new Map();
  for (const m of everyone) byOrg.set(m.org_id, [...(byOrg.get(m.org_id) ?? []), m]);
  const detail = new Map();
  for (const orgId of byOrg.keys()) detail.set(orgId, ok(await admin.get(`/api/v1/orgs/${orgId}`)));
  const topOf = (orgId) => {
    const d = detail.get(orgId);
    return d.ancestors.length >= 2 ? d.ancestors[1].id : d.id;
  };
  const inOrgId = [...byOrg.keys()].find((id) => byOrg.get(id).length >= 2 && detail.get(id).ancestors.length >= 2);
  assert.ok(inOrgId, 'the demo has an organization with two members under a committee');
  fx.scope = ok(await admin.get(`/api/v1/orgs/${topOf(inOrgId)}`));
  const outOrgId = [...byOrg.keys()].find((id) => topOf(id) !== fx.scope.id && detail.get(id).ancestors.length >= 2);
  assert.ok(outOrgId);
  fx.outTop = ok(await admin.get(`/api/v1/orgs/${topOf(outOrgId)}`));

  // Unique names, so that a leak can be told from a coincidence; discipline on all three.
  fx.orgIn = ok(await admin.patch(`/api/v1/orgs/${inOrgId}`, { version: detail.get(inOrgId).version, name: NAMES.orgIn }));
  fx.orgOut = ok(await admin.patch(`/api/v1/orgs/${outOrgId}`, { version: detail.get(outOrgId).version, name: NAMES.orgOut }));
  const [a, b] = byOrg.get(inOrgId);
  const [c] = byOrg.get(outOrgId);
  fx.memberIn = ok(await admin.patch(`/api/v1/members/${a.id}`, { version: a.version, full_name: NAMES.memberIn }));
  fx.memberIn2 = ok(await admin.patch(`/api/v1/members/${b.id}`, { version: b.version, full_name: NAMES.memberIn2 }));
  fx.memberOut = ok(await admin.patch(`/api/v1/members/${c.id}`, { version: c.version, full_name: NAMES.memberOut }));
  // The discipline is the view of the decided cases: a decided reprimand on each of the three.
  for (const member of [fx.memberIn, fx.memberIn2, fx.memberOut]) {
    let decided = ok(await admin.post('/api/v1/discipline-cases', { member_id: member.id, breach_summary: 'Vi phạm kiểm thử', breach_date: '2026-01-05', sanction: 'reprimand', competent_level: 'Chi bộ' }), 201);
    decided = ok(await admin.post(`/api/v1/discipline-cases/${decided.id}/vote`, { in_favour: 3, against: 0, abstain: 0, entitled: 3, voted_on: '2026-01-15', version: decided.version }));
    ok(await admin.post(`/api/v1/discipline-cases/${decided.id}/decide`, { decided_on: '2026-01-20', decision_number: DISCIPLINE_NUMBER, version: decided.version }));
  }
  fx.memberIn = ok(await admin.get(`/api/v1/members/${fx.memberIn.id}`));
  fx.memberIn2 = ok(await admin.get(`/api/v1/members/${fx.memberIn2.id}`));
  fx.memberOut = ok(await admin.get(`/api/v1/members/${fx.memberOut.id}`));
  assert.ok(fx.memberIn.discipline.includes(DISCIPLINE), 'the administrator reads the restricted field');

  // Admission files in a cell inside and outside the scope; a temporary transfer of a member on
  // each side (kept open, so that writes on them stay refused and nothing changes).
  const person = (orgId, n) => ({ full_name: `Vũ Thị Hồsơ ${n === '4101' ? 'Trong' : 'Ngoài'}`, sex: 'female', birth_date: '1998-03-03', ethnicity: '01', religion: 'none', citizen_id: `00119800${n}`, org_id: orgId });
  fx.candidateIn = ok(await admin.post('/api/v1/candidates', person(fx.orgIn.id, '4101')), 201);
  fx.candidateOut = ok(await admin.post('/api/v1/candidates', person(fx.orgOut.id, '4102')), 201);
  const away = (memberId) => ({ kind: 'temporary', direction: 'outgoing', purpose: 'study', member_id: memberId, external_org: 'Chi bộ lớp bồi dưỡng kiểm thử', letter_date: iso(serverToday()), letter: { number: '7-GGT/CB', authority: 'Chi bộ' }, until: iso(new Date(serverToday().getTime() + 200 * 86400000)) });
  fx.transferIn = ok(await admin.post('/api/v1/transfers', away(fx.memberIn2.id)), 201);
  fx.transferOut = ok(await admin.post('/api/v1/transfers', away(fx.memberOut.id)), 201);

  // A term with a seat on each side (the organization holding congresses: a tổ đảng's cell).
  const termOf = async (org) => {
    const holder = org.kind === 'party_group' ? ok(await admin.get(`/api/v1/orgs/${org.parent_id}`)) : org;
    const list = ok(await admin.get(`/api/v1/orgs/${holder.id}/terms`));
    const term = list.items.length ? ok(await admin.get(`/api/v1/terms/${list.items[0].id}`))
      : ok(await admin.post(`/api/v1/orgs/${holder.id}/terms`, { closed_on: iso(new Date(serverToday().getTime() - 400 * 86400000)) }), 201);
    let seat = term.seats.find((s) => !s.ended_on);
    if (!seat) {
      const official = (await allMembers(admin, { org: holder.id })).find((m) => m.status === 'official');
      seat = ok(await admin.post(`/api/v1/terms/${term.id}/seats`, { member_id: official.id, position: 'deputy_secretary', started_on: term.starts_on }), 201);
    }
    return { holder, term, seat };
  };
  fx.termIn = await termOf(fx.orgIn);
  fx.termOut = await termOf(fx.orgOut);
  // Register documents: an outgoing one of the demo (not secret) issued by each top committee,
  // each with an attachment.
  const outgoingOf = async (orgId) => ok(await admin.get(`/api/v1/documents?org=${orgId}&direction=outgoing&limit=500`)).items
    .find((d) => d.secrecy === null && d.org_id === orgId);
  fx.documentIn = await outgoingOf(fx.scope.id);
  fx.documentOut = await outgoingOf(fx.outTop.id);
  assert.ok(fx.documentIn && fx.documentOut, 'the demo has outgoing documents of both committees');
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  for (const side of ['In', 'Out']) {
    const reply = await admin.request('POST', `/api/v1/documents/${fx[`document${side}`].id}/attachments?name=tep.pdf`, { body: pdf, headers: { 'content-type': 'application/pdf' } });
    fx[`attachment${side}`] = ok(reply, 201);
  }

  // A directive of each top committee, its task assigned to the organization on that side.
  for (const [side, top, org] of [['In', fx.scope, fx.orgIn], ['Out', fx.outTop, fx.orgOut]]) {
    const directive = ok(await admin.post('/api/v1/directives', { org_id: top.id, kind: 'plan', title: `Kế hoạch kiểm thử ${side}`, issued_on: iso(serverToday()), tasks: [{ title: 'Việc kiểm thử', due_on: iso(serverToday()) }] }), 201);
    const batch = ok(await admin.post(`/api/v1/directives/${directive.id}/assignments`, { task_ids: [directive.tasks[0].id], target: { mode: 'orgs', org_ids: [org.id] } }), 201);
    fx[`directive${side}`] = directive;
    fx[`assignment${side}`] = batch.items[0];
  }

  // A personal plan on each side, recorded by its member (memberIn2 inside, memberOut outside).
  for (const [side, member] of [['In', fx.memberIn2], ['Out', fx.memberOut]]) {
    const self = await server.login(await server.addUser({ roles: ['member'], memberId: member.id }));
    const year = serverToday().getUTCFullYear();
    fx[`plan${side}`] = ok(await self.get(`/api/v1/plans/mine?year=${year}`)).plan  // the demo's
      ?? ok(await self.post('/api/v1/plans/mine', { year, kind: 'commitment', items: [{ content: 'Nội dung kiểm thử', measure: 'Đạt' }] }), 201);
  }

  // Review (issue 15): last year's campaign covering both sides (the demo's, or one opened at the
  // root), and a shortcoming of a member on each side.
  const lastYear = serverToday().getFullYear() - 1;
  const covering = ok(await admin.get(`/api/v1/review-campaigns?org_id=${fx.scope.id}`)).items.find((c) => c.year === lastYear);
  fx.campaign = covering ?? ok(await admin.post('/api/v1/review-campaigns', { org_id: fx.scope.ancestors[0].id, year: lastYear, review_date: `${lastYear}-12-15`, title: 'Kiểm điểm kiểm thử' }), 201).campaign;
  for (const [side, member] of [['In', fx.memberIn2], ['Out', fx.memberOut]]) {
    fx[`shortcoming${side}`] = ok(await admin.post('/api/v1/review-shortcomings', { campaign_id: fx.campaign.id, member_id: member.id, kind: 'limitation', description: 'Hạn chế kiểm thử', action: 'Khắc phục', owner: 'Bí thư chi bộ', due_on: `${lastYear + 1}-06-30` }), 201);
  }

  // This year's campaign opened at each side's top (closing and the summary lie there).
  for (const [side, top] of [['In', fx.scope], ['Out', fx.outTop]]) {
    const year = serverToday().getFullYear();
    fx[`campaign${side}`] = ok(await admin.post('/api/v1/review-campaigns', { org_id: top.id, year, review_date: `${year}-12-15`, title: `Kiểm điểm kiểm thử ${side}` }), 201).campaign;
  }

  // A cell meeting on each side: one recorded today (everyone present), one scheduled ahead.
  for (const [side, org] of [['In', fx.orgIn], ['Out', fx.orgOut]]) {
    const cell = org.kind === 'party_group' ? ok(await admin.get(`/api/v1/orgs/${org.parent_id}`)) : org;
    const held = ok(await admin.post(`/api/v1/orgs/${cell.id}/meetings`, { held_on: iso(serverToday()), kind: 'ad_hoc', place: 'Phòng họp' }), 201);
    const attendance = held.roster.map((r) => ({ member_id: r.member_id, status: 'present' }));
    const first = held.roster[0].member_id;
    fx[`meeting${side}`] = ok(await admin.post(`/api/v1/meetings/${held.id}/record`, { chair_id: first, secretary_id: first, attendance }));
    fx[`scheduled${side}`] = ok(await admin.post(`/api/v1/orgs/${cell.id}/meetings`, { held_on: iso(new Date(serverToday().getTime() + 30 * 86400000)), kind: 'ad_hoc' }), 201);
    fx[`cell${side}`] = cell;
  }

  // Inspection (issue 15): a programme issued by each top committee with an inspection of the
  // organization on that side, concluded with one recommendation (left open).
  const year = serverToday().getUTCFullYear();
  for (const [side, top, org] of [['In', fx.scope, fx.orgIn], ['Out', fx.outTop, fx.orgOut]]) {
    const programme = ok(await admin.post('/api/v1/inspection-programmes', { org_id: top.id, year, issuer: 'committee', title: `Chương trình kiểm thử ${side}`,
      inspections: [{ kind: 'task_performance', subject_org_id: org.id, content: 'Kiểm thử', starts_on: `${year}-01-05`, ends_on: `${year}-01-20`, team: ['Trưởng đoàn', 'Thành viên'] }] }), 201);
    let inspection = programme.inspections[0];
    for (const stage of ['decision', 'plan', 'work', 'report']) {
      inspection = ok(await admin.post(`/api/v1/inspections/${inspection.id}/stages`, { version: inspection.version, stage, on: `${year}-01-10`, document_text: 'Số 1' }));
    }
    inspection = ok(await admin.post(`/api/v1/inspections/${inspection.id}/conclusion`, { version: inspection.version, on: `${year}-01-10`, document_text: 'Số 2', text: 'Kết luận kiểm thử',
      items: [{ kind: 'recommendation', description: 'Kiến nghị kiểm thử', action: 'Khắc phục', owner: 'Cấp ủy', due_on: `${year}-06-30` }] }));
    fx[`inspectionProgramme${side}`] = programme;
    fx[`inspection${side}`] = inspection;
    fx[`inspectionItem${side}`] = inspection.items[0];
  }

  // A discipline case on each side (restricted records: discipline.read only).
  for (const [side, member] of [['In', fx.memberIn2], ['Out', fx.memberOut]]) {
    fx[`discipline${side}`] = ok(await admin.post('/api/v1/discipline-cases', { member_id: member.id, breach_summary: 'Vi phạm kiểm thử', breach_date: '2026-01-10', sanction: 'reprimand', competent_level: 'Chi bộ' }), 201);
  }

  fx.scopeOrgIds = await walkSubtree(admin, fx.scope.id);
  fx.scopeMemberIds = new Set((await allMembers(admin, { org: fx.scope.id })).map((m) => m.id));
  assert.ok(!fx.scopeOrgIds.has(fx.orgOut.id));

  // Users to manage: one whose grant lies inside the scope, one outside.
  fx.userIn = await server.addUser({ roles: ['leader'], scope: fx.orgIn.id });
  fx.userOut = await server.addUser({ roles: ['leader'], scope: fx.orgOut.id });

  // One user per role, granted within the scope (the member role: the in-scope member's record).
  for (const role of ROLES) {
    const credentials = await server.addUser({
      roles: [role.code],
      scope: fx.scope.id,
      memberId: role.scope === 'own_record' ? fx.memberIn.id : undefined,
      displayName: `Kiểm thử ${role.name_vi}`,
    });
    const api = await server.login(credentials);
    assert.equal(api.me.stage, 'full', `${role.code} signs in to a full session`);
    callers.push({ label: `${role.code} (scope ${fx.scope.id})`, role, api, grant: { unscoped: false } });
  }
  callers.push({ label: 'administrator (everywhere)', role: roleByCode.administrator, api: admin, grant: { unscoped: true } });
  callers.push({ label: 'anonymous', role: null, api: client(server.base, { jar: null }), grant: {} });
});
after(async () => { await server?.stop(); });

const scoped = () => callers.filter((c) => c.role && !c.grant.unscoped);

// ---- the route table ----------------------------------------------------------------------

// The account routes of the session itself (login, logout, password, TOTP) change the caller's
// session: auth.test.mjs covers them.
const ELSEWHERE = new Set([
  'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/password',
  'POST /api/v1/auth/totp/begin', 'POST /api/v1/auth/totp/confirm',
  // Ending one's own sessions needs the password and ends sessions: sessions.test.mjs covers it.
  'POST /api/v1/auth/sessions/end',
  // The signed-in member's own dues answer by whether the account is linked to a member record
  // (409 when not): dues.test.mjs covers them.
  'GET /api/v1/dues/mine',
  // The signed-in member's own plan (409 when not linked) and its edit (only the member whose
  // plan it is: 403 for those who read it, 404 for the others): plans.test.mjs covers them.
  'GET /api/v1/plans/mine', 'POST /api/v1/plans/mine', 'PUT /api/v1/plans/{id}',
  // The same for meetings: the member's own view and absence notices (meetings.test.mjs).
  'GET /api/v1/meetings/mine',
  'POST /api/v1/meetings/{id}/absence-notices',
]);

let serial = 0;
/** The request of a route for an object on one side; `allowed`: its status when permitted. */
function requestFor(key, side) {
  const org = side === 'out' ? fx.orgOut : fx.orgIn;
  const member = side === 'out' ? fx.memberOut : side === 'own' ? fx.memberIn : fx.memberIn2;
  const top = side === 'out' ? fx.outTop : fx.scope;
  const user = side === 'out' ? fx.userOut : fx.userIn;
  const candidate = side === 'out' ? fx.candidateOut : fx.candidateIn;
  const transfer = side === 'out' ? fx.transferOut : fx.transferIn;
  const terms = side === 'out' ? fx.termOut : fx.termIn;
  const document = side === 'out' ? fx.documentOut : fx.documentIn;
  const attachment = side === 'out' ? fx.attachmentOut : fx.attachmentIn;
  const directive = side === 'out' ? fx.directiveOut : fx.directiveIn;
  const assignment = side === 'out' ? fx.assignmentOut : fx.assignmentIn;
  const plan = side === 'out' ? fx.planOut : fx.planIn;
  const cell = side === 'out' ? fx.cellOut : fx.cellIn;
  const meeting = side === 'out' ? fx.meetingOut : fx.meetingIn;
  const scheduled = side === 'out' ? fx.scheduledOut : fx.scheduledIn;
  const discipline = side === 'out' ? fx.disciplineOut : fx.disciplineIn;
  const today = iso(serverToday());
  switch (key) {
    case 'GET /api/v1/health': return { path: '/api/v1/health' };
    case 'GET /api/v1/openapi.json': return { path: '/api/v1/openapi.json' };
    case 'GET /api/v1/auth/me': return { path: '/api/v1/auth/me' };
    case 'GET /api/v1/auth/sessions': return { path: '/api/v1/auth/sessions' };
    case 'GET /api/v1/catalogs': return { path: '/api/v1/catalogs' };
    case 'GET /api/v1/rules': return { path: '/api/v1/rules' };
    case 'GET /api/v1/orgs': return { path: '/api/v1/orgs' };
    case 'GET /api/v1/orgs/search': return { path: `/api/v1/orgs/search?q=${encodeURIComponent('Chi bộ')}` };
    case 'GET /api/v1/members': return { path: '/api/v1/members?page_size=500' };
    case 'GET /api/v1/members.csv': return { path: '/api/v1/members.csv' };
    case 'GET /api/v1/users': return { path: '/api/v1/users' };
    case 'GET /api/v1/audit': return { path: '/api/v1/audit?limit=500' };
    case 'GET /api/v1/audit/verify': return { path: '/api/v1/audit/verify' };
    case 'GET /api/v1/orgs/{id}': return { path: `/api/v1/orgs/${org.id}` };
    case 'GET /api/v1/orgs/{id}/children': return { path: `/api/v1/orgs/${org.id}/children` };
    case 'GET /api/v1/orgs/{id}/stats': return { path: `/api/v1/orgs/${org.id}/stats` };
    case 'PATCH /api/v1/orgs/{id}': return { path: `/api/v1/orgs/${org.id}`, json: { version: 0, name: 'Chi bộ Đổi Tên Trái Phép' }, allowed: 409 };
    case 'POST /api/v1/orgs/{id}/move': return { path: `/api/v1/orgs/${org.id}/move`, json: { version: 0, parent_id: top.id }, allowed: 409 };
    case 'POST /api/v1/orgs/{id}/dissolve': return { path: `/api/v1/orgs/${org.id}/dissolve`, json: { version: 0, dissolved_on: today }, allowed: 409 };
    case 'POST /api/v1/orgs/{id}/merge': return { path: `/api/v1/orgs/${org.id}/merge`, json: { version: 0, target_id: top.id, merged_on: today }, allowed: 409 };
    // A cell under a base committee, a base cell under any other committee.
    case 'POST /api/v1/orgs': return { path: '/api/v1/orgs', json: { kind: top.kind === 'base_committee' ? 'cell' : 'base_cell', name: `Chi bộ Mới Số ${++serial}`, parent_id: top.id }, allowed: 201 };
    case 'GET /api/v1/members/{id}': return { path: `/api/v1/members/${member.id}` };
    case 'GET /api/v1/members/{id}/history': return { path: `/api/v1/members/${member.id}/history` };
    case 'PATCH /api/v1/members/{id}': return { path: `/api/v1/members/${member.id}`, json: { version: 0, phone: '0912000111' }, allowed: 409 };
    case 'POST /api/v1/members': return { path: '/api/v1/members', json: memberPayload(org.id, { full_name: 'Phạm Văn Mới' }), allowed: 201 };
    case 'POST /api/v1/users': return { path: '/api/v1/users', json: { username: `moi.${stamp}.${++serial}`, display_name: 'Người Mới', grants: [{ role: 'leader', scope_org_id: fx.orgIn.id }] }, allowed: 201 };
    case 'GET /api/v1/users/{id}': return { path: `/api/v1/users/${user.id}` };
    case 'PATCH /api/v1/users/{id}': return { path: `/api/v1/users/${user.id}`, json: { version: 0, display_name: 'Đổi Tên' }, allowed: 409 };
    case 'POST /api/v1/users/{id}/reset-password': return { path: `/api/v1/users/${user.id}/reset-password`, json: {} };
    case 'POST /api/v1/users/{id}/end-sessions': return { path: `/api/v1/users/${user.id}/end-sessions`, json: {} };
    // The lifecycle: allowed writes fail on a stale version or on the file's own state, so that
    // nothing changes (the members named have an open temporary transfer: a new one is a 409).
    case 'GET /api/v1/candidates': return { path: '/api/v1/candidates?page_size=500' };
    case 'POST /api/v1/candidates': return { path: '/api/v1/candidates', json: { full_name: 'Đỗ Thị Mới', sex: 'female', birth_date: '1999-01-01', ethnicity: '01', religion: 'none', citizen_id: `00119900${String(++serial).padStart(4, '0')}`, org_id: org.id }, allowed: 201 };
    case 'GET /api/v1/candidates/{id}': return { path: `/api/v1/candidates/${candidate.id}` };
    case 'PATCH /api/v1/candidates/{id}': return { path: `/api/v1/candidates/${candidate.id}`, json: { version: 0, phone: '0912000333' }, allowed: 409 };
    case 'POST /api/v1/candidates/{id}/steps': return { path: `/api/v1/candidates/${candidate.id}/steps`, json: { step: 'cell_resolution', on: today }, allowed: 422 };
    case 'POST /api/v1/candidates/{id}/undo': return { path: `/api/v1/candidates/${candidate.id}/undo`, json: { step: 'ceremony' }, allowed: 422 };
    case 'POST /api/v1/candidates/{id}/close': return { path: `/api/v1/candidates/${candidate.id}/close`, json: { version: 0, on: today, reason: 'Thử' }, allowed: 409 };
    case 'GET /api/v1/probation': return { path: '/api/v1/probation?within=366' };
    case 'POST /api/v1/members/{id}/recognition': return { path: `/api/v1/members/${member.id}/recognition`, json: { version: 0, step: 'cell_resolution', on: today }, allowed: 409 };
    case 'GET /api/v1/transfers': return { path: '/api/v1/transfers' };
    case 'POST /api/v1/transfers': return { path: '/api/v1/transfers', json: { kind: 'official', direction: 'internal', member_id: member.id, to_org_id: top.id, letter_date: today }, allowed: 409 };
    case 'GET /api/v1/transfers/{id}': return { path: `/api/v1/transfers/${transfer.id}` };
    case 'POST /api/v1/transfers/{id}/complete': return { path: `/api/v1/transfers/${transfer.id}/complete`, json: { version: 0, on: today }, allowed: 409 };
    case 'POST /api/v1/transfers/{id}/cancel': return { path: `/api/v1/transfers/${transfer.id}/cancel`, json: { version: 0, on: today, reason: 'Thử' }, allowed: 409 };
    case 'POST /api/v1/members/{id}/exit': return { path: `/api/v1/members/${member.id}/exit`, json: { version: 0, status: 'removed', on: today, ground: 'no_progress_after_help', document: { number: '1-QĐ/ĐU', authority: 'Đảng ủy' } }, allowed: 409 };
    case 'POST /api/v1/members/{id}/exemption': return { path: `/api/v1/members/${member.id}/exemption`, json: { version: 0, action: 'start', on: today, document: { number: '1-QĐ/CB' } }, allowed: 409 };
    case 'POST /api/v1/members/{id}/gaps': return { path: `/api/v1/members/${member.id}/gaps`, json: { version: 0, from: '2001-01-01', to: '2002-01-01', reason: 'readmission', document: { number: '1-QĐ/ĐU', authority: 'Đảng ủy' }, note: 'Thử' }, allowed: 409 };
    case 'GET /api/v1/members/{id}/lifecycle': return { path: `/api/v1/members/${member.id}/lifecycle` };
    case 'GET /api/v1/badges': return { path: '/api/v1/badges?page_size=500' };
    case 'GET /api/v1/badges.csv': return { path: '/api/v1/badges.csv' };
    case 'POST /api/v1/badges/awards': return { path: '/api/v1/badges/awards', json: { occasion: today, decided_on: today, document: { number: '1-QĐ/ĐU', authority: 'Đảng ủy' }, awards: [] }, allowed: 422 };
    case 'GET /api/v1/calendar': return { path: '/api/v1/calendar' };
    // Terms: allowed writes fail on a stale version or a refused value, so that nothing changes.
    case 'GET /api/v1/orgs/{id}/terms': return { path: `/api/v1/orgs/${org.id}/terms` };
    case 'GET /api/v1/orgs/{id}/committee': return { path: `/api/v1/orgs/${org.id}/committee` };
    case 'POST /api/v1/orgs/{id}/terms': return { path: `/api/v1/orgs/${terms.holder.id}/terms`, json: { closed_on: '2999-01-01' }, allowed: 422 };
    case 'GET /api/v1/terms/{id}': return { path: `/api/v1/terms/${terms.term.id}` };
    case 'PATCH /api/v1/terms/{id}': return { path: `/api/v1/terms/${terms.term.id}`, json: { version: 0, note: 'Thử' }, allowed: 409 };
    case 'POST /api/v1/terms/{id}/seats': return { path: `/api/v1/terms/${terms.term.id}/seats`, json: { member_id: member.id, position: 'no_such_position', started_on: today }, allowed: 422 };
    case 'POST /api/v1/seats/{id}/end': return { path: `/api/v1/seats/${terms.seat.id}/end`, json: { version: 0, on: today, reason: 'Thử' }, allowed: 409 };
    // The register: allowed writes fail on a stale version or their own checks, after access.
    case 'GET /api/v1/documents': return { path: '/api/v1/documents?limit=500' };
    case 'GET /api/v1/documents/catalog': return { path: '/api/v1/documents/catalog' };
    case 'GET /api/v1/documents/next-number': return { path: `/api/v1/documents/next-number?org=${fx.scope.id}&type=ke_hoach` };
    case 'POST /api/v1/documents': return { path: '/api/v1/documents', json: { org_id: org.id, type: 'khong_co_the_loai', issued_on: today, place: 'Hà Nội', summary: 'thử', body: ['x'], signer_name: 'A', signer_position: 'Bí thư', recipients: [{ text: 'Lưu' }] }, allowed: 422 };
    case 'POST /api/v1/documents/incoming': return { path: '/api/v1/documents/incoming', json: { org_id: org.id, from_issuer: 'Tỉnh ủy Kiểm Thử', symbol: '17-KH/TU', type: 'ke_hoach', issued_on: today, received_on: today, summary: 'thử quyền' }, allowed: 201 };
    case 'GET /api/v1/documents/{id}': return { path: `/api/v1/documents/${document.id}` };
    case 'PATCH /api/v1/documents/{id}': return { path: `/api/v1/documents/${document.id}`, json: { version: 0, summary: 'Đổi trái phép' }, allowed: 409 };
    case 'POST /api/v1/documents/{id}/withdraw': return { path: `/api/v1/documents/${document.id}/withdraw`, json: { version: 0, on: today, reason: 'Thử' }, allowed: 409 };
    case 'POST /api/v1/documents/{id}/forwards': return { path: `/api/v1/documents/${document.id}/forwards`, json: { org_ids: [org.id], on: today }, allowed: 422 };
    case 'POST /api/v1/documents/{id}/attachments': return { path: `/api/v1/documents/${document.id}/attachments?name=khong-phai.pdf`, json: { not: 'a document' }, allowed: 422 };
    case 'GET /api/v1/documents/{id}/attachments/{aid}': return { path: `/api/v1/documents/${document.id}/attachments/${attachment.id}` };
    case 'POST /api/v1/documents/{id}/attachments/{aid}/remove': return { path: `/api/v1/documents/${document.id}/attachments/${attachment.id}/remove`, json: { reason: 'x'.repeat(1001) }, allowed: 422 };
    case 'GET /api/v1/documents/{id}/docx': return { path: `/api/v1/documents/${document.id}/docx` };
    case 'GET /api/v1/documents/{id}/print': return { path: `/api/v1/documents/${document.id}/print` };
    case 'GET /api/v1/orgs/{id}/document-issuers': return { path: `/api/v1/orgs/${org.id}/document-issuers` };
    case 'PUT /api/v1/orgs/{id}/document-issuers': return { path: `/api/v1/orgs/${org.id}/document-issuers`, json: { overrides: { khong_co: 'X' } }, allowed: 422 };
    // Directives: allowed writes fail on a stale version or a refused value, so nothing changes.
    case 'GET /api/v1/directives': return { path: '/api/v1/directives?limit=500' };
    case 'POST /api/v1/directives': return { path: '/api/v1/directives', json: { org_id: org.id, kind: 'plan', title: `Kế hoạch số ${++serial}`, issued_on: today, tasks: [{ title: 'Việc', due_on: today }] }, allowed: 201 };
    case 'POST /api/v1/directives/mark-overdue': return { path: '/api/v1/directives/mark-overdue', json: {} };
    case 'GET /api/v1/directives/{id}': return { path: `/api/v1/directives/${directive.id}` };
    case 'GET /api/v1/directives/{id}/assignments': return { path: `/api/v1/directives/${directive.id}/assignments` };
    case 'POST /api/v1/directives/{id}/assignments': return { path: `/api/v1/directives/${directive.id}/assignments`, json: { task_ids: [directive.tasks[0].id], target: { mode: 'kind', kind: 'no_such_kind' } }, allowed: 422 };
    case 'GET /api/v1/directives/{id}/rollup': return { path: `/api/v1/directives/${directive.id}/rollup` };
    case 'GET /api/v1/directives/{id}/studies': return { path: `/api/v1/directives/${directive.id}/studies` };
    case 'POST /api/v1/directives/{id}/studies': return { path: `/api/v1/directives/${directive.id}/studies`, json: { org_id: org.id, held_on: today, attendees: -1 }, allowed: 422 };
    case 'GET /api/v1/assignments/overdue': return { path: '/api/v1/assignments/overdue?limit=500' };
    case 'GET /api/v1/assignments/{id}': return { path: `/api/v1/assignments/${assignment.id}` };
    case 'POST /api/v1/assignments/{id}/acknowledge': return { path: `/api/v1/assignments/${assignment.id}/acknowledge`, json: { version: 0 }, allowed: 409 };
    case 'POST /api/v1/assignments/{id}/start': return { path: `/api/v1/assignments/${assignment.id}/start`, json: { version: 0 }, allowed: 409 };
    case 'POST /api/v1/assignments/{id}/assignments': return { path: `/api/v1/assignments/${assignment.id}/assignments`, json: { target: { mode: 'kind', kind: 'no_such_kind' } }, allowed: 422 };
    case 'POST /api/v1/assignments/{id}/reports': return { path: `/api/v1/assignments/${assignment.id}/reports`, json: { version: 0, text: 'Báo cáo thử' }, allowed: 409 };
    case 'POST /api/v1/assignments/{id}/accept': return { path: `/api/v1/assignments/${assignment.id}/accept`, json: { version: 0 }, allowed: 409 };
    case 'POST /api/v1/assignments/{id}/return': return { path: `/api/v1/assignments/${assignment.id}/return`, json: { version: 0, comment: 'Thử' }, allowed: 409 };
    case 'GET /api/v1/orgs/{id}/assignments': return { path: `/api/v1/orgs/${org.id}/assignments` };
    // The inbox: a notification that is nobody's is a 404 for everyone; the jobs: an unknown
    // kind is a 404 for an administrator (nothing runs).
    case 'GET /api/v1/inbox': return { path: '/api/v1/inbox' };
    case 'GET /api/v1/inbox/unread-count': return { path: '/api/v1/inbox/unread-count' };
    case 'POST /api/v1/inbox/{id}/read': return { path: '/api/v1/inbox/999999999/read', json: {}, allowed: 404 };
    case 'POST /api/v1/inbox/read-all': return { path: '/api/v1/inbox/read-all', json: {} };
    case 'GET /api/v1/jobs': return { path: '/api/v1/jobs' };
    case 'POST /api/v1/jobs/{kind}/run': return { path: '/api/v1/jobs/no_such_kind/run', json: {}, allowed: 404 };
    // Dues: allowed writes fail on their own checks after access, so that nothing changes.
    case 'GET /api/v1/members/{id}/dues': return { path: `/api/v1/members/${member.id}/dues` };
    case 'POST /api/v1/members/{id}/dues/bases': return { path: `/api/v1/members/${member.id}/dues/bases`, json: { valid_from: '2026-03', category: 'no_such_category' }, allowed: 422 };
    case 'POST /api/v1/members/{id}/dues/reliefs': return { path: `/api/v1/members/${member.id}/dues/reliefs`, json: { relief: 'reduction', percent: 40, from_month: '2026-03', months: 2, decision: { number: '1-QĐ/ĐU', authority: 'Đảng ủy' } }, allowed: 422 };
    case 'POST /api/v1/members/{id}/dues/payments': return { path: `/api/v1/members/${member.id}/dues/payments`, json: { paid_on: today, first_month: '2026-03', amount: -1, channel: 'cash' }, allowed: 422 };
    case 'GET /api/v1/orgs/{id}/dues/book': return { path: `/api/v1/orgs/${org.id}/dues/book?month=2026-10` };
    case 'POST /api/v1/orgs/{id}/dues/close': return { path: `/api/v1/orgs/${org.id}/dues/close`, json: { month: '2999-01' }, allowed: 422 };
    case 'POST /api/v1/orgs/{id}/dues/adjustments': return { path: `/api/v1/orgs/${org.id}/dues/adjustments`, json: { month: '2026-10', amount: 0, reason: 'Thử' }, allowed: 422 };
    case 'GET /api/v1/orgs/{id}/dues/reconciliation': return { path: `/api/v1/orgs/${org.id}/dues/reconciliation?month=2026-10` };
    case 'GET /api/v1/orgs/{id}/dues/arrears': return { path: `/api/v1/orgs/${org.id}/dues/arrears?year=2026` };
    case 'GET /api/v1/plans/{id}': return { path: `/api/v1/plans/${plan.id}` };
    case 'POST /api/v1/plans/{id}/reviews': return { path: `/api/v1/plans/${plan.id}/reviews`, json: { stage: 'no_such_stage', items: [] }, allowed: 422 };
    case 'GET /api/v1/members/{id}/plans': return { path: `/api/v1/members/${member.id}/plans` };
    case 'GET /api/v1/orgs/{id}/plans': return { path: `/api/v1/orgs/${org.id}/plans?year=2026` };
    case 'GET /api/v1/orgs/{id}/dues/book.xlsx': return { path: `/api/v1/orgs/${org.id}/dues/book.xlsx?month=2026-10` };
    case 'POST /api/v1/orgs/{id}/dues/payments.xlsx': return { path: `/api/v1/orgs/${org.id}/dues/payments.xlsx?month=2026-10`, json: { not: 'a workbook' }, allowed: 422 };
    // Review: allowed writes fail on their own checks after access (a grade above the score's
    // band, no votes, a review date outside the year, a stale version), so that nothing changes.
    case 'POST /api/v1/review-campaigns': return { path: '/api/v1/review-campaigns', json: { org_id: org.id, year: 2025, review_date: '2030-01-01', title: 'Thử' }, allowed: 422 };
    case 'GET /api/v1/review-campaigns': return { path: `/api/v1/review-campaigns?org_id=${org.id}` };
    case 'GET /api/v1/review-campaigns/{id}': return { path: `/api/v1/review-campaigns/${fx.campaign.id}?org_id=${org.id}` };
    case 'POST /api/v1/review-campaigns/{id}/self-assessments': return { path: `/api/v1/review-campaigns/${fx.campaign.id}/self-assessments`, json: { member_id: member.id, score: 50, grade: 'excellent' }, allowed: 422 };
    case 'POST /api/v1/review-campaigns/{id}/proposals': return { path: `/api/v1/review-campaigns/${fx.campaign.id}/proposals`, json: { member_id: member.id, grade: 'good', comment: 'Thử', vote: { in_favour: 0, against: 0, entitled: 0 } }, allowed: 422 };
    case 'POST /api/v1/review-campaigns/{id}/decisions': return { path: `/api/v1/review-campaigns/${fx.campaign.id}/decisions`, json: { decisions: [{ member_id: member.id, score: 50, grade: 'excellent' }] }, allowed: 422 };
    case 'POST /api/v1/review-campaigns/{id}/superior-reviews': return { path: `/api/v1/review-campaigns/${fx.campaign.id}/superior-reviews`, json: { member_id: member.id, action: 'undo', reason: 'Thử' }, allowed: 422 };
    case 'POST /api/v1/review-campaigns/{id}/org-grades': return { path: `/api/v1/review-campaigns/${fx.campaign.id}/org-grades`, json: { org_id: org.id, score: 50, grade: 'excellent' }, allowed: 422 };
    case 'GET /api/v1/members/{id}/reviews': return { path: `/api/v1/members/${member.id}/reviews` };
    case 'POST /api/v1/review-shortcomings': return { path: '/api/v1/review-shortcomings', json: { campaign_id: fx.campaign.id, member_id: member.id, kind: 'fault', description: 'Thử', action: 'Thử', owner: 'Thử', due_on: '2000-01-01' }, allowed: 422 };
    case 'POST /api/v1/review-shortcomings/{id}/close': return { path: `/api/v1/review-shortcomings/${(side === 'out' ? fx.shortcomingOut : fx.shortcomingIn).id}/close`, json: { version: 0, evidence: 'Thử', closed_on: today }, allowed: 409 };
    case 'GET /api/v1/review-shortcomings': return { path: `/api/v1/review-shortcomings?org_id=${org.id}` };
    case 'GET /api/v1/meetings/catalog': return { path: '/api/v1/meetings/catalog' };
    case 'GET /api/v1/orgs/{id}/meetings': return { path: `/api/v1/orgs/${cell.id}/meetings` };
    case 'POST /api/v1/orgs/{id}/meetings': return { path: `/api/v1/orgs/${cell.id}/meetings`, json: { held_on: today, kind: 'thematic' }, allowed: 422 };
    case 'GET /api/v1/orgs/{id}/meetings/missing': return { path: `/api/v1/orgs/${cell.id}/meetings/missing?month=2026-10` };
    case 'GET /api/v1/orgs/{id}/meetings/quality': return { path: `/api/v1/orgs/${cell.id}/meetings/quality?year=2026` };
    case 'GET /api/v1/orgs/{id}/removal-candidates': return { path: `/api/v1/orgs/${cell.id}/removal-candidates?year=2026` };
    case 'GET /api/v1/meetings/{id}': return { path: `/api/v1/meetings/${meeting.id}` };
    case 'PATCH /api/v1/meetings/{id}': return { path: `/api/v1/meetings/${meeting.id}`, json: { kind: 'no_such_kind' }, allowed: 422 };
    case 'POST /api/v1/meetings/{id}/record': return { path: `/api/v1/meetings/${meeting.id}/record`, json: { chair_id: 1, secretary_id: 1, attendance: [] }, allowed: 422 };
    case 'POST /api/v1/meetings/{id}/approve': return { path: `/api/v1/meetings/${scheduled.id}/approve`, json: {}, allowed: 409 };
    case 'POST /api/v1/meetings/{id}/amendments': return { path: `/api/v1/meetings/${meeting.id}/amendments`, json: { section: 'other', text: 'Thử', reason: 'Thử' }, allowed: 409 };
    case 'GET /api/v1/meetings/{id}/docx': return { path: `/api/v1/meetings/${meeting.id}/docx` };
    case 'GET /api/v1/meetings/{id}/print': return { path: `/api/v1/meetings/${meeting.id}/print` };
    case 'POST /api/v1/meetings/{id}/absence-notices/{nid}/decision': return { path: `/api/v1/meetings/${scheduled.id}/absence-notices/999999999/decision`, json: { decision: 'accepted' }, allowed: 404 };
    // Closing with a stale version (409 when allowed: nothing closes); the summary of the side.
    case 'POST /api/v1/review-campaigns/{id}/close': return { path: `/api/v1/review-campaigns/${(side === 'out' ? fx.campaignOut : fx.campaignIn).id}/close`, json: { version: 0 }, allowed: 409 };
    case 'GET /api/v1/review-campaigns/{id}/summary.xlsx': return { path: `/api/v1/review-campaigns/${(side === 'out' ? fx.campaignOut : fx.campaignIn).id}/summary.xlsx` };
    // Inspection: an issuer that is no code, stale versions, so that nothing changes.
    case 'POST /api/v1/inspection-programmes': return { path: '/api/v1/inspection-programmes', json: { org_id: top.id, year: 2026, issuer: 'no_such_issuer', title: 'Thử' }, allowed: 422 };
    case 'GET /api/v1/inspection-programmes': return { path: `/api/v1/inspection-programmes?org_id=${top.id}` };
    case 'GET /api/v1/inspection-programmes/{id}': return { path: `/api/v1/inspection-programmes/${(side === 'out' ? fx.inspectionProgrammeOut : fx.inspectionProgrammeIn).id}` };
    case 'PATCH /api/v1/inspection-programmes/{id}': return { path: `/api/v1/inspection-programmes/${(side === 'out' ? fx.inspectionProgrammeOut : fx.inspectionProgrammeIn).id}`, json: { version: 0, title: 'Thử' }, allowed: 409 };
    case 'GET /api/v1/inspections/{id}': return { path: `/api/v1/inspections/${(side === 'out' ? fx.inspectionOut : fx.inspectionIn).id}` };
    case 'POST /api/v1/inspections/{id}/stages': return { path: `/api/v1/inspections/${(side === 'out' ? fx.inspectionOut : fx.inspectionIn).id}/stages`, json: { version: 0, stage: 'plan', on: today, document_text: 'Thử' }, allowed: 409 };
    case 'POST /api/v1/inspections/{id}/conclusion': return { path: `/api/v1/inspections/${(side === 'out' ? fx.inspectionOut : fx.inspectionIn).id}/conclusion`, json: { version: 0, on: today, document_text: 'Thử', text: 'Thử' }, allowed: 409 };
    case 'GET /api/v1/inspection-items': return { path: `/api/v1/inspection-items?org_id=${org.id}` };
    case 'POST /api/v1/inspection-items/{id}/close': return { path: `/api/v1/inspection-items/${(side === 'out' ? fx.inspectionItemOut : fx.inspectionItemIn).id}/close`, json: { version: 0, evidence: 'Thử', closed_on: today }, allowed: 409 };
    case 'POST /api/v1/discipline-cases': return { path: '/api/v1/discipline-cases', json: { member_id: member.id, breach_summary: 'Thử', breach_date: '2026-01-10', sanction: 'dissolution', competent_level: 'Chi bộ' }, allowed: 422 };
    case 'GET /api/v1/discipline-cases': return { path: `/api/v1/discipline-cases?org_id=${org.id}` };
    case 'GET /api/v1/discipline-cases/{id}': return { path: `/api/v1/discipline-cases/${discipline.id}` };
    case 'PATCH /api/v1/discipline-cases/{id}': return { path: `/api/v1/discipline-cases/${discipline.id}`, json: { version: 0, breach_summary: 'Thử' }, allowed: 409 };
    case 'POST /api/v1/discipline-cases/{id}/vote': return { path: `/api/v1/discipline-cases/${discipline.id}/vote`, json: { version: 0, in_favour: 1, against: 0, abstain: 0, entitled: 1, voted_on: today }, allowed: 409 };
    case 'POST /api/v1/discipline-cases/{id}/decide': return { path: `/api/v1/discipline-cases/${discipline.id}/decide`, json: { version: 0, decided_on: today, decision_number: '1-QĐ' }, allowed: 409 };
    case 'POST /api/v1/discipline-cases/{id}/appeal': return { path: `/api/v1/discipline-cases/${discipline.id}/appeal`, json: { version: 0, received_on: today }, allowed: 409 };
    case 'POST /api/v1/discipline-cases/{id}/suspension': return { path: `/api/v1/discipline-cases/${discipline.id}/suspension`, json: { version: 0, lifted_on: today }, allowed: 409 };
    case 'POST /api/v1/discipline-cases/{id}/close': return { path: `/api/v1/discipline-cases/${discipline.id}/close`, json: { version: 0, closed_on: today, ground: 'not_disciplined', note: 'Thử' }, allowed: 409 };
    case 'GET /api/v1/members/{id}/discipline': return { path: `/api/v1/members/${member.id}/discipline` };
    case 'GET /api/v1/orgs/{id}/compliance': return { path: `/api/v1/orgs/${org.id}/compliance` };
    case 'GET /api/v1/orgs/{id}/compliance/items': return { path: `/api/v1/orgs/${org.id}/compliance/items?page=1` };
    case 'GET /api/v1/orgs/{id}/reports/members': return { path: `/api/v1/orgs/${org.id}/reports/members?from=${today.slice(0, 4)}-01-01&to=${today}` };
    case 'GET /api/v1/orgs/{id}/reports/members.xlsx': return { path: `/api/v1/orgs/${org.id}/reports/members.xlsx?from=${today.slice(0, 4)}-01-01&to=${today}` };
    case 'POST /api/v1/members/imports': return { path: '/api/v1/members/imports?name=thu.csv', json: { not: 'a members file' }, allowed: 422 };
    case 'GET /api/v1/members/imports/{id}': return { path: '/api/v1/members/imports/999999999', allowed: 404 };
    case 'POST /api/v1/members/imports/{id}/cancel': return { path: '/api/v1/members/imports/999999999/cancel', json: {}, allowed: 404 };
    case 'GET /api/v1/orgs/{id}/remediation': return { path: `/api/v1/orgs/${org.id}/remediation` };
    default: throw new Error(`no request for ${key}`);
  }
}

const isObjectRoute = (key) => ['org', 'member', 'user', 'parent', 'member-org', 'member-body', 'candidate', 'transfer', 'term', 'seat', 'document', 'directive', 'assignment', 'plan', 'shortcoming', 'meeting', 'inspection-programme', 'inspection', 'inspection-item', 'discipline'].includes(ROUTE_RULES[key].object);

function sidesOf(key, caller) {
  if (!isObjectRoute(key)) return ['in'];
  if (caller.role?.scope === 'own_record' && ROUTE_RULES[key].object === 'member') return ['own', 'in', 'out'];
  return ['in', 'out'];
}

async function runCell(key, caller, side) {
  const [method] = key.split(' ');
  const request = requestFor(key, side);
  // The unscoped administrator reaches both sides.
  const where = caller.grant.unscoped && side === 'out' ? 'in' : side;
  const expected = expectedAccess(key, caller.role, where, caller.grant);
  const status = expected.allowed ? (request.allowed ?? expected.status) : expected.status;
  const reply = await caller.api.request(method, request.path, request.json === undefined ? {} : { json: request.json });
  const label = `${caller.label}: ${key} [${side}] ${request.path}`;
  return { reply, status, expected, label, side, key, role: caller.role };
}

// Cells where the role has no permission at all for a list or a create: deny by default says
// 403. They are checked apart (see 'deny by default' below) so that the rest of the matrix
// stays readable when one of them fails.
const denyByDefault = [];
const isNoPermissionCell = (key, role) => role && ROUTE_RULES[key].needs && !role.permissions.has(ROUTE_RULES[key].needs)
  && (ROUTE_RULES[key].filtered || ['parent', 'member-org', 'member-body'].includes(ROUTE_RULES[key].object));

function checkCell({ reply, status, expected, label, side, key, role }, failures) {
  if (reply.status !== status) {
    const line = `${label}: expected ${status}, got ${reply.status} ${reply.text.slice(0, 160)}`;
    if (isNoPermissionCell(key, role)) denyByDefault.push(line);
    else failures.push(line);
    return;
  }
  if (reply.status >= 400) {
    if (!/^application\/problem\+json/.test(reply.contentType)) failures.push(`${label}: not a problem`);
    const wanted = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' }[reply.status];
    if (wanted && reply.body?.code !== wanted) failures.push(`${label}: code ${reply.body?.code}, expected ${wanted}`);
    // A refusal names nothing of the object.
    for (const secret of [...secretsOf('in'), ...secretsOf('out')]) {
      if (reply.text.includes(secret)) failures.push(`${label}: the refusal contains "${secret}"`);
    }
  }
  if (side === 'out' && !expected.allowed && reply.status < 400) failures.push(`${label}: answered ${reply.status} outside the scope`);
}

test('roles.tsv and the route rules cover every role, permission and route', () => {
  assert.deepEqual(ROLES.map((r) => r.code), ['administrator', 'office_staff', 'leader', 'inspection', 'cell_secretary', 'member', 'dues_staff']);
  assert.deepEqual(ROUTES.map(([m, t]) => `${m} ${t}`).sort(), Object.keys(ROUTE_RULES).sort());
  assert.ok(roleByCode.administrator.requires_totp);
  assert.equal(roleByCode.member.scope, 'own_record');
});

test('docs/access-matrix.md shows the role × permission and route × role tables of roles.tsv and the route rules', () => {
  const doc = fs.readFileSync(path.join(SOURCE_ROOT, 'docs', 'access-matrix.md'), 'utf8');
  assert.ok(doc.includes(permissionTable()), 'the role × permission table is out of date: regenerate it (see lib/access.mjs)');
  assert.ok(doc.includes(routeTable()), 'the route × role table is out of date: regenerate it (see lib/access.mjs)');
  for (const role of ROLES) assert.ok(doc.includes(role.name_vi), `the doc names ${role.name_vi}`);
});

test('GET /catalogs lists the roles exactly as roles.tsv says', async () => {
  const catalogs = ok(await admin.get('/api/v1/catalogs'));
  assert.deepEqual(catalogs.roles.map((r) => ({ ...r, permissions: [...r.permissions].sort() })),
    ROLES.map((r) => ({ ...r, permissions: [...r.permissions].sort() })));
});

test('each user sees the permissions of its role in /auth/me', async () => {
  for (const caller of scoped()) {
    const me = ok(await caller.api.get('/api/v1/auth/me'));
    assert.deepEqual([...me.permissions].sort(), [...caller.role.permissions].sort(), caller.label);
    assert.equal(me.grants.length, 1);
    assert.equal(me.grants[0].role, caller.role.code);
    assert.equal(me.grants[0].role_name, caller.role.name_vi);
    assert.equal(me.grants[0].scope_org_id, fx.scope.id);
  }
});

// ---- reads ---------------------------------------------------------------------------------

describe('the matrix: reads', () => {
  const reads = ROUTES.map(([m, t]) => `${m} ${t}`).filter((k) => k.startsWith('GET ') && !ELSEWHERE.has(k));

  test('every GET route × every role × in/out of scope answers as the permission table says', async () => {
    const failures = [];
    let cells = 0;
    for (const caller of callers) {
      for (const key of reads) {
        for (const side of sidesOf(key, caller)) {
          const cell = await runCell(key, caller, side);
          checkCell(cell, failures);
          cells++;
          // A scoped caller's allowed replies never name the objects outside the scope.
          if (caller.role && !caller.grant.unscoped && cell.reply.status < 400 && key !== 'GET /api/v1/openapi.json') {
            for (const secret of secretsOf('out')) {
              if (cell.reply.text.includes(secret)) failures.push(`${cell.label}: the reply contains "${secret}" from outside the scope`);
            }
          }
        }
      }
    }
    assert.ok(cells > 100, `${cells} cells`);
    assert.deepEqual(failures, []);
  });

  test('anonymous callers get 401 on every route but health, openapi.json and login', async () => {
    const anonymous = client(server.base, { jar: null });
    for (const [method, template] of ROUTES) {
      const key = `${method} ${template}`;
      if (ROUTE_RULES[key].gate === 'public') continue;
      const path = template.replace('{id}', String(fx.orgIn.id));
      const reply = await anonymous.request(method, path, method === 'GET' ? {} : { json: {} });
      problem(reply, 401, 'unauthenticated');
    }
  });
});

describe('lists, searches and exports hold only the scope', () => {
  test('GET /members: exactly the scope\'s members for every scoped role; the own record only for the member role', async () => {
    for (const caller of scoped()) {
      const items = await allMembers(caller.api);
      const ids = items.map((m) => m.id).sort((x, y) => x - y);
      if (caller.role.scope === 'own_record') {
        assert.deepEqual(ids, [fx.memberIn.id], caller.label);
      } else {
        assert.deepEqual(ids, [...fx.scopeMemberIds].sort((x, y) => x - y), caller.label);
      }
      for (const m of items) {
        assert.ok(fx.scopeOrgIds.has(m.org_id), `${caller.label}: member ${m.id} in org ${m.org_id}`);
        assert.ok(!('discipline' in m), `${caller.label}: discipline in the list`);
      }
    }
  });

  test('no list item carries the restricted field, not even for the administrator', async () => {
    for (const caller of callers.filter((c) => c.role)) {
      const body = ok(await caller.api.get('/api/v1/members?page_size=500'));
      assert.ok(!JSON.stringify(body).includes(DISCIPLINE), caller.label);
      for (const m of body.items) assert.ok(!('discipline' in m), caller.label);
    }
  });

  test('filtering by an organization outside the scope is 404; inside it works', async () => {
    for (const caller of scoped().filter((c) => c.role.scope !== 'own_record')) {
      problem(await caller.api.get(`/api/v1/members?org=${fx.orgOut.id}`), 404, 'not_found');
      // Without member.export the export is refused before its filter is looked at (403).
      if (caller.role.permissions.has('member.export')) problem(await caller.api.get(`/api/v1/members.csv?org=${fx.orgOut.id}`), 404, 'not_found');
      problem(await caller.api.get(`/api/v1/orgs?parent=${fx.orgOut.id}`), 404, 'not_found');
      const page = ok(await caller.api.get(`/api/v1/members?org=${fx.orgIn.id}`));
      assert.ok(page.total >= 2, caller.label);
    }
  });

  test('searching by the name or citizen ID of a member outside the scope finds nothing', async () => {
    for (const caller of scoped()) {
      for (const q of [NAMES.memberOut, fx.memberOut.citizen_id, 'Ngoàiphạmvi']) {
        const page = ok(await caller.api.get(`/api/v1/members?q=${encodeURIComponent(q)}`));
        assert.equal(page.total, 0, `${caller.label}: q=${q}`);
        assert.equal(page.items.length, 0);
      }
    }
    // The unscoped administrator finds it: the search itself works.
    assert.equal(ok(await admin.get(`/api/v1/members?q=${encodeURIComponent(NAMES.memberOut)}`)).total, 1);
  });

  test('organization search and roots stay inside the scope', async () => {
    for (const caller of scoped()) {
      if (!caller.role.permissions.has('org.read')) {
        // Deny by default: a role that reads no organization may not search or list them.
        problem(await caller.api.get(`/api/v1/orgs/search?q=${encodeURIComponent('Phạm Vi Kiểm Thử')}`), 403, 'forbidden');
        problem(await caller.api.get('/api/v1/orgs'), 403, 'forbidden');
        continue;
      }
      const found = ok(await caller.api.get(`/api/v1/orgs/search?q=${encodeURIComponent('Phạm Vi Kiểm Thử')}`));
      const ids = found.items.map((o) => o.id);
      assert.ok(!ids.includes(fx.orgOut.id), `${caller.label}: search finds the organization outside`);
      for (const id of ids) assert.ok(fx.scopeOrgIds.has(id), `${caller.label}: search result ${id}`);
      if (caller.role.scope === 'subtree') assert.ok(ids.includes(fx.orgIn.id), `${caller.label}: search finds the one inside`);
      const roots = ok(await caller.api.get('/api/v1/orgs')).items.map((o) => o.id);
      if (caller.role.scope === 'subtree') assert.deepEqual(roots, [fx.scope.id], caller.label);
      else assert.deepEqual(roots, [], caller.label);
    }
  });

  test('CSV export: only the scope; the restricted field only for roles that may read it', async () => {
    for (const caller of callers.filter((c) => c.role)) {
      const reply = await caller.api.get('/api/v1/members.csv?labels=false');
      if (!caller.role.permissions.has('member.export')) {
        problem(reply, 403, 'forbidden');
        continue;
      }
      assert.equal(reply.status, 200, `${caller.label}: ${reply.text.slice(0, 200)}`);
      const rows = parseCsv(reply.text.replace(/^\uFEFF/, ''));
      const header = rows.shift();
      if (caller.role.permissions.has('discipline.read')) {
        // Entitled (administrator, inspection): the column, with the values of their scope.
        assert.ok(header.includes('discipline'), `${caller.label}: no discipline column`);
        assert.ok(reply.text.includes(DISCIPLINE), `${caller.label}: the discipline values are missing`);
      } else {
        assert.ok(!reply.text.includes(DISCIPLINE), `${caller.label}: the CSV holds the discipline value`);
        assert.ok(!header.includes('discipline'), `${caller.label}: the CSV has a discipline column`);
      }
      const ids = rows.filter((r) => r.length > 1).map((r) => Number(r[0]));
      assert.equal(ids.length, Number(reply.headers.get('x-total-count')));
      if (!caller.grant.unscoped) {
        for (const id of ids) assert.ok(fx.scopeMemberIds.has(id), `${caller.label}: CSV row ${id} outside the scope`);
        assert.equal(ids.length, fx.scopeMemberIds.size, caller.label);
        assert.ok(!reply.text.includes(fx.memberOut.citizen_id));
      }
    }
  });

  test('a member\'s detail and history show discipline only to roles with discipline.read', async () => {
    for (const caller of callers.filter((c) => c.role)) {
      for (const member of [fx.memberIn, fx.memberIn2]) {
        const reply = await caller.api.get(`/api/v1/members/${member.id}`);
        if (reply.status !== 200) continue; // the matrix checked who may read it
        if (caller.role.permissions.has('discipline.read')) {
          assert.ok(reply.body.discipline.includes(DISCIPLINE), caller.label);
          assert.ok(reply.body.discipline_cases.length >= 1, caller.label);
        } else {
          assert.ok(!('discipline' in reply.body), `${caller.label}: discipline shown`);
          assert.ok(!('discipline_cases' in reply.body) && !('discipline_legacy' in reply.body), `${caller.label}: discipline parts shown`);
          assert.ok(!reply.text.includes(DISCIPLINE), `${caller.label}: the discipline value is in the reply`);
          const history = ok(await caller.api.get(`/api/v1/members/${member.id}/history`));
          assert.ok(!JSON.stringify(history).includes(DISCIPLINE), `${caller.label}: the history shows discipline`);
        }
      }
    }
  });

  test('a scoped administrator lists only the users inside its scope, and the audit of its subtree', async () => {
    const scopedAdmin = scoped().find((c) => c.role.code === 'administrator');
    const users = ok(await scopedAdmin.api.get('/api/v1/users?limit=500')).items;
    const names = users.map((u) => u.username);
    assert.ok(names.includes(fx.userIn.username));
    assert.ok(!names.includes(fx.userOut.username));
    assert.ok(!names.includes('tester'), 'the unscoped administrator is beyond a scoped one\'s reach');
    for (const u of users) {
      for (const g of u.grants) assert.ok(g.scope_org_id !== null && fx.scopeOrgIds.has(g.scope_org_id), `user ${u.username}`);
    }
    const audit = ok(await scopedAdmin.api.get('/api/v1/audit?limit=500')).items;
    assert.ok(audit.length > 0, 'the changes inside the scope are visible');
    for (const event of audit) {
      assert.ok(event.object_path && event.object_path.startsWith(fx.scope.path),
        `event ${event.seq} ${event.action} at ${event.object_path} is outside ${fx.scope.path}`);
    }
    assert.ok(audit.some((e) => e.object_type === 'member' && e.object_id === String(fx.memberIn.id)));
    assert.ok(!audit.some((e) => e.object_type === 'member' && e.object_id === String(fx.memberOut.id)));
  });
});

// ---- writes (last) -------------------------------------------------------------------------

describe('the matrix: writes', () => {
  test('every write route × every role × in/out of scope: allowed → 409 on a stale version (or created), else 403/404/422; nothing changes', async () => {
    const writes = ROUTES.map(([m, t]) => `${m} ${t}`).filter((k) => !k.startsWith('GET ') && !ELSEWHERE.has(k));
    const snapshot = async () => Promise.all([
      admin.get(`/api/v1/orgs/${fx.orgIn.id}`), admin.get(`/api/v1/orgs/${fx.orgOut.id}`),
      admin.get(`/api/v1/members/${fx.memberIn.id}`), admin.get(`/api/v1/members/${fx.memberOut.id}`),
    ].map(async (p) => { const b = ok(await p); return [b.id, b.version, b.name ?? b.full_name, b.phone ?? null]; }));
    const before = await snapshot();
    const failures = [];
    for (const caller of callers) {
      for (const key of writes) {
        for (const side of sidesOf(key, caller)) {
          const cell = await runCell(key, caller, side);
          checkCell(cell, failures);
          // An object in the body outside the scope is "not found", named on its field.
          if (!cell.expected.allowed && cell.status === 422 && cell.reply.status === 422) {
            const [field, code] = key === 'POST /api/v1/orgs' ? ['parent_id', 'org_not_found']
              : key === 'POST /api/v1/transfers' ? ['member_id', 'member_not_found'] : ['org_id', 'org_not_found'];
            if (!cell.reply.body.errors?.some((e) => e.field === field && e.code === code)) {
              failures.push(`${cell.label}: 422 without ${field} ${code}`);
            }
          }
        }
      }
    }
    assert.deepEqual(await snapshot(), before, 'the stale writes changed nothing');
    assert.deepEqual(failures, []);
  });

  test('deny by default: a role without the permission gets 403 on lists, exports and creates too (not an empty 200 or a 422)', () => {
    assert.deepEqual(denyByDefault, []);
  });

  test('writes without the CSRF headers are refused before anything else (403 csrf_rejected)', async () => {
    for (const caller of callers) {
      const reply = await caller.api.patch(`/api/v1/members/${fx.memberIn.id}`, { version: 1, phone: '0912000222' }, { csrf: false });
      problem(reply, 403, 'csrf_rejected');
    }
  });

  test('the restricted field is the view of the discipline cases: nobody PATCHes it (422 naming it for whoever sees the member), nothing is written', async () => {
    const before = ok(await admin.get(`/api/v1/members/${fx.memberIn2.id}`));
    for (const caller of scoped()) {
      const reply = await caller.api.patch(`/api/v1/members/${fx.memberIn2.id}`, { version: before.version, discipline: `Sửa bởi ${caller.role.code}` });
      const reads = caller.role.permissions.has('member.read') && caller.role.scope === 'subtree';
      if (reads) {
        problem(reply, 422, 'validation_failed', [['discipline', 'discipline_member_field_by_case']]);
      } else {
        assert.ok([403, 404].includes(reply.status), `${caller.label}: ${reply.status} ${reply.text.slice(0, 200)}`);
      }
    }
    const after = ok(await admin.get(`/api/v1/members/${fx.memberIn2.id}`));
    assert.equal(after.version, before.version);
    assert.equal(after.discipline, before.discipline);
  });

});
