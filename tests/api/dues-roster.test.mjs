// The dues roster honours join and leave dates (issue 14; rules/dues.toml dues.joining_day_cutoff,
// dues.leaving_day_cutoff): a member owes dues from the month they were admitted (or arrived from
// outside the tree by transfer) and up to the month they left; a cell's book lists a member from
// the month they joined the cell (admission, a transfer in) up to the month they left; the
// removal list does not count the months before joining. Today is CHIBO_TEST_TODAY (2026-11-16).
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { ok, buildTree, createMember, cccd } from './lib/api.mjs';
import { loadOpenApi, checkReply } from './lib/openapi.mjs';

let server;
let api;
let tree;
let doc;
const LETTER = { number: '7-GGT/ĐU', authority: 'Đảng ủy cơ sở' };
const SALARY = { valid_from: '2026-01', category: 'bhxh_salary', income: 5_000_000 };  // 50,000 a month

before(async () => {
  server = await startServer();
  api = server.admin;
  doc = loadOpenApi();
  tree = await buildTree(api, 'Danh Sách Đảng Phí');
});
after(async () => { await server?.stop(); });

async function checked(method, path, status, json) {
  const reply = method === 'GET' ? await api.get(path) : await api.post(path, json);
  assert.deepEqual(checkReply(doc, method, path, reply), [], `${method} ${path} matches the document`);
  return ok(reply, status);
}
const dues = (id) => checked('GET', `/api/v1/members/${id}/dues?from_month=2026-01&to_month=2026-11`, 200);
const basis = (id) => checked('POST', `/api/v1/members/${id}/dues/bases`, 201, SALARY);
const book = (org, month) => checked('GET', `/api/v1/orgs/${org}/dues/book?month=${month}`, 200);
const month = (d, iso) => d.months.find((x) => x.month === iso);
const listed = (b, id) => b.lines.some((l) => l.member_id === id);

/** A probationary member admitted on `admission` (a recent admission cannot be official yet). */
function admitted(org, name, admission) {
  return createMember(api, org, {
    full_name: name, status: 'probationary', admission_date: admission, ceremony_date: admission, official_date: null,
  });
}

describe('admission in the middle of the year', () => {
  test('a member admitted in June owes nothing for May, and is on June\'s book', async () => {
    const member = await admitted(tree.cellA.id, 'Vũ Thị Mới', '2026-06-20');
    const d = await basis(member.id);
    assert.equal(month(d, '2026-05').status, 'not_member');
    assert.equal(month(d, '2026-05').amount, 0);
    assert.equal(month(d, '2026-06').status, 'due');
    assert.equal(month(d, '2026-06').amount, 50_000);
    assert.equal(d.arrears, 5 * 50_000, 'June to October, not the months of the basis before joining');
    assert.equal(listed(await book(tree.cellA.id, '2026-05'), member.id), false);
    const june = await book(tree.cellA.id, '2026-06');
    const line = june.lines.find((l) => l.member_id === member.id);
    assert.equal(line.due.amount, 50_000);
    assert.equal(line.arrears, 50_000);
  });

  test('admitted on the last day of a month: that month is owed (the office\'s rule)', async () => {
    const member = await admitted(tree.cellA.id, 'Hồ Văn Cuối', '2026-08-31');
    const d = await basis(member.id);
    assert.equal(month(d, '2026-07').status, 'not_member');
    assert.equal(month(d, '2026-08').amount, 50_000);
    assert.equal(listed(await book(tree.cellA.id, '2026-08'), member.id), true);
  });

  test('the removal list counts only the months since joining', async () => {
    // Admitted in September with a basis from January: September and October unpaid (2 < 3).
    const recent = await admitted(tree.cellB.id, 'Lý Văn Gần', '2026-09-01');
    await basis(recent.id);
    // Admitted in June: June to October unpaid (5 >= 3), listed with those months only.
    const list = await checked('GET', `/api/v1/orgs/${tree.base.id}/dues/arrears?year=2026`, 200);
    assert.equal(list.items.some((i) => i.member_id === recent.id), false, 'two months since joining are not three');
    const june = list.items.find((i) => i.full_name === 'Vũ Thị Mới');
    assert.ok(june, 'the member admitted in June is on the list');
    assert.deepEqual(june.unpaid_months, ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
  });
});

describe('transfers', () => {
  test('a member transferred to another cell is on its book from the transfer month, and not on the old one\'s', async () => {
    const member = await createMember(api, tree.cellA.id, { full_name: 'Đinh Văn Chuyển' });
    await basis(member.id);
    ok(await api.post('/api/v1/transfers', {
      kind: 'official', direction: 'internal', member_id: member.id, to_org_id: tree.cellB.id,
      letter_date: '2026-09-08', letter: LETTER, on: '2026-09-10',
    }), 201);
    assert.equal(listed(await book(tree.cellB.id, '2026-08'), member.id), false, 'not in the new cell before the transfer');
    const september = await book(tree.cellB.id, '2026-09');
    assert.equal(september.lines.find((l) => l.member_id === member.id).due.amount, 50_000);
    assert.equal(listed(await book(tree.cellA.id, '2026-09'), member.id), false, 'not in the old cell any more');
    const d = await dues(member.id);
    assert.equal(month(d, '2026-08').amount, 50_000, 'still a member before the transfer: owed (in the old cell)');
  });

  test('a member arriving from outside the tree owes from the month of arrival', async () => {
    const arrived = ok(await api.post('/api/v1/transfers', {
      kind: 'official', direction: 'incoming', to_org_id: tree.cellB.id, external_org: 'Đảng bộ tỉnh Nghệ An',
      letter_date: '2026-09-07', letter: { number: '21-GGT/TU', authority: 'Tỉnh ủy Nghệ An' }, on: '2026-09-10',
      member: {
        full_name: 'Cao Thị Đến', sex: 'female', birth_date: '1985-04-04', ethnicity: '01', religion: 'none',
        citizen_id: cccd({ sex: 'female', birthYear: 1985 }), admission_date: '2010-03-02', ceremony_date: '2010-03-02',
        official_date: '2011-03-02', status: 'official',
      },
    }), 201);
    const d = await basis(arrived.member_id);
    assert.equal(month(d, '2026-08').status, 'not_member', 'August was owed to the organization she came from');
    assert.equal(month(d, '2026-09').amount, 50_000);
    assert.equal(listed(await book(tree.cellB.id, '2026-08'), arrived.member_id), false);
    assert.equal(listed(await book(tree.cellB.id, '2026-09'), arrived.member_id), true);
  });

  test('a member who left is on the book up to the month they left', async () => {
    const member = await createMember(api, tree.cellA.id, { full_name: 'Mai Văn Đi' });
    await basis(member.id);
    ok(await api.post('/api/v1/transfers', {
      kind: 'official', direction: 'outgoing', member_id: member.id, external_org: 'Đảng bộ tỉnh Cà Mau',
      letter_date: '2026-08-10', letter: LETTER, on: '2026-08-15',
    }), 201);
    const august = await book(tree.cellA.id, '2026-08');
    assert.equal(august.lines.find((l) => l.member_id === member.id)?.due.amount, 50_000);
    assert.equal(listed(await book(tree.cellA.id, '2026-09'), member.id), false);
    const d = await dues(member.id);
    assert.equal(month(d, '2026-09').status, 'not_member');
    assert.equal(d.arrears, 8 * 50_000, 'January to August');
  });
});
