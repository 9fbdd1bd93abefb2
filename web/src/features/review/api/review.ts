// The annual review (issue 15): campaigns covering an organization, one campaign seen at an
// organization (its members, children, summary and quota), the cell's and the committee's
// steps, organizations' grades, closing, shortcomings of a subtree, a member's grades by year.
// Writes carry an Idempotency-Key; every write refreshes what the review shows.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type {
  MemberReviews,
  ReviewCampaignList,
  ReviewCampaignNew,
  ReviewCampaignView,
  ReviewDecisions,
  ReviewMemberLine,
  ReviewOrgGrade,
  ReviewProposal,
  ReviewSelfAssessment,
  ReviewShortcoming,
  ReviewShortcomingClose,
  ReviewShortcomingList,
  ReviewShortcomingNew,
} from '@/types';

export const reviewKeys = {
  all: ['review'] as const,
  campaigns: (org: number) => ['review', 'campaigns', org] as const,
  campaign: (id: number, org: number | undefined) => ['review', 'campaign', id, org] as const,
  member: (id: number) => ['review', 'member', id] as const,
  shortcomings: (org: number, filter: ShortcomingFilter) =>
    ['review', 'shortcomings', org, filter] as const,
};

export interface ShortcomingFilter {
  state?: 'open' | 'closed';
  overdue?: boolean;
}

export const campaignsQuery = (org: number) =>
  queryOptions({
    queryKey: reviewKeys.campaigns(org),
    queryFn: ({ signal }) =>
      api<ReviewCampaignList>('/review-campaigns', { params: { org_id: org }, signal }),
    retry: false,
  });

export function useCampaigns(org: number | undefined) {
  return useQuery({ ...campaignsQuery(org ?? 0), enabled: !!org });
}

export const campaignQuery = (id: number, org: number | undefined) =>
  queryOptions({
    queryKey: reviewKeys.campaign(id, org),
    queryFn: ({ signal }) =>
      api<ReviewCampaignView>(`/review-campaigns/${id}`, {
        params: org ? { org_id: org } : {},
        signal,
      }),
    retry: false,
  });

/** While the campaign still fans out to its organizations (a large subtree, written in the
 * background), it is read again every 2 s for the progress. */
export function useCampaign(id: number, org: number | undefined) {
  return useQuery({
    ...campaignQuery(id, org),
    refetchInterval: (query) =>
      query.state.data?.campaign?.fanout?.state === 'running' ? 2_000 : false,
  });
}

export function useMemberReviews(id: number) {
  return useQuery({
    queryKey: reviewKeys.member(id),
    queryFn: ({ signal }) => api<MemberReviews>(`/members/${id}/reviews`, { signal }),
    retry: false,
  });
}

export function useShortcomings(org: number | undefined, filter: ShortcomingFilter) {
  return useQuery({
    queryKey: reviewKeys.shortcomings(org ?? 0, filter),
    queryFn: ({ signal }) =>
      api<ReviewShortcomingList>('/review-shortcomings', {
        params: {
          org_id: org ?? 0,
          ...(filter.state ? { state: filter.state } : {}),
          ...(filter.overdue ? { overdue: 'true' } : {}),
        },
        signal,
      }),
    enabled: !!org,
    retry: false,
  });
}

function useReviewWrite<Input, Output>(path: (input: Input) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) =>
      api<Output>(path(input), { method: 'POST', body: input, idempotent: true }),
    onSuccess: () => void client.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}

export const useOpenCampaign = () =>
  useReviewWrite<ReviewCampaignNew, ReviewCampaignView>(() => '/review-campaigns');

export const useSelfAssessment = (campaign: number) =>
  useReviewWrite<ReviewSelfAssessment, ReviewMemberLine>(
    () => `/review-campaigns/${campaign}/self-assessments`,
  );

export const useProposal = (campaign: number) =>
  useReviewWrite<ReviewProposal, ReviewMemberLine>(() => `/review-campaigns/${campaign}/proposals`);

export const useDecisions = (campaign: number) =>
  useReviewWrite<ReviewDecisions, { items: ReviewMemberLine[] }>(
    () => `/review-campaigns/${campaign}/decisions`,
  );

export const useOrgGrade = (campaign: number) =>
  useReviewWrite<ReviewOrgGrade, ReviewCampaignView>(
    () => `/review-campaigns/${campaign}/org-grades`,
  );

export const useCloseCampaign = (campaign: number) =>
  useReviewWrite<{ version: number }, ReviewCampaignView>(
    () => `/review-campaigns/${campaign}/close`,
  );

export const useRecordShortcoming = () =>
  useReviewWrite<ReviewShortcomingNew, ReviewShortcoming>(() => '/review-shortcomings');

export function useCloseShortcoming() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: ReviewShortcomingClose }) =>
      api<ReviewShortcoming>(`/review-shortcomings/${id}/close`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}

/** The grade summary as XLSX: a plain link, the session cookie goes along. */
export const summaryXlsxUrl = (id: number, org: number | undefined) =>
  `/api/v1/review-campaigns/${id}/summary.xlsx${org ? `?org_id=${org}` : ''}`;
