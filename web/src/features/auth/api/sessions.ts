// The signed-in user's own sessions (docs/accounts.md): the open ones, and ending one of them or
// all the others, which needs the current password. Ending refreshes the list.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { OwnSessionList, OwnSessionsEnd, SessionsEnded } from '@/types';

export const ownSessionsKey = ['auth', 'sessions'] as const;

export const ownSessionsQuery = () =>
  queryOptions({
    queryKey: ownSessionsKey,
    queryFn: ({ signal }) => api<OwnSessionList>('/auth/sessions', { signal }),
  });

export function useEndSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OwnSessionsEnd) =>
      api<SessionsEnded>('/auth/sessions/end', { method: 'POST', body: input }),
    onSettled: () => client.invalidateQueries({ queryKey: ownSessionsKey }),
  });
}
