// The member's discipline (personal history item 21) is the view of the member's decided
// discipline cases in force (issue 15): "Cảnh cáo — QĐ 12-QĐ/ĐU ngày 03/05/2026", newest first,
// a case annulled on appeal drops out. It is read-only: a PATCH or POST carrying it is refused
// with 422 naming the field, and nothing is written. Only discipline.read over the member shows
// it (the inspection committee, administrators), with the cases it lists; a cell secretary and the
// committee office never see it, in the detail or in the CSV export; every read that shows it is
// audited (member.read_discipline). Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, problem, buildTree, createMember } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let admin;
let tree;
let doc;
const m = {};
let warning;
let inspector;
let secretary;
let office;

async function decided(member, sanction, decidedOn, number, received) {
  let c = ok(await admin.post('/api/v1/discipline-cases', {
    member_id: member.id, breach_summary: 'Vi phạm quy định', breach_date: '2026-02-10', sanction, competent_level: 'Chi bộ A',
  }), 201);
  c = ok(await admin.post(`/api/v1/discipline-cases/${c.id}/vote`, { in_favour: 6, against: 2, abstain: 0, entitled: 8, voted_on: '2026-03-15', version: c.version }));
  const decision = { decided_on: decidedOn, decision_number: number, version: c.version };
  if (received) decision.received_on = received;
  return ok(await admin.post(`/api/v1/discipline-cases/${c.id}/decide`, decision));
}

async function detail(client, member) {
  const reply = await client.get(`/api/v1/members/${member.id}`);
  assert.deepEqual(checkReply(doc, 'GET', `/api/v1/members/${member.id}`, reply), [], 'the reply matches the document');
  return ok(reply);
}

const reads = async (member) =>
  ok(await admin.get(`/api/v1/audit?action=member.read_discipline&object_type=member&object_id=${member.id}`)).items;

before(async () => {
  server = await startServer();
  admin = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(admin, 'Xem Kỷ Luật');
  m.warned = await createMember(admin, tree.cellA.id, { full_name: 'Đỗ Văn Cảnh' });
  m.annulled = await createMember(admin, tree.cellA.id, { full_name: 'Đỗ Thị Hủy' });
  m.clean = await createMember(admin, tree.cellA.id, { full_name: 'Đỗ Văn Sạch' });
  warning = await decided(m.warned, 'warning', '2026-05-03', '12-QĐ/ĐU');
  await decided(m.warned, 'reprimand', '2026-04-01', '3-QĐ/CB');
  // A reprimand annulled on appeal is no longer in force.
  let c = await decided(m.annulled, 'reprimand', '2026-11-10', '20-QĐ/CB', '2026-11-11');
  c = ok(await admin.post(`/api/v1/discipline-cases/${c.id}/appeal`, { received_on: '2026-11-12', version: c.version }));
  ok(await admin.post(`/api/v1/discipline-cases/${c.id}/appeal`, { decided_on: '2026-11-13', outcome: 'annulled', version: c.version }));
  inspector = await server.login(await server.addUser({ roles: ['inspection'], scope: tree.base.id }));
  secretary = await server.login(await server.addUser({ roles: ['cell_secretary'], scope: tree.cellA.id }));
  office = await server.login(await server.addUser({ roles: ['office_staff'], scope: tree.root.id }));
});
after(async () => { await server?.stop(); });

