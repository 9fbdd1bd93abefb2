// Members due a Party badge at an occasion (GET /badges, a page of them with whole counts by
// milestone) and a decision's awards (POST /badges/awards, all or none). Awarding takes the
// members off the list and moves their next badge.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BadgeAwardInput, BadgeList } from '@/types';
import { badgeQuery, type BadgeParams } from '../lib/badges';

export const badgesQuery = (params: BadgeParams) =>
  queryOptions({
    queryKey: ['lifecycle', 'badges', badgeQuery(params)] as const,
    queryFn: ({ signal }) => api<BadgeList>('/badges', { params: badgeQuery(params), signal }),
    staleTime: 10_000,
  });

export function useBadges(params: BadgeParams) {
  return useQuery({
    ...badgesQuery(params),
    enabled: !!params.org,
    placeholderData: keepPreviousData,
  });
}

export function useAwardBadges() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BadgeAwardInput) =>
      api<{ awarded: number; occasion: string }>('/badges/awards', { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['lifecycle'] });
      void client.invalidateQueries({ queryKey: ['members', 'lifecycle'] });
    },
  });
}
