// The compliance board's reads (issue 16): the counts of an organization's subtree per area and
// per direct child, and a page of its out-of-rule items (optionally of one area).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ComplianceBoard, ComplianceItems } from '@/types';

export const complianceKeys = {
  all: ['compliance'] as const,
  board: (org: number) => ['compliance', 'board', org] as const,
  items: (org: number, area: string, page: number) =>
    ['compliance', 'items', org, area, page] as const,
};

export function useComplianceBoard(org: number | undefined) {
  return useQuery({
    queryKey: complianceKeys.board(org ?? 0),
    queryFn: ({ signal }) => api<ComplianceBoard>(`/orgs/${org}/compliance`, { signal }),
    enabled: !!org,
  });
}

export function useComplianceItems(org: number | undefined, area: string, page: number) {
  return useQuery({
    queryKey: complianceKeys.items(org ?? 0, area, page),
    queryFn: ({ signal }) =>
      api<ComplianceItems>(`/orgs/${org}/compliance/items`, {
        params: area ? { area, page } : { page },
        signal,
      }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}
