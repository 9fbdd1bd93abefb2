// The background jobs and the inbox (issue 13, follow-up): a server with the jobs on runs the
// test kind's countable steps (chibo serve --test-job-steps) once, each notifying the first
// user; the inbox lists, counts, marks read (only one's own); administrators see each kind's
// last run and may run one now; with --smtp-url the queued mail reaches a local SMTP sink
// started here (nothing leaves the machine). Every reply is checked against the OpenAPI
// document.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from './lib/server.mjs';
import { ok, problem } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

const doc = loadOpenApi();
const WAIT_MS = 60_000;  // bounds a wait for the job thread; the test asserts no speed
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(probe, what) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    assert.ok(Date.now() < deadline, `${what}: not within ${WAIT_MS} ms`);
    await sleep(50);
  }
}

/** GET/POST through `api`, checking the reply against the OpenAPI document. */
async function call(api, method, path, json) {
  const reply = method === 'GET' ? await api.get(path) : await api.post(path, json ?? {});
  assert.deepEqual(checkReply(doc, method, path, reply), [], `${method} ${path}: ${reply.text.slice(0, 300)}`);
  return reply;
}

const jobOf = (list, kind) => list.items.find((j) => j.kind === kind);

describe('jobs and the inbox', () => {
  let server;
  let admin;
  let other;
  before(async () => {
    server = await startServer({
      serveArgs: ['--jobs', 'on', '--jobs-interval-ms', '50', '--test-job-steps', '5', '--job-batch', '2'],
    });
    admin = server.admin;  // an administrator: the test kind notifies it
    other = await server.login(await server.addUser({ roles: ['leader'] }));
  });
  after(async () => { await server?.stop(); });

  test("the day's run does every step once and shows in GET /jobs", async () => {
    const list = await until(async () => {
      const body = ok(await call(admin, 'GET', '/api/v1/jobs'));
      const job = jobOf(body, 'test_count');
      return job && job.last_steps === 5 && job.status === 'idle' && job.last_finished_at ? body : null;
    }, 'the test kind finished');
    const job = jobOf(list, 'test_count');
    assert.equal(job.schedule, 'daily');
    assert.equal(job.attempts, 0);
    assert.equal(job.last_error, null);
    // The next run: tomorrow at midnight in Vietnam (the servers' fixed today, CHIBO_TEST_TODAY).
    assert.match(job.next_run_at, /T17:00:00\.000Z$/);
    for (const kind of ['reminders', 'overdue']) {
      assert.equal(jobOf(list, kind).status, 'idle', kind);
      assert.equal(jobOf(list, kind).enabled, true);
    }
    // No SMTP server: mail is off.
    assert.equal(jobOf(list, 'mail').status, 'disabled');
    assert.equal(jobOf(list, 'mail').enabled, false);
    const steps = await server.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'job.step'");
    assert.equal(steps.stdout.trim(), '5');
    const finished = await server.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'job.finish' AND details LIKE '%test_count%'");
    assert.equal(finished.stdout.trim(), '1');
  });

  test('the inbox lists, counts and marks only the own notifications', async () => {
    // The day's run may have been done before this administrator was added: run the test kind
    // again (another run of the day), which notifies the administrators there are now.
    const run = ok(await call(admin, 'POST', '/api/v1/jobs/test_count/run'));
    assert.equal(run.steps, 5);
    const page = ok(await call(admin, 'GET', '/api/v1/inbox'));
    assert.equal(page.total, 5);
    assert.equal(page.unread, 5);
    assert.equal(page.items.length, 5);
    assert.ok(page.items.every((n) => n.read_at === null && n.kind === 'info'));
    assert.deepEqual(ok(await call(admin, 'GET', '/api/v1/inbox/unread-count')), { unread: 5 });
    // Another user sees none of them and cannot mark them.
    assert.deepEqual(ok(await call(other, 'GET', '/api/v1/inbox')), { items: [], total: 0, unread: 0 });
    const first = page.items[0];
    problem(await call(other, 'POST', `/api/v1/inbox/${first.id}/read`), 404, 'not_found');

    const read = ok(await call(admin, 'POST', `/api/v1/inbox/${first.id}/read`));
    assert.equal(read.id, first.id);
    assert.ok(read.read_at);
    // Twice: the first reading stays.
    assert.equal(ok(await call(admin, 'POST', `/api/v1/inbox/${first.id}/read`)).read_at, read.read_at);
    assert.deepEqual(ok(await call(admin, 'GET', '/api/v1/inbox/unread-count')), { unread: 4 });
    const unreadFirst = ok(await call(admin, 'GET', '/api/v1/inbox'));
    assert.equal(unreadFirst.items.at(-1).id, first.id, 'the read one comes last');
    const newest = ok(await call(admin, 'GET', '/api/v1/inbox?order=newest&limit=2&offset=0'));
    assert.equal(newest.items.length, 2);
    assert.equal(newest.total, 5);
    const unreadOnly = ok(await call(admin, 'GET', '/api/v1/inbox?unread=true'));
    assert.equal(unreadOnly.total, 4);
    assert.ok(unreadOnly.items.every((n) => n.read_at === null));

    assert.deepEqual(ok(await call(admin, 'POST', '/api/v1/inbox/read-all')), { marked: 4, unread: 0 });
    assert.deepEqual(ok(await call(admin, 'POST', '/api/v1/inbox/read-all', {})), { marked: 0, unread: 0 });
    const audited = await server.sql("SELECT action FROM audit_events WHERE action LIKE 'notification.%' ORDER BY seq");
    assert.deepEqual(audited.stdout.trim().split('\n'), ['notification.read', 'notification.read_all']);
  });

  test('bad inputs are refused naming what is wrong, and nothing is written', async () => {
    problem(await call(admin, 'GET', '/api/v1/inbox?order=oldest'), 400, 'invalid_parameter', [['order', 'unknown_code']]);
    problem(await call(admin, 'GET', '/api/v1/inbox?limit=0'), 400, 'invalid_parameter', [['limit', null]]);
    problem(await call(admin, 'GET', '/api/v1/inbox?unread=maybe'), 400, 'invalid_parameter', [['unread', null]]);
    problem(await call(admin, 'GET', '/api/v1/inbox?colour=red'), 400, 'invalid_parameter', [['colour', null]]);
    problem(await call(admin, 'GET', '/api/v1/inbox/unread-count?x=1'), 400, 'invalid_parameter');
    problem(await admin.post('/api/v1/inbox/abc/read', {}), 404, 'not_found');
    problem(await call(admin, 'POST', '/api/v1/inbox/999999/read'), 404, 'not_found');
    const withField = await call(admin, 'POST', '/api/v1/inbox/read-all', { everything: true });
    assert.ok([400, 422].includes(withField.status), withField.text);
    problem(await call(admin, 'POST', '/api/v1/jobs/nothing/run'), 404, 'not_found');
    problem(await call(admin, 'POST', '/api/v1/jobs/mail/run'), 409, 'job_disabled');
    problem(await call(other, 'GET', '/api/v1/jobs'), 403, 'forbidden');
    problem(await call(other, 'POST', '/api/v1/jobs/reminders/run'), 403, 'forbidden');
    const runs = await server.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'job.run'");
    assert.equal(runs.stdout.trim(), '1', 'only the run of the inbox test');
  });

  test('an administrator runs a kind now; its done steps are not done again', async () => {
    const run = ok(await call(admin, 'POST', '/api/v1/jobs/overdue/run'));
    assert.equal(run.kind, 'overdue');
    assert.equal(run.failed, 0);
    assert.equal(run.job.kind, 'overdue');
    assert.equal(run.job.status, 'idle');
    const again = ok(await call(admin, 'POST', '/api/v1/jobs/test_count/run'));
    // Another run of the day: the test kind's steps are per run, so it does its five again.
    assert.equal(again.steps, 5);
    const runs = await server.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'job.run'");
    assert.equal(runs.stdout.trim(), '3');
    assert.equal(ok(await call(admin, 'GET', '/api/v1/inbox/unread-count')).unread, 5);
  });
});

