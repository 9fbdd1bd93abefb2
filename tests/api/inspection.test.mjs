// Inspection and supervision programmes through the API (issue 15; rules-reference §8, Quy định
// 296-QĐ/TW; rules/inspection.toml): a yearly programme of the root's inspection committee with
// inspections of organizations and members of its subtree; every stage in order (decision, plan,
// work, report) with its date and document, then the conclusion with violations and
// recommendations tracked to closure, overdue derived; every bad input refused naming the field
// with nothing written (a subject outside the subtree, a window outside the year, a stage out of
// order, a conclusion before the report, closing twice); who may do what (leaders read, an
// inspection committee of another subtree gets 404). Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember, serverToday, iso } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let api;
let tree;
let doc;
let programme;
let member;
let outsider;
let today;
const auditCount = async (type) => ok(await api.get(`/api/v1/audit?limit=500&object_type=${type}`)).items.length;

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Kiểm Tra');
  member = await createMember(api, tree.cellA.id, { full_name: 'Nguyễn Văn Kiểm' });
  outsider = await buildTree(api, 'Ngoài');
  today = iso(serverToday());
});
after(async () => { await server?.stop(); });

async function checked(method, path, status, json, client = api) {
  const reply = method === 'GET' ? await client.get(path)
    : method === 'PATCH' ? await client.patch(path, json) : await client.post(path, json);
  assert.deepEqual(checkReply(doc, method, path, reply), [], `${method} ${path} matches the document`);
  return ok(reply, status);
}
const team = ['Trần Văn Trưởng', 'Lê Thị Thành'];
const planned = (overrides = {}) => ({ kind: 'task_performance', subject_org_id: tree.base.id, content: 'Thực hiện Nghị quyết Đại hội',
  starts_on: '2026-03-01', ends_on: '2026-04-30', team, ...overrides });
const programmeBody = (overrides = {}) => ({ org_id: tree.above.id, year: 2026, issuer: 'inspection_committee',
  title: 'Chương trình kiểm tra, giám sát năm 2026', inspections: [planned()], ...overrides });
const getInspection = (id, client = api) => checked('GET', `/api/v1/inspections/${id}`, 200, undefined, client);

describe('a programme of the inspection committee', () => {
  test('bad programmes are refused naming the field, nothing written', async () => {
    const audits = await auditCount('inspection_programme');
    problem(await api.post('/api/v1/inspection-programmes', programmeBody({ inspections: [planned({ subject_org_id: outsider.cellA.id })] })),
      422, 'validation_failed', [['inspections[0].subject_org_id', 'inspection_outside_subtree']]);
    problem(await api.post('/api/v1/inspection-programmes', programmeBody({ inspections: [planned({ subject_org_id: undefined, subject_member_id: (await createMember(api, outsider.cellB.id)).id })] })),
      422, 'validation_failed', [['inspections[0].subject_member_id', 'inspection_outside_subtree']]);
    problem(await api.post('/api/v1/inspection-programmes', programmeBody({ inspections: [planned({ starts_on: '2025-12-15' })] })),
      422, 'validation_failed', [['inspections[0].starts_on', 'inspection_outside_year']]);
    problem(await api.post('/api/v1/inspection-programmes', programmeBody({ inspections: [planned({ ends_on: '2027-01-10' })] })),
      422, 'validation_failed', [['inspections[0].ends_on', 'inspection_outside_year']]);
    problem(await api.post('/api/v1/inspection-programmes', programmeBody({ inspections: [planned({ ends_on: '2026-02-01' })] })),
      422, 'validation_failed', [['inspections[0].ends_on', 'inspection_before_start']]);
    const body = problem(await api.post('/api/v1/inspection-programmes', programmeBody({ inspections: [planned({ team: ['Một Mình'] })] })),
      422, 'validation_failed', [['inspections[0].team', 'inspection_team_too_small']]);
    assert.match(body.errors[0].message, /inspection\.min_team_members/);
    problem(await api.post('/api/v1/inspection-programmes', programmeBody({ inspections: [planned({ kind: 'audit' })] })),
      422, 'validation_failed', [['inspections[0].kind', 'not_allowed']]);
    problem(await api.post('/api/v1/inspection-programmes', programmeBody({ issuer: 'office' })), 422, 'validation_failed', [['issuer', 'not_allowed']]);
    problem(await api.post('/api/v1/inspection-programmes', programmeBody({ title: '' })), 422, 'validation_failed', [['title', 'required']]);
    problem(await api.post('/api/v1/inspection-programmes', programmeBody({ org_id: 999999 })), 404, 'not_found');
    assert.deepEqual(ok(await api.get(`/api/v1/inspection-programmes?org_id=${tree.above.id}`)).items, []);
    assert.equal(await auditCount('inspection_programme'), audits);
  });

  test('is created with its inspections, once per level and year', async () => {
    const created = await checked('POST', '/api/v1/inspection-programmes', 201, programmeBody({
      inspections: [planned(), planned({ kind: 'violation_signs', subject_org_id: undefined, subject_member_id: member.id, content: 'Dấu hiệu vi phạm', starts_on: '2026-05-01', ends_on: '2026-05-31' })],
    }));
    programme = created;
    assert.equal(created.inspections.length, 2);
    assert.deepEqual(created.inspections.map((i) => i.stage), ['planned', 'planned']);
    assert.equal(created.inspections[1].subject_name, 'Nguyễn Văn Kiểm');
    assert.equal(created.may_write, true);
    problem(await api.post('/api/v1/inspection-programmes', programmeBody()), 409, 'inspection_programme_exists');
    const list = await checked('GET', `/api/v1/inspection-programmes?org_id=${tree.root.id}&year=2026`, 200);
    assert.deepEqual(list.items.map((p) => [p.id, p.inspections]), [[programme.id, 2]]);
    assert.deepEqual(ok(await api.get(`/api/v1/inspection-programmes?org_id=${tree.root.id}&year=2025`)).items, []);
  });

  test('PATCH renames it and adds an inspection; a stale version is refused', async () => {
    const patched = await checked('PATCH', `/api/v1/inspection-programmes/${programme.id}`, 200, {
      version: programme.version, title: 'Chương trình kiểm tra, giám sát năm 2026 (bổ sung)',
      add_inspections: [planned({ kind: 'supervision_thematic', subject_org_id: tree.cellB.id, starts_on: '2026-09-01', ends_on: '2026-10-15' })],
    });
    assert.equal(patched.title, 'Chương trình kiểm tra, giám sát năm 2026 (bổ sung)');
    assert.equal(patched.inspections.length, 3);
    problem(await api.patch(`/api/v1/inspection-programmes/${programme.id}`, { version: programme.version, title: 'Cũ' }), 409, null);
    problem(await api.patch(`/api/v1/inspection-programmes/${programme.id}`, { version: patched.version,
      add_inspections: [planned({ starts_on: '2027-01-01', ends_on: '2027-02-01' })] }), 422, 'validation_failed',
    [['add_inspections[0].starts_on', 'inspection_outside_year']]);
    assert.equal(ok(await api.get(`/api/v1/inspection-programmes/${programme.id}`)).inspections.length, 3);
    programme = patched;
  });
});

