// The directives cascade (issue 13) through the API: a directive issued at the top with tasks,
// fanned out to the organizations below, acknowledged, passed down one more level, reported,
// returned, reported again and accepted, with the roll-up checked at every level after every
// step; overdue with the injected today; study sessions; reach (a cell sees and acts only in its
// subtree); every bad input names its field and writes nothing.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';
import { daysFromToday } from './lib/lifecycle.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

// Every reply of this suite is checked against the OpenAPI document (status and schema).
const doc = loadOpenApi();
function checked(client) {
  const request = async (method, path, options = {}) => {
    const reply = await client.request(method, path, options);
    assert.deepEqual(checkReply(doc, method, path, reply).slice(0, 10), [], `${method} ${path} -> ${reply.status}: ${reply.text.slice(0, 300)}`);
    return reply;
  };
  return {
    ...client,
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, json, options = {}) => request('POST', path, { ...options, json }),
  };
}
const login = async (roles, scope) => checked(await server.login(await server.addUser({ roles, scope })));

let server;
let api;
let tree;
let directive;
let taskNow; // due in 30 days
let taskLate; // due yesterday: overdue from today
const fx = {};

before(async () => {
  server = await startServer();
  api = checked(server.admin);
  tree = await buildTree(api, 'Chỉ Đạo');
});
after(async () => { await server?.stop(); });

const rollup = async (org, client = api) =>
  ok(await client.get(`/api/v1/directives/${directive.id}/rollup${org ? `?org=${org.id}` : ''}`));
const counts = async (org) => (await rollup(org)).org.counts;
const assignmentOf = async (orgId, client = api) => {
  const page = ok(await client.get(`/api/v1/orgs/${orgId}/assignments`));
  return page.items.find((a) => a.directive_id === directive.id && a.task_id === taskNow.id);
};
const pick = (c) => ({ total: c.total, assigned: c.assigned, acknowledged: c.acknowledged, in_progress: c.in_progress,
  reported: c.reported, accepted: c.accepted, returned: c.returned });
const zero = { total: 0, assigned: 0, acknowledged: 0, in_progress: 0, reported: 0, accepted: 0, returned: 0 };
async function auditActions(type) {
  return ok(await api.get(`/api/v1/audit?limit=500&object_type=${type}`)).items.map((e) => e.action);
}

describe('issuing', () => {
  test('a directive with tasks: due dates given, or counted in working days', async () => {
    directive = ok(await api.post('/api/v1/directives', {
      org_id: tree.root.id, kind: 'resolution', title: 'Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ',
      number_symbol: '05-NQ/ĐUK', issued_on: daysFromToday(-40), summary: 'Thực hiện trong toàn Đảng bộ',
      tasks: [
        { title: 'Xây dựng kế hoạch thực hiện', due_on: daysFromToday(30) },
        { title: 'Báo cáo sơ kết', due_on: daysFromToday(-1) },
        { title: 'Quán triệt nghị quyết', due_working_days: 10 },
      ],
    }), 201);
    assert.equal(directive.tasks.length, 3);
    assert.equal(directive.task_count, 3);
    assert.equal(directive.number_symbol, '05-NQ/ĐUK');
    assert.equal(directive.org.id, tree.root.id);
    assert.equal(directive.may_assign, true);
    [taskNow, taskLate] = directive.tasks;
    const counted = directive.tasks[2];
    assert.equal(counted.due_working_days, 10);
    assert.ok(counted.due_on >= daysFromToday(-40 + 14), `10 working days are at least two weeks: ${counted.due_on}`);
    assert.deepEqual(pick(directive.rollup), zero);
    const list = ok(await api.get(`/api/v1/directives?org=${tree.root.id}`));
    assert.ok(list.items.some((d) => d.id === directive.id));
    assert.ok((await auditActions('directive')).includes('directive.issue'));
  });

  test('every wrong directive is refused with its field, and nothing is written', async () => {
    const before = ok(await api.get('/api/v1/directives')).total;
    const good = { org_id: tree.root.id, kind: 'directive', title: 'Chỉ thị thử', issued_on: daysFromToday(-1), tasks: [{ title: 'Việc', due_on: daysFromToday(5) }] };
    const refused = async (body, field, code) =>
      problem(await api.post('/api/v1/directives', body), 422, 'validation_failed', [[field, code]]);
    await refused({ ...good, tasks: [{ title: 'Việc', due_on: daysFromToday(-3) }] }, 'tasks[0].due_on', 'before_issued_on');
    await refused({ ...good, tasks: [{ title: 'Việc' }] }, 'tasks[0]', 'one_of');
    await refused({ ...good, tasks: [{ title: 'Việc', due_on: daysFromToday(5), due_working_days: 3 }] }, 'tasks[0]', 'one_of');
    await refused({ ...good, tasks: [{ title: '', due_on: daysFromToday(5) }] }, 'tasks[0].title', 'required');
    await refused({ ...good, tasks: [{ title: 'Việc', due_working_days: 0 }] }, 'tasks[0].due_working_days', 'out_of_range');
    await refused({ ...good, tasks: [] }, 'tasks', 'required');
    await refused({ ...good, tasks: undefined }, 'tasks', 'required');
    await refused({ ...good, kind: 'memo' }, 'kind', 'unknown_code');
    await refused({ ...good, title: '' }, 'title', 'required');
    await refused({ ...good, issued_on: daysFromToday(1) }, 'issued_on', 'date_in_future');
    await refused({ ...good, issued_on: 'hôm qua' }, 'issued_on', null);
    await refused({ ...good, org_id: 999999 }, 'org_id', 'org_not_found');
    await refused({ ...good, document_id: 999999 }, 'document_id', 'document_not_found');
    await refused({ ...good, extra: 1 }, 'extra', 'unknown_field');
    assert.equal(ok(await api.get('/api/v1/directives')).total, before);
  });
});

