import { describe, expect, it } from 'vitest';
import type { MeetingItem, MeetingRosterLine } from '@/types';
import {
  attendanceCount,
  calendarMonths,
  formatPercentValue,
  initialAttendance,
  meetingActions,
  recordInput,
  scheduleInput,
} from './meetings';

const line = (member_id: number, patch: Partial<MeetingRosterLine> = {}): MeetingRosterLine => ({
  member_id,
  full_name: `Đảng viên ${member_id}`,
  member_status: 'official',
  counted: true,
  attendance: null,
  reason: '',
  notice: null,
  ...patch,
});

const notice = (state: 'pending' | 'accepted' | 'refused') => ({
  id: 1,
  meeting_id: 1,
  member_id: 2,
  full_name: 'Đảng viên 2',
  reason: 'Đi công tác',
  state,
  sent_at: '',
  decided_at: '',
  decided_by: '',
  decision_note: '',
});

describe('initialAttendance', () => {
  it('starts from what was recorded, then accepted notices, else present', () => {
    const values = initialAttendance([
      line(1),
      line(2, { notice: notice('accepted') }),
      line(3, { notice: notice('pending') }),
      line(4, { attendance: 'absent_unexcused', reason: 'Không báo' }),
    ]);
    expect(values).toEqual({
      1: { status: 'present' },
      2: { status: 'absent_excused', reason: 'Đi công tác' },
      3: { status: 'present' },
      4: { status: 'absent_unexcused', reason: 'Không báo' },
    });
  });
});

describe('attendanceCount', () => {
  it('leaves out special duty and exempted members', () => {
    const roster = [line(1), line(2), line(3), line(4, { member_status: 'exempted' })];
    expect(
      attendanceCount(roster, {
        1: { status: 'present' },
        2: { status: 'special_duty' },
        3: { status: 'absent_excused' },
        4: { status: 'absent_excused' },
      }),
    ).toEqual({ counted: 2, present: 1 });
  });
});

describe('recordInput', () => {
  it('sends every member once, reasons only for absences, and the filled votes', () => {
    const input = recordInput(
      {
        held_on: '2026-11-05',
        place: ' Hội trường ',
        chair_id: 1,
        secretary_id: 3,
        votes: [
          { subject: 'Thông qua nghị quyết', in_favour: 3, against: 0, abstain: 1 },
          { subject: '  ' },
        ],
        resolution: 'Nghị quyết tháng 11',
        minutes: '',
      },
      [line(1), line(2), line(3)],
      {
        1: { status: 'present', reason: 'ignored' },
        2: { status: 'absent_excused', reason: ' Ốm ' },
      },
    );
    expect(input).toEqual({
      chair_id: 1,
      secretary_id: 3,
      held_on: '2026-11-05',
      place: 'Hội trường',
      attendance: [
        { member_id: 1, status: 'present' },
        { member_id: 2, status: 'absent_excused', reason: 'Ốm' },
        { member_id: 3, status: 'present' },
      ],
      votes: [{ subject: 'Thông qua nghị quyết', in_favour: 3, against: 0, abstain: 1 }],
      resolution: 'Nghị quyết tháng 11',
    });
  });
});

describe('scheduleInput', () => {
  it('leaves out empty parts', () => {
    expect(
      scheduleInput({ held_on: '2026-12-03', kind: 'thematic', topic: ' Chuyển đổi số ' }),
    ).toEqual({
      held_on: '2026-12-03',
      kind: 'thematic',
      topic: 'Chuyển đổi số',
    });
  });
});

describe('calendarMonths', () => {
  const item = (id: number, held_on: string): MeetingItem => ({
    id,
    org: { id: 1, name: 'Chi bộ 1' },
    kind: 'regular',
    state: 'approved',
    held_on,
    starts_at: '',
    place: '',
    topic: '',
    counted: 10,
    present: 9,
    meets: true,
  });
  it('puts meetings in their month and flags the gaps the server found', () => {
    const months = calendarMonths(2026, [item(2, '2026-03-20'), item(1, '2026-03-05')], {
      missing_months: ['2026-02'],
      missing_quarters: [1],
    });
    expect(months).toHaveLength(12);
    expect(months[2].meetings.map((m) => m.id)).toEqual([1, 2]);
    expect(months[1].missing).toBe(true);
    expect(months[2].missing).toBe(false);
    expect(months[2].missingThematicQuarter).toBe(1);
    expect(months[5].missingThematicQuarter).toBeUndefined();
    expect(months[11].month).toBe('2026-12');
  });
});

describe('formatting and actions', () => {
  it('writes a percentage the Vietnamese way', () => {
    expect(formatPercentValue(86.7, 'vi')).toBe('86,7 %');
    expect(formatPercentValue(100, 'en')).toBe('100 %');
  });
  it('offers approval only to a recorded meeting, amendments only after it', () => {
    expect(meetingActions({ state: 'held', may_write: true })).toMatchObject({
      record: true,
      approve: true,
      amend: false,
    });
    expect(meetingActions({ state: 'approved', may_write: true })).toMatchObject({
      record: false,
      approve: false,
      amend: true,
    });
    expect(meetingActions({ state: 'scheduled', may_write: false })).toMatchObject({
      record: false,
      minutes: false,
    });
  });
});
