// The dues API's reads and writes: a cell's book for a month, a member's dues card (and the
// signed-in member's own), the reconciliation of a subtree, the arrears list; recording a
// payment (Idempotency-Key), a basis, a relief decision, an adjustment, and closing a month. Every write refreshes the dues queries.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type {
  DuesAdjustmentNew,
  DuesArrears,
  DuesBasisNew,
  DuesBook,
  DuesPaymentNew,
  DuesReliefNew,
  DuesReconciliation,
  MemberDues,
} from '@/types';

export const duesKeys = {
  all: ['dues'] as const,
  book: (org: number, month: string) => ['dues', 'book', org, month] as const,
  member: (id: number, from?: string, to?: string) => ['dues', 'member', id, from, to] as const,
  mine: () => ['dues', 'mine'] as const,
  reconciliation: (org: number, month: string) => ['dues', 'reconciliation', org, month] as const,
  arrears: (org: number, year: number) => ['dues', 'arrears', org, year] as const,
};

export const duesBookQuery = (org: number, month: string) =>
  queryOptions({
    queryKey: duesKeys.book(org, month),
    queryFn: ({ signal }) => api<DuesBook>(`/orgs/${org}/dues/book`, { params: { month }, signal }),
    enabled: org > 0,
  });

export function useDuesBook(org: number | undefined, month: string) {
  return useQuery({ ...duesBookQuery(org ?? 0, month), placeholderData: keepPreviousData });
}

export const memberDuesQuery = (id: number, from?: string, to?: string) =>
  queryOptions({
    queryKey: duesKeys.member(id, from, to),
    queryFn: ({ signal }) =>
      api<MemberDues>(`/members/${id}/dues`, {
        params: { from_month: from, to_month: to },
        signal,
      }),
  });

export function useMemberDues(id: number, from?: string, to?: string) {
  return useQuery({ ...memberDuesQuery(id, from, to), placeholderData: keepPreviousData });
}

export function useMyDues() {
  return useQuery({
    queryKey: duesKeys.mine(),
    queryFn: ({ signal }) => api<MemberDues>('/dues/mine', { signal }),
    retry: false,
  });
}

export const reconciliationQuery = (org: number, month: string) =>
  queryOptions({
    queryKey: duesKeys.reconciliation(org, month),
    queryFn: ({ signal }) =>
      api<DuesReconciliation>(`/orgs/${org}/dues/reconciliation`, { params: { month }, signal }),
    enabled: org > 0,
  });

export function useReconciliation(org: number | undefined, month: string) {
  return useQuery({ ...reconciliationQuery(org ?? 0, month), placeholderData: keepPreviousData });
}

export const arrearsQuery = (org: number, year: number) =>
  queryOptions({
    queryKey: duesKeys.arrears(org, year),
    queryFn: ({ signal }) =>
      api<DuesArrears>(`/orgs/${org}/dues/arrears`, { params: { year }, signal }),
    enabled: org > 0,
  });

export function useArrears(org: number | undefined, year: number) {
  return useQuery({ ...arrearsQuery(org ?? 0, year), placeholderData: keepPreviousData });
}

export function useRecordPayment(member: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DuesPaymentNew) =>
      api<MemberDues>(`/members/${member}/dues/payments`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: duesKeys.all }),
  });
}

export function useCloseMonth(org: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (month: string) =>
      api<DuesBook>(`/orgs/${org}/dues/close`, {
        method: 'POST',
        body: { month },
        idempotent: true,
      }),
    onSuccess: (book) => {
      client.setQueryData(duesKeys.book(org, book.month), book);
      void client.invalidateQueries({ queryKey: duesKeys.all });
    },
  });
}

export function useRecordBasis(member: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DuesBasisNew) =>
      api<MemberDues>(`/members/${member}/dues/bases`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: duesKeys.all }),
  });
}

export function useRecordRelief(member: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DuesReliefNew) =>
      api<MemberDues>(`/members/${member}/dues/reliefs`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: duesKeys.all }),
  });
}

export function useRecordAdjustment(org: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DuesAdjustmentNew) =>
      api<DuesBook>(`/orgs/${org}/dues/adjustments`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: (book) => {
      client.setQueryData(duesKeys.book(org, book.month), book);
      void client.invalidateQueries({ queryKey: duesKeys.all });
    },
  });
}
