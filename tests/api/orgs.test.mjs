// The organization tree on a tree built by the test: create, read, roots and children with
// counts, search, rename, move a subtree, dissolve, merge, statistics and structural warnings.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  client, ok, problem, buildTree, createOrg, createMember, counts, getOrg, listMembers,
  allMembers, cccd, iso, serverToday,
} from './lib/api.mjs';

let server;
let api;
let tree;
const today = iso(serverToday());

before(async () => {
  server = await startServer({ data: 'empty' });
  api = client(server.base);
  tree = await buildTree(api, 'Kiểm thử');
});
after(async () => { await server?.stop(); });

const ids = (items) => items.map((x) => x.id).sort((a, b) => a - b);

describe('POST /api/v1/orgs', () => {
  test('creates a root with every field, 201 and Location', async () => {
    const reply = await api.post('/api/v1/orgs', {
      kind: 'committee_central', name: '  Đảng bộ   Khối Doanh nghiệp Trung ương ', short_name: 'ĐB Khối DN',
      code: 'KDN-01', established_on: '2007-04-11',
    });
    const org = ok(reply, 201);
    assert.equal(reply.headers.get('location'), `/api/v1/orgs/${org.id}`);
    assert.equal(org.name, 'Đảng bộ Khối Doanh nghiệp Trung ương', 'trimmed, single spaces');
    assert.equal(org.parent_id, null);
    assert.equal(org.path, `/${org.id}/`);
    assert.equal(org.depth, 1);
    assert.equal(org.kind, 'committee_central');
    assert.equal(org.kind_name, 'Đảng bộ trực thuộc Trung ương');
    assert.equal(org.holds_members, false);
    assert.equal(org.short_name, 'ĐB Khối DN');
    assert.equal(org.code, 'KDN-01');
    assert.equal(org.established_on, '2007-04-11');
    assert.equal(org.dissolved_on, null);
    assert.equal(org.status, 'active');
    assert.equal(org.merged_into, null);
    assert.equal(org.version, 1);
    assert.equal(org.child_count, 0);
    assert.deepEqual(org.counts, { official: 0, probationary: 0, on_roll: 0, total: 0 });
    assert.match(org.created_at, /^\d{4}-\d{2}-\d{2}T/);
    const few = org.warnings.find((w) => w.code === 'few_official_members');
    assert.ok(few, 'fewer than 3 official members is a warning');
    assert.equal(few.rule, 'org.min_official_members');
    assert.equal(few.threshold, 3);
    assert.equal(few.actual, 0);
    assert.ok(few.source.length > 0);
  });

  test('children get their parent path and depth', async () => {
    const { root, above, base, cellA } = tree;
    assert.equal(above.parent_id, root.id);
    assert.equal(above.path, `/${root.id}/${above.id}/`);
    assert.equal(cellA.path, `/${root.id}/${above.id}/${base.id}/${cellA.id}/`);
    assert.equal(cellA.depth, 4);
    assert.equal(cellA.holds_members, true);
    assert.equal(cellA.kind_name, 'Chi bộ trực thuộc');
    assert.equal(base.holds_members, false);
    assert.deepEqual(base.warnings.map((w) => w.code).sort(), ['base_committee_too_small', 'few_official_members']);
    assert.deepEqual(tree.baseCell.warnings.map((w) => w.code), ['few_official_members']);
  });

  test('placement follows the kinds: wrong parent, missing parent, unknown parent or kind', async () => {
    const before = ok(await api.get('/api/v1/orgs')).items.length;
    problem(await api.post('/api/v1/orgs', { kind: 'cell', name: 'Chi bộ lạc chỗ', parent_id: tree.root.id }),
      422, 'validation_failed', [['parent_id', 'kind_not_allowed_under']]);
    problem(await api.post('/api/v1/orgs', { kind: 'cell', name: 'Chi bộ mồ côi' }),
      422, 'validation_failed', [['parent_id', 'parent_required']]);
    problem(await api.post('/api/v1/orgs', { kind: 'cell', name: 'Chi bộ ma', parent_id: 999999 }),
      422, 'validation_failed', [['parent_id', 'org_not_found']]);
    problem(await api.post('/api/v1/orgs', { kind: 'ban_chap_hanh', name: 'Lạ', parent_id: tree.root.id }),
      422, 'validation_failed', [['kind', 'unknown_code']]);
    problem(await api.post('/api/v1/orgs', { name: 'Không loại' }),
      422, 'validation_failed', [['kind', 'required']]);
    problem(await api.post('/api/v1/orgs', { kind: 'committee_central' }),
      422, 'validation_failed', [['name', 'required']]);
    problem(await api.post('/api/v1/orgs', { kind: 'committee_central', name: 'Mã sai', code: 'mã có dấu' }),
      422, 'validation_failed', [['code', 'code_charset']]);
    problem(await api.post('/api/v1/orgs', { kind: 'committee_central', name: 'Tương lai', established_on: '2999-01-01' }),
      422, 'validation_failed', [['established_on', 'date_in_future']]);
    problem(await api.post('/api/v1/orgs', { kind: 'committee_central', name: 'Ngày sai', established_on: '2024-02-30' }),
      422, 'validation_failed', [['established_on', 'invalid_date']]);
    assert.equal(ok(await api.get('/api/v1/orgs')).items.length, before, 'nothing was created');
    assert.equal((await getOrg(api, tree.root.id)).child_count, 3);
  });

  test('a duplicate code is a 409 naming code', async () => {
    const reply = await api.post('/api/v1/orgs', { kind: 'committee_above_base', name: 'Trùng mã', parent_id: tree.root.id, code: tree.root.code });
    problem(reply, 409, 'duplicate_org_code', [['code', 'duplicate']]);
    assert.equal((await getOrg(api, tree.root.id)).child_count, 3);
  });
});

