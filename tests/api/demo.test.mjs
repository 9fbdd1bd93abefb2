// Properties that must hold on a realistic database (`chibo demo --members 3000`): counts agree
// with the lists, filters return only what they say, orders are orders, search finds.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { client, ok, listMembers, allMembers, compareNames, iso, serverToday, ageOn } from './lib/api.mjs';
import { parseCsv } from './lib/csv.mjs';

let server;
let api;
let root;
let rootChildren;
let catalogs;
const ON_ROLL = 'probationary,official,exempted';

before(async () => {
  server = await startServer({ data: 'demo', members: 3000, seed: 11 });
  api = client(server.base);
  const roots = ok(await api.get('/api/v1/orgs')).items;
  assert.equal(roots.length, 1, 'the demo has one root committee');
  root = roots[0];
  rootChildren = ok(await api.get(`/api/v1/orgs/${root.id}/children`)).items;
  catalogs = ok(await api.get('/api/v1/catalogs'));
});
after(async () => { await server?.stop(); });

function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ').trim();
}

async function subtreeIds(id) {
  const out = [id];
  for (const child of ok(await api.get(`/api/v1/orgs/${id}/children?include_dissolved=true`)).items) {
    out.push(...await subtreeIds(child.id));
  }
  return out;
}

describe('counts agree with the lists', () => {
  test('the root counts every member', async () => {
    assert.equal(root.counts.total, 3000);
    assert.equal((await listMembers(api, {})).total, 3000);
    assert.equal((await listMembers(api, { org: root.id })).total, root.counts.total);
    assert.equal((await listMembers(api, { org: root.id, status: ON_ROLL })).total, root.counts.on_roll);
    assert.equal((await listMembers(api, { status: 'official' })).total, root.counts.official);
    assert.equal((await listMembers(api, { status: 'probationary' })).total, root.counts.probationary);
    assert.ok(root.counts.official + root.counts.probationary <= root.counts.on_roll);
    assert.ok(root.counts.on_roll <= root.counts.total);
  });

  test('the children\'s counts add up to the parent\'s', async () => {
    assert.equal(root.child_count, rootChildren.length);
    for (const key of ['official', 'probationary', 'on_roll', 'total']) {
      assert.equal(rootChildren.reduce((sum, c) => sum + c.counts[key], 0), root.counts[key], key);
    }
  });

  test('for several subtrees, the subtree filter\'s total equals the counts and holds only that subtree', async () => {
    const sample = rootChildren.filter((c) => c.counts.total > 0).slice(0, 6);
    assert.ok(sample.length >= 3);
    for (const org of sample) {
      const items = await allMembers(api, { org: org.id });
      assert.equal(items.length, org.counts.total, `${org.name}: total`);
      assert.equal((await listMembers(api, { org: org.id, status: 'official' })).total, org.counts.official);
      assert.equal((await listMembers(api, { org: org.id, status: 'probationary' })).total, org.counts.probationary);
      assert.equal((await listMembers(api, { org: org.id, status: ON_ROLL })).total, org.counts.on_roll);
      const allowed = new Set(await subtreeIds(org.id));
      for (const m of items) assert.ok(allowed.has(m.org_id), `member ${m.id} (org ${m.org_id}) is under ${org.name}`);
      // a cell's own list
      const child = ok(await api.get(`/api/v1/orgs/${org.id}/children`)).items.find((c) => c.counts.total > 0);
      if (child) assert.equal((await listMembers(api, { org: child.id })).total, child.counts.total);
    }
  });

  test('members sit only in organizations that hold members', async () => {
    const page = await listMembers(api, { page_size: 200 });
    const kinds = Object.fromEntries(catalogs.org_kinds.map((k) => [k.code, k.holds_members]));
    const seen = new Set(page.items.map((m) => m.org_id));
    for (const id of [...seen].slice(0, 20)) {
      const org = ok(await api.get(`/api/v1/orgs/${id}`));
      assert.equal(kinds[org.kind], true, `${org.name} (${org.kind}) holds members`);
    }
  });
});

