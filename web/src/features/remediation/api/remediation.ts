// Remediation across its sources (issue 15): a page of the items tracked to closure in an
// organization's subtree, review shortcomings and inspection violations and recommendations.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { RemediationList } from '@/types';

export const REMEDIATION_PAGE_SIZE = 50;

export type RemediationState = '' | 'open' | 'closed' | 'overdue';
export type RemediationSource = '' | 'review' | 'inspection';

export const remediationKeys = {
  all: ['remediation'] as const,
  list: (org: number, state: string, source: string, page: number) =>
    ['remediation', org, state, source, page] as const,
};

export function useRemediation(
  org: number | undefined,
  state: RemediationState,
  source: RemediationSource,
  page: number,
) {
  return useQuery({
    queryKey: remediationKeys.list(org ?? 0, state, source, page),
    queryFn: ({ signal }) => {
      const params: Record<string, string | number> = {
        offset: (page - 1) * REMEDIATION_PAGE_SIZE,
        limit: REMEDIATION_PAGE_SIZE,
      };
      if (state) params.state = state;
      if (source) params.source = source;
      return api<RemediationList>(`/orgs/${org}/remediation`, { params, signal });
    },
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}
