import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { orgKeys } from '@/lib/org-queries';
import type { OrgStats } from '@/types/api';

/** Breakdowns of the subtree's on-roll members by status, sex, age band ... (catalog codes). */
export function useOrgStats(id: number) {
  return useQuery({
    queryKey: orgKeys.stats(id),
    queryFn: ({ signal }) => api<OrgStats>(`/orgs/${id}/stats`, { signal }),
  });
}
