// Directives as the API wants them: the issue form's values to POST /directives' body, an
// assignment's target (all children, all of a kind, chosen organizations, a member), a report
// with its figures, and what may be done with an assignment (as the server says it).
import type {
  AssignmentDetail,
  AssignmentState,
  AssignmentTarget,
  DirectiveCreateInput,
  DirectiveKind,
  DirectiveTaskInput,
  Permission,
  ReportFigure,
  ReportInput,
} from '@/types';

// The cascade's permissions and the background jobs' (data/catalog/roles.tsv).
export const directiveRead: Permission = 'directive.read';
export const directiveWrite: Permission = 'directive.write';
export const directiveReport: Permission = 'directive.report';
export const jobManage: Permission = 'job.manage';

export const directiveKinds: DirectiveKind[] = [
  'resolution',
  'directive',
  'conclusion',
  'plan',
  'programme',
  'higher_document',
];

export const assignmentStates: AssignmentState[] = [
  'assigned',
  'acknowledged',
  'in_progress',
  'reported',
  'accepted',
  'returned',
];

export type DueMode = 'date' | 'working_days';

export type ReportCadence = NonNullable<DirectiveTaskInput['report_schedule']>['cadence'];
export const reportCadences: ReportCadence[] = ['quarterly', 'half_yearly', 'yearly'];

export interface TaskValues {
  title?: string;
  description?: string;
  due_mode?: DueMode;
  due_on?: string | null;
  due_working_days?: number | null;
  report_schedule?: { cadence?: ReportCadence | 'none'; final_due_on?: string | null };
}

/** The issue form. The document is one of the register's, or typed (one from above). */
export interface IssueValues {
  org_id?: number;
  kind?: DirectiveKind;
  title?: string;
  issued_on?: string | null;
  source?: 'register' | 'text';
  document_id?: number | null;
  number_symbol?: string;
  summary?: string;
  tasks?: TaskValues[];
}

export const issueFields = [
  'org_id',
  'kind',
  'title',
  'issued_on',
  'document_id',
  'number_symbol',
  'summary',
  'tasks',
] as const;

function trimmed(text: string | null | undefined): string | undefined {
  const value = (text ?? '').trim();
  return value || undefined;
}

/** One task as the API takes it: exactly one of due_on and due_working_days. */
export function taskInput(values: TaskValues): DirectiveTaskInput {
  const input: DirectiveTaskInput = { title: (values.title ?? '').trim() };
  const description = trimmed(values.description);
  if (description) input.description = description;
  const cadence = values.report_schedule?.cadence;
  if (cadence && cadence !== 'none') {
    const finalDue = values.report_schedule?.final_due_on;
    input.report_schedule = finalDue ? { cadence, final_due_on: finalDue } : { cadence };
  }
  if (values.due_mode === 'working_days') {
    if (values.due_working_days) input.due_working_days = values.due_working_days;
  } else if (values.due_on) {
    input.due_on = values.due_on;
  }
  return input;
}

/** POST /directives' body: the register's document or the typed number, never both. */
export function issueInput(values: IssueValues): DirectiveCreateInput {
  const input: DirectiveCreateInput = {
    org_id: values.org_id ?? 0,
    kind: values.kind ?? 'directive',
    title: (values.title ?? '').trim(),
    issued_on: values.issued_on ?? '',
    tasks: (values.tasks ?? []).map(taskInput),
  };
  if (values.source === 'register') {
    if (values.document_id) input.document_id = values.document_id;
  } else {
    const symbol = trimmed(values.number_symbol);
    if (symbol) input.number_symbol = symbol;
  }
  const summary = trimmed(values.summary);
  if (summary) input.summary = summary;
  return input;
}

/**
 * The server's names for the form's fields: "tasks[1].due_on" is the second task's due date,
 * which the form names ['tasks', 1, 'due_on'].
 */
