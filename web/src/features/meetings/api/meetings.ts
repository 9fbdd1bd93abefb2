// The meetings API's reads and writes: a cell's meetings of a year and its quality, one
// meeting, the cells missing a month's meeting, the removal list, the signed-in member's own
// meetings; scheduling, recording as held, approving, amending, absence notices and their
// decision. Creating writes carry an Idempotency-Key; every write refreshes the meetings.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type {
  CellMeetingQuality,
  Meeting,
  MeetingAbsenceDecision,
  MeetingAbsenceNotice,
  MeetingAbsenceNoticeNew,
  MeetingAmendmentNew,
  MeetingNew,
  MeetingPage,
  MeetingRecord,
  MissingMeetings,
  MyMeetings,
  RemovalCandidates,
} from '@/types';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (org: number, year: number, state?: string) =>
    ['meetings', 'list', org, year, state] as const,
  quality: (org: number, year: number) => ['meetings', 'quality', org, year] as const,
  detail: (id: number) => ['meetings', 'detail', id] as const,
  missing: (org: number, month: string, kind: string, offset: number) =>
    ['meetings', 'missing', org, month, kind, offset] as const,
  removal: (org: number, year: number, offset: number) =>
    ['meetings', 'removal', org, year, offset] as const,
  mine: (year: number) => ['meetings', 'mine', year] as const,
};

export const orgMeetingsQuery = (org: number, year: number, state?: string) =>
  queryOptions({
    queryKey: meetingKeys.list(org, year, state),
    queryFn: ({ signal }) =>
      api<MeetingPage>(`/orgs/${org}/meetings`, {
        params: { year, state, limit: 500 },
        signal,
      }),
    enabled: org > 0,
  });

export function useOrgMeetings(org: number | undefined, year: number, state?: string) {
  return useQuery({
    ...orgMeetingsQuery(org ?? 0, year, state),
    placeholderData: keepPreviousData,
  });
}

export function useCellQuality(org: number | undefined, year: number, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.quality(org ?? 0, year),
    queryFn: ({ signal }) =>
      api<CellMeetingQuality>(`/orgs/${org}/meetings/quality`, { params: { year }, signal }),
    enabled: !!org && enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export const meetingQuery = (id: number) =>
  queryOptions({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => api<Meeting>(`/meetings/${id}`, { signal }),
  });

export function useMeeting(id: number) {
  return useQuery(meetingQuery(id));
}

export const missingPageSize = 50;

export function useMissingMeetings(
  org: number | undefined,
  month: string,
  kind: 'regular' | 'thematic',
  offset: number,
) {
  return useQuery({
    queryKey: meetingKeys.missing(org ?? 0, month, kind, offset),
    queryFn: ({ signal }) =>
      api<MissingMeetings>(`/orgs/${org}/meetings/missing`, {
        params: { month, kind, offset, limit: missingPageSize },
        signal,
      }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

export function useRemovalCandidates(org: number | undefined, year: number, offset: number) {
  return useQuery({
    queryKey: meetingKeys.removal(org ?? 0, year, offset),
    queryFn: ({ signal }) =>
      api<RemovalCandidates>(`/orgs/${org}/removal-candidates`, {
        params: { year, offset, limit: missingPageSize },
        signal,
      }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

export function useMyMeetings(year: number) {
  return useQuery({
    queryKey: meetingKeys.mine(year),
    queryFn: ({ signal }) => api<MyMeetings>('/meetings/mine', { params: { year }, signal }),
    retry: false,
  });
}

function useMeetingChanged() {
  const client = useQueryClient();
  return (meeting?: Meeting) => {
    if (meeting) client.setQueryData(meetingKeys.detail(meeting.id), meeting);
    void client.invalidateQueries({ queryKey: meetingKeys.all });
  };
}

export function useScheduleMeeting(org: number) {
  const changed = useMeetingChanged();
  return useMutation({
    mutationFn: (input: MeetingNew) =>
      api<Meeting>(`/orgs/${org}/meetings`, { method: 'POST', body: input, idempotent: true }),
    onSuccess: changed,
  });
}

export function useRecordMeeting(id: number) {
  const changed = useMeetingChanged();
  return useMutation({
    mutationFn: (input: MeetingRecord) =>
      api<Meeting>(`/meetings/${id}/record`, { method: 'POST', body: input, idempotent: true }),
    onSuccess: changed,
  });
}

export function useApproveMeeting(id: number) {
  const changed = useMeetingChanged();
  return useMutation({
    mutationFn: () => api<Meeting>(`/meetings/${id}/approve`, { method: 'POST', idempotent: true }),
    onSuccess: changed,
  });
}

export function useAmendMeeting(id: number) {
  const changed = useMeetingChanged();
  return useMutation({
    mutationFn: (input: MeetingAmendmentNew) =>
      api<Meeting>(`/meetings/${id}/amendments`, { method: 'POST', body: input, idempotent: true }),
    onSuccess: changed,
  });
}

export function useSendAbsenceNotice() {
  const changed = useMeetingChanged();
  return useMutation({
    mutationFn: ({ meeting, input }: { meeting: number; input: MeetingAbsenceNoticeNew }) =>
      api<MeetingAbsenceNotice>(`/meetings/${meeting}/absence-notices`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => changed(),
  });
}

export function useDecideAbsenceNotice() {
  const changed = useMeetingChanged();
  return useMutation({
    mutationFn: ({
      meeting,
      notice,
      input,
    }: {
      meeting: number;
      notice: number;
      input: MeetingAbsenceDecision;
    }) =>
      api<MeetingAbsenceNotice>(`/meetings/${meeting}/absence-notices/${notice}/decision`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => changed(),
  });
}