describe('filters', () => {
  test('sex partitions the members', async () => {
    const male = await listMembers(api, { sex: 'male', page_size: 100 });
    const female = await listMembers(api, { sex: 'female', page_size: 100 });
    assert.equal(male.total + female.total, 3000);
    assert.ok(male.items.every((m) => m.sex === 'male'));
    assert.ok(female.items.every((m) => m.sex === 'female'));
  });

  test('statuses partition the members', async () => {
    let sum = 0;
    for (const s of catalogs.member_statuses) {
      const page = await listMembers(api, { status: s.code, page_size: 50 });
      assert.ok(page.items.every((m) => m.status === s.code), s.code);
      sum += page.total;
    }
    assert.equal(sum, 3000);
  });

  test('ethnicity: Kinh and the others', async () => {
    const kinh = await listMembers(api, { ethnicity: '01', page_size: 100 });
    assert.ok(kinh.items.every((m) => m.ethnicity === '01'));
    const others = catalogs.ethnicities.filter((e) => e.code !== '01').map((e) => e.code).join(',');
    const rest = await listMembers(api, { ethnicity: others, page_size: 100 });
    assert.ok(rest.items.every((m) => m.ethnicity !== '01'));
    assert.equal(kinh.total + rest.total, 3000);
    assert.ok(kinh.total > rest.total, 'most members are Kinh');
  });

  test('age range: every age inside it, and two ranges split the total', async () => {
    const today = iso(serverToday());
    const range = await allMembers(api, { age_min: 30, age_max: 40 });
    assert.ok(range.length > 0);
    for (const m of range) {
      assert.ok(m.age >= 30 && m.age <= 40, `${m.full_name}: ${m.age}`);
      assert.equal(m.age, ageOn(m.birth_date, today));
    }
    const under = (await listMembers(api, { age_max: 39 })).total;
    const over = (await listMembers(api, { age_min: 40 })).total;
    assert.equal(under + over, 3000);
  });

  test('admission-year range: every year inside it, and two ranges split the total', async () => {
    const decade = await allMembers(api, { admitted_from: 2000, admitted_to: 2009 });
    assert.ok(decade.length > 0);
    for (const m of decade) assert.ok(m.admission_date >= '2000-01-01' && m.admission_date <= '2009-12-31', m.admission_date);
    const before = (await listMembers(api, { admitted_to: 2009 })).total;
    const after = (await listMembers(api, { admitted_from: 2010 })).total;
    assert.equal(before + after, 3000);
  });

  test('combined filters return the intersection', async () => {
    const org = rootChildren.find((c) => c.counts.total > 20);
    const combined = await allMembers(api, { org: org.id, sex: 'female', status: 'official', age_min: 30 });
    const broad = await allMembers(api, { org: org.id, sex: 'female' });
    const expected = broad.filter((m) => m.status === 'official' && m.age >= 30).map((m) => m.id).sort((a, b) => a - b);
    assert.deepEqual(combined.map((m) => m.id).sort((a, b) => a - b), expected);
  });
});

describe('order and paging', () => {
  const nameOrder = (a, b) => compareNames(a.full_name, b.full_name) || a.id - b.id;

  test('sort=name is the Vietnamese order (given, middle, family) across pages', async () => {
    const items = [];
    for (const page of [1, 2]) items.push(...(await listMembers(api, { page, page_size: 250 })).items);
    for (let i = 1; i < items.length; i++) {
      assert.ok(nameOrder(items[i - 1], items[i]) <= 0, `${items[i - 1].full_name} (#${items[i - 1].id}) before ${items[i].full_name} (#${items[i].id})`);
    }
  });

  test('sort=-name is the reverse order', async () => {
    const items = (await listMembers(api, { sort: '-name', page_size: 300 })).items;
    for (let i = 1; i < items.length; i++) {
      assert.ok(compareNames(items[i - 1].full_name, items[i].full_name) >= 0, `${items[i - 1].full_name} before ${items[i].full_name}`);
    }
    const last = (await listMembers(api, { sort: 'name', page: 10, page_size: 300 })).items;
    assert.equal(items[0].full_name, last.at(-1).full_name);
  });

  test('sort=age / -age / admission_date / -admission_date are ordered', async () => {
    const check = async (sort, key, direction) => {
      const items = (await listMembers(api, { sort, page_size: 500 })).items;
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1][key], items[i][key]];
        assert.ok(direction > 0 ? a <= b : a >= b, `${sort}: ${a} then ${b}`);
      }
    };
    await check('age', 'birth_date', -1);
    await check('-age', 'birth_date', 1);
    await check('admission_date', 'admission_date', 1);
    await check('-admission_date', 'admission_date', -1);
  });

  test('pages do not overlap and follow each other, in every sort order', async () => {
    for (const sort of ['name', '-name', 'age', '-age', 'admission_date', '-admission_date']) {
      const big = (await listMembers(api, { sort, page_size: 200 })).items.map((m) => m.id);
      const p1 = (await listMembers(api, { sort, page: 1, page_size: 100 })).items.map((m) => m.id);
      const p2 = (await listMembers(api, { sort, page: 2, page_size: 100 })).items.map((m) => m.id);
      assert.deepEqual([...p1, ...p2], big, sort);
      assert.equal(new Set(big).size, 200);
    }
    const lastPage = await listMembers(api, { page: 30, page_size: 100 });
    assert.equal(lastPage.items.length, 100);
    assert.deepEqual((await listMembers(api, { page: 31, page_size: 100 })).items, []);
  });
});

