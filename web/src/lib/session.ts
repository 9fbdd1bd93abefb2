// The signed-in user (GET /auth/me), shared by the frame, the route guards and every screen
// that shows or hides an action by permission. Signing in and the first-login steps answer
// with a Me too: they put it here directly (and a sign-in drops every other cached answer,
// which belonged to whoever was signed in before).
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Me, Permission } from '@/types';
import { api, isApiError } from './api-client';
import { can } from './permissions';

export const meKey = ['me'] as const;

export const meQuery = () =>
  queryOptions({
    queryKey: meKey,
    queryFn: ({ signal }) => api<Me>('/auth/me', { signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });

/** The signed-in user; the frame renders no page before it is known. */
export function useMe(): Me | undefined {
  return useQuery(meQuery()).data;
}

export function useCan(permission: Permission): boolean {
  return can(useMe(), permission);
}

/** After signing in: nothing cached from before survives, and the new user is known. */
export function startSession(client: QueryClient, me: Me): void {
  client.getQueryCache().clear();
  client.setQueryData(meKey, me);
}

/** Ends the session on the server (a session that already ended is fine) and forgets it all. */
export async function endSession(client: QueryClient): Promise<void> {
  try {
    await api<void>('/auth/logout', { method: 'POST' });
  } catch (error) {
    if (!isApiError(error) || error.status !== 401) throw error;
  }
  await client.cancelQueries();
  client.clear();
}