describe('GET /api/v1/orgs, ?parent=, /{id}, /{id}/children', () => {
  test('roots are the organizations without a parent', async () => {
    const body = ok(await api.get('/api/v1/orgs'));
    assert.ok(body.items.some((o) => o.id === tree.root.id));
    assert.ok(body.items.every((o) => o.parent_id === null && o.depth === 1));
  });

  test('?parent= and /children list the direct children with their counts', async () => {
    const byQuery = ok(await api.get(`/api/v1/orgs?parent=${tree.root.id}`));
    const byPath = ok(await api.get(`/api/v1/orgs/${tree.root.id}/children`));
    assert.deepEqual(ids(byQuery.items), ids([tree.above, tree.above2, tree.baseCell]));
    assert.deepEqual(byPath, byQuery);
    for (const child of byQuery.items) {
      assert.equal(child.parent_id, tree.root.id);
      assert.deepEqual(Object.keys(child.counts).sort(), ['official', 'on_roll', 'probationary', 'total']);
    }
    const above = byQuery.items.find((o) => o.id === tree.above.id);
    assert.equal(above.child_count, 1);
    assert.deepEqual(ok(await api.get(`/api/v1/orgs/${tree.cellA.id}/children`)).items, []);
  });

  test('one organization with its ancestors, root first, and an ETag', async () => {
    const reply = await api.get(`/api/v1/orgs/${tree.cellA.id}`);
    const org = ok(reply);
    assert.equal(reply.headers.get('etag'), `"v${org.version}"`);
    assert.equal(org.id, tree.cellA.id);
    assert.equal(org.name, tree.cellA.name);
    assert.deepEqual(org.ancestors.map((a) => a.id), [tree.root.id, tree.above.id, tree.base.id]);
    assert.deepEqual(org.ancestors[0], {
      id: tree.root.id, name: tree.root.name, short_name: tree.root.short_name, kind: 'committee_central', status: 'active',
    });
    assert.deepEqual((await getOrg(api, tree.root.id)).ancestors, []);
  });

  test('an unknown organization is 404 everywhere', async () => {
    problem(await api.get('/api/v1/orgs/999999'), 404, 'not_found');
    problem(await api.get('/api/v1/orgs/999999/children'), 404, 'not_found');
    problem(await api.get('/api/v1/orgs?parent=999999'), 404, 'not_found');
    problem(await api.get('/api/v1/orgs/999999/stats'), 404, 'not_found');
  });
});

describe('GET /api/v1/orgs/search', () => {
  test('finds organizations by name without diacritics or case', async () => {
    const body = ok(await api.get(`/api/v1/orgs/search?q=${encodeURIComponent('KIEM THU')}`));
    const found = ids(body.items);
    for (const org of Object.values(tree)) assert.ok(found.includes(org.id), org.name);
    const one = ok(await api.get(`/api/v1/orgs/search?q=${encodeURIComponent('phòng kiểm thử a')}`));
    // every word must begin a word of the name: "a" matches "... A", not "Văn" or "... B"
    assert.ok(one.items.some((o) => o.id === tree.cellA.id));
    assert.ok(!one.items.some((o) => o.id === tree.cellB.id));
    assert.deepEqual(Object.keys(one.items[0].counts).sort(), ['official', 'on_roll', 'probationary', 'total']);
  });

  test('limit caps the results; the shallowest come first', async () => {
    const body = ok(await api.get(`/api/v1/orgs/search?q=${encodeURIComponent('kiem thu')}&limit=2`));
    assert.equal(body.items.length, 2);
    assert.equal(body.items[0].id, tree.root.id);
  });

  test('an empty or unmatched query gives no items', async () => {
    assert.deepEqual(ok(await api.get('/api/v1/orgs/search?q=')).items, []);
    assert.deepEqual(ok(await api.get('/api/v1/orgs/search')).items, []);
    assert.deepEqual(ok(await api.get('/api/v1/orgs/search?q=zzqqxx')).items, []);
  });

  test('each result names its ancestors, root first, to tell apart namesakes', async () => {
    const body = ok(await api.get(`/api/v1/orgs/search?q=${encodeURIComponent('phòng kiểm thử a')}`));
    const cell = body.items.find((o) => o.id === tree.cellA.id);
    assert.ok(cell, 'cell A found');
    const chain = cell.ancestors.map((a) => a.id);
    assert.equal(chain[0], tree.root.id);
    assert.ok(!chain.includes(cell.id));
    assert.equal(chain.length, cell.depth - 1);
  });

  test('kind= and holds_members= narrow the results', async () => {
    const q = encodeURIComponent('kiem thu');
    const cells = ok(await api.get(`/api/v1/orgs/search?q=${q}&holds_members=true`)).items;
    assert.ok(cells.length > 0);
    for (const org of cells) assert.equal(org.holds_members, true, org.name);
    const committees = ok(await api.get(`/api/v1/orgs/search?q=${q}&holds_members=false`)).items;
    for (const org of committees) assert.equal(org.holds_members, false, org.name);
    assert.equal(cells.length + committees.length, ok(await api.get(`/api/v1/orgs/search?q=${q}`)).items.length);
    const roots = ok(await api.get(`/api/v1/orgs/search?q=${q}&kind=committee_central`)).items;
    assert.deepEqual(roots.map((o) => o.id), [tree.root.id]);
    problem(await api.get(`/api/v1/orgs/search?q=${q}&kind=nope`), 400, 'invalid_parameter', [['kind', 'unknown_code']]);
  });

  test('bad parameters are 400', async () => {
    problem(await api.get('/api/v1/orgs/search?q=a&limit=0'), 400, 'invalid_parameter', [['limit', 'out_of_range']]);
    problem(await api.get('/api/v1/orgs/search?q=a&limit=x'), 400, 'invalid_parameter', [['limit', 'wrong_type']]);
    problem(await api.get('/api/v1/orgs/search?q=a&page=2'), 400, 'invalid_parameter', [['page', 'unknown_parameter']]);
  });
});

