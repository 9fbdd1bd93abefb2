// The probation lists of an organization's subtree (GET /probation): due within the window,
// overdue, awaiting the decision, each cut at `limit` with whole counts. Recording a step on
// the member page invalidates ['lifecycle'], which refetches these.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ProbationLists } from '@/types';
import { probationLimit } from '../lib/probation';

export const probationQuery = (org: number, within: number) =>
  queryOptions({
    queryKey: ['lifecycle', 'probation', org, within] as const,
    queryFn: ({ signal }) =>
      api<ProbationLists>('/probation', {
        params: { org, within, limit: probationLimit },
        signal,
      }),
    staleTime: 10_000,
  });

export function useProbation(org: number | undefined, within: number) {
  return useQuery({ ...probationQuery(org ?? 0, within), enabled: !!org });
}