describe('an inspection moves through its stages', () => {
  let inspection;
  const stage = (body) => api.post(`/api/v1/inspections/${inspection.id}/stages`, { version: inspection.version, ...body });

  test('the decision first, in order, each with its date and document', async () => {
    inspection = await getInspection(programme.inspections[0].id);
    assert.equal(inspection.next_stage, 'decision');
    assert.equal(inspection.may_record_next, true);
    const audits = await auditCount('inspection');
    problem(await stage({ stage: 'plan', on: '2026-02-20', document_text: '12-KH/UBKT' }), 422, 'validation_failed', [['stage', 'inspection_out_of_order']]);
    problem(await stage({ stage: 'conclusion', on: '2026-02-20', document_text: 'x' }), 422, 'validation_failed', [['stage', 'inspection_conclusion_route']]);
    problem(await stage({ stage: 'decision', on: '2026-02-15' }), 422, 'validation_failed', [['document_text', 'required']]);
    problem(await stage({ stage: 'decision', on: '2026-02-15', document_id: 999999 }), 422, 'validation_failed', [['document_id', 'not_found']]);
    problem(await stage({ stage: 'decision', on: '2099-01-01', document_text: '05-QĐ/UBKT' }), 422, 'validation_failed', [['on', 'in_future']]);
    problem(await stage({ stage: 'inspect', on: '2026-02-15', document_text: '05-QĐ/UBKT' }), 422, 'validation_failed', [['stage', 'not_allowed']]);
    // A conclusion before the report.
    problem(await api.post(`/api/v1/inspections/${inspection.id}/conclusion`, { version: inspection.version, on: '2026-05-01', document_text: '20-TB/UBKT', text: 'Kết luận' }),
      422, 'validation_failed', [['stage', 'inspection_out_of_order']]);
    assert.equal(await auditCount('inspection'), audits);
    assert.equal((await getInspection(inspection.id)).stage, 'planned');

    inspection = await checked('POST', `/api/v1/inspections/${inspection.id}/stages`, 200,
      { version: inspection.version, stage: 'decision', on: '2026-02-15', document_text: '05-QĐ/UBKT' });
    assert.equal(inspection.stage, 'decision');
    assert.equal(inspection.next_stage, 'plan');
    problem(await stage({ stage: 'plan', on: '2026-02-14', document_text: '06-KH/ĐKT' }), 422, 'validation_failed', [['on', 'inspection_before_previous']]);
    problem(await api.post(`/api/v1/inspections/${inspection.id}/stages`, { version: inspection.version - 1, stage: 'plan', on: '2026-02-20', document_text: 'x' }), 409, null);
    for (const [name, on, document_text] of [['plan', '2026-02-20', '06-KH/ĐKT'], ['work', '2026-03-10', 'Biên bản làm việc'], ['report', '2026-04-25', '09-BC/ĐKT']]) {
      inspection = await checked('POST', `/api/v1/inspections/${inspection.id}/stages`, 200, { version: inspection.version, stage: name, on, document_text });
    }
    assert.deepEqual(inspection.stages.map((s) => [s.stage, s.on, s.document_text]), [
      ['decision', '2026-02-15', '05-QĐ/UBKT'], ['plan', '2026-02-20', '06-KH/ĐKT'], ['work', '2026-03-10', 'Biên bản làm việc'], ['report', '2026-04-25', '09-BC/ĐKT']]);
    assert.equal(inspection.next_stage, 'conclusion');
    assert.equal(await auditCount('inspection'), audits + 4);
  });

  test('the conclusion lists violations and recommendations, each checked', async () => {
    const conclude = (body) => api.post(`/api/v1/inspections/${inspection.id}/conclusion`, { version: inspection.version, on: '2026-05-10', document_text: '21-TB/UBKT', text: 'Kết luận kiểm tra', ...body });
    problem(await conclude({ items: [{ kind: 'recommendation', description: 'Chậm', action: 'Bổ sung', owner: 'Ban thường vụ', due_on: '2026-05-01' }] }),
      422, 'validation_failed', [['items[0].due_on', 'inspection_before_conclusion']]);
    problem(await conclude({ items: [{ kind: 'recommendation', description: 'Chậm', action: 'Bổ sung', owner: 'Ban thường vụ', due_on: '2027-06-01' }] }),
      422, 'validation_failed', [['items[0].due_on', 'inspection_due_too_late']]);
    problem(await conclude({ items: [{ kind: 'praise', description: 'x', action: 'y', owner: 'z', due_on: '2026-06-01' }] }),
      422, 'validation_failed', [['items[0].kind', 'not_allowed']]);
    problem(await conclude({ text: '' }), 422, 'validation_failed', [['text', 'required']]);
    assert.equal((await getInspection(inspection.id)).stage, 'report', 'nothing written');
    inspection = await checked('POST', `/api/v1/inspections/${inspection.id}/conclusion`, 200, {
      version: inspection.version, on: '2026-05-10', document_text: '21-TB/UBKT', text: 'Đảng bộ thực hiện tốt; còn chậm quyết toán kinh phí.',
      items: [
        { kind: 'violation', description: 'Chậm quyết toán kinh phí năm 2025', action: 'Quyết toán xong', owner: 'Văn phòng đảng ủy', due_on: '2026-08-31' },
        { kind: 'recommendation', description: 'Bổ sung quy chế làm việc', action: 'Ban hành quy chế sửa đổi', owner: 'Ban thường vụ', due_on: '2026-12-31' },
      ],
    });
    assert.equal(inspection.stage, 'conclusion');
    assert.equal(inspection.next_stage, null);
    assert.equal(inspection.conclusion, 'Đảng bộ thực hiện tốt; còn chậm quyết toán kinh phí.');
    assert.deepEqual(inspection.items.map((i) => [i.kind, i.state, i.overdue]), [['violation', 'open', true], ['recommendation', 'open', false]]);
    assert.equal(inspection.overdue_items, 1);
    problem(await api.post(`/api/v1/inspections/${inspection.id}/stages`, { version: inspection.version, stage: 'decision', on: '2026-06-01', document_text: 'x' }),
      422, 'validation_failed', [['stage', 'inspection_finished']]);
  });

  test('items are listed per subtree with open and overdue filters, and closed once', async () => {
    const overdue = await checked('GET', `/api/v1/inspection-items?org_id=${tree.root.id}&overdue=true`, 200);
    assert.deepEqual(overdue.items.map((i) => i.kind), ['violation']);
    assert.equal(ok(await api.get(`/api/v1/inspection-items?org_id=${tree.base.id}&state=open`)).items.length, 2);
    assert.equal(ok(await api.get(`/api/v1/inspection-items?org_id=${tree.cellA.id}&state=open`)).items.length, 0, 'the base committee is not in cell A');
    assert.equal(ok(await api.get(`/api/v1/inspection-items?org_id=${tree.root.id}&kind=recommendation`)).items.length, 1);
    problem(await api.get(`/api/v1/inspection-items?org_id=${tree.root.id}&state=late`), 400, null, [['state', 'not_allowed']]);
    const item = overdue.items[0];
    const close = (body) => api.post(`/api/v1/inspection-items/${item.id}/close`, { version: item.version, evidence: 'Báo cáo quyết toán số 15', closed_on: today, ...body });
    problem(await close({ closed_on: '2026-05-01' }), 422, 'validation_failed', [['closed_on', 'inspection_before_conclusion']]);
    problem(await close({ closed_on: '2099-01-01' }), 422, 'validation_failed', [['closed_on', 'in_future']]);
    problem(await close({ evidence: '' }), 422, 'validation_failed', [['evidence', 'required']]);
    const closed = await checked('POST', `/api/v1/inspection-items/${item.id}/close`, 200, { version: item.version, evidence: 'Báo cáo quyết toán số 15', closed_on: today });
    assert.deepEqual([closed.state, closed.closed_on, closed.overdue], ['closed', today, false]);
    problem(await api.post(`/api/v1/inspection-items/${item.id}/close`, { version: closed.version, evidence: 'Lần hai', closed_on: today }), 409, 'inspection_item_closed');
    assert.deepEqual(ok(await api.get(`/api/v1/inspection-items?org_id=${tree.root.id}&overdue=true`)).items, []);
  });
});

