import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MemberDetail } from '@/types';
import { memberKeys } from './list-members';

export const memberQuery = (id: number) =>
  queryOptions({
    queryKey: memberKeys.detail(id),
    queryFn: ({ signal }) => api<MemberDetail>(`/members/${id}`, { signal }),
    staleTime: 0,
  });

export function useMember(id: number) {
  return useQuery(memberQuery(id));
}