describe('search', () => {
  let sample;
  before(async () => {
    sample = (await listMembers(api, { page: 3, page_size: 50, status: 'official' })).items
      .filter((m) => m.party_card_no).slice(0, 5);
    assert.ok(sample.length >= 3);
  });

  test('by a name without diacritics finds the member', async () => {
    for (const m of sample) {
      const page = await listMembers(api, { q: fold(m.full_name), page_size: 500 });
      assert.ok(page.items.some((x) => x.id === m.id), `q=${fold(m.full_name)} finds #${m.id}`);
      for (const x of page.items) {
        const names = [x.full_name, x.birth_name ?? '', ...(x.aliases ?? [])].map(fold);
        assert.ok(names.some((n) => ` ${n}`.includes(` ${fold(m.full_name)}`)), `${x.full_name} matches q=${fold(m.full_name)}`);
      }
    }
  });

  test('q=dang: every hit has a name word starting with "dang"', async () => {
    const page = await listMembers(api, { q: 'dang', page_size: 500 });
    assert.ok(page.total > 0);
    for (const x of page.items) {
      const words = [x.full_name, x.birth_name ?? '', ...(x.aliases ?? [])].flatMap((n) => fold(n).split(' '));
      assert.ok(words.some((w) => w.startsWith('dang')), x.full_name);
    }
    assert.ok(page.items.some((x) => x.full_name.startsWith('Đặng')), 'Đặng is a common family name');
  });

  test('by CCCD prefix and by party card number', async () => {
    for (const m of sample) {
      const prefix = m.citizen_id.slice(0, 9);
      const page = await listMembers(api, { q: prefix, page_size: 500 });
      assert.ok(page.items.some((x) => x.id === m.id), `q=${prefix}`);
      for (const x of page.items) {
        assert.ok(x.citizen_id.startsWith(prefix) || (x.party_card_no ?? '').startsWith(prefix), `${x.citizen_id} / ${x.party_card_no}`);
      }
      const card = await listMembers(api, { q: m.party_card_no });
      assert.ok(card.items.some((x) => x.id === m.id), `q=${m.party_card_no}`);
      const exact = await listMembers(api, { q: m.citizen_id });
      assert.deepEqual(exact.items.map((x) => x.id), [m.id]);
    }
  });

  test('search within a subtree', async () => {
    const m = sample[0];
    const detail = ok(await api.get(`/api/v1/orgs/${m.org_id}`));
    const top = detail.ancestors[1] ?? detail;
    const inside = await listMembers(api, { q: fold(m.full_name), org: top.id });
    assert.ok(inside.items.some((x) => x.id === m.id));
    const other = rootChildren.find((c) => c.id !== top.id && c.counts.total > 0);
    const outside = await listMembers(api, { q: m.citizen_id, org: other.id });
    assert.equal(outside.total, 0);
  });

  test('organizations by name', async () => {
    const org = rootChildren[0];
    const found = ok(await api.get(`/api/v1/orgs/search?q=${encodeURIComponent(fold(org.name))}`)).items;
    assert.ok(found.some((o) => o.id === org.id), org.name);
  });
});