describe('PATCH /api/v1/orgs/{id} (rename)', () => {
  test('with the current version: renames, bumps the version, keeps the path', async () => {
    const org = await createOrg(api, { kind: 'cell', name: 'Chi bộ Tên Cũ', parent_id: tree.base.id });
    const m = await createMember(api, org.id, { full_name: 'Tô Văn Tên', birth_date: '1979-01-01', citizen_id: cccd({ birthYear: 1979 }) });
    const renamed = ok(await api.patch(`/api/v1/orgs/${org.id}`, { version: 1, name: 'Chi bộ Tên Mới', short_name: 'CB Mới', code: 'CBM-1' }));
    assert.equal(renamed.name, 'Chi bộ Tên Mới');
    assert.equal(renamed.short_name, 'CB Mới');
    assert.equal(renamed.code, 'CBM-1');
    assert.equal(renamed.version, 2);
    assert.equal(renamed.path, org.path);
    assert.equal(renamed.counts.official, 1);
    assert.equal((await getOrg(api, org.id)).name, 'Chi bộ Tên Mới');
    const member = ok(await api.get(`/api/v1/members/${m.id}`));
    assert.equal(member.org_name, 'Chi bộ Tên Mới');
    assert.equal(member.org.name, 'Chi bộ Tên Mới');
    const found = ok(await api.get(`/api/v1/orgs/search?q=${encodeURIComponent('ten moi')}`));
    assert.deepEqual(found.items.map((o) => o.id), [org.id]);
    assert.deepEqual(ok(await api.get(`/api/v1/orgs/search?q=${encodeURIComponent('chi bo ten cu')}`)).items, []);
  });

  test('with a stale version: 409 and nothing changes', async () => {
    const org = await createOrg(api, { kind: 'cell', name: 'Chi bộ Giữ Tên', parent_id: tree.base.id });
    ok(await api.patch(`/api/v1/orgs/${org.id}`, { version: 1, short_name: 'Giữ' }));
    problem(await api.patch(`/api/v1/orgs/${org.id}`, { version: 1, name: 'Chi bộ Đổi Tên' }), 409, 'version_conflict');
    const reread = await getOrg(api, org.id);
    assert.equal(reread.name, 'Chi bộ Giữ Tên');
    assert.equal(reread.version, 2);
  });

  test('bad renames: no version, empty name, too long, unknown field, duplicate code', async () => {
    const org = await createOrg(api, { kind: 'cell', name: 'Chi bộ Bền Tên', parent_id: tree.base.id });
    problem(await api.patch(`/api/v1/orgs/${org.id}`, { name: 'X' }), 422, 'validation_failed', [['version', 'required']]);
    problem(await api.patch(`/api/v1/orgs/${org.id}`, { version: 1, name: '   ' }), 422, 'validation_failed', [['name', 'required']]);
    problem(await api.patch(`/api/v1/orgs/${org.id}`, { version: 1, name: 'Đ'.repeat(256) }), 422, 'validation_failed', [['name', 'too_long']]);
    problem(await api.patch(`/api/v1/orgs/${org.id}`, { version: 1, name: 'X', parent_id: tree.root.id }), 422, 'validation_failed', [['parent_id', 'unknown_field']]);
    problem(await api.patch(`/api/v1/orgs/${org.id}`, { version: 1, code: tree.root.code }), 409, 'duplicate_org_code', [['code', 'duplicate']]);
    const reread = await getOrg(api, org.id);
    assert.equal(reread.name, 'Chi bộ Bền Tên');
    assert.equal(reread.code, null);
    assert.equal(reread.version, 1);
    problem(await api.patch('/api/v1/orgs/999999', { version: 1, name: 'X' }), 404, 'not_found');
  });

  test('a 255-character name is accepted (characters, not bytes)', async () => {
    const org = await createOrg(api, { kind: 'cell', name: 'Chi bộ Dài', parent_id: tree.base.id });
    const long = 'Đ'.repeat(255);
    assert.equal(ok(await api.patch(`/api/v1/orgs/${org.id}`, { version: 1, name: long })).name, long);
  });

  test('a kind change that no longer fits the children is refused', async () => {
    problem(await api.patch(`/api/v1/orgs/${tree.base.id}`, { version: tree.base.version, kind: 'committee_above_base' }),
      422, 'validation_failed', [['kind', 'kind_conflicts_with_children']]);
    assert.equal((await getOrg(api, tree.base.id)).kind, 'base_committee');
  });
});

