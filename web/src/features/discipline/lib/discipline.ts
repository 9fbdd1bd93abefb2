// Discipline as the UI handles it: the permissions, the sanctions the Charter allows each
// subject (Art. 35; the server refuses the others), the form's values to the bodies of
// POST /discipline-cases, /vote and /decide, and how a clock reads (days left, overdue, none).
import type {
  DisciplineCaseNew,
  DisciplineCategory,
  DisciplineDecision,
  DisciplineSanction,
  DisciplineSubject,
  DisciplineVote,
  Permission,
} from '@/types';

// The discipline permissions (data/catalog/roles.tsv): restricted records.
export const disciplineRead: Permission = 'discipline.read';
export const disciplineWrite: Permission = 'discipline.write';

export const sanctions: DisciplineSanction[] = [
  'reprimand',
  'warning',
  'dismissal',
  'expulsion',
  'dissolution',
];
export const categories: DisciplineCategory[] = [
  'ordinary',
  'internal_politics',
  'security_defence_foreign',
  'illegal_diploma',
];

const allowed: Record<DisciplineSubject, DisciplineSanction[]> = {
  organization: ['reprimand', 'warning', 'dissolution'],
  official: ['reprimand', 'warning', 'dismissal', 'expulsion'],
  probationary: ['reprimand', 'warning'],
};

/** The sanctions a subject may receive (Charter Art. 35). */
export function sanctionsFor(subject: DisciplineSubject): DisciplineSanction[] {
  return allowed[subject];
}

export interface OpenCaseValues {
  member_id?: number;
  breach_summary?: string;
  breach_date?: string;
  category?: DisciplineCategory;
  sanction?: DisciplineSanction;
  competent_level?: string;
}

export const openCaseFields = [
  'member_id',
  'breach_summary',
  'breach_date',
  'category',
  'sanction',
  'competent_level',
] as const;

/** POST /discipline-cases' body: a member's case, or (no member) the organization's own. */
export function openCaseInput(values: OpenCaseValues, org: number): DisciplineCaseNew {
  const input: DisciplineCaseNew = {
    breach_summary: (values.breach_summary ?? '').trim(),
    breach_date: values.breach_date ?? '',
    category: values.category ?? 'ordinary',
    sanction: values.sanction ?? 'reprimand',
    competent_level: (values.competent_level ?? '').trim(),
  };
  if (values.member_id) input.member_id = values.member_id;
  else input.org_id = org;
  return input;
}

export interface VoteValues {
  in_favour?: number;
  against?: number;
  abstain?: number;
  entitled?: number;
  voted_on?: string;
}

export const voteFields = ['in_favour', 'against', 'abstain', 'entitled', 'voted_on'] as const;

export function voteInput(values: VoteValues, version: number): DisciplineVote {
  return {
    in_favour: values.in_favour ?? 0,
    against: values.against ?? 0,
    abstain: values.abstain ?? 0,
    entitled: values.entitled ?? 0,
    voted_on: values.voted_on ?? '',
    version,
  };
}

export interface DecisionValues {
  decided_on?: string;
  decision_number?: string;
  received_on?: string;
}

export const decisionFields = ['decided_on', 'decision_number', 'received_on', 'vote'] as const;

export function decisionInput(values: DecisionValues, version: number): DisciplineDecision {
  const input: DisciplineDecision = { decided_on: values.decided_on ?? '', version };
  const number = (values.decision_number ?? '').trim();
  if (number) input.decision_number = number;
  if (values.received_on) input.received_on = values.received_on;
  return input;
}

/** How a clock reads: "overdue", "today" (the last day), or the days left. */
export function clockState(clock: {
  overdue?: boolean;
  expired?: boolean;
  days_left?: number | null;
}): 'overdue' | 'today' | 'running' {
  if (clock.overdue || clock.expired) return 'overdue';
  return clock.days_left === 0 ? 'today' : 'running';
}