describe('who may do what', () => {
  test('leaders and the office read, write is refused (403)', async () => {
    const leader = await server.login(await server.addUser({ roles: ['leader'], scope: tree.root.id }));
    const view = await checked('GET', `/api/v1/inspection-programmes/${programme.id}`, 200, undefined, leader);
    assert.equal(view.may_write, false);
    problem(await leader.patch(`/api/v1/inspection-programmes/${programme.id}`, { version: programme.version, title: 'X' }), 403, 'forbidden');
    const office = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.above.id }));
    problem(await office.post('/api/v1/inspection-programmes', programmeBody({ year: 2027, inspections: [] })), 403, 'forbidden');
    assert.equal(ok(await office.get(`/api/v1/inspection-items?org_id=${tree.above.id}`)).items.length, 2);
  });

  test('a lower inspection committee works as the team but neither decides nor concludes', async () => {
    const lower = await server.login(await server.addUser({ roles: ['inspection'], scope: tree.base.id }));
    const second = programme.inspections.find((i) => i.subject_member_id === member.id);
    const seen = await getInspection(second.id, lower);
    assert.equal(seen.may_record_next, false, 'the decision is the issuer\'s');
    problem(await lower.post(`/api/v1/inspections/${second.id}/stages`, { version: seen.version, stage: 'decision', on: '2026-04-20', document_text: 'x' }), 403, 'forbidden');
    let current = await checked('POST', `/api/v1/inspections/${second.id}/stages`, 200, { version: seen.version, stage: 'decision', on: '2026-04-20', document_text: '07-QĐ/UBKT' });
    current = await checked('POST', `/api/v1/inspections/${second.id}/stages`, 200, { version: current.version, stage: 'plan', on: '2026-04-25', document_text: '08-KH' }, lower);
    assert.equal(current.stage, 'plan');
  });

  test('an inspection committee of another subtree gets 404 for everything', async () => {
    const other = await server.login(await server.addUser({ roles: ['inspection'], scope: tree.above2.id }));
    const id = programme.inspections[0].id;
    problem(await other.get(`/api/v1/inspection-programmes/${programme.id}`), 404, 'not_found');
    problem(await other.patch(`/api/v1/inspection-programmes/${programme.id}`, { version: programme.version, title: 'X' }), 404, 'not_found');
    problem(await other.get(`/api/v1/inspections/${id}`), 404, 'not_found');
    problem(await other.post(`/api/v1/inspections/${id}/stages`, { version: 1, stage: 'plan', on: '2026-04-01', document_text: 'x' }), 404, 'not_found');
    const items = ok(await api.get(`/api/v1/inspection-items?org_id=${tree.root.id}`)).items;
    problem(await other.post(`/api/v1/inspection-items/${items[0].id}/close`, { version: items[0].version, evidence: 'x', closed_on: today }), 404, 'not_found');
    problem(await other.get(`/api/v1/inspection-items?org_id=${tree.base.id}`), 404, 'not_found');
    problem(await other.post('/api/v1/inspection-programmes', programmeBody({ year: 2027 })), 404, 'not_found');
    assert.deepEqual(ok(await other.get(`/api/v1/inspection-programmes?org_id=${tree.above2.id}`)).items, []);
  });

  test('a cell secretary and a member hold no inspection permission', async () => {
    const secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellA.id }));
    problem(await secretary.get(`/api/v1/inspection-programmes?org_id=${tree.cellA.id}`), 404, 'not_found');
    problem(await secretary.get(`/api/v1/inspections/${programme.inspections[1].id}`), 404, 'not_found');
  });
});
