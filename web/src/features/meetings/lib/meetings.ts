// Cell meetings as the UI handles them: the permissions, the kinds and attendance statuses,
// the recording form's values to POST /meetings/{id}/record's body (one line per member of the
// roster), what the calendar of a cell's year shows, and the URL parameters of the lists.
import type {
  AttendanceStatus,
  CellMeetingQuality,
  Meeting,
  MeetingItem,
  MeetingKind,
  MeetingNew,
  MeetingRecord,
  MeetingRosterLine,
  MeetingVoteNew,
  Permission,
} from '@/types';
import { addMonths } from '@/lib/months';

// The meetings permissions (data/catalog/roles.tsv).
export const meetingRead: Permission = 'meeting.read';
export const meetingWrite: Permission = 'meeting.write';

export const meetingKinds: MeetingKind[] = ['regular', 'thematic', 'ad_hoc'];
export const attendanceStatuses: AttendanceStatus[] = [
  'present',
  'absent_excused',
  'absent_unexcused',
  'special_duty',
];

/** Whether a status needs a reason (an absence). */
export function needsReason(status: AttendanceStatus | undefined): boolean {
  return status === 'absent_excused' || status === 'absent_unexcused';
}

export interface AttendanceValue {
  status: AttendanceStatus;
  reason?: string;
}

/**
 * The recording form's starting attendance: what was recorded (recording again before the
 * approval), else an accepted absence notice as "absent with reason", else present.
 */
export function initialAttendance(
  roster: readonly MeetingRosterLine[],
): Record<number, AttendanceValue> {
  const values: Record<number, AttendanceValue> = {};
  for (const line of roster) {
    if (line.attendance) {
      values[line.member_id] = { status: line.attendance, reason: line.reason || undefined };
    } else if (line.notice?.state === 'accepted') {
      values[line.member_id] = { status: 'absent_excused', reason: line.notice.reason };
    } else {
      values[line.member_id] = { status: 'present' };
    }
  }
  return values;
}

/** Present / counted, as the attendance being entered stands (the server's figure wins). */
export function attendanceCount(
  roster: readonly MeetingRosterLine[],
  values: Readonly<Record<number, AttendanceValue>>,
): { counted: number; present: number } {
  let counted = 0;
  let present = 0;
  for (const line of roster) {
    const status = values[line.member_id]?.status ?? 'present';
    if (status === 'special_duty' || line.member_status === 'exempted') continue;
    counted += 1;
    if (status === 'present') present += 1;
  }
  return { counted, present };
}

export interface VoteValues {
  subject?: string;
  in_favour?: number | null;
  against?: number | null;
  abstain?: number | null;
}

export interface RecordValues {
  held_on?: string | null;
  place?: string;
  chair_id?: number | null;
  secretary_id?: number | null;
  votes?: VoteValues[];
  resolution?: string;
  minutes?: string;
}

export const recordFields = [
  'held_on',
  'place',
  'chair_id',
  'secretary_id',
  'attendance',
  'votes',
  'resolution',
  'minutes',
] as const;

/** POST /meetings/{id}/record's body: every member of the roster once, in roster order. */
export function recordInput(
  values: RecordValues,
  roster: readonly MeetingRosterLine[],
  attendance: Readonly<Record<number, AttendanceValue>>,
): MeetingRecord {
  const input: MeetingRecord = {
    chair_id: values.chair_id ?? 0,
    secretary_id: values.secretary_id ?? 0,
    attendance: roster.map((line) => {
      const value = attendance[line.member_id] ?? { status: 'present' };
      const reason = (value.reason ?? '').trim();
      return needsReason(value.status) && reason
        ? { member_id: line.member_id, status: value.status, reason }
        : { member_id: line.member_id, status: value.status };
    }),
  };
  if (values.held_on) input.held_on = values.held_on;
  const place = (values.place ?? '').trim();
  if (place) input.place = place;
  const votes: MeetingVoteNew[] = [];
  for (const vote of values.votes ?? []) {
    const subject = (vote.subject ?? '').trim();
    if (!subject) continue;
    votes.push({
      subject,
      in_favour: vote.in_favour ?? 0,
      against: vote.against ?? 0,
      abstain: vote.abstain ?? 0,
    });
  }
  if (votes.length) input.votes = votes;
  const resolution = (values.resolution ?? '').trim();
  if (resolution) input.resolution = resolution;
  const minutes = (values.minutes ?? '').trim();
  if (minutes) input.minutes = minutes;
  return input;
}

export interface ScheduleValues {
  held_on?: string | null;
  starts_at?: string;
  place?: string;
  kind?: MeetingKind;
  topic?: string;
}

export const scheduleFields = ['held_on', 'starts_at', 'place', 'kind', 'topic', 'agenda'] as const;

/** POST /orgs/{id}/meetings' body (the agenda: the template, the server's default). */
export function scheduleInput(values: ScheduleValues): MeetingNew {
  const input: MeetingNew = { held_on: values.held_on ?? '', kind: values.kind ?? 'regular' };
  const startsAt = (values.starts_at ?? '').trim();
  if (startsAt) input.starts_at = startsAt;
  const place = (values.place ?? '').trim();
  if (place) input.place = place;
  const topic = (values.topic ?? '').trim();
  if (topic) input.topic = topic;
  return input;
}

export interface CalendarMonth {
  month: string;
  meetings: MeetingItem[];
  /** No regular meeting recorded for a month that is owed (the server's quality says). */
  missing: boolean;
  /** The quarter (1-4) whose thematic meeting is missing, on the quarter's last month. */
  missingThematicQuarter?: number;
}

/** The twelve months of a cell's year with their meetings (oldest first) and the gaps. */
export function calendarMonths(
  year: number,
  meetings: readonly MeetingItem[],
  quality: Pick<CellMeetingQuality, 'missing_months' | 'missing_quarters'> | undefined,
): CalendarMonth[] {
  const months: CalendarMonth[] = [];
  let month = `${year}-01`;
  for (let i = 0; i < 12; i++) {
    const inMonth = meetings
      .filter((item) => item.held_on.slice(0, 7) === month)
      .sort((a, b) => a.held_on.localeCompare(b.held_on));
    const quarter = Math.floor(i / 3) + 1;
    months.push({
      month,
      meetings: inMonth,
      missing: !!quality?.missing_months.includes(month),
      missingThematicQuarter:
        i % 3 === 2 && quality?.missing_quarters.includes(quarter) ? quarter : undefined,
    });
    month = addMonths(month, 1);
  }
  return months;
}

/** "86,7 %" / "86.7 %": a percentage the server gave (one decimal), for display. */
export function formatPercentValue(value: number, lang: string): string {
  return `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: 1,
  }).format(value)} %`;
}

/** What may be done with a meeting now (the server checks again). */
export function meetingActions(meeting: Pick<Meeting, 'state' | 'may_write'>) {
  return {
    record: meeting.may_write && meeting.state !== 'approved',
    approve: meeting.may_write && meeting.state === 'held',
    amend: meeting.may_write && meeting.state === 'approved',
    minutes: meeting.state !== 'scheduled',
  };
}

/** The minutes' download (DOCX) and print view: plain links, the session cookie goes along. */
export const minutesDocxUrl = (id: number) => `/api/v1/meetings/${id}/docx`;
export const minutesPrintUrl = (id: number) => `/api/v1/meetings/${id}/print`;