describe('statistics and export on the demo', () => {
  test('stats of the root agree with the filtered lists (members on the roll)', async () => {
    const stats = ok(await api.get(`/api/v1/orgs/${root.id}/stats`));
    const b = stats.breakdowns;
    const sum = (list) => list.reduce((s, v) => s + v.count, 0);
    assert.equal(sum(b.status), root.counts.on_roll);
    assert.equal(sum(b.sex), root.counts.on_roll);
    assert.equal(sum(b.ethnicity), root.counts.on_roll);
    assert.equal(sum(b.age_band), root.counts.on_roll);
    for (const { value, count } of b.sex) {
      assert.equal((await listMembers(api, { sex: value, status: ON_ROLL })).total, count, `sex ${value}`);
    }
    for (const { value, count } of b.status) {
      assert.equal((await listMembers(api, { status: value })).total, count, `status ${value}`);
    }
    const kinh = b.ethnicity.find((v) => v.value === '01');
    assert.equal((await listMembers(api, { ethnicity: '01', status: ON_ROLL })).total, kinh.count);
    for (const v of b.age_band) assert.ok(catalogs.age_bands.includes(v.value), v.value);
  });

  test('the CSV export of a subtree has one row per member', async () => {
    const org = rootChildren.find((c) => c.counts.total > 10);
    const reply = await api.get(`/api/v1/members.csv?org=${org.id}`);
    assert.equal(reply.status, 200);
    assert.equal(Number(reply.headers.get('x-total-count')), org.counts.total);
    const rows = parseCsv(reply.text.replace(/^\uFEFF/, ''));
    assert.equal(rows.length - 1, org.counts.total);
    const width = rows[0].length;
    assert.ok(rows.every((r) => r.length === width), 'every row has the header\'s width');
  });
});

describe('the document register on the demo', () => {
  test('every level issues documents, numbered 01, 02 ... per issuer, series and term, never twice', async () => {
    const { code, stdout, stderr } = await server.sql(
      "SELECT org_id || ',' || issuing_body || ',' || series || ',' || term_id || ',' || COUNT(*) || ',' || MIN(number) || ',' || MAX(number) || ',' || COUNT(DISTINCT number) " +
      "FROM documents WHERE direction = 'outgoing' GROUP BY org_id, issuing_body, series, term_id");
    assert.equal(code, 0, stderr);
    const series = stdout.trim().split('\n').filter(Boolean).map((line) => line.split(','));
    assert.ok(series.length > 50, `${series.length} series`);
    for (const [org, body, key, term, count, min, max, distinct] of series) {
      assert.equal(min, '1', `series ${org}/${body}/${key}/${term} starts at 01`);
      assert.equal(max, count, `series ${org}/${body}/${key}/${term} has no gap`);
      assert.equal(distinct, count, `series ${org}/${body}/${key}/${term} gives no number twice`);
    }
    const kinds = await server.sql(
      "SELECT DISTINCT o.kind FROM documents d JOIN organizations o ON o.id = d.org_id WHERE d.direction = 'outgoing' ORDER BY 1");
    for (const kind of ['committee_central', 'committee_above_base', 'base_committee', 'cell']) assert.ok(kinds.stdout.includes(kind), kind);
  });

  test('documents sent down arrive below as incoming ones, and the API lists both', async () => {
    const incoming = ok(await api.get('/api/v1/documents?direction=incoming&limit=5'));
    assert.ok(incoming.total > 0);
    const first = ok(await api.get(`/api/v1/documents/${incoming.items[0].id}`));
    assert.ok(first.from_issuer && first.symbol && first.received_on);
    const outgoing = ok(await api.get('/api/v1/documents?direction=outgoing&q=nghi%20quyet&limit=5'));
    assert.ok(outgoing.total > 0);
  });
});

