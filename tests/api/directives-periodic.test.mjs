// Scheduled periodic reports of directives (issue 13): a task issued with a quarterly report
// schedule makes its periods (each report due 15 days after its quarter, rules/directives.toml;
// the final report, tổng kết, on the task's due date); the assignment shows each period's state;
// a report names its period (an unknown one is refused naming `period`, a second one after an
// accepted report is refused); "mark overdue" flags the period reports past their due date, the
// roll-up counts them, and the reminders job reaches the responsible level's superior.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree } from './lib/api.mjs';
import { daysFromToday } from './lib/lifecycle.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

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

// The quarters from `issued` to `due` (ISO dates) as the schedule makes them: a quarter ending
// on or after the due date is left to the final report; a report is due 15 days after its
// quarter ends, never after the final report.
function expectedQuarters(issued, due) {
  const out = [];
  let year = Number(issued.slice(0, 4));
  let q = Math.floor((Number(issued.slice(5, 7)) - 1) / 3);
  for (;;) {
    const end = new Date(Date.UTC(year, q * 3 + 3, 0)).toISOString().slice(0, 10);
    if (end >= due) break;
    const reportDue = new Date(Date.parse(`${end}T00:00:00Z`) + 15 * 86400000).toISOString().slice(0, 10);
    out.push({ period: `${year}-Q${q + 1}`, ends_on: end, due_on: reportDue < due ? reportDue : due });
    q += 1;
    if (q === 4) { q = 0; year += 1; }
  }
  return out;
}

let server;
let api;
let tree;
let directive;
let task;
let assignment;
const issued = daysFromToday(-300);
const due = daysFromToday(200);

before(async () => {
  // The jobs run only when asked, so that the test knows when.
  server = await startServer({ serveArgs: ['--jobs', 'off'] });
  api = checked(server.admin);
  tree = await buildTree(api, 'Báo Cáo Kỳ');
});
after(async () => { await server?.stop(); });

const assignmentAt = async (orgId) => {
  const page = ok(await api.get(`/api/v1/orgs/${orgId}/assignments`));
  const item = page.items.find((a) => a.directive_id === directive.id);
  return ok(await api.get(`/api/v1/assignments/${item.id}`));
};

