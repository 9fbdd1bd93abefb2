// The signed-in user's inbox: the unread count the header's bell shows (asked again every
// minute, when the window regains focus, and after every change here), one page of
// notifications, marking one or all read.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { InboxMarked, InboxPage, InboxUnreadCount, Notification } from '@/types';

/** How often the bell asks: a reminder waits at most this long to show. */
export const unreadPollMs = 60_000;

export const inboxKeys = {
  all: ['inbox'] as const,
  unread: ['inbox', 'unread'] as const,
  page: (unreadOnly: boolean, page: number) => ['inbox', 'page', unreadOnly, page] as const,
};

export const unreadCountQuery = () =>
  queryOptions({
    queryKey: inboxKeys.unread,
    queryFn: ({ signal }) => api<InboxUnreadCount>('/inbox/unread-count', { signal }),
    refetchInterval: unreadPollMs,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
    retry: false,
  });

export function useUnreadCount() {
  return useQuery(unreadCountQuery());
}

export const inboxPageSize = 20;

export const inboxQuery = (unreadOnly: boolean, page: number) =>
  queryOptions({
    queryKey: inboxKeys.page(unreadOnly, page),
    queryFn: ({ signal }) =>
      api<InboxPage>('/inbox', {
        params: {
          unread: unreadOnly || undefined,
          offset: (page - 1) * inboxPageSize,
          limit: inboxPageSize,
        },
        signal,
      }),
  });

export function useInbox(unreadOnly: boolean, page: number) {
  return useQuery({ ...inboxQuery(unreadOnly, page), placeholderData: keepPreviousData });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api<Notification>(`/inbox/${id}/read`, { method: 'POST', body: {} }),
    onSuccess: () => void client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<InboxMarked>('/inbox/read-all', { method: 'POST', body: {} }),
    onSuccess: () => void client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
