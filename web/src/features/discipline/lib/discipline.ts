// Discipline as the UI handles it: the permissions, the sanctions the Charter allows each
// subject (Art. 35; the server refuses the others), the form's values to the bodies of
// POST /discipline-cases, /vote and /decide, and how a clock reads (days left, overdue, none).
import type {
  DisciplineAppeal,
  DisciplineCase,
  DisciplineCaseNew,
  DisciplineCasePatch,
  DisciplineCategory,
  DisciplineClosureRequest,
  DisciplineDecision,
  DisciplineSanction,
  DisciplineSubject,
  DisciplineSuspensionRequest,
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

export const deferralReasons = ['pregnancy', 'maternity', 'illness', 'inpatient'] as const;
export type DeferralReason = (typeof deferralReasons)[number];

export interface DeferralValues {
  from?: string;
  to?: string;
  reason?: DeferralReason;
}

/** The facts PATCH /discipline-cases/{id} takes, as the edit form holds them. */
export interface EditValues {
  breach_summary?: string;
  breach_date?: string;
  new_breach_date?: string | null;
  category?: DisciplineCategory;
  sanction?: DisciplineSanction;
  competent_level?: string;
  deferrals?: DeferralValues[];
  state_decided_on?: string | null;
  state_notified_on?: string | null;
  received_on?: string | null;
}

/** Before the decision every fact may change; after it only its receipt and the state body's. */
export function editableFields(item: Pick<DisciplineCase, 'decision'>): (keyof EditValues)[] {
  const late: (keyof EditValues)[] = ['received_on', 'state_decided_on', 'state_notified_on'];
  if (item.decision) return late;
  return [
    'breach_summary',
    'breach_date',
    'new_breach_date',
    'category',
    'sanction',
    'competent_level',
    'deferrals',
    'state_decided_on',
    'state_notified_on',
  ];
}

export function caseToEditValues(item: DisciplineCase): EditValues {
  return {
    breach_summary: item.breach_summary,
    breach_date: item.breach_date,
    new_breach_date: item.new_breach_date ?? null,
    category: item.category,
    sanction: item.sanction,
    competent_level: item.competent_level,
    deferrals: (item.deferrals ?? []).map((d) => ({
      from: d.from,
      to: d.to,
      reason: d.reason as DeferralReason,
    })),
    state_decided_on: item.state_decided_on ?? null,
    state_notified_on: item.state_notified_on ?? null,
    received_on: item.decision?.received_on ?? null,
  };
}

/**
 * PATCH's body: only the editable facts that changed (a decided case refuses the others), empty
 * dates as null (cleared), texts trimmed.
 */
export function editInput(values: EditValues, item: DisciplineCase): DisciplineCasePatch {
  const before = caseToEditValues(item);
  const input: DisciplineCasePatch = { version: item.version };
  const body = input as Record<string, unknown>;
  for (const field of editableFields(item)) {
    let value: unknown = values[field];
    if (typeof value === 'string') value = value.trim();
    if (field === 'deferrals') {
      value = (values.deferrals ?? []).map((d) => ({
        from: d.from ?? '',
        to: d.to ?? '',
        reason: d.reason ?? '',
      }));
    } else if (
      ['new_breach_date', 'state_decided_on', 'state_notified_on', 'received_on'].includes(field)
    ) {
      value = value || null;
    }
    if (JSON.stringify(value ?? null) !== JSON.stringify(before[field] ?? null)) {
      body[field] = value;
    }
  }
  return input;
}

/**
 * An appeal's two steps: its receipt (and the body it went to), then its resolution with the
 * outcome and the day the appellant received it. A settled appeal that was not final may be
 * followed by one to a higher body (the server says so in `next_appeal`).
 */
export interface AppealValues {
  received_on?: string;
  body?: AppealBody;
  decided_on?: string;
  outcome?: 'upheld' | 'reduced' | 'annulled';
  outcome_received_on?: string;
}

export type AppealBody = NonNullable<DisciplineAppeal['body']>;
export const appealFields = [
  'received_on',
  'body',
  'decided_on',
  'outcome',
  'outcome_received_on',
] as const;
export const appealOutcomes = ['upheld', 'reduced', 'annulled'] as const;
export const appealBodies: readonly { body: AppealBody; rank: number }[] = [
  { body: 'superior_committee', rank: 1 },
  { body: 'superior_inspection', rank: 1 },
  { body: 'central_inspection', rank: 2 },
  { body: 'secretariat', rank: 3 },
  { body: 'politburo', rank: 4 },
  { body: 'central_committee', rank: 5 },
];

/** True while the last appeal waits for its resolution. */
export function appealPending(item: Pick<DisciplineCase, 'appeal'>): boolean {
  return !!item.appeal && !item.appeal.decided_on;
}

/** The bodies a new appeal may go to: from the second level up, none lower than the last. */
export function appealBodiesFor(item: Pick<DisciplineCase, 'next_appeal'>) {
  const min = item.next_appeal?.min_rank ?? 0;
  return appealBodies.filter(({ rank }) => rank >= min).map(({ body }) => body);
}

export function appealInput(
  values: AppealValues,
  item: Pick<DisciplineCase, 'version' | 'appeal'>,
): DisciplineAppeal {
  const input: DisciplineAppeal = { version: item.version };
  if (!appealPending(item)) {
    if (values.received_on) input.received_on = values.received_on;
    if (values.body) input.body = values.body;
  }
  if (values.decided_on) input.decided_on = values.decided_on;
  if (values.outcome) input.outcome = values.outcome;
  if (values.outcome_received_on) input.outcome_received_on = values.outcome_received_on;
  return input;
}

/** A suspension: a new one (from, until, basis), an extension (a later until), or lifting it. */
export interface SuspensionValues {
  from?: string;
  until?: string;
  basis?: 'investigation' | 'prosecution';
  lifted_on?: string;
}

export const suspensionFields = ['from', 'until', 'basis', 'lifted_on'] as const;

export function suspensionBases(subject: DisciplineCase['subject']) {
  return subject === 'organization'
    ? (['investigation'] as const)
    : (['investigation', 'prosecution'] as const);
}

export function suspensionInput(
  values: SuspensionValues,
  item: Pick<DisciplineCase, 'version' | 'suspension'>,
  lifting: boolean,
): DisciplineSuspensionRequest {
  if (lifting) return { version: item.version, lifted_on: values.lifted_on };
  const recorded = item.suspension;
  return {
    version: item.version,
    from: recorded ? recorded.from : values.from,
    until: values.until,
    basis: recorded ? recorded.basis : values.basis,
  };
}

/** Closing a case without a sanction: the ground, the day and, unless the limitation ran, the
 * competent body's conclusion. */
export interface ClosureValues {
  closed_on?: string;
  ground?: 'limitation_expired' | 'not_disciplined';
  note?: string;
}

export const closureFields = ['closed_on', 'ground', 'note'] as const;
export const closureGrounds = ['limitation_expired', 'not_disciplined'] as const;

/** The ground the case's clock suggests: the limitation has run, else no sanction. */
export function suggestedGround(item: Pick<DisciplineCase, 'clocks'>): ClosureValues['ground'] {
  return item.clocks.limitation?.expired ? 'limitation_expired' : 'not_disciplined';
}

export function closureInput(values: ClosureValues, version: number): DisciplineClosureRequest {
  const input = { version } as DisciplineClosureRequest;
  if (values.closed_on) input.closed_on = values.closed_on;
  if (values.ground) input.ground = values.ground;
  const note = values.note?.trim();
  if (note) input.note = note;
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