export function formPath(field: string): (string | number)[] {
  return field
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export type TargetMode = AssignmentTarget['mode'];
export const targetModes: TargetMode[] = ['children', 'kind', 'orgs', 'member'];

export interface TargetValues {
  mode?: TargetMode;
  kind?: string;
  org_ids?: number[];
  member_id?: number | null;
}

/** An assignment's target: only the members of the mode chosen. */
export function targetInput(values: TargetValues): AssignmentTarget {
  const mode = values.mode ?? 'children';
  if (mode === 'kind') return { mode, kind: values.kind ?? '' };
  if (mode === 'orgs') return { mode, org_ids: [...new Set(values.org_ids ?? [])] };
  if (mode === 'member') return { mode, member_id: values.member_id ?? 0 };
  return { mode };
}

export interface FigureValues {
  label?: string;
  value?: number | null;
  unit?: string;
}

export interface ReportValues {
  period?: string;
  text?: string;
  figures?: FigureValues[];
  attachment_note?: string;
}

/** POST /assignments/{id}/reports' body; figures without a label or a value are left out. */
export function reportInput(version: number, values: ReportValues): ReportInput {
  const figures: ReportFigure[] = [];
  for (const figure of values.figures ?? []) {
    const label = trimmed(figure.label);
    if (!label || figure.value === null || figure.value === undefined) continue;
    const unit = trimmed(figure.unit);
    figures.push(unit ? { label, value: figure.value, unit } : { label, value: figure.value });
  }
  const input: ReportInput = { version, text: (values.text ?? '').trim() };
  if (values.period) input.period = values.period;
  if (figures.length) input.figures = figures;
  const note = trimmed(values.attachment_note);
  if (note) input.attachment_note = note;
  return input;
}

export type AssignmentAction = 'acknowledge' | 'start' | 'subassign' | 'report' | 'review';

/**
 * What an assignment's page offers: the receiving side (may_report) acknowledges a new one,
 * starts it, reports on it (again after a return); whoever may assign from it sub-assigns
 * (the server acknowledges it on the way); the assigning side (may_review) accepts or returns
 * a report. The server checks it all again.
 */
export function assignmentActions(
  a: Pick<AssignmentDetail, 'state' | 'may_report' | 'may_review' | 'may_assign'>,
): AssignmentAction[] {
  const actions: AssignmentAction[] = [];
  if (a.may_report && a.state === 'assigned') actions.push('acknowledge');
  if (a.may_report && (a.state === 'acknowledged' || a.state === 'returned')) {
    actions.push('start');
  }
  if (a.may_assign && a.state !== 'accepted') actions.push('subassign');
  if (
    a.may_report &&
    (a.state === 'acknowledged' || a.state === 'in_progress' || a.state === 'returned')
  ) {
    actions.push('report');
  }
  if (a.may_review && a.state === 'reported') actions.push('review');
  return actions;
}

type PeriodsOf = Pick<AssignmentDetail, 'state' | 'may_report' | 'may_review' | 'periods'>;

/**
 * The scheduled periods a report may be sent for now: those not reported, accepted or waiting;
 * the final report (the assignment's own) only where the assignment's state allows a report.
 * None when the task has no schedule (the report is then the assignment's own, as before).
 */
export function reportablePeriods(a: PeriodsOf): string[] {
  if (!a.may_report || a.state === 'accepted') return [];
  const finalOpen =
    a.state === 'acknowledged' || a.state === 'in_progress' || a.state === 'returned';
  return a.periods
    .filter((p) => p.state === 'due' || p.state === 'overdue' || p.state === 'returned')
    .filter((p) => p.period !== 'final' || finalOpen)
    .map((p) => p.period);
}

/** The periods whose report waits for the assigning level's review. */
export function reviewablePeriods(a: PeriodsOf): string[] {
  if (!a.may_review) return [];
  return a.periods.filter((p) => p.state === 'reported').map((p) => p.period);
}

/** A period key as words: "2027-Q1", "2027-H2", "2027", "final". */
export function periodParts(
  key: string,
):
  | { kind: 'quarter'; year: string; n: number }
  | { kind: 'half'; year: string; n: number }
  | { kind: 'year'; year: string }
  | { kind: 'final' } {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return { kind: 'quarter', year: quarter[1]!, n: Number(quarter[2]) };
  const half = /^(\d{4})-H([12])$/.exec(key);
  if (half) return { kind: 'half', year: half[1]!, n: Number(half[2]) };
  if (/^\d{4}$/.test(key)) return { kind: 'year', year: key };
  return { kind: 'final' };
}