describe('directives on the demo', () => {
  test('the roll-up agrees with a recount, and the most lagging cell is at most three clicks from the root', async () => {
    const list = ok(await api.get('/api/v1/directives'));
    assert.ok(list.total >= 4, `${list.total} directives`);
    for (const directive of list.items) {
      const recount = await server.sql(
        `SELECT COUNT(*) || ',' || SUM(CASE WHEN state = 'accepted' THEN 1 ELSE 0 END) || ',' || SUM(CASE WHEN overdue = 1 AND state <> 'accepted' THEN 1 ELSE 0 END) FROM directive_assignments WHERE directive_id = ${directive.id}`);
      assert.equal(recount.code, 0, recount.stderr);
      const [total, accepted, overdue] = recount.stdout.trim().split(',').map(Number);
      const view = ok(await api.get(`/api/v1/directives/${directive.id}/rollup`));
      assert.deepEqual([view.org.counts.total, view.org.counts.accepted, view.org.counts.overdue], [total, accepted, overdue], directive.title);
      assert.equal(view.children.reduce((n, r) => n + r.counts.total, 0), total, 'the children sum to the root');
    }
    const resolution = list.items.find((d) => d.number_symbol === '05-NQ/ĐUK');
    let view = ok(await api.get(`/api/v1/directives/${resolution.id}/rollup`));
    assert.ok(view.org.counts.overdue > 0 && view.org.counts.accepted > 0 && view.org.counts.studied > 0);
    let clicks = 0;
    while (view.org.org.kind !== 'cell' && clicks < 3) {
      const lagging = view.children[0];
      view = ok(await api.get(`/api/v1/directives/${resolution.id}/rollup?org=${lagging.org.id}`));
      clicks += 1;
    }
    assert.equal(view.org.org.kind, 'cell', `a cell within three clicks (${clicks})`);
    assert.notEqual(view.org.status, 'done');
  });
});

describe('inspection and supervision (issue 15)', () => {
  test('the bloc has this year\'s and last year\'s programmes, inspections at several stages, some items overdue', async () => {
    const year = serverToday().getUTCFullYear();
    const thisYear = ok(await api.get(`/api/v1/inspection-programmes?org_id=${root.id}&year=${year}`)).items;
    const lastYear = ok(await api.get(`/api/v1/inspection-programmes?org_id=${root.id}&year=${year - 1}`)).items;
    assert.equal(thisYear.length, 1);
    assert.equal(lastYear.length, 1);
    assert.ok(thisYear[0].inspections > 0);
    const last = ok(await api.get(`/api/v1/inspection-programmes/${lastYear[0].id}`));
    assert.ok(last.inspections.every((i) => i.stage === 'conclusion'), 'last year\'s are all concluded');
    const current = ok(await api.get(`/api/v1/inspection-programmes/${thisYear[0].id}`));
    assert.ok(new Set(current.inspections.map((i) => i.stage)).size >= 2, 'this year\'s are at several stages');
    const overdue = ok(await api.get(`/api/v1/inspection-items?org_id=${root.id}&overdue=true`)).items;
    assert.ok(overdue.length > 0, 'some items are overdue');
    assert.ok(overdue.every((i) => i.state === 'open' && i.overdue));
  });
});

describe('discipline on the demo', () => {
  test('a few cases at a realistic rate (well under 1 % of members a year), each with its clocks', async () => {
    const cases = ok(await api.get(`/api/v1/discipline-cases?org_id=${root.id}&limit=1000`)).items;
    assert.ok(cases.length > 0, 'some cases');
    assert.ok(cases.length < 3000 * 0.01 * 2, `${cases.length} cases over two years`);
    for (const c of cases) {
      assert.ok(['reprimand', 'warning', 'dismissal'].includes(c.sanction), c.sanction);
      assert.equal(c.clocks.limitation.unlimited, false);
      assert.ok(c.clocks.limitation.ends_on > c.breach_date);
      if (c.decision) assert.equal(c.threshold.passes, true, 'decided only after a vote that passed');
    }
  });

  test('a member with a decided case shows it as their discipline (the view of the cases)', async () => {
    const cases = ok(await api.get(`/api/v1/discipline-cases?org_id=${root.id}&limit=1000`)).items;
    const decided = cases.find((c) => c.decision && c.member_id && c.appeal?.outcome !== 'annulled');
    assert.ok(decided, 'a decided case against a member');
    const member = ok(await api.get(`/api/v1/members/${decided.member_id}`));
    assert.ok(member.discipline_cases.some((s) => s.case_id === decided.id));
    const words = { reprimand: 'Khiển trách', warning: 'Cảnh cáo', dismissal: 'Cách chức' };
    assert.ok(member.discipline.includes(words[decided.sanction]), member.discipline);
  });
});
