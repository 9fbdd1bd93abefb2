import { describe, expect, it } from 'vitest';
import {
  assignmentActions,
  formPath,
  periodParts,
  reportablePeriods,
  reviewablePeriods,
  issueInput,
  reportInput,
  targetInput,
  taskInput,
} from './directives';

describe('issueInput', () => {
  const base = {
    org_id: 7,
    kind: 'directive' as const,
    title: '  Về chuyển đổi số  ',
    issued_on: '2026-11-16',
    tasks: [{ title: 'Xây dựng kế hoạch', due_mode: 'date' as const, due_on: '2026-12-15' }],
  };

  it('sends the document of the register and never a typed number with it', () => {
    expect(
      issueInput({ ...base, source: 'register', document_id: 42, number_symbol: '35-CT/TW' }),
    ).toEqual({
      org_id: 7,
      kind: 'directive',
      title: 'Về chuyển đổi số',
      issued_on: '2026-11-16',
      document_id: 42,
      tasks: [{ title: 'Xây dựng kế hoạch', due_on: '2026-12-15' }],
    });
  });

  it('sends a typed number (a document from above), trimmed, and leaves empty ones out', () => {
    expect(issueInput({ ...base, source: 'text', number_symbol: ' 35-CT/TW ' }).number_symbol).toBe(
      '35-CT/TW',
    );
    const input = issueInput({ ...base, source: 'text', number_symbol: ' ', summary: '' });
    expect('number_symbol' in input).toBe(false);
    expect('summary' in input).toBe(false);
    expect('document_id' in input).toBe(false);
  });
});

describe('taskInput', () => {
  it('sends exactly one way of giving the due date', () => {
    expect(
      taskInput({
        title: 'A',
        due_mode: 'working_days',
        due_working_days: 10,
        due_on: '2026-12-01',
      }),
    ).toEqual({ title: 'A', due_working_days: 10 });
    expect(
      taskInput({ title: 'A', due_mode: 'date', due_on: '2026-12-01', due_working_days: 10 }),
    ).toEqual({ title: 'A', due_on: '2026-12-01' });
    expect(taskInput({ title: ' B ', description: ' chi tiết ' })).toEqual({
      title: 'B',
      description: 'chi tiết',
    });
  });
});

describe('formPath', () => {
  it('turns the field names of the server into form paths', () => {
    expect(formPath('tasks[1].due_on')).toEqual(['tasks', 1, 'due_on']);
    expect(formPath('title')).toEqual(['title']);
    expect(formPath('target.org_ids[0]')).toEqual(['target', 'org_ids', 0]);
  });
});

describe('targetInput', () => {
  it('keeps only what the mode needs', () => {
    expect(targetInput({ mode: 'children', kind: 'cell', org_ids: [1] })).toEqual({
      mode: 'children',
    });
    expect(targetInput({ mode: 'kind', kind: 'cell', org_ids: [1] })).toEqual({
      mode: 'kind',
      kind: 'cell',
    });
    expect(targetInput({ mode: 'orgs', org_ids: [3, 4, 3] })).toEqual({
      mode: 'orgs',
      org_ids: [3, 4],
    });
    expect(targetInput({ mode: 'member', member_id: 9 })).toEqual({ mode: 'member', member_id: 9 });
    expect(targetInput({})).toEqual({ mode: 'children' });
  });
});

describe('reportInput', () => {
  it('keeps figures with a label and a value, and the version', () => {
    expect(
      reportInput(3, {
        text: ' Đã quán triệt ',
        figures: [
          { label: 'Đảng viên đã học', value: 25, unit: 'người' },
          { label: ' ', value: 4 },
          { label: 'Tỷ lệ', value: null },
          { label: 'Buổi', value: 0 },
        ],
        attachment_note: '',
      }),
    ).toEqual({
      version: 3,
      text: 'Đã quán triệt',
      figures: [
        { label: 'Đảng viên đã học', value: 25, unit: 'người' },
        { label: 'Buổi', value: 0 },
      ],
    });
  });
});

