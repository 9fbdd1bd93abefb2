// The discipline API: an organization's cases (its whole subtree), one case with its clocks,
// the members of an organization to open a case against; opening a case, editing its facts
// (deferrals too), recording the vote, the decision and the appeal, closing a case without a
// sanction. Restricted records: the server audits every read. Every write refreshes the cases.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type {
  DisciplineAppeal,
  DisciplineClosureRequest,
  DisciplineSuspensionRequest,
  DisciplineCase,
  DisciplineCaseList,
  DisciplineCaseNew,
  DisciplineCasePatch,
  DisciplineDecision,
  DisciplineVote,
  MemberPage,
} from '@/types';

export const disciplineKeys = {
  all: ['discipline'] as const,
  list: (org: number) => ['discipline', 'list', org] as const,
  detail: (id: number) => ['discipline', 'detail', id] as const,
  members: (org: number) => ['discipline', 'members', org] as const,
};

export const orgCasesQuery = (org: number) =>
  queryOptions({
    queryKey: disciplineKeys.list(org),
    queryFn: ({ signal }) =>
      api<DisciplineCaseList>('/discipline-cases', { params: { org_id: org }, signal }),
    enabled: org > 0,
  });

export function useOrgCases(org: number | undefined) {
  return useQuery(orgCasesQuery(org ?? 0));
}

export function useCase(id: number) {
  return useQuery({
    queryKey: disciplineKeys.detail(id),
    queryFn: ({ signal }) => api<DisciplineCase>(`/discipline-cases/${id}`, { signal }),
  });
}

/** The organization's members on the roll (its whole subtree), to open a case against one. */
export function useOrgMembers(org: number, enabled: boolean) {
  return useQuery({
    queryKey: disciplineKeys.members(org),
    queryFn: ({ signal }) =>
      api<MemberPage>('/members', {
        params: { org, status: 'official,probationary', page_size: 200 },
        signal,
      }),
    enabled: enabled && org > 0,
  });
}

export function useOpenCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DisciplineCaseNew) =>
      api<DisciplineCase>('/discipline-cases', { method: 'POST', body: input, idempotent: true }),
    onSuccess: () => client.invalidateQueries({ queryKey: disciplineKeys.all }),
  });
}

export function useRecordVote(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DisciplineVote) =>
      api<DisciplineCase>(`/discipline-cases/${id}/vote`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: disciplineKeys.all }),
  });
}

export function useDecide(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DisciplineDecision) =>
      api<DisciplineCase>(`/discipline-cases/${id}/decide`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: disciplineKeys.all }),
  });
}

/** PATCH the facts (before the decision; after it only the receipt and the state body's dates). */
export function useUpdateCase(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DisciplineCasePatch) =>
      api<DisciplineCase>(`/discipline-cases/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: disciplineKeys.all }),
  });
}

/** The appeal's receipt, then its resolution: the clocks come back recomputed. */
export function useAppeal(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DisciplineAppeal) =>
      api<DisciplineCase>(`/discipline-cases/${id}/appeal`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: disciplineKeys.all }),
  });
}

/** Suspends the subject's activities, extends the suspension, or lifts it early. */
export function useSuspension(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DisciplineSuspensionRequest) =>
      api<DisciplineCase>(`/discipline-cases/${id}/suspension`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: disciplineKeys.all }),
  });
}

/** Closes an undecided case without a sanction (the limitation has run, or no sanction is due). */
export function useCloseCase(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DisciplineClosureRequest) =>
      api<DisciplineCase>(`/discipline-cases/${id}/close`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: disciplineKeys.all }),
  });
}