/** A minimal SMTP sink on 127.0.0.1: accepts every mail and keeps it. */
function smtpSink() {
  const mails = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let mail = null;
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mail.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          mails.push(mail);
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') { mail = { from: line, to: [] }; socket.write('250 ok\r\n'); }
        else if (verb === 'RCPT') { mail.to.push(/<(.*)>/.exec(line)?.[1]); socket.write('250 ok\r\n'); }
        else if (verb === 'DATA') { inData = true; socket.write('354 go on\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 bye\r\n'); return; }
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: server.address().port, mails, close: () => new Promise((r) => server.close(r)),
  })));
}

describe('mail through a local SMTP sink', () => {
  let sink;
  let server;
  before(async () => {
    sink = await smtpSink();
    server = await startServer({
      serveArgs: ['--jobs', 'on', '--jobs-interval-ms', '50', '--test-job-steps', '3',
        '--test-job-mail', 'bithu@chibo.test', '--smtp-url', `smtp://127.0.0.1:${sink.port}`],
    });
  });
  after(async () => { await server?.stop(); await sink?.close(); });

  test('each queued mail arrives once, with its UTF-8 subject', async () => {
    await until(() => sink.mails.length >= 3, 'three mails at the sink');
    const list = await until(async () => {
      const body = ok(await call(server.admin, 'GET', '/api/v1/jobs'));
      return jobOf(body, 'mail').pending_steps === 0 ? body : null;
    }, 'no mail left to send');
    assert.equal(jobOf(list, 'mail').enabled, true);
    assert.equal(jobOf(list, 'mail').schedule, 'continuous');
    assert.equal(sink.mails.length, 3);
    for (const mail of sink.mails) {
      assert.deepEqual(mail.to, ['bithu@chibo.test']);
      const subject = /^Subject: =\?UTF-8\?B\?([^?]+)\?=/m.exec(mail.data);
      assert.ok(subject, mail.data);
      assert.match(Buffer.from(subject[1], 'base64').toString('utf8'), /^Bước kiểm thử [123]$/);
    }
    const sent = await server.sql('SELECT COUNT(*) FROM outgoing_mail WHERE sent_at IS NOT NULL');
    assert.equal(sent.stdout.trim(), '3');
  });
});

