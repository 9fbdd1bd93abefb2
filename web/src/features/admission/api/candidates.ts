// Admission files (GET/POST /candidates, steps, undo, close). Every write answers with the
// file as it now is, which replaces the cached detail; the board's lists are refetched.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AdmissionStepInput, CandidateDetail, CandidatePage, MemberPage } from '@/types';

export const candidateKeys = {
  all: ['candidates'] as const,
  list: (org: number) => ['candidates', 'list', org] as const,
  detail: (id: number) => ['candidates', 'detail', id] as const,
};

/** The open files of a cell (the board; a cell holds tens of files, one page of 500). */
export const cellCandidatesQuery = (org: number) =>
  queryOptions({
    queryKey: candidateKeys.list(org),
    queryFn: ({ signal }) =>
      api<CandidatePage>('/candidates', {
        params: { org, status: 'open', page_size: 500 },
        signal,
      }),
    staleTime: 5_000,
  });

export function useCellCandidates(org: number | undefined) {
  return useQuery({ ...cellCandidatesQuery(org ?? 0), enabled: !!org });
}

export const candidateQuery = (id: number) =>
  queryOptions({
    queryKey: candidateKeys.detail(id),
    queryFn: ({ signal }) => api<CandidateDetail>(`/candidates/${id}`, { signal }),
    staleTime: 0,
  });

export function useCandidate(id: number | undefined) {
  return useQuery({ ...candidateQuery(id ?? 0), enabled: !!id });
}

function useFileWrite<T>(call: (input: T) => Promise<CandidateDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (file) => {
      client.setQueryData(candidateKeys.detail(file.id), file);
      void client.invalidateQueries({ queryKey: ['candidates', 'list'] });
      // A ceremony puts a member on the roll.
      if (file.member_id) void client.invalidateQueries({ queryKey: ['members'] });
    },
  });
}

export type CandidateInput = Record<string, string | number | boolean | null>;

export function useCreateCandidate() {
  return useFileWrite((input: CandidateInput) =>
    api<CandidateDetail>('/candidates', { method: 'POST', body: input, idempotent: true }),
  );
}

export function useRecordStep(id: number) {
  return useFileWrite((input: AdmissionStepInput) =>
    api<CandidateDetail>(`/candidates/${id}/steps`, {
      method: 'POST',
      body: input,
      idempotent: true,
    }),
  );
}

export function useUndoStep(id: number) {
  return useFileWrite((step: string) =>
    api<CandidateDetail>(`/candidates/${id}/undo`, {
      method: 'POST',
      body: { step },
      idempotent: true,
    }),
  );
}

export function useCloseCandidate(id: number) {
  return useFileWrite((input: { version: number; on: string; reason: string }) =>
    api<CandidateDetail>(`/candidates/${id}/close`, {
      method: 'POST',
      body: input,
      idempotent: true,
    }),
  );
}

/** Registry members an introducer is picked from (the base organization's, by name). */
export function useIntroducerSearch(org: number | undefined, q: string) {
  return useQuery({
    queryKey: ['candidates', 'introducers', org, q],
    queryFn: ({ signal }) =>
      api<MemberPage>('/members', { params: { org, q, page_size: 20 }, signal }),
    enabled: !!org,
    staleTime: 30_000,
  });
}