describe('POST /api/v1/orgs/{id}/move', () => {
  let cellA;
  let cellB;
  let members;
  let unitA;
  let unitB;
  let from;
  let to;

  before(async () => {
    // root ─ from ─ unit(base_committee) ─ cellA, cellB (with members); root ─ to
    const root = tree.root;
    from = await createOrg(api, { kind: 'committee_above_base', name: 'Đảng bộ Nơi Đi', parent_id: root.id });
    to = await createOrg(api, { kind: 'committee_above_base', name: 'Đảng bộ Nơi Đến', parent_id: root.id });
    unitA = await createOrg(api, { kind: 'base_committee', name: 'Đảng bộ Cơ sở Lưu Động', parent_id: from.id });
    unitB = unitA;
    cellA = await createOrg(api, { kind: 'cell', name: 'Chi bộ Lưu Động Một', parent_id: unitA.id });
    cellB = await createOrg(api, { kind: 'cell', name: 'Chi bộ Lưu Động Hai', parent_id: unitA.id });
    members = [];
    for (const [i, org] of [cellA, cellA, cellA, cellB].entries()) {
      members.push(await createMember(api, org.id, {
        full_name: `Lưu Văn Động ${['Một', 'Hai', 'Ba', 'Bốn'][i]}`, birth_date: `197${i}-02-02`,
        citizen_id: cccd({ birthYear: 1970 + i }),
      }));
    }
    members.push(await createMember(api, cellB.id, {
      full_name: 'Lưu Thị Dự Bị', sex: 'female', birth_date: '1996-02-02', admission_date: '2025-02-02',
      citizen_id: cccd({ sex: 'female', birthYear: 1996 }), status: 'probationary',
    }));
  });

  test('moves a subtree: descendants\' paths follow and member counts move between ancestors', async () => {
    const rootBefore = await counts(api, tree.root.id);
    assert.deepEqual(await counts(api, from.id), { official: 4, probationary: 1, on_roll: 5, total: 5 });
    const reply = await api.post(`/api/v1/orgs/${unitB.id}/move`, { parent_id: to.id, version: unitB.version });
    const moved = ok(reply);
    assert.equal(moved.parent_id, to.id);
    assert.equal(moved.path, `/${tree.root.id}/${to.id}/${unitB.id}/`);
    assert.equal(moved.depth, 3);
    assert.equal(moved.version, unitB.version + 1);
    assert.deepEqual(moved.counts, { official: 4, probationary: 1, on_roll: 5, total: 5 });

    const a = await getOrg(api, cellA.id);
    assert.equal(a.path, `/${tree.root.id}/${to.id}/${unitB.id}/${cellA.id}/`);
    assert.deepEqual(a.ancestors.map((x) => x.id), [tree.root.id, to.id, unitB.id]);
    assert.equal((await getOrg(api, cellB.id)).path, `/${tree.root.id}/${to.id}/${unitB.id}/${cellB.id}/`);

    assert.deepEqual(await counts(api, from.id), { official: 0, probationary: 0, on_roll: 0, total: 0 });
    assert.deepEqual(await counts(api, to.id), { official: 4, probationary: 1, on_roll: 5, total: 5 });
    assert.deepEqual(await counts(api, tree.root.id), rootBefore);
    assert.equal((await getOrg(api, from.id)).child_count, 0);
    assert.equal((await getOrg(api, to.id)).child_count, 1);
  });

  test('after a move the subtree filter and the search follow the new place', async () => {
    assert.deepEqual(ids(await allMembers(api, { org: to.id })), ids(members));
    assert.equal((await listMembers(api, { org: from.id })).total, 0);
    const found = await listMembers(api, { org: to.id, q: 'luu van dong' });
    assert.deepEqual(ids(found.items), ids(members.slice(0, 4)));
    assert.equal((await listMembers(api, { org: from.id, q: 'luu van dong' })).total, 0);
    const stats = ok(await api.get(`/api/v1/orgs/${to.id}/stats`));
    assert.equal(stats.breakdowns.status.reduce((sum, v) => sum + v.count, 0), 5);
  });

  test('a member\'s record is unchanged by the move (same org, same version)', async () => {
    const m = ok(await api.get(`/api/v1/members/${members[0].id}`));
    assert.equal(m.org_id, cellA.id);
    assert.equal(m.version, members[0].version);
  });

  test('refused moves change nothing', async () => {
    const unit = await getOrg(api, unitB.id);
    problem(await api.post(`/api/v1/orgs/${to.id}/move`, { parent_id: cellA.id }),
      422, 'validation_failed', [['parent_id', 'move_into_own_subtree']]);
    problem(await api.post(`/api/v1/orgs/${unitB.id}/move`, { parent_id: unitB.id }),
      422, 'validation_failed', [['parent_id', 'move_into_own_subtree']]);
    problem(await api.post(`/api/v1/orgs/${unitB.id}/move`, { parent_id: to.id }),
      422, 'validation_failed', [['parent_id', 'move_same_parent']]);
    problem(await api.post(`/api/v1/orgs/${cellA.id}/move`, { parent_id: tree.root.id }),
      422, 'validation_failed', [['parent_id', 'kind_not_allowed_under']]);
    problem(await api.post(`/api/v1/orgs/${unitB.id}/move`, { parent_id: 999999 }),
      422, 'validation_failed', [['parent_id', 'org_not_found']]);
    problem(await api.post(`/api/v1/orgs/${unitB.id}/move`, {}),
      422, 'validation_failed', [['parent_id', 'required']]);
    problem(await api.post(`/api/v1/orgs/${unitB.id}/move`, { parent_id: from.id, version: unit.version - 1 }),
      409, 'version_conflict');
    problem(await api.post('/api/v1/orgs/999999/move', { parent_id: from.id }), 404, 'not_found');
    const after = await getOrg(api, unitB.id);
    assert.equal(after.parent_id, to.id);
    assert.equal(after.path, unit.path);
    assert.equal(after.version, unit.version);
    assert.deepEqual(await counts(api, to.id), { official: 4, probationary: 1, on_roll: 5, total: 5 });
  });

  test('moving back without a version works too', async () => {
    const back = ok(await api.post(`/api/v1/orgs/${unitB.id}/move`, { parent_id: from.id }));
    assert.equal(back.path, `/${tree.root.id}/${from.id}/${unitB.id}/`);
    assert.deepEqual(await counts(api, from.id), { official: 4, probationary: 1, on_roll: 5, total: 5 });
    assert.deepEqual(await counts(api, to.id), { official: 0, probationary: 0, on_roll: 0, total: 0 });
    assert.deepEqual(ids(await allMembers(api, { org: from.id })), ids(members));
  });
});