describe('the reminder ladder over the directives', () => {
  let server;
  let admin;
  let secretary;
  let office;
  let directive;
  const day = (n) => new Date(new Date(`${server.today}T00:00:00Z`).getTime() + n * 86400000).toISOString().slice(0, 10);
  before(async () => {
    // The jobs run only when asked (POST /jobs/{kind}/run), so that the test knows when.
    server = await startServer({ serveArgs: ['--jobs', 'off'] });
    admin = server.admin;
    const { buildTree } = await import('./lib/api.mjs');
    const tree = await buildTree(admin, 'Nhắc Việc');
    directive = ok(await admin.post('/api/v1/directives', {
      org_id: tree.root.id, kind: 'directive', title: 'Chỉ thị về nhắc việc', issued_on: day(-10),
      tasks: [
        { title: 'Xây dựng kế hoạch', due_on: day(7) },     // 7 days before its due date today
        { title: 'Báo cáo sơ kết', due_on: day(-7) },       // 7 days overdue: escalated today
        { title: 'Tổng kết', due_on: day(30) },             // nothing yet
      ],
    }), 201);
    ok(await admin.post(`/api/v1/directives/${directive.id}/assignments`, {
      task_ids: directive.tasks.map((t) => t.id), target: { mode: 'kind', kind: 'base_cell' },
    }), 201);
    secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.baseCell.id }));
    office = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.root.id }));
  });
  after(async () => { await server?.stop(); });

  test("reminds the responsible cell's users, escalates to the parent's, each step once", async () => {
    const run = ok(await call(admin, 'POST', '/api/v1/jobs/reminders/run'));
    assert.equal(run.failed, 0, JSON.stringify(run));
    assert.equal(run.steps, 2);
    const cell = ok(await call(secretary, 'GET', '/api/v1/inbox'));
    assert.equal(cell.total, 1);
    assert.equal(cell.items[0].kind, 'reminder');
    assert.match(cell.items[0].title, /^Sắp đến hạn: Xây dựng kế hoạch/);
    assert.equal(cell.items[0].link, `/directives/${directive.id}`);
    const parent = ok(await call(office, 'GET', '/api/v1/inbox'));
    assert.equal(parent.total, 1);
    assert.equal(parent.items[0].kind, 'escalation');
    assert.match(parent.items[0].title, /Báo cáo sơ kết/);
    // Again the same day: nothing twice.
    assert.equal(ok(await call(admin, 'POST', '/api/v1/jobs/reminders/run')).steps, 0);
    assert.equal(ok(await call(secretary, 'GET', '/api/v1/inbox/unread-count')).unread, 1);
    assert.equal(ok(await call(office, 'GET', '/api/v1/inbox/unread-count')).unread, 1);
  });

  test('the overdue job marks the assignment past its due date', async () => {
    const run = ok(await call(admin, 'POST', '/api/v1/jobs/overdue/run'));
    assert.equal(run.failed, 0, JSON.stringify(run));
    assert.equal(run.steps, 1);
    const marked = await server.sql("SELECT details FROM audit_events WHERE action = 'directive.mark_overdue'");
    assert.equal(marked.stdout.trim().split('\n').length, 1, marked.stdout);
    assert.match(marked.stdout, /"marked":1\b/);
    const overdue = ok(await admin.get(`/api/v1/assignments/overdue?org=${directive.org.id}`));
    assert.ok(overdue.items.some((a) => a.directive_id === directive.id && a.overdue));
  });
});
