// Organization reads that more than one feature needs (the scope picker, member forms, the
// tree): fetchers and query keys in one place so caches are shared and invalidated together.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { OrgDetail, OrgDetailList, OrgList } from '@/types';
import { api } from './api-client';

/** GET /orgs/search's query: each word of q must begin a word of the name (folded). */
export interface OrgSearchParams {
  q: string;
  limit?: number; // 1..100, default 20
  kinds?: string[]; // only these kinds (sent as kind=a,b)
  holdsMembers?: boolean; // true: only kinds that hold members (cells); false: the others
}

export const orgKeys = {
  all: ['orgs'] as const,
  roots: () => ['orgs', 'roots'] as const,
  children: (id: number) => ['orgs', 'children', id] as const,
  detail: (id: number) => ['orgs', 'detail', id] as const,
  stats: (id: number) => ['orgs', 'stats', id] as const,
  search: (params: OrgSearchParams) => ['orgs', 'search', params] as const,
};

export const rootsQuery = () =>
  queryOptions({
    queryKey: orgKeys.roots(),
    queryFn: ({ signal }) => api<OrgList>('/orgs', { signal }).then((body) => body.items),
  });

export const childrenQuery = (id: number) =>
  queryOptions({
    queryKey: orgKeys.children(id),
    queryFn: ({ signal }) =>
      api<OrgList>(`/orgs/${id}/children`, { signal }).then((body) => body.items),
  });

export const orgQuery = (id: number) =>
  queryOptions({
    queryKey: orgKeys.detail(id),
    queryFn: ({ signal }) => api<OrgDetail>(`/orgs/${id}`, { signal }),
  });

/** The search's query parameters (kind as a comma-separated list, as the server takes it). */
export function orgSearchRequest({ q, limit = 20, kinds, holdsMembers }: OrgSearchParams) {
  return { q, limit, kind: kinds, holds_members: holdsMembers };
}

/** Active organizations whose name has words beginning with each word of q, with ancestors. */
export const orgSearchQuery = (params: OrgSearchParams) =>
  queryOptions({
    queryKey: orgKeys.search(params),
    queryFn: ({ signal }) =>
      api<OrgDetailList>('/orgs/search', { params: orgSearchRequest(params), signal }).then(
        (body) => body.items,
      ),
    staleTime: 60_000,
  });

/**
 * Puts an organization picked from search results (they carry their ancestors, like GET
 * /orgs/{id}) into the detail cache, so opening it shows it at once and the tree can open its
 * ancestors without first fetching it again. Newer cached data is kept.
 */
export function seedOrgDetail(client: QueryClient, org: OrgDetail, updatedAt = Date.now()): void {
  const key = orgKeys.detail(org.id);
  const cached = client.getQueryState(key);
  if (cached?.data && cached.dataUpdatedAt >= updatedAt) return;
  client.setQueryData(key, org, { updatedAt });
}
