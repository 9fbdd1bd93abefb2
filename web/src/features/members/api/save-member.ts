import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { orgKeys } from '@/lib/org-queries';
import type { MemberDetail } from '@/types';
import { memberKeys } from './list-members';

export type MemberInput = Record<string, string | string[] | number | null>;

/** POST /members: the new member's full record comes back. */
export function useCreateMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MemberInput) =>
      api<MemberDetail>('/members', { method: 'POST', body: input, idempotent: true }),
    onSuccess: (member) => {
      client.setQueryData(memberKeys.detail(member.id), member);
      void client.invalidateQueries({ queryKey: memberKeys.all, refetchType: 'none' });
      void client.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}

/**
 * PATCH /members/{id} with the version the edit started from and only the changed fields;
 * a stale version gets 409 version_conflict.
 */
export function useUpdateMember(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: MemberInput }) =>
      api<MemberDetail>(`/members/${id}`, { method: 'PATCH', body: { version, ...changes } }),
    onSuccess: (member) => {
      client.setQueryData(memberKeys.detail(member.id), member);
      void client.invalidateQueries({ queryKey: ['members', 'list'] });
      void client.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}