describe('the cascade', () => {
  test('fan-out to every child of the issuer; the roll-up counts them at every level', async () => {
    const batch = ok(await api.post(`/api/v1/directives/${directive.id}/assignments`,
      { task_ids: [taskNow.id], target: { mode: 'children' }, note: 'Triển khai' }), 201);
    assert.equal(batch.created, 3);
    assert.equal(batch.skipped, 0);
    assert.deepEqual(batch.items.map((a) => a.org.id).sort(), [tree.above.id, tree.above2.id, tree.baseCell.id].sort());
    assert.ok(batch.items.every((a) => a.state === 'assigned' && a.due_on === taskNow.due_on && a.parent_id === null));
    // Again: nothing new.
    const again = ok(await api.post(`/api/v1/directives/${directive.id}/assignments`,
      { task_ids: [taskNow.id], target: { mode: 'children' } }), 201);
    assert.deepEqual([again.created, again.skipped], [0, 3]);
    assert.deepEqual(pick(await counts(tree.root)), { ...zero, total: 3, assigned: 3 });
    assert.deepEqual(pick(await counts(tree.above)), { ...zero, total: 1, assigned: 1 });
    assert.deepEqual(pick(await counts(tree.base)), zero);
    const view = await rollup();
    assert.equal(view.org.org.id, tree.root.id, 'the issuer by default');
    assert.deepEqual(view.children.map((r) => r.org.id).sort(), [tree.above.id, tree.above2.id, tree.baseCell.id].sort());
    assert.ok(view.children.every((r) => r.status === 'lagging' && r.percents.acknowledged === 0));
  });

  test('a wrong assignment is refused with its field and creates nothing', async () => {
    const refused = async (body, field, code) =>
      problem(await api.post(`/api/v1/directives/${directive.id}/assignments`, body), 422, 'validation_failed', [[field, code]]);
    await refused({ task_ids: [taskNow.id], target: { mode: 'orgs', org_ids: [tree.root.id] } }, 'target.org_ids[0]', 'target_outside_subtree');
    await refused({ task_ids: [taskNow.id], target: { mode: 'orgs', org_ids: [999999] } }, 'target.org_ids[0]', 'org_not_found');
    await refused({ task_ids: [taskNow.id], target: { mode: 'orgs', org_ids: [tree.cellA.id, tree.cellA.id] } }, 'target.org_ids[1]', 'repeated');
    await refused({ task_ids: [999999], target: { mode: 'children' } }, 'task_ids[0]', 'task_not_found');
    await refused({ task_ids: [], target: { mode: 'children' } }, 'task_ids', 'required');
    await refused({ task_ids: [taskNow.id], target: { mode: 'everyone' } }, 'target.mode', 'unknown_code');
    await refused({ task_ids: [taskNow.id] }, 'target', 'required');
    await refused({ task_ids: [taskNow.id], target: { mode: 'kind', kind: 'no_such_kind' } }, 'target.kind', 'unknown_code');
    await refused({ task_ids: [taskNow.id], target: { mode: 'kind', kind: 'committee_central' } }, 'target.kind', 'no_targets');
    await refused({ task_ids: [taskNow.id], target: { mode: 'children' }, due_on: daysFromToday(31) }, 'due_on', 'due_after_parent');
    await refused({ task_ids: [taskNow.id], target: { mode: 'children' }, due_on: daysFromToday(-41) }, 'due_on', 'before_issued_on');
    await refused({ task_ids: [taskNow.id], target: { mode: 'member', member_id: 999999 } }, 'target.member_id', 'member_not_found');
    assert.deepEqual(pick(await counts(tree.root)), { ...zero, total: 3, assigned: 3 });
  });

  test('acknowledge, pass down to every cell, report, return, report, accept: roll-up at each step', async () => {
    fx.aboveStaff = await login(['office_staff'], tree.above.id);
    fx.cellA = await login(['cell_secretary'], tree.cellA.id);
    fx.cellB = await login(['cell_secretary'], tree.cellB.id);
    let received = await assignmentOf(tree.above.id, fx.aboveStaff);
    assert.equal(received.assigner_org.id, tree.root.id);
    const ack = ok(await fx.aboveStaff.post(`/api/v1/assignments/${received.id}/acknowledge`, { version: received.version }));
    assert.equal(ack.state, 'acknowledged');
    assert.equal(ack.may_report, true);
    assert.equal(ack.may_review, false, 'the receiving level does not review its own report');
    problem(await fx.aboveStaff.post(`/api/v1/assignments/${received.id}/acknowledge`, { version: ack.version }), 409, 'assignment_state');
    problem(await fx.aboveStaff.post(`/api/v1/assignments/${received.id}/start`, { version: received.version }), 409, 'version_conflict');
    assert.deepEqual(pick(await counts(tree.root)), { ...zero, total: 3, assigned: 2, acknowledged: 1 });
    // The receiving committee's own plan: every cell in its subtree.
    const down = ok(await fx.aboveStaff.post(`/api/v1/assignments/${received.id}/assignments`,
      { target: { mode: 'kind', kind: 'cell' }, plan_number: '12-KH/ĐU', due_on: daysFromToday(20) }), 201);
    assert.equal(down.created, 2);
    assert.deepEqual(down.items.map((a) => a.org.id).sort(), [tree.cellA.id, tree.cellB.id].sort());
    assert.ok(down.items.every((a) => a.parent_id === received.id && a.assigner_org.id === tree.above.id
      && a.plan_number === '12-KH/ĐU' && a.due_on === daysFromToday(20)));
    problem(await fx.aboveStaff.post(`/api/v1/assignments/${received.id}/assignments`,
      { target: { mode: 'kind', kind: 'cell' }, due_on: daysFromToday(31) }), 422, 'validation_failed', [['due_on', 'due_after_parent']]);
    assert.deepEqual(pick(await counts(tree.root)), { ...zero, total: 5, assigned: 4, acknowledged: 1 });
    assert.deepEqual(pick(await counts(tree.above)), { ...zero, total: 3, assigned: 2, acknowledged: 1 });
    assert.deepEqual(pick(await counts(tree.base)), { ...zero, total: 2, assigned: 2 });
    assert.deepEqual(pick(await counts(tree.cellA)), { ...zero, total: 1, assigned: 1 });
    // Root -> committee -> base -> cell: each step one rollup read with children.
    const level2 = await rollup(tree.above);
    assert.deepEqual(level2.path.map((o) => o.id), [tree.root.id, tree.above.id]);
    assert.deepEqual(level2.children.map((r) => r.org.id), [tree.base.id]);
    const level3 = await rollup(tree.base);
    assert.deepEqual(level3.children.map((r) => r.org.id).sort(), [tree.cellA.id, tree.cellB.id].sort());

    // The cell: report before acknowledging is refused; acknowledge, start, report.
    let cell = await assignmentOf(tree.cellA.id, fx.cellA);
    problem(await fx.cellA.post(`/api/v1/assignments/${cell.id}/reports`, { version: cell.version, text: 'Đã xong' }), 409, 'assignment_state');
    cell = ok(await fx.cellA.post(`/api/v1/assignments/${cell.id}/acknowledge`, { version: cell.version }));
    cell = ok(await fx.cellA.post(`/api/v1/assignments/${cell.id}/start`, { version: cell.version }));
    assert.equal(cell.state, 'in_progress');
    problem(await fx.cellA.post(`/api/v1/assignments/${cell.id}/reports`, { version: cell.version, text: '' }), 422, 'validation_failed', [['text', 'required']]);
    problem(await fx.cellA.post(`/api/v1/assignments/${cell.id}/reports`, { version: cell.version, text: 'x', figures: [{ label: 'Số buổi', value: 'ba' }] }),
      422, 'validation_failed', [['figures[0].value', 'wrong_type']]);
    cell = ok(await fx.cellA.post(`/api/v1/assignments/${cell.id}/reports`, {
      version: cell.version, text: 'Chi bộ đã xây dựng kế hoạch', figures: [{ label: 'Đảng viên tham gia', value: 12, unit: 'người' }],
      attachment_note: 'Kế hoạch số 3-KH/CB',
    }), 201);
    assert.equal(cell.state, 'reported');
    assert.equal(cell.reports.length, 1);
    assert.equal(cell.reports[0].review, 'pending');
    assert.deepEqual(cell.reports[0].figures, [{ label: 'Đảng viên tham gia', value: 12, unit: 'người' }]);
    assert.deepEqual(pick(await counts(tree.base)), { ...zero, total: 2, assigned: 1, reported: 1 });
    // The cell cannot accept its own report; the assigning committee returns it, with a comment.
    problem(await fx.cellA.post(`/api/v1/assignments/${cell.id}/accept`, { version: cell.version }), 403, 'forbidden');
    problem(await fx.aboveStaff.post(`/api/v1/assignments/${cell.id}/return`, { version: cell.version }), 422, 'validation_failed', [['comment', 'required']]);
    cell = ok(await fx.aboveStaff.post(`/api/v1/assignments/${cell.id}/return`, { version: cell.version, comment: 'Bổ sung số liệu' }));
    assert.equal(cell.state, 'returned');
    assert.equal(cell.reports[0].review, 'returned');
    assert.equal(cell.reports[0].review_comment, 'Bổ sung số liệu');
    assert.deepEqual(pick(await counts(tree.root)), { ...zero, total: 5, assigned: 3, acknowledged: 1, returned: 1 });
    assert.equal((await rollup(tree.base)).children.find((r) => r.org.id === tree.cellA.id).status, 'lagging');
    cell = ok(await fx.cellA.post(`/api/v1/assignments/${cell.id}/reports`, { version: cell.version, text: 'Đã bổ sung số liệu' }), 201);
    assert.equal(cell.reports.length, 2);
    cell = ok(await fx.aboveStaff.post(`/api/v1/assignments/${cell.id}/accept`, { version: cell.version, comment: 'Đạt' }));
    assert.equal(cell.state, 'accepted');
    assert.equal(cell.reports[0].review, 'accepted');
    problem(await fx.aboveStaff.post(`/api/v1/assignments/${cell.id}/accept`, { version: cell.version }), 409, 'assignment_state');
    assert.deepEqual(pick(await counts(tree.root)), { ...zero, total: 5, assigned: 3, acknowledged: 1, accepted: 1 });
    assert.deepEqual(pick(await counts(tree.cellA)), { ...zero, total: 1, accepted: 1 });
    const base = await rollup(tree.base);
    assert.equal(base.org.percents.accepted, 50);
    assert.equal(base.org.percents.reported, 50);
    assert.equal(base.children[0].org.id, tree.cellB.id, 'the lagging cell first');
    assert.equal(base.children.find((r) => r.org.id === tree.cellA.id).status, 'done');
    const parent = ok(await api.get(`/api/v1/assignments/${received.id}`));
    assert.deepEqual(pick(parent.children), { ...zero, total: 2, assigned: 1, accepted: 1 });
    received = parent;
    const actions = await auditActions('assignment');
    for (const action of ['assignment.acknowledge', 'assignment.assign_down', 'assignment.start', 'assignment.report', 'assignment.return', 'assignment.accept']) {
      assert.ok(actions.includes(action), action);
    }
  });

  test('a cell sees and acts only inside its subtree', async () => {
    const other = await assignmentOf(tree.cellB.id);
    for (const reply of [
      await fx.cellA.get(`/api/v1/assignments/${other.id}`),
      await fx.cellA.post(`/api/v1/assignments/${other.id}/acknowledge`, { version: other.version }),
      await fx.cellA.post(`/api/v1/assignments/${other.id}/reports`, { version: other.version, text: 'Không phải của tôi' }),
      await fx.cellA.get(`/api/v1/orgs/${tree.cellB.id}/assignments`),
      await fx.cellA.get(`/api/v1/directives/${directive.id}/rollup?org=${tree.base.id}`),
    ]) {
      problem(reply, 404, 'not_found');
      assert.ok(!reply.text.includes(tree.cellB.name));
    }
    // It sees the directive (an assignment reached it) and its own part of the tree.
    assert.equal(ok(await fx.cellA.get(`/api/v1/directives/${directive.id}`)).may_assign, false);
    assert.ok(ok(await fx.cellA.get('/api/v1/directives')).items.some((d) => d.id === directive.id));
    const own = await rollup(null, fx.cellA);
    assert.equal(own.org.org.id, tree.cellA.id);
    assert.deepEqual(own.path.map((o) => o.id), [tree.cellA.id]);
    const list = ok(await fx.cellA.get(`/api/v1/directives/${directive.id}/assignments`));
    assert.deepEqual(list.items.map((a) => a.org.id), [tree.cellA.id]);
    // Nor may it assign outside (or above) itself.
    const mine = await assignmentOf(tree.cellA.id, fx.cellA);
    problem(await fx.cellA.post(`/api/v1/assignments/${mine.id}/assignments`, { target: { mode: 'orgs', org_ids: [tree.cellB.id] } }),
      422, 'validation_failed', [['target.org_ids[0]', 'org_not_found']]);
    problem(await fx.cellA.post(`/api/v1/directives/${directive.id}/assignments`, { task_ids: [taskNow.id], target: { mode: 'children' } }), 403, 'forbidden');
    // A directive of another tree is not found for it.
    const outside = ok(await api.post('/api/v1/directives', {
      org_id: tree.above2.id, kind: 'plan', title: 'Kế hoạch riêng', issued_on: daysFromToday(-1), tasks: [{ title: 'Việc', due_on: daysFromToday(3) }],
    }), 201);
    problem(await fx.cellA.get(`/api/v1/directives/${outside.id}`), 404, 'not_found');
    assert.ok(!ok(await fx.cellA.get('/api/v1/directives')).items.some((d) => d.id === outside.id));
  });

  test('a task goes to a member of the cell, who cannot pass it down', async () => {
    const member = await createMember(api, tree.cellB.id, { full_name: 'Trương Văn Nhận' });
    let cellB = await assignmentOf(tree.cellB.id, fx.cellB);
    const batch = ok(await fx.cellB.post(`/api/v1/assignments/${cellB.id}/assignments`, { target: { mode: 'member', member_id: member.id } }), 201);
    assert.equal(batch.created, 1);
    assert.equal(batch.items[0].member.id, member.id);
    assert.equal(batch.items[0].org.id, tree.cellB.id);
    cellB = ok(await api.get(`/api/v1/assignments/${cellB.id}`));
    assert.equal(cellB.state, 'acknowledged', 'passing it down took it on');
    problem(await fx.cellB.post(`/api/v1/assignments/${batch.items[0].id}/assignments`, { target: { mode: 'children' } }), 409, 'assignment_to_member');
    assert.deepEqual(pick(await counts(tree.cellB)), { ...zero, total: 2, assigned: 1, acknowledged: 1 });
  });
});

