// The procedures that change a member's standing (docs/lifecycle.md): which of them a member's
// status and the user's permissions allow, and the request bodies their forms make. The server
// decides; this only offers what it would not refuse outright.
import type { DocumentRef, MemberLifecycle, Permission } from '@/types';

export type Procedure = 'recognition' | 'exit' | 'exemption' | 'transfer';

const onRoll = new Set(['probationary', 'official', 'exempted']);

/** removed, expelled and left are the committees' (member.decide); a death the cell's. */
export const exitStatuses = ['removed', 'expelled', 'left', 'deceased'] as const;

export function exitPermission(status: string): Permission {
  return status === 'deceased' ? 'member.write' : 'member.decide';
}

/** The exits a member may take: never expulsion of a probationary member. */
export function exitChoices(status: string, permissions: readonly Permission[]): string[] {
  if (!onRoll.has(status)) return [];
  return exitStatuses.filter(
    (exit) =>
      permissions.includes(exitPermission(exit)) &&
      !(exit === 'expelled' && status === 'probationary'),
  );
}

/** The recognition step due: the cell's resolution first, then the committee's decision. */
export function recognitionStep(
  lifecycle: Pick<MemberLifecycle, 'status' | 'recognition'>,
): 'cell_resolution' | 'decision' | undefined {
  if (lifecycle.status !== 'probationary') return undefined;
  const cell = lifecycle.recognition.find((step) => step.step === 'cell_resolution');
  return cell ? 'decision' : 'cell_resolution';
}

export function recognitionPermission(step: string): Permission {
  return step === 'decision' ? 'member.decide' : 'member.write';
}

/** The procedures to offer for a member with this standing to a user with these permissions. */
export function availableProcedures(
  lifecycle: Pick<MemberLifecycle, 'status' | 'recognition'>,
  permissions: readonly Permission[],
): Procedure[] {
  const list: Procedure[] = [];
  const step = recognitionStep(lifecycle);
  if (step && permissions.includes(recognitionPermission(step))) list.push('recognition');
  if (
    (lifecycle.status === 'official' || lifecycle.status === 'exempted') &&
    permissions.includes('member.write')
  )
    list.push('exemption');
  if (
    onRoll.has(lifecycle.status) &&
    (permissions.includes('member.write') || permissions.includes('member.decide'))
  )
    list.push('transfer');
  if (exitChoices(lifecycle.status, permissions).length > 0) list.push('exit');
  return list;
}

const text = (value: string | null | undefined) => (value ?? '').trim();

/** A document from its two inputs, or undefined when both are empty. */
export function documentOf(
  number: string | null | undefined,
  authority: string | null | undefined,
): DocumentRef | undefined {
  const n = text(number);
  const a = text(authority);
  return n || a ? { number: n || null, authority: a || null } : undefined;
}

export interface ProcedureValues {
  on?: string | null;
  document_number?: string;
  document_authority?: string;
  note?: string;
  // recognition
  step?: string;
  recognized?: boolean;
  in_favour?: number | null;
  against?: number | null;
  entitled?: number | null;
  // exit
  status?: string;
  ground?: string;
  // exemption
  action?: 'start' | 'end';
  // transfer
  kind?: 'official' | 'temporary';
  direction?: 'internal' | 'outgoing';
  to_org_id?: number | null;
  external_org?: string;
  purpose?: 'work' | 'study';
  until?: string | null;
}

type Body = Record<string, unknown>;

function common(values: ProcedureValues, version: number): Body {
  const body: Body = { version, on: values.on };
  const document = documentOf(values.document_number, values.document_authority);
  if (document) body.document = document;
  if (text(values.note)) body.note = text(values.note);
  return body;
}

export function recognitionBody(values: ProcedureValues, version: number): Body {
  const body = { ...common(values, version), step: values.step, recognized: !!values.recognized };
  if (values.step === 'cell_resolution') {
    const vote: Body = {};
    for (const key of ['in_favour', 'against', 'entitled'] as const)
      if (typeof values[key] === 'number') vote[key] = values[key];
    if (Object.keys(vote).length) (body as Body).vote = vote;
  }
  return body;
}

export function exitBody(values: ProcedureValues, version: number): Body {
  return { ...common(values, version), status: values.status, ground: values.ground };
}

export function exemptionBody(values: ProcedureValues, version: number): Body {
  // The document is required; the server names it when it is missing.
  return { document: {}, ...common(values, version), action: values.action };
}

export function transferBody(values: ProcedureValues, memberId: number): Body {
  const body: Body = {
    kind: values.kind,
    direction: values.direction,
    member_id: memberId,
    letter_date: values.on,
  };
  const letter = documentOf(values.document_number, values.document_authority);
  if (letter) body.letter = letter;
  if (values.direction === 'internal') body.to_org_id = values.to_org_id ?? undefined;
  if (values.direction === 'outgoing' && text(values.external_org))
    body.external_org = text(values.external_org);
  if (values.kind === 'temporary') {
    body.purpose = values.purpose;
    if (values.until) body.until = values.until;
  }
  if (text(values.note)) body.note = text(values.note);
  return body;
}

/** Where the server's field names land on a procedure form. */
export const procedureFieldAliases: Record<string, string> = {
  'document.number': 'document_number',
  'document.authority': 'document_authority',
  document: 'document_number',
  'letter.number': 'document_number',
  'letter.authority': 'document_authority',
  letter: 'document_number',
  letter_date: 'on',
  'vote.in_favour': 'in_favour',
  'vote.against': 'against',
  'vote.entitled': 'entitled',
  vote: 'in_favour',
};

export const procedureFields = [
  'on',
  'document_number',
  'document_authority',
  'note',
  'step',
  'recognized',
  'in_favour',
  'against',
  'entitled',
  'status',
  'ground',
  'action',
  'kind',
  'direction',
  'to_org_id',
  'external_org',
  'purpose',
  'until',
];
