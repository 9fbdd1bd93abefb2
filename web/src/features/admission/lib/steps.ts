// The admission procedure as the board shows it (docs/lifecycle.md, 12-HD/BTCTW): the steps in
// order, the phases the board groups files by, which inputs each step's form has, who may
// record it, and the request body a step's form makes. The server checks each step against the
// rules in force on its date; nothing here decides admissibility.
import type { AdmissionStepInput, Candidate, OrgDetail, OrgKind, Permission } from '@/types';

export const admissionSteps = [
  'course',
  'application',
  'personal_history',
  'verification',
  'introduction',
  'endorsement',
  'cell_resolution',
  'sub_committee_appraisal',
  'base_resolution',
  'decision',
  'ceremony',
] as const;

export type AdmissionStepCode = (typeof admissionSteps)[number];

/** The board's columns: the phases of an open file. */
export const boardPhases = ['preparing', 'cell_review', 'superior_review', 'ceremony'] as const;

export type BoardPhase = (typeof boardPhases)[number];

/** Steps the committees decide (member.decide); the cell's own need member.write. */
const committeeSteps = new Set<string>(['sub_committee_appraisal', 'base_resolution', 'decision']);

export function stepPermission(step: string): Permission {
  return committeeSteps.has(step) ? 'member.decide' : 'member.write';
}

export function canRecordStep(permissions: readonly Permission[], step: string): boolean {
  return permissions.includes(stepPermission(step));
}

export interface StepInputs {
  document: boolean;
  /** The document's number and authority the server requires (domain/lifecycle/admission.cpp). */
  numberRequired: boolean;
  authorityRequired: boolean;
  vote: boolean;
  introducers: boolean;
  receivedOn: boolean;
  place: boolean;
}

/** Which inputs a step's form shows besides its date and note. */
const numberRequired = new Set(['course', 'cell_resolution', 'base_resolution', 'decision']);
const authorityRequired = new Set(['course', 'endorsement', 'sub_committee_appraisal', 'decision']);

export function stepInputs(step: string): StepInputs {
  return {
    document: !['application', 'personal_history', 'introduction'].includes(step),
    numberRequired: numberRequired.has(step),
    authorityRequired: authorityRequired.has(step),
    vote: step === 'cell_resolution' || step === 'base_resolution',
    introducers: step === 'introduction',
    receivedOn: step === 'decision',
    place: step === 'ceremony',
  };
}

/** The form's values of a step (flat, as antd holds them). */
export interface StepValues {
  step: AdmissionStepCode;
  on?: string | null;
  document_number?: string;
  document_authority?: string;
  in_favour?: number | null;
  against?: number | null;
  entitled?: number | null;
  introducers?: { member_id?: number | null; known_since?: string | null }[];
  youth_union?: boolean;
  received_on?: string | null;
  place?: string;
  note?: string;
}

const text = (value: string | undefined | null) => (value ?? '').trim();

/** POST /candidates/{id}/steps's body for the step's inputs only; empty text left out. */
export function stepInput(values: StepValues): AdmissionStepInput {
  const inputs = stepInputs(values.step);
  const body: AdmissionStepInput = { step: values.step, on: values.on ?? '' };
  if (inputs.document) {
    const number = text(values.document_number);
    const authority = text(values.document_authority);
    if (number || authority)
      body.document = { number: number || null, authority: authority || null };
  }
  if (inputs.vote) {
    const vote: { in_favour?: number; against?: number; entitled?: number } = {};
    if (typeof values.in_favour === 'number') vote.in_favour = values.in_favour;
    if (typeof values.against === 'number') vote.against = values.against;
    if (typeof values.entitled === 'number') vote.entitled = values.entitled;
    if (Object.keys(vote).length > 0) body.vote = vote;
  }
  if (inputs.introducers) {
    body.introducers = (values.introducers ?? [])
      .filter((item) => typeof item?.member_id === 'number')
      .map((item) => ({ member_id: item.member_id!, known_since: item.known_since ?? null }));
    if (values.youth_union) body.youth_union = true;
  }
  if (inputs.receivedOn && values.received_on) body.received_on = values.received_on;
  if (inputs.place && text(values.place)) body.place = text(values.place);
  if (text(values.note)) body.note = text(values.note);
  return body;
}

/**
 * Where the server's field names land on the step form: the nested ones under their inputs.
 * (introducers[i].x go on that introducer's row; "introducers" itself, the count, is shown
 * above the form.)
 */
export const stepFieldAliases: Record<string, string> = {
  'document.number': 'document_number',
  'document.authority': 'document_authority',
  'vote.in_favour': 'in_favour',
  'vote.against': 'against',
  'vote.entitled': 'entitled',
  vote: 'in_favour',
  document: 'document_number',
};

export const stepFormFields = [
  'step',
  'on',
  'document_number',
  'document_authority',
  'in_favour',
  'against',
  'entitled',
  'youth_union',
  'received_on',
  'place',
  'note',
];

/** The steps a file may record now: what its phase lacks, in order (the server's `missing`). */
export function nextSteps(candidate: Pick<Candidate, 'status' | 'missing'>): string[] {
  return candidate.status === 'open' ? candidate.missing : [];
}

/**
 * The step an undo withdraws: the latest recorded in the procedure's order (the later ones
 * rest on it, as the server checks), if any; the ceremony is final.
 */
export function undoableStep(candidate: Pick<Candidate, 'status' | 'steps'>): string | undefined {
  if (candidate.status !== 'open' || candidate.steps.length === 0) return undefined;
  const order = (step: string) => admissionSteps.indexOf(step as AdmissionStepCode);
  const last = candidate.steps.reduce((a, b) => (order(b.step) > order(a.step) ? b : a));
  return last.step === 'ceremony' ? undefined : last.step;
}

/** Open files by phase, each column by name (as the server sorts them). */
export function groupByPhase<T extends Pick<Candidate, 'phase'>>(
  candidates: readonly T[],
): Record<BoardPhase, T[]> {
  const columns = Object.fromEntries(boardPhases.map((phase) => [phase, [] as T[]])) as Record<
    BoardPhase,
    T[]
  >;
  for (const candidate of candidates) {
    if ((boardPhases as readonly string[]).includes(candidate.phase))
      columns[candidate.phase as BoardPhase].push(candidate);
  }
  return columns;
}

/**
 * The base organization a cell belongs to (itself when it is a base cell): introducers are
 * official members of the same base organization, so they are searched there.
 */
export function baseOrgOf(
  org: Pick<OrgDetail, 'id' | 'kind' | 'ancestors'>,
  kinds: readonly Pick<OrgKind, 'code' | 'is_base'>[],
): number {
  const isBase = (kind: string) => kinds.some((item) => item.code === kind && item.is_base);
  if (isBase(org.kind)) return org.id;
  for (const ancestor of [...org.ancestors].reverse())
    if (isBase(ancestor.kind)) return ancestor.id;
  return org.id;
}
