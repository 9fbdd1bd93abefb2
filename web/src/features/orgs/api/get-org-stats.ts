import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { orgKeys } from '@/lib/org-queries';
import type { OrgStats } from '@/types';

/** Breakdowns of the subtree's on-roll members by status, sex, age band ... (catalog codes). */
export const orgStatsQuery = (id: number) =>
  queryOptions({
    queryKey: orgKeys.stats(id),
    queryFn: ({ signal }) => api<OrgStats>(`/orgs/${id}/stats`, { signal }),
  });

export function useOrgStats(id: number) {
  return useQuery(orgStatsQuery(id));
}
