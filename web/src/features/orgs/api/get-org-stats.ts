import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { orgKeys } from '@/lib/org-queries';
import type { OrgStats } from '@/types';

/**
 * Breakdowns of the subtree's on-roll members by status, sex, age band ... (catalog codes);
 * with `asOf` (YYYY-MM-DD), as they stood on that day (issue 16).
 */
export const orgStatsQuery = (id: number, asOf?: string | null) =>
  queryOptions({
    queryKey: asOf ? [...orgKeys.stats(id), asOf] : orgKeys.stats(id),
    queryFn: ({ signal }) =>
      api<OrgStats>(`/orgs/${id}/stats${asOf ? `?as_of=${asOf}` : ''}`, { signal }),
  });

export function useOrgStats(id: number, asOf?: string | null) {
  return useQuery(orgStatsQuery(id, asOf));
}

/** The periodic member report as XLSX: a plain link, the session cookie goes along. */
export const memberReportXlsxUrl = (id: number, from: string, to: string) =>
  `/api/v1/orgs/${id}/reports/members.xlsx?from=${from}&to=${to}`;
