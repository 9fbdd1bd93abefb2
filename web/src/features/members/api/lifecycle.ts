// A member's lifecycle (GET /members/{id}/lifecycle) and the procedures that change their
// standing: recognition, exit, exemption, transfer. Each write refreshes the member and its
// lifecycle (status, version and history change) and the lists that show them.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { orgKeys } from '@/lib/org-queries';
import type { MemberLifecycle } from '@/types';
import { memberKeys } from './list-members';

export const lifecycleQuery = (id: number) =>
  queryOptions({
    queryKey: ['members', 'lifecycle', id] as const,
    queryFn: ({ signal }) => api<MemberLifecycle>(`/members/${id}/lifecycle`, { signal }),
    staleTime: 0,
  });

export function useLifecycle(id: number) {
  return useQuery(lifecycleQuery(id));
}

export type ProcedureCall = 'recognition' | 'exit' | 'exemption' | 'transfer';

const endpoint = (id: number, call: ProcedureCall) =>
  call === 'transfer' ? '/transfers' : `/members/${id}/${call}`;

/** One procedure's POST; on success the member, its lifecycle and the lists are refetched. */
export function useProcedure(id: number, call: ProcedureCall) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<unknown>(endpoint(id, call), { method: 'POST', body, idempotent: true }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: memberKeys.detail(id) });
      void client.invalidateQueries({ queryKey: ['members', 'lifecycle', id] });
      void client.invalidateQueries({ queryKey: ['members', 'list'] });
      void client.invalidateQueries({ queryKey: ['lifecycle'] });
      void client.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}
