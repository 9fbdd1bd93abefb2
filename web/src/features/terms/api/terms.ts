// Terms and committees of an organization: its current committee (seats, warnings, the term's
// standing), its terms, one term with every seat; recording a congress, editing a term,
// appointing and ending seats. Each write refreshes the organization's terms and committee, and
// the organization views (their warnings include a term past its end).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { orgKeys } from '@/lib/org-queries';
import type {
  Committee,
  CommitteeSeat,
  CongressInput,
  SeatEndInput,
  SeatInput,
  TermDetail,
  TermList,
  TermPatchInput,
} from '@/types';

export const termKeys = {
  all: ['terms'] as const,
  committee: (org: number) => ['terms', 'committee', org] as const,
  list: (org: number) => ['terms', 'list', org] as const,
  detail: (id: number) => ['terms', 'detail', id] as const,
};

export const committeeQuery = (org: number) =>
  queryOptions({
    queryKey: termKeys.committee(org),
    queryFn: ({ signal }) => api<Committee>(`/orgs/${org}/committee`, { signal }),
  });

export const termListQuery = (org: number) =>
  queryOptions({
    queryKey: termKeys.list(org),
    queryFn: ({ signal }) => api<TermList>(`/orgs/${org}/terms`, { signal }),
  });

export const termQuery = (id: number) =>
  queryOptions({
    queryKey: termKeys.detail(id),
    queryFn: ({ signal }) => api<TermDetail>(`/terms/${id}`, { signal }),
  });

export function useCommittee(org: number) {
  return useQuery(committeeQuery(org));
}

export function useTermList(org: number) {
  return useQuery(termListQuery(org));
}

export function useTerm(id: number, enabled = true) {
  return useQuery({ ...termQuery(id), enabled });
}

function useTermMutation<Input, Out>(request: (input: Input) => Promise<Out>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: termKeys.all });
      void client.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}

export function useRecordCongress(org: number) {
  return useTermMutation((input: CongressInput) =>
    api<TermDetail>(`/orgs/${org}/terms`, { method: 'POST', body: input, idempotent: true }),
  );
}

export function useUpdateTerm(id: number) {
  return useTermMutation((input: TermPatchInput) =>
    api<TermDetail>(`/terms/${id}`, { method: 'PATCH', body: input }),
  );
}

export function useAppointSeat(termId: number) {
  return useTermMutation((input: SeatInput) =>
    api<CommitteeSeat>(`/terms/${termId}/seats`, { method: 'POST', body: input, idempotent: true }),
  );
}

export function useEndSeat(seatId: number) {
  return useTermMutation((input: SeatEndInput) =>
    api<CommitteeSeat>(`/seats/${seatId}/end`, { method: 'POST', body: input }),
  );
}
