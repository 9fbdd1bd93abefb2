// The organization search as the pickers send it (the server filters cells, kinds) and the
// detail cache that search results fill.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrgDetail } from '@/types';
import { orgKeys, orgSearchQuery, orgSearchRequest, seedOrgDetail } from './org-queries';
import { createQueryClient } from './react-query';

const org = (id: number, name: string): OrgDetail =>
  ({
    id,
    name,
    short_name: null,
    kind: 'cell',
    status: 'active',
    holds_members: true,
    ancestors: [
      {
        id: 1,
        name: 'Đảng bộ Khối',
        short_name: null,
        kind: 'committee_central',
        status: 'active',
      },
    ],
  }) as OrgDetail;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('organization search', () => {
  it('asks the server for cells only when the picker wants cells', async () => {
    const fetch = vi.fn(async () => Response.json({ items: [org(7, 'Chi bộ Phòng A')] }));
    vi.stubGlobal('fetch', fetch);
    const client = createQueryClient();
    const items = await client.fetchQuery(
      orgSearchQuery({ q: 'chi bo phong', limit: 30, holdsMembers: true }),
    );
    expect(items.map((item) => item.id)).toEqual([7]);
    const url = new URL(String((fetch.mock.calls[0] as unknown[])[0]), 'http://x');
    expect(url.pathname).toBe('/api/v1/orgs/search');
    expect(url.searchParams.get('q')).toBe('chi bo phong');
    expect(url.searchParams.get('limit')).toBe('30');
    expect(url.searchParams.get('holds_members')).toBe('true');
    expect(url.searchParams.has('kind')).toBe(false);
  });

  it('sends kinds as one comma-separated list and leaves out what is not asked', () => {
    expect(
      orgSearchRequest({ q: 'vu', kinds: ['base_committee', 'committee_above_base'] }),
    ).toEqual({
      q: 'vu',
      limit: 20,
      kind: ['base_committee', 'committee_above_base'],
      holds_members: undefined,
    });
    expect(orgSearchRequest({ q: 'vu', holdsMembers: false }).holds_members).toBe(false);
  });

  it('caches each filter separately', () => {
    expect(orgKeys.search({ q: 'a', holdsMembers: true })).not.toEqual(orgKeys.search({ q: 'a' }));
  });
});

describe('seeding the detail cache from a search result', () => {
  it('fills an empty entry, keeping its ancestors', () => {
    const client = createQueryClient();
    seedOrgDetail(client, org(7, 'Chi bộ Phòng A'), 1000);
    const cached = client.getQueryData<OrgDetail>(orgKeys.detail(7));
    expect(cached?.ancestors.map((item) => item.id)).toEqual([1]);
    expect(client.getQueryState(orgKeys.detail(7))?.dataUpdatedAt).toBe(1000);
  });

  it('keeps newer data', () => {
    const client = createQueryClient();
    client.setQueryData(orgKeys.detail(7), org(7, 'Tên mới'), { updatedAt: 2000 });
    seedOrgDetail(client, org(7, 'Tên cũ'), 1000);
    expect(client.getQueryData<OrgDetail>(orgKeys.detail(7))?.name).toBe('Tên mới');
  });
});
