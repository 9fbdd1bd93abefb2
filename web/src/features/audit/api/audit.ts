// The audit trail: newest first, older pages by the sequence number (next_before); the chain
// check; and the users to filter by.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AuditPage, AuditVerify, UserPage } from '@/types';
import { auditRequest, type AuditParams } from '../lib/audit-params';

export const auditPageSize = 50;

export function useAuditEvents(params: AuditParams) {
  return useInfiniteQuery({
    queryKey: ['audit', 'events', params],
    queryFn: ({ signal, pageParam }) =>
      api<AuditPage>('/audit', {
        params: { ...auditRequest(params), before: pageParam, limit: auditPageSize },
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next_before ?? undefined,
    staleTime: 0,
  });
}

export function useVerifyChain() {
  return useMutation({
    mutationFn: () => api<AuditVerify>('/audit/verify'),
  });
}

/** Users whose username or name matches `q`, for the "who" filter. */
export function useUserOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['audit', 'users', q],
    queryFn: ({ signal }) =>
      api<UserPage>('/users', { params: { q: q || undefined, limit: 20 }, signal }).then(
        (page) => page.items,
      ),
    enabled,
    staleTime: 60_000,
  });
}