describe('POST /api/v1/orgs/{id}/dissolve', () => {
  let unit;
  let full;
  let empty;
  let people;

  before(async () => {
    unit = await createOrg(api, { kind: 'base_committee', name: 'Đảng bộ Giải Thể', parent_id: tree.above2.id, established_on: '2010-01-01' });
    full = await createOrg(api, { kind: 'cell', name: 'Chi bộ Còn Người', parent_id: unit.id });
    empty = await createOrg(api, { kind: 'cell', name: 'Chi bộ Trống', parent_id: unit.id, established_on: '2012-01-01' });
    people = [];
    for (const [i, name] of ['Vi Văn Ở', 'Vi Thị Lại'].entries()) {
      const sex = i === 1 ? 'female' : 'male';
      people.push(await createMember(api, full.id, { full_name: name, sex, birth_date: '1977-07-07', citizen_id: cccd({ sex, birthYear: 1977 }) }));
    }
  });

  test('refused with 409 org_has_active_members listing them while members are on the roll', async () => {
    const before = await getOrg(api, full.id);
    const body = problem(await api.post(`/api/v1/orgs/${full.id}/dissolve`, {}), 409, 'org_has_active_members');
    assert.ok(Array.isArray(body.items));
    assert.deepEqual(ids(body.items), ids(people));
    assert.deepEqual(body.items.map((i) => i.label).sort(), ['Vi Thị Lại', 'Vi Văn Ở']);
    assert.match(body.title, /2/);
    const after = await getOrg(api, full.id);
    assert.equal(after.status, 'active');
    assert.equal(after.version, before.version);
    assert.deepEqual(after.counts, before.counts);
  });

  test('a parent whose subtree holds members is refused as well', async () => {
    const body = problem(await api.post(`/api/v1/orgs/${unit.id}/dissolve`, {}), 409, 'org_has_active_members');
    assert.deepEqual(ids(body.items), ids(people));
    assert.equal((await getOrg(api, empty.id)).status, 'active', 'nothing below was closed');
    assert.equal((await getOrg(api, unit.id)).status, 'active');
  });

  test('English message for the refusal', async () => {
    const body = problem(await api.post(`/api/v1/orgs/${full.id}/dissolve`, {}, { lang: 'en' }), 409, 'org_has_active_members');
    assert.equal(body.title, 'Cannot dissolve: 2 members are still on the roll');
  });

  test('bad dates are refused', async () => {
    problem(await api.post(`/api/v1/orgs/${empty.id}/dissolve`, { dissolved_on: '2024-02-30' }),
      422, 'validation_failed', [['dissolved_on', 'invalid_date']]);
    problem(await api.post(`/api/v1/orgs/${empty.id}/dissolve`, { dissolved_on: '2999-01-01' }),
      422, 'validation_failed', [['dissolved_on', 'date_in_future']]);
    problem(await api.post(`/api/v1/orgs/${empty.id}/dissolve`, { dissolved_on: '2011-06-30' }),
      422, 'validation_failed', [['dissolved_on', 'date_before_established']]);
    problem(await api.post(`/api/v1/orgs/${empty.id}/dissolve`, { reason: 'x' }),
      422, 'validation_failed', [['reason', 'unknown_field']]);
    problem(await api.post('/api/v1/orgs/999999/dissolve', {}), 404, 'not_found');
    assert.equal((await getOrg(api, empty.id)).status, 'active');
  });

  test('accepted on an empty organization: status dissolved, date kept, hidden from children', async () => {
    const parentBefore = await getOrg(api, unit.id);
    const body = ok(await api.post(`/api/v1/orgs/${empty.id}/dissolve`, { dissolved_on: '2024-06-30' }));
    assert.equal(body.status, 'dissolved');
    assert.equal(body.dissolved_on, '2024-06-30');
    assert.deepEqual(body.warnings, [], 'a dissolved organization carries no structural warnings');
    assert.equal(body.version, empty.version + 1);
    assert.equal((await getOrg(api, empty.id)).status, 'dissolved');
    assert.equal((await getOrg(api, unit.id)).child_count, parentBefore.child_count - 1);
    const visible = ok(await api.get(`/api/v1/orgs/${unit.id}/children`)).items;
    assert.ok(!visible.some((o) => o.id === empty.id));
    const all = ok(await api.get(`/api/v1/orgs/${unit.id}/children?include_dissolved=true`)).items;
    assert.equal(all.find((o) => o.id === empty.id).status, 'dissolved');
    const viaParent = ok(await api.get(`/api/v1/orgs?parent=${unit.id}&include_dissolved=1`)).items;
    assert.ok(viaParent.some((o) => o.id === empty.id));
    assert.deepEqual(ok(await api.get(`/api/v1/orgs/search?q=${encodeURIComponent('chi bo trong')}`)).items, [],
      'search lists active organizations only');
  });

  test('a member cannot be placed in the dissolved organization (422 on org_id)', async () => {
    const total = (await listMembers(api, {})).total;
    const citizenId = cccd({ birthYear: 1980 });
    problem(await api.post('/api/v1/members', {
      full_name: 'Vi Văn Mới', sex: 'male', birth_date: '1980-01-01', ethnicity: '01', religion: 'none',
      citizen_id: citizenId, admission_date: '2005-01-01', official_date: '2006-01-01', org_id: empty.id, status: 'official',
    }), 422, 'validation_failed', [['org_id', null]]);
    assert.equal((await listMembers(api, {})).total, total);
    assert.equal((await listMembers(api, { q: citizenId })).total, 0);

    problem(await api.patch(`/api/v1/members/${people[0].id}`, { version: people[0].version, org_id: empty.id }),
      422, 'validation_failed', [['org_id', null]]);
    const m = ok(await api.get(`/api/v1/members/${people[0].id}`));
    assert.equal(m.org_id, full.id);
    assert.equal(m.version, people[0].version);
  });

  test('a dissolved organization cannot be dissolved again, renamed, moved or given children', async () => {
    problem(await api.post(`/api/v1/orgs/${empty.id}/dissolve`, {}), 409, 'org_not_active');
    const e = await getOrg(api, empty.id);
    problem(await api.patch(`/api/v1/orgs/${empty.id}`, { version: e.version, name: 'Chi bộ Hồi Sinh' }), 409, 'org_not_active');
    problem(await api.post(`/api/v1/orgs/${empty.id}/move`, { parent_id: tree.base.id }), 409, 'org_not_active');
    problem(await api.post('/api/v1/orgs', { kind: 'party_group', name: 'Tổ đảng muộn', parent_id: empty.id }),
      422, 'validation_failed', [['parent_id', 'org_not_active']]);
    const wanderer = await createOrg(api, { kind: 'party_group', name: 'Tổ đảng Lang Thang', parent_id: full.id });
    problem(await api.post(`/api/v1/orgs/${wanderer.id}/move`, { parent_id: empty.id }),
      422, 'validation_failed', [['parent_id', 'org_not_active']]);
    assert.equal((await getOrg(api, wanderer.id)).parent_id, full.id);
    assert.equal((await getOrg(api, empty.id)).name, 'Chi bộ Trống');
  });

  test('members who left the roll do not block; dissolving a parent closes its subtree', async () => {
    for (const p of people) {
      const cur = ok(await api.get(`/api/v1/members/${p.id}`));
      ok(await api.post(`/api/v1/members/${p.id}/exit`, { version: cur.version, status: 'left', on: today,
        ground: 'resigned_family_hardship', document: { number: '2-QĐ/ĐU', authority: 'Đảng ủy' } }));
    }
    const body = ok(await api.post(`/api/v1/orgs/${unit.id}/dissolve`, {}));
    assert.equal(body.status, 'dissolved');
    assert.equal(body.dissolved_on, today);
    const cell = await getOrg(api, full.id);
    assert.equal(cell.status, 'dissolved');
    assert.equal(cell.dissolved_on, today);
    assert.equal((await getOrg(api, empty.id)).dissolved_on, '2024-06-30', 'an earlier dissolution keeps its date');
  });
});