describe('scheduled periodic reports', () => {
  test('a bad schedule is refused naming its field, and nothing is written', async () => {
    const before = ok(await api.get(`/api/v1/directives?org=${tree.root.id}`)).total;
    problem(await api.post('/api/v1/directives', {
      org_id: tree.root.id, kind: 'plan', title: 'Kế hoạch thực hiện', issued_on: issued,
      tasks: [
        { title: 'Thực hiện', due_on: due, report_schedule: { cadence: 'quarterly', final_due_on: daysFromToday(201) } },
        { title: 'Sơ kết', due_on: due, report_schedule: { cadence: 'monthly' } },
      ],
    }), 422, 'validation_failed', [
      ['tasks[0].report_schedule.final_due_on', 'directive_final_after_due'],
      ['tasks[1].report_schedule.cadence', 'unknown_code'],
    ]);
    assert.equal(ok(await api.get(`/api/v1/directives?org=${tree.root.id}`)).total, before);
  });

  test('a quarterly schedule makes the periods, the final report last', async () => {
    directive = ok(await api.post('/api/v1/directives', {
      org_id: tree.root.id, kind: 'plan', title: 'Kế hoạch thực hiện Nghị quyết về công tác kiểm tra',
      number_symbol: '12-KH/ĐUK', issued_on: issued,
      tasks: [{ title: 'Tổ chức thực hiện và báo cáo định kỳ', due_on: due, report_schedule: { cadence: 'quarterly' } }],
    }), 201);
    [task] = directive.tasks;
    const schedule = task.report_schedule;
    assert.equal(schedule.cadence, 'quarterly');
    assert.equal(schedule.final_due_on, null);
    const quarters = expectedQuarters(issued, due);
    assert.ok(quarters.length >= 4, JSON.stringify(quarters));
    assert.deepEqual(schedule.periods.map((p) => p.period), [...quarters.map((q) => q.period), 'final']);
    assert.deepEqual(schedule.periods.slice(0, -1).map((p) => [p.ends_on, p.due_on]), quarters.map((q) => [q.ends_on, q.due_on]));
    assert.equal(schedule.periods[0].starts_on, issued);
    assert.equal(schedule.periods.at(-1).due_on, due);
  });

  test('the assignment shows its periods with their states', async () => {
    ok(await api.post(`/api/v1/directives/${directive.id}/assignments`, {
      task_ids: [task.id], target: { mode: 'children' },
    }), 201);
    assignment = await assignmentAt(tree.baseCell.id);
    const today = daysFromToday(0);
    assert.deepEqual(assignment.periods.map((p) => p.period), task.report_schedule.periods.map((p) => p.period));
    for (const p of assignment.periods) {
      assert.equal(p.state, p.due_on < today ? 'overdue' : 'due', JSON.stringify(p));
    }
    assert.equal(assignment.periods[0].state, 'overdue');
    assert.equal(assignment.periods.at(-1).state, 'due');
  });

  test('a report names a period of the schedule; one accepted report per period', async () => {
    const first = assignment.periods[0].period;
    problem(await api.post(`/api/v1/assignments/${assignment.id}/reports`, {
      version: assignment.version, period: '2099-Q1', text: 'Báo cáo quý',
    }), 422, 'validation_failed', [['period', 'directive_period_unknown']]);
    const reported = ok(await api.post(`/api/v1/assignments/${assignment.id}/reports`, {
      version: assignment.version, period: first, text: `Báo cáo kết quả ${first}`,
      figures: [{ label: 'Đảng viên được kiểm tra', value: 12, unit: 'người' }],
    }), 201);
    assert.equal(reported.state, assignment.state, 'a period report does not move the assignment');
    assert.equal(reported.periods[0].state, 'reported');
    assert.equal(reported.reports[0].period, first);
    problem(await api.post(`/api/v1/assignments/${assignment.id}/reports`, {
      version: reported.version, period: first, text: 'Báo cáo lần hai',
    }), 409, 'directive_period_pending');
    const accepted = ok(await api.post(`/api/v1/assignments/${assignment.id}/accept`, {
      version: reported.version, period: first, comment: 'Đạt yêu cầu',
    }));
    assert.equal(accepted.periods[0].state, 'accepted');
    assert.equal(accepted.state, assignment.state);
    assert.equal(accepted.reports[0].review, 'accepted');
    problem(await api.post(`/api/v1/assignments/${assignment.id}/reports`, {
      version: accepted.version, period: first, text: 'Báo cáo thêm',
    }), 409, 'directive_period_accepted');
    // Reviewing a period without a pending report is refused.
    problem(await api.post(`/api/v1/assignments/${assignment.id}/return`, {
      version: accepted.version, period: assignment.periods[1].period, comment: 'Bổ sung',
    }), 409, 'directive_period_not_reported');
    assignment = accepted;
  });

  test('mark overdue flags the period reports past due once; the roll-up counts them', async () => {
    const today = daysFromToday(0);
    const pastDue = task.report_schedule.periods.filter((p) => p.period !== 'final' && p.due_on < today).length;
    const targets = 3; // the root's children: two committees and a base cell
    const marked = ok(await api.post('/api/v1/directives/mark-overdue', {}));
    assert.equal(marked.as_of, today);
    assert.equal(marked.period_reports, targets * pastDue - 1, 'all but the accepted one');
    assert.equal(ok(await api.post('/api/v1/directives/mark-overdue', {})).period_reports, 0, 'idempotent');
    const root = ok(await api.get(`/api/v1/directives/${directive.id}/rollup`));
    assert.equal(root.period_overdue, targets * pastDue - 1);
    const cell = ok(await api.get(`/api/v1/directives/${directive.id}/rollup?org=${tree.baseCell.id}`));
    assert.equal(cell.period_overdue, pastDue - 1);
    // Accepting a late period's report takes it out of the count.
    const second = assignment.periods[1].period;
    const reported = ok(await api.post(`/api/v1/assignments/${assignment.id}/reports`, {
      version: assignment.version, period: second, text: `Báo cáo ${second}`,
    }), 201);
    ok(await api.post(`/api/v1/assignments/${assignment.id}/accept`, { version: reported.version, period: second }));
    assert.equal(ok(await api.get(`/api/v1/directives/${directive.id}/rollup?org=${tree.baseCell.id}`)).period_overdue, pastDue - 2);
  });

  test('the reminders job escalates an overdue period report to the superior, each step once', async () => {
    const office = checked(await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.root.id })));
    const run = ok(await api.request('POST', '/api/v1/jobs/reminders/run'));
    assert.equal(run.failed, 0, JSON.stringify(run));
    assert.ok(run.steps > 0, JSON.stringify(run));
    const inbox = ok(await office.get('/api/v1/inbox?limit=100'));
    const periodic = inbox.items.filter((n) => /Báo cáo kỳ \d{4}-Q\d/.test(n.title));
    assert.ok(periodic.length > 0, JSON.stringify(inbox.items.map((n) => n.title)));
    assert.ok(periodic.every((n) => n.kind === 'escalation' && n.link === `/directives/${directive.id}`));
    assert.ok(periodic.some((n) => n.title.includes(tree.baseCell.name)));
    // The accepted periods of the base cell are not reminded.
    const done = assignment.periods.slice(0, 2).map((p) => p.period);
    assert.ok(!periodic.some((n) => n.title.includes(tree.baseCell.name) && done.some((k) => n.title.includes(`kỳ ${k}:`))));
    assert.equal(ok(await api.request('POST', '/api/v1/jobs/reminders/run')).steps, 0, 'nothing twice');
  });
  test('a final report due before the task: the assignment is due then, and overdue after it', async () => {
    const finalDue = daysFromToday(-3);
    const early = ok(await api.post('/api/v1/directives', {
      org_id: tree.root.id, kind: 'plan', title: 'Kế hoạch tổng kết sớm', issued_on: daysFromToday(-40),
      tasks: [{ title: 'Tổng kết', due_on: daysFromToday(100), report_schedule: { cadence: 'yearly', final_due_on: finalDue } }],
    }), 201);
    const [earlyTask] = early.tasks;
    assert.deepEqual(earlyTask.report_schedule.periods.map((p) => [p.period, p.due_on]), [['final', finalDue]]);
    // An explicit due date past the final report's is refused naming the field, nothing written.
    problem(await api.post(`/api/v1/directives/${early.id}/assignments`, {
      task_ids: [earlyTask.id], target: { mode: 'children' }, due_on: daysFromToday(10),
    }), 422, 'validation_failed', [['due_on', 'due_after_parent']]);
    assert.equal(ok(await api.get(`/api/v1/directives/${early.id}/rollup`)).org.counts.total, 0);
    ok(await api.post(`/api/v1/directives/${early.id}/assignments`, {
      task_ids: [earlyTask.id], target: { mode: 'children' },
    }), 201);
    const page = ok(await api.get(`/api/v1/orgs/${tree.baseCell.id}/assignments`));
    const item = page.items.find((a) => a.directive_id === early.id);
    assert.equal(item.due_on, finalDue);
    assert.ok(item.overdue, JSON.stringify(item));
    const marked = ok(await api.post('/api/v1/directives/mark-overdue', {}));
    assert.equal(marked.marked, 3, "the root's three children");
    assert.equal(ok(await api.get(`/api/v1/directives/${early.id}/rollup`)).org.counts.overdue, 3);
  });
});
