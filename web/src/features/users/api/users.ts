// Account management (GET/POST/PATCH /users ...). Every change refreshes the lists and the
// changed user; the one-time passwords in answers are shown once and never cached.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { NewUser, User, UserChanges, UserPage, UserWithPassword } from '@/types';
import { userListRequest, type UserListParams } from '../lib/user-params';

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
};

export const usersQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => api<UserPage>('/users', { params: userListRequest(params), signal }),
    staleTime: 5_000,
  });

export function useUsers(params: UserListParams) {
  return useQuery({ ...usersQuery(params), placeholderData: keepPreviousData });
}

function useUserMutation<Input, Output>(request: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useCreateUser() {
  return useUserMutation((input: NewUser) =>
    api<UserWithPassword>('/users', { method: 'POST', body: input }),
  );
}

export function useUpdateUser() {
  return useUserMutation(({ id, ...changes }: UserChanges & { id: number }) =>
    api<User>(`/users/${id}`, { method: 'PATCH', body: changes }),
  );
}

export function useResetPassword() {
  return useUserMutation(({ id, reset_totp }: { id: number; reset_totp: boolean }) =>
    api<UserWithPassword>(`/users/${id}/reset-password`, {
      method: 'POST',
      body: { reset_totp },
    }),
  );
}

export function useEndSessions() {
  return useUserMutation((id: number) =>
    api<{ ended: number }>(`/users/${id}/end-sessions`, { method: 'POST', body: {} }),
  );
}