describe('POST /api/v1/orgs/{id}/merge', () => {
  let unit;
  let source;
  let target;
  let moving;
  let staying;

  before(async () => {
    unit = await createOrg(api, { kind: 'base_committee', name: 'Đảng bộ Hợp Nhất', parent_id: tree.above2.id });
    source = await createOrg(api, { kind: 'cell', name: 'Chi bộ Sáp Nhập Đi', parent_id: unit.id });
    target = await createOrg(api, { kind: 'cell', name: 'Chi bộ Sáp Nhập Nhận', parent_id: unit.id });
    moving = [];
    for (const name of ['Mai Văn Đi', 'Mai Văn Theo']) {
      moving.push(await createMember(api, source.id, { full_name: name, birth_date: '1976-06-06', citizen_id: cccd({ birthYear: 1976 }) }));
    }
    moving.push(await createMember(api, source.id, {
      full_name: 'Mai Thị Dự', sex: 'female', birth_date: '1999-06-06', admission_date: '2025-06-06',
      citizen_id: cccd({ sex: 'female', birthYear: 1999 }), status: 'probationary',
    }));
    staying = await createMember(api, target.id, { full_name: 'Mai Văn Ở', birth_date: '1976-06-06', citizen_id: cccd({ birthYear: 1976 }) });
  });

  test('refused merges change nothing', async () => {
    problem(await api.post(`/api/v1/orgs/${source.id}/merge`, {}), 422, 'validation_failed', [['target_id', 'required']]);
    problem(await api.post(`/api/v1/orgs/${source.id}/merge`, { target_id: 999999 }), 422, 'validation_failed', [['target_id', 'org_not_found']]);
    problem(await api.post(`/api/v1/orgs/${source.id}/merge`, { target_id: unit.id }),
      422, 'validation_failed', [['target_id', 'target_cannot_hold_members']]);
    problem(await api.post(`/api/v1/orgs/${unit.id}/merge`, { target_id: source.id }),
      422, 'validation_failed', [['target_id', 'merge_into_own_subtree']]);
    problem(await api.post(`/api/v1/orgs/${source.id}/merge`, { target_id: target.id, merged_on: '2023-02-29' }),
      422, 'validation_failed', [['merged_on', 'invalid_date']]);
    problem(await api.post(`/api/v1/orgs/${source.id}/merge`, { target_id: target.id, merged_on: '2999-01-01' }),
      422, 'validation_failed', [['merged_on', 'date_in_future']]);
    problem(await api.post(`/api/v1/orgs/${source.id}/merge`, { target_id: String(target.id) }),
      422, 'validation_failed', [['target_id', 'wrong_type']]);
    problem(await api.post('/api/v1/orgs/999999/merge', { target_id: target.id }), 404, 'not_found');
    assert.equal((await getOrg(api, source.id)).status, 'active');
    assert.deepEqual(await counts(api, source.id), { official: 2, probationary: 1, on_roll: 3, total: 3 });
    assert.deepEqual(await counts(api, target.id), { official: 1, probationary: 0, on_roll: 1, total: 1 });
  });

  test('moves the members to the target and marks the source merged', async () => {
    const unitBefore = await counts(api, unit.id);
    const body = ok(await api.post(`/api/v1/orgs/${source.id}/merge`, { target_id: target.id, merged_on: today }));
    assert.equal(body.id, source.id);
    assert.equal(body.status, 'merged');
    assert.equal(body.merged_into, target.id);
    assert.deepEqual(body.counts, { official: 0, probationary: 0, on_roll: 0, total: 0 });
    assert.deepEqual(await counts(api, target.id), { official: 3, probationary: 1, on_roll: 4, total: 4 });
    assert.deepEqual(await counts(api, unit.id), unitBefore, 'the common parent keeps its counts');
    assert.deepEqual(ids(await allMembers(api, { org: target.id })), ids([...moving, staying]));
    assert.equal((await listMembers(api, { org: source.id })).total, 0);
    for (const m of moving) {
      const detail = ok(await api.get(`/api/v1/members/${m.id}`));
      assert.equal(detail.org_id, target.id);
      assert.equal(detail.org_name, target.name);
      assert.equal(detail.version, m.version + 1);
      assert.equal(detail.history[0].action, 'merge');
      assert.deepEqual(detail.history[0].changes, [{ field: 'org_id', before: String(source.id), after: String(target.id) }]);
    }
    const found = await listMembers(api, { q: 'mai van di' });
    assert.equal(found.items[0].org_id, target.id);
    assert.deepEqual(ok(await api.get(`/api/v1/orgs/${unit.id}/children`)).items.map((o) => o.id), [target.id]);
  });

  test('a merged organization is closed: no second merge, no new members', async () => {
    problem(await api.post(`/api/v1/orgs/${source.id}/merge`, { target_id: target.id }), 409, 'org_not_active');
    problem(await api.post(`/api/v1/orgs/${target.id}/merge`, { target_id: source.id }),
      422, 'validation_failed', [['target_id', 'org_not_active']]);
    problem(await api.post('/api/v1/members', {
      full_name: 'Mai Văn Muộn', sex: 'male', birth_date: '1980-01-01', ethnicity: '01', religion: 'none',
      citizen_id: cccd({ birthYear: 1980 }), admission_date: '2005-01-01', official_date: '2006-01-01',
      org_id: source.id, status: 'official',
    }), 422, 'validation_failed', [['org_id', null]]);
  });

  test('a merge across subtrees moves the counts between the two branches', async () => {
    const left = await createOrg(api, { kind: 'base_committee', name: 'Đảng bộ Nhánh Trái', parent_id: tree.above.id });
    const right = await createOrg(api, { kind: 'base_committee', name: 'Đảng bộ Nhánh Phải', parent_id: tree.above2.id });
    const src = await createOrg(api, { kind: 'cell', name: 'Chi bộ Bên Trái', parent_id: left.id });
    const dst = await createOrg(api, { kind: 'cell', name: 'Chi bộ Bên Phải', parent_id: right.id });
    await createMember(api, src.id, { full_name: 'Kha Văn Trái', birth_date: '1979-09-09', citizen_id: cccd({ birthYear: 1979 }) });
    await createMember(api, src.id, {
      full_name: 'Kha Thị Dự', sex: 'female', birth_date: '2000-09-09', admission_date: '2025-09-09',
      citizen_id: cccd({ sex: 'female', birthYear: 2000 }), status: 'probationary',
    });
    const [aboveBefore, above2Before, rootBefore] = await Promise.all([tree.above, tree.above2, tree.root].map((o) => counts(api, o.id)));
    ok(await api.post(`/api/v1/orgs/${src.id}/merge`, { target_id: dst.id }));
    const [aboveAfter, above2After, rootAfter] = await Promise.all([tree.above, tree.above2, tree.root].map((o) => counts(api, o.id)));
    assert.equal(aboveAfter.official, aboveBefore.official - 1);
    assert.equal(aboveAfter.probationary, aboveBefore.probationary - 1);
    assert.equal(above2After.official, above2Before.official + 1);
    assert.equal(above2After.probationary, above2Before.probationary + 1);
    assert.deepEqual(rootAfter, rootBefore);
    assert.deepEqual(await counts(api, left.id), { official: 0, probationary: 0, on_roll: 0, total: 0 });
    assert.deepEqual(await counts(api, right.id), { official: 1, probationary: 1, on_roll: 2, total: 2 });
    assert.equal((await listMembers(api, { org: left.id })).total, 0);
    assert.equal((await listMembers(api, { org: right.id })).total, 2);
    assert.equal((await listMembers(api, { org: right.id, q: 'kha' })).total, 2);
  });

  test('merging a committee hands its children to the target', async () => {
    const a = await createOrg(api, { kind: 'base_committee', name: 'Đảng bộ Nhập A', parent_id: tree.above2.id });
    const b = await createOrg(api, { kind: 'base_committee', name: 'Đảng bộ Nhập B', parent_id: tree.above2.id });
    const cell = await createOrg(api, { kind: 'cell', name: 'Chi bộ Theo Cha', parent_id: a.id });
    const m = await createMember(api, cell.id, { full_name: 'Lý Văn Theo', birth_date: '1978-08-08', citizen_id: cccd({ birthYear: 1978 }) });
    ok(await api.post(`/api/v1/orgs/${a.id}/merge`, { target_id: b.id }));
    const moved = await getOrg(api, cell.id);
    assert.equal(moved.parent_id, b.id);
    assert.equal(moved.status, 'active');
    assert.equal(moved.path, `/${tree.root.id}/${tree.above2.id}/${b.id}/${cell.id}/`);
    assert.equal((await counts(api, b.id)).official, 1);
    assert.equal((await counts(api, a.id)).official, 0);
    assert.deepEqual((await allMembers(api, { org: b.id })).map((x) => x.id), [m.id]);
    assert.equal((await getOrg(api, a.id)).status, 'merged');
  });
});