describe('overdue and study', () => {
  test('a task past its due date is overdue; marking is idempotent and rolls up', async () => {
    ok(await api.post(`/api/v1/directives/${directive.id}/assignments`,
      { task_ids: [taskLate.id], target: { mode: 'orgs', org_ids: [tree.baseCell.id, tree.cellA.id] } }), 201);
    const overdue = ok(await api.get(`/api/v1/assignments/overdue?org=${tree.root.id}`));
    assert.deepEqual(overdue.items.filter((a) => a.directive_id === directive.id).map((a) => a.org.id).sort(),
      [tree.baseCell.id, tree.cellA.id].sort());
    assert.ok(overdue.items.every((a) => a.overdue));
    assert.equal((await counts(tree.root)).overdue, 0, 'not counted until marked');
    const marked = ok(await api.post('/api/v1/directives/mark-overdue', {}));
    assert.equal(marked.marked, 2);
    assert.equal(ok(await api.post('/api/v1/directives/mark-overdue', {})).marked, 0, 'idempotent');
    assert.equal((await counts(tree.root)).overdue, 2);
    assert.equal((await counts(tree.base)).overdue, 1);
    const root = await rollup();
    assert.equal(root.children[0].status, 'overdue', 'the overdue subtree first');
    // Accepting it clears the overdue count.
    let late = ok(await fx.cellA.get(`/api/v1/orgs/${tree.cellA.id}/assignments?overdue=true`)).items[0];
    assert.equal(late.task_id, taskLate.id);
    late = ok(await fx.cellA.post(`/api/v1/assignments/${late.id}/acknowledge`, { version: late.version }));
    late = ok(await fx.cellA.post(`/api/v1/assignments/${late.id}/reports`, { version: late.version, text: 'Muộn nhưng xong' }), 201);
    ok(await api.post(`/api/v1/assignments/${late.id}/accept`, { version: late.version }));
    assert.equal((await counts(tree.root)).overdue, 1);
    assert.equal((await counts(tree.base)).overdue, 0);
  });

  test('study sessions roll up as a share of members; wrong ones name their field', async () => {
    await createMember(api, tree.cellA.id, { full_name: 'Lê Văn Học' });
    await createMember(api, tree.cellA.id, { full_name: 'Lê Thị Tập' });
    const url = `/api/v1/directives/${directive.id}/studies`;
    problem(await fx.cellA.post(url, { org_id: tree.cellA.id, held_on: daysFromToday(-2), attendees: 3 }), 422, 'validation_failed', [['attendees', 'exceeds_members']]);
    problem(await fx.cellA.post(url, { org_id: tree.cellA.id, held_on: daysFromToday(-50), attendees: 1 }), 422, 'validation_failed', [['held_on', 'before_issued_on']]);
    problem(await fx.cellA.post(url, { org_id: tree.cellA.id, held_on: daysFromToday(1), attendees: 1 }), 422, 'validation_failed', [['held_on', 'date_in_future']]);
    problem(await fx.cellA.post(url, { org_id: tree.cellB.id, held_on: daysFromToday(-2), attendees: 1 }), 422, 'validation_failed', [['org_id', 'org_not_found']]);
    const study = ok(await fx.cellA.post(url, { org_id: tree.cellA.id, held_on: daysFromToday(-2), attendees: 1 }));
    assert.equal(study.members, 2);
    problem(await fx.cellA.post(url, { org_id: tree.cellA.id, held_on: daysFromToday(-2), attendees: 2 }), 409, 'version_conflict');
    ok(await fx.cellA.post(url, { org_id: tree.cellA.id, held_on: daysFromToday(-1), attendees: 2, version: study.version }));
    const cell = (await rollup(tree.cellA)).org;
    assert.equal(cell.counts.studied, 2);
    assert.equal(cell.percents.studied, 100);
    assert.equal((await counts(tree.root)).studied, 2);
    assert.equal(ok(await api.get(`${url}?org=${tree.base.id}`)).items.length, 1);
  });

  test('after everything above, the roll-up equals a recount (chibo check) and children sum to the root', async () => {
    const view = await rollup();
    const total = view.children.reduce((n, r) => n + r.counts.total, 0);
    assert.equal(total, view.org.counts.total, 'nothing is assigned to the root itself');
    const check = await server.chibo(['check', '--db', server.dbUrl]);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /chibo check: ok/);
    // And the check does see a roll-up out of step.
    assert.equal((await server.sql(`UPDATE directive_rollup SET accepted = accepted + 1 WHERE directive_id = ${directive.id} AND org_id = ${tree.cellB.id}`)).code, 0);
    const broken = await server.chibo(['check', '--db', server.dbUrl]);
    assert.match(broken.stdout + broken.stderr, /1 directive roll-up row\(s\) differ from a recount/);
    assert.equal((await server.sql(`UPDATE directive_rollup SET accepted = accepted - 1 WHERE directive_id = ${directive.id} AND org_id = ${tree.cellB.id}`)).code, 0);
  });
});
