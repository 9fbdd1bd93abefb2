// Organization reads that more than one feature needs (the scope picker, member forms, the
// tree): fetchers and query keys in one place so caches are shared and invalidated together.
import { queryOptions } from '@tanstack/react-query';
import type { ListOf, Org, OrgDetail } from '@/types/api';
import { api } from './api-client';

export const orgKeys = {
  all: ['orgs'] as const,
  roots: () => ['orgs', 'roots'] as const,
  children: (id: number) => ['orgs', 'children', id] as const,
  detail: (id: number) => ['orgs', 'detail', id] as const,
  stats: (id: number) => ['orgs', 'stats', id] as const,
  search: (q: string, limit: number) => ['orgs', 'search', q, limit] as const,
};

export const rootsQuery = () =>
  queryOptions({
    queryKey: orgKeys.roots(),
    queryFn: ({ signal }) => api<ListOf<Org>>('/orgs', { signal }).then((body) => body.items),
  });

export const childrenQuery = (id: number) =>
  queryOptions({
    queryKey: orgKeys.children(id),
    queryFn: ({ signal }) =>
      api<ListOf<Org>>(`/orgs/${id}/children`, { signal }).then((body) => body.items),
  });

export const orgQuery = (id: number) =>
  queryOptions({
    queryKey: orgKeys.detail(id),
    queryFn: ({ signal }) => api<OrgDetail>(`/orgs/${id}`, { signal }),
  });

export const orgSearchQuery = (q: string, limit = 20) =>
  queryOptions({
    queryKey: orgKeys.search(q, limit),
    queryFn: ({ signal }) =>
      api<ListOf<Org>>('/orgs/search', { params: { q, limit }, signal }).then((b) => b.items),
    staleTime: 60_000,
  });
