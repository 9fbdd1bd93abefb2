import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '@/lib/api-client';
import type { Language } from '@/lib/i18n';
import type { MemberPage } from '@/types';
import { filterQuery, type MemberListParams } from '../lib/list-params';

export const memberKeys = {
  all: ['members'] as const,
  list: (params: MemberListParams) => ['members', 'list', params] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
};

export function fetchMembers(params: MemberListParams, signal?: AbortSignal) {
  return api<MemberPage>('/members', {
    params: { ...filterQuery(params), page: params.page, page_size: params.page_size },
    signal,
  });
}

export const membersQuery = (params: MemberListParams) =>
  queryOptions({
    queryKey: memberKeys.list(params),
    queryFn: ({ signal }) => fetchMembers(params, signal),
    staleTime: 10_000,
  });

/** One page of members; the previous page stays on screen while the next one loads. */
export function useMembers(params: MemberListParams) {
  return useQuery({ ...membersQuery(params), placeholderData: keepPreviousData });
}

/**
 * The CSV export of the filtered list (every page), as a download link. A link cannot send
 * Accept-Language, so the UI's language goes in `lang` (column titles and labels follow it).
 */
export function exportUrl(params: MemberListParams, lang: Language): string {
  return `/api/v1/members.csv${toQueryString({ ...filterQuery(params), lang })}`;
}
