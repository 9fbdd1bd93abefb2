// Signing in, and the steps of a first login (also offered on the account page): the new
// password, and a second factor (TOTP) begun and then confirmed with a code. Each answers with
// the signed-in user's Me, which goes straight into the cache.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { meKey, startSession } from '@/lib/session';
import type { LoginInput, Me, TotpBegin } from '@/types';

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api<Me>('/auth/login', { method: 'POST', body: input }),
    onSuccess: (me) => startSession(client, me),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { current_password: string; new_password: string }) =>
      api<Me>('/auth/password', { method: 'POST', body: input }),
    onSuccess: (me) => client.setQueryData(meKey, me),
  });
}

/**
 * A new secret to enrol (not active until confirmed). A query rather than a mutation so that
 * showing the page begins exactly once, even when React mounts it twice in development; it is
 * forgotten when the page closes, so coming back begins again with a fresh secret.
 */
export const totpBeginQuery = () =>
  queryOptions({
    queryKey: ['auth', 'totp-begin'],
    queryFn: () => api<TotpBegin>('/auth/totp/begin', { method: 'POST' }),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnMount: false,
  });

export function useConfirmTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<Me>('/auth/totp/confirm', { method: 'POST', body: { code } }),
    onSuccess: (me) => {
      client.setQueryData(meKey, me);
      client.removeQueries({ queryKey: ['auth', 'totp-begin'] });
    },
  });
}