describe('GET /api/v1/orgs/{id}/stats', () => {
  test('breakdowns of the members on the roll of a subtree', async () => {
    const unit = await createOrg(api, { kind: 'base_committee', name: 'Đảng bộ Thống Kê', parent_id: tree.above2.id });
    const cell = await createOrg(api, { kind: 'cell', name: 'Chi bộ Thống Kê', parent_id: unit.id });
    await createMember(api, cell.id, { full_name: 'Lương Văn Một', birth_date: '1990-01-01', citizen_id: cccd({ birthYear: 1990 }), political_theory: 'advanced' });
    await createMember(api, cell.id, { full_name: 'Lương Văn Hai', birth_date: '1990-01-01', citizen_id: cccd({ birthYear: 1990 }), religion: 'buddhism' });
    await createMember(api, cell.id, {
      full_name: 'Lương Thị Ba', sex: 'female', ethnicity: '02', birth_date: '1999-01-01', admission_date: '2025-01-01',
      citizen_id: cccd({ sex: 'female', birthYear: 1999 }), status: 'probationary',
    });
    await createMember(api, cell.id, { full_name: 'Lương Văn Đi', birth_date: '1950-01-01', citizen_id: cccd({ birthYear: 1950 }), status: 'deceased', exit_date: '2020-05-05', exit_ground: 'deceased' });
    const body = ok(await api.get(`/api/v1/orgs/${unit.id}/stats`));
    assert.equal(body.org_id, unit.id);
    const asMap = (list) => Object.fromEntries(list.map((v) => [v.value, v.count]));
    const b = body.breakdowns;
    assert.deepEqual(asMap(b.sex), { male: 2, female: 1 });
    assert.deepEqual(asMap(b.status), { official: 2, probationary: 1 });
    assert.deepEqual(asMap(b.ethnicity), { '01': 2, '02': 1 });
    assert.deepEqual(asMap(b.religion), { none: 2, buddhism: 1 });
    assert.equal(b.age_band.reduce((s, v) => s + v.count, 0), 3);
    for (const list of Object.values(b)) {
      for (const v of list) {
        assert.equal(typeof v.value, 'string');
        assert.ok(Number.isInteger(v.count) && v.count > 0);
      }
    }
    const cellStats = ok(await api.get(`/api/v1/orgs/${cell.id}/stats`));
    assert.deepEqual(cellStats.breakdowns, body.breakdowns);
  });

  test('an organization without members has empty breakdowns', async () => {
    const body = ok(await api.get(`/api/v1/orgs/${tree.cellB.id}/stats`));
    assert.equal(body.org_id, tree.cellB.id);
    for (const list of Object.values(body.breakdowns)) assert.deepEqual(list, []);
  });
});