describe('assignmentActions', () => {
  const of = (
    state: Parameters<typeof assignmentActions>[0]['state'],
    may: { report?: boolean; review?: boolean; assign?: boolean },
  ) =>
    assignmentActions({
      state,
      may_report: !!may.report,
      may_review: !!may.review,
      may_assign: !!may.assign,
    });

  it('lets the receiving side acknowledge, start and report', () => {
    expect(of('assigned', { report: true, assign: true })).toEqual(['acknowledge', 'subassign']);
    expect(of('acknowledged', { report: true })).toEqual(['start', 'report']);
    expect(of('in_progress', { report: true })).toEqual(['report']);
    expect(of('returned', { report: true })).toEqual(['start', 'report']);
    expect(of('reported', { report: true })).toEqual([]);
  });

  it('lets the assigning side review a report, once', () => {
    expect(of('reported', { review: true })).toEqual(['review']);
    expect(of('accepted', { review: true, assign: true })).toEqual([]);
  });
});

describe('scheduled periodic reports', () => {
  const periods = [
    {
      period: '2026-Q4',
      starts_on: '2026-10-01',
      ends_on: '2026-12-31',
      due_on: '2027-01-15',
      state: 'accepted' as const,
    },
    {
      period: '2027-Q1',
      starts_on: '2027-01-01',
      ends_on: '2027-03-31',
      due_on: '2027-04-15',
      state: 'overdue' as const,
    },
    {
      period: '2027-Q2',
      starts_on: '2027-04-01',
      ends_on: '2027-06-30',
      due_on: '2027-07-15',
      state: 'reported' as const,
    },
    {
      period: '2027-Q3',
      starts_on: '2027-07-01',
      ends_on: '2027-09-30',
      due_on: '2027-10-15',
      state: 'due' as const,
    },
    {
      period: 'final',
      starts_on: '2026-10-01',
      ends_on: '2027-12-31',
      due_on: '2027-12-31',
      state: 'due' as const,
    },
  ];
  const a = { state: 'assigned' as const, may_report: true, may_review: true, periods };

  it('offers the periods still to report; the final one only when a report is possible', () => {
    expect(reportablePeriods(a)).toEqual(['2027-Q1', '2027-Q3']);
    expect(reportablePeriods({ ...a, state: 'in_progress' })).toEqual([
      '2027-Q1',
      '2027-Q3',
      'final',
    ]);
    expect(reportablePeriods({ ...a, state: 'accepted' })).toEqual([]);
    expect(reportablePeriods({ ...a, may_report: false })).toEqual([]);
    expect(reportablePeriods({ ...a, periods: [] })).toEqual([]);
  });

  it('offers the reported periods for review', () => {
    expect(reviewablePeriods(a)).toEqual(['2027-Q2']);
    expect(reviewablePeriods({ ...a, may_review: false })).toEqual([]);
  });

  it('sends the schedule with a task, and names the periods', () => {
    expect(
      taskInput({
        title: 'T',
        due_mode: 'date',
        due_on: '2027-12-31',
        report_schedule: { cadence: 'half_yearly' },
      }),
    ).toEqual({ title: 'T', due_on: '2027-12-31', report_schedule: { cadence: 'half_yearly' } });
    expect(
      taskInput({
        title: 'T',
        due_mode: 'date',
        due_on: '2027-12-31',
        report_schedule: { cadence: 'none' },
      }),
    ).toEqual({ title: 'T', due_on: '2027-12-31' });
    expect(periodParts('2027-Q3')).toEqual({ kind: 'quarter', year: '2027', n: 3 });
    expect(periodParts('2027-H1')).toEqual({ kind: 'half', year: '2027', n: 1 });
    expect(periodParts('2027')).toEqual({ kind: 'year', year: '2027' });
    expect(periodParts('final')).toEqual({ kind: 'final' });
    expect(reportInput(3, { period: '2027-Q1', text: ' x ' })).toEqual({
      version: 3,
      period: '2027-Q1',
      text: 'x',
    });
  });
});