describe('the derived discipline', () => {
  test('the inspection committee reads the decided cases in force, newest first, each a link to its case', async () => {
    const before = (await reads(m.warned)).length;
    const seen = await detail(inspector, m.warned);
    assert.equal(seen.discipline,
      'Cảnh cáo — QĐ 12-QĐ/ĐU ngày 03/05/2026; Khiển trách — QĐ 3-QĐ/CB ngày 01/04/2026');
    assert.equal(seen.discipline_cases.length, 2);
    assert.deepEqual(seen.discipline_cases[0], {
      case_id: warning.id, sanction: 'warning', decided_on: '2026-05-03', decision_number: '12-QĐ/ĐU',
      competent_level: 'Chi bộ A', appeal_outcome: null, text: 'Cảnh cáo — QĐ 12-QĐ/ĐU ngày 03/05/2026',
    });
    assert.equal(seen.discipline_legacy, null);
    // The read is audited as a discipline read: which cases, not what they say.
    const after = await reads(m.warned);
    assert.equal(after.length, before + 1);
    assert.equal(after[0].record_class, 'restricted');
    assert.deepEqual([...after[0].details.cases].sort(), seen.discipline_cases.map((s) => s.case_id).sort());
    assert.ok(!JSON.stringify(after[0]).includes('Cảnh cáo'));
  });

  test('a case annulled on appeal is not in force; a member without cases has none', async () => {
    const annulled = await detail(admin, m.annulled);
    assert.equal(annulled.discipline, null);
    assert.deepEqual(annulled.discipline_cases, []);
    const clean = await detail(inspector, m.clean);
    assert.equal(clean.discipline, null);
    assert.deepEqual(clean.discipline_cases, []);
  });

  test('a cell secretary and the committee office (no discipline.read) never see it', async () => {
    for (const client of [secretary, office]) {
      const reply = await client.get(`/api/v1/members/${m.warned.id}`);
      const body = ok(reply);
      assert.equal(body.full_name, 'Đỗ Văn Cảnh');
      for (const key of ['discipline', 'discipline_cases', 'discipline_legacy']) assert.ok(!(key in body), key);
      assert.ok(!reply.text.includes('Cảnh cáo') && !reply.text.includes('12-QĐ/ĐU'));
      const csv = await client.get(`/api/v1/members.csv?org=${tree.cellA.id}&labels=false`);
      assert.equal(csv.status, 200);
      assert.ok(!csv.text.split('\n')[0].includes('discipline'), 'no discipline column');
      assert.ok(!csv.text.includes('12-QĐ/ĐU'));
    }
  });

  test('the CSV export carries the derived text for discipline.read', async () => {
    const csv = await inspector.get(`/api/v1/members.csv?org=${tree.cellA.id}&labels=false`);
    assert.equal(csv.status, 200);
    assert.ok(csv.text.split('\n')[0].includes('discipline'));
    assert.ok(csv.text.includes('Cảnh cáo — QĐ 12-QĐ/ĐU ngày 03/05/2026; Khiển trách — QĐ 3-QĐ/CB ngày 01/04/2026'));
    assert.ok(!csv.text.includes('20-QĐ/CB'), 'the annulled case is not in force');
  });
});

describe('the field is read-only', () => {
  test('PATCH of discipline is refused, naming the field and the way to record it; nothing is written', async () => {
    for (const client of [admin, inspector, secretary]) {
      const current = await detail(admin, m.warned);
      const refused = problem(await client.patch(`/api/v1/members/${m.warned.id}`, {
        version: current.version, discipline: 'Khiển trách 2020', phone: '0912000333',
      }), 422, 'validation_failed', [['discipline', 'discipline_member_field_by_case']]);
      assert.match(refused.errors[0].message, /^Kỷ luật: .*hồ sơ kỷ luật/);
      const after = await detail(admin, m.warned);
      assert.equal(after.version, current.version);
      assert.equal(after.phone, current.phone, 'nothing written');
      assert.equal(after.discipline, current.discipline);
    }
    const english = problem(await admin.patch(`/api/v1/members/${m.warned.id}`, { version: 1, discipline: '' }, { headers: { 'accept-language': 'en' } }),
      422, 'validation_failed', [['discipline', 'discipline_member_field_by_case']]);
    assert.match(english.errors[0].message, /recorded through a discipline case/);
  });

  test('a new member with discipline is refused too', async () => {
    const reply = await admin.post('/api/v1/members', {
      full_name: 'Lê Văn Mới', sex: 'male', birth_date: '1990-01-01', ethnicity: '01', religion: 'none',
      citizen_id: '001090004321', admission_date: '2015-01-01', org_id: tree.cellA.id, status: 'official', discipline: 'Khiển trách',
    });
    problem(reply, 422, 'validation_failed', [['discipline', 'discipline_member_field_by_case']]);
    const found = ok(await admin.get(`/api/v1/members?q=${encodeURIComponent('Lê Văn Mới')}`));
    assert.equal(found.items.length, 0);
  });
});