describe('structural warnings', () => {
  test('few_official_members disappears at 3 official members', async () => {
    const cell = await createOrg(api, { kind: 'base_cell', name: 'Chi bộ Cơ sở Đủ Người', parent_id: tree.root.id });
    for (let i = 0; i < 2; i++) {
      await createMember(api, cell.id, { full_name: `Hồ Văn Đủ ${'AB'[i]}`, birth_date: '1981-01-01', citizen_id: cccd({ birthYear: 1981 }) });
    }
    let org = await getOrg(api, cell.id);
    assert.deepEqual(org.warnings.map((w) => [w.code, w.actual]), [['few_official_members', 2]]);
    await createMember(api, cell.id, { full_name: 'Hồ Văn Đủ C', birth_date: '1981-01-01', citizen_id: cccd({ birthYear: 1981 }) });
    org = await getOrg(api, cell.id);
    assert.deepEqual(org.warnings, []);
  });

  test('a chi bộ cơ sở with 30 or more members is flagged base_cell_too_large', async () => {
    const cell = await createOrg(api, { kind: 'base_cell', name: 'Chi bộ Cơ sở Đông Người', parent_id: tree.root.id });
    for (let i = 0; i < 29; i++) {
      await createMember(api, cell.id, { full_name: 'Hồ Văn Đông', birth_date: '1982-01-01', citizen_id: cccd({ birthYear: 1982 }) });
    }
    assert.deepEqual((await getOrg(api, cell.id)).warnings, []);
    await createMember(api, cell.id, {
      full_name: 'Hồ Thị Đông', sex: 'female', birth_date: '2000-01-01', admission_date: '2025-01-01',
      citizen_id: cccd({ sex: 'female', birthYear: 2000 }), status: 'probationary',
    });
    const warnings = (await getOrg(api, cell.id)).warnings;
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].code, 'base_cell_too_large');
    assert.equal(warnings[0].rule, 'org.base_cell_max_members');
    assert.equal(warnings[0].threshold, 30);
    assert.equal(warnings[0].actual, 30);
  });
});
