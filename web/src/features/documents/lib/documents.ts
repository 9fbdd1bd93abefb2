// The register's forms as the API wants them: form values to the create and update bodies (and
// back), the query that previews the number a new outgoing document will get, the types an
// issuing body may issue, the server's field errors onto the form's fields, and what may be
// done with a document (as the server checks it).
import type {
  DocumentCatalog,
  DocumentCreateInput,
  DocumentRecipientInput,
  DocumentTypeInfo,
  DocumentUpdateInput,
  IncomingDocumentCreateInput,
  IssuingBody,
  PartyDocument,
  Permission,
} from '@/types';

export type Secrecy = NonNullable<PartyDocument['secrecy']>;
export type Urgency = NonNullable<PartyDocument['urgency']>;
export type Authority = NonNullable<PartyDocument['authority']>;

// The register's permissions (data/catalog/roles.tsv).
export const documentRead: Permission = 'document.read';
export const documentWrite: Permission = 'document.write';

/** An outgoing document's form. The body and the free-text recipients are one line each. */
export interface OutgoingValues {
  org_id?: number;
  issuing_body: IssuingBody;
  type?: string;
  issued_on?: string | null;
  place?: string;
  summary?: string;
  body?: string;
  issuer_name?: string;
  superior_issuer?: string;
  signer_name?: string;
  signer_position?: string;
  authority?: Authority | null;
  signing_for?: string;
  recipient_orgs?: number[];
  recipient_texts?: string;
  secrecy?: Secrecy | null;
  urgency?: Urgency | null;
  circulation?: string;
}

/** An incoming document's form. */
export interface IncomingValues {
  org_id?: number;
  from_issuer?: string;
  symbol?: string;
  type?: string;
  issued_on?: string | null;
  received_on?: string | null;
  summary?: string;
  secrecy?: Secrecy | null;
  urgency?: Urgency | null;
  forward_to?: number[];
}

export const outgoingFields = [
  'org_id',
  'issuing_body',
  'type',
  'issued_on',
  'place',
  'summary',
  'body',
  'issuer_name',
  'superior_issuer',
  'signer_name',
  'signer_position',
  'authority',
  'signing_for',
  'recipient_orgs',
  'recipient_texts',
  'secrecy',
  'urgency',
  'circulation',
] as const;

export const incomingFields = [
  'org_id',
  'from_issuer',
  'symbol',
  'type',
  'issued_on',
  'received_on',
  'summary',
  'secrecy',
  'urgency',
  'forward_to',
] as const;

/** The server's names for fields the form names otherwise ("recipients[2].text"). */
export const fieldAliases: Readonly<Record<string, string>> = {
  recipients: 'recipient_orgs',
  'recipients[]': 'recipient_orgs',
  'recipients[].org_id': 'recipient_orgs',
  'recipients[].text': 'recipient_texts',
  signer_member_id: 'signer_name',
};

/** The non-empty lines of a text, trimmed. */
export function linesOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The recipients as the API takes them: the tree's organizations first, then the free lines. */
export function recipientInputs(
  orgIds: readonly number[] | undefined,
  texts: string | undefined,
): DocumentRecipientInput[] {
  return [
    ...[...new Set(orgIds ?? [])].map((org_id) => ({ org_id })),
    ...linesOf(texts).map((text) => ({ text })),
  ];
}

function trimmed(text: string | null | undefined): string | undefined {
  const value = (text ?? '').trim();
  return value || undefined;
}

/**
 * POST /documents' body: the body, the signer's position and the recipients always (the server
 * requires them); empty optional fields are left out (the server's defaults apply).
 */
export function outgoingInput(values: OutgoingValues): DocumentCreateInput {
  const input: DocumentCreateInput = {
    org_id: values.org_id ?? 0,
    issuing_body: values.issuing_body,
    type: values.type ?? '',
    issued_on: values.issued_on ?? '',
    place: (values.place ?? '').trim(),
    summary: (values.summary ?? '').trim(),
    body: linesOf(values.body),
    signer_position: (values.signer_position ?? '').trim(),
    recipients: recipientInputs(values.recipient_orgs, values.recipient_texts),
  };
  const optional = {
    issuer_name: trimmed(values.issuer_name),
    superior_issuer: trimmed(values.superior_issuer),
    signer_name: trimmed(values.signer_name),
    signing_for: trimmed(values.signing_for),
    circulation: trimmed(values.circulation),
    authority: values.authority ?? undefined,
    secrecy: values.secrecy ?? undefined,
    urgency: values.urgency ?? undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(input, { [key]: value });
  }
  return input;
}

/** Whether the form names at least one recipient (of the tree, or a line of text). */
export function hasRecipients(values: Pick<OutgoingValues, 'recipient_orgs' | 'recipient_texts'>) {
  return recipientInputs(values.recipient_orgs, values.recipient_texts).length > 0;
}

/** POST /documents/incoming's body. */
export function incomingInput(values: IncomingValues): IncomingDocumentCreateInput {
  const input: IncomingDocumentCreateInput = {
    org_id: values.org_id ?? 0,
    from_issuer: (values.from_issuer ?? '').trim(),
    type: values.type ?? '',
    issued_on: values.issued_on ?? '',
    received_on: values.received_on ?? '',
    summary: (values.summary ?? '').trim(),
  };
  const symbol = trimmed(values.symbol);
  if (symbol) input.symbol = symbol;
  if (values.secrecy) input.secrecy = values.secrecy;
  if (values.urgency) input.urgency = values.urgency;
  const forward = [...new Set(values.forward_to ?? [])];
  if (forward.length) input.forward_to = forward;
  return input;
}

/** A document's values as its edit form starts with them. */
export function outgoingValuesOf(doc: PartyDocument): OutgoingValues {
  return {
    org_id: doc.org_id,
    issuing_body: doc.issuing_body ?? 'committee',
    type: doc.type,
    issued_on: doc.issued_on,
    place: doc.place ?? '',
    summary: doc.summary ?? '',
    body: doc.body.join('\n'),
    issuer_name: doc.issuer_name ?? '',
    superior_issuer: doc.superior_issuer ?? '',
    signer_name: doc.signer_name ?? '',
    signer_position: doc.signer_position ?? '',
    authority: doc.authority,
    signing_for: doc.signing_for ?? '',
    recipient_orgs: doc.recipients.flatMap((item) => (item.org_id ? [item.org_id] : [])),
    recipient_texts: doc.recipients
      .flatMap((item) => (item.org_id ? [] : [item.text ?? item.line]))
      .join('\n'),
    secrecy: doc.secrecy,
    urgency: doc.urgency,
    circulation: doc.circulation ?? '',
  };
}

export function incomingValuesOf(doc: PartyDocument): IncomingValues {
  return {
    org_id: doc.org_id,
    from_issuer: doc.from_issuer ?? '',
    symbol: doc.symbol ?? '',
    type: doc.type,
    issued_on: doc.issued_on,
    received_on: doc.received_on,
    summary: doc.summary ?? '',
    secrecy: doc.secrecy,
    urgency: doc.urgency,
    forward_to: doc.forwards.map((item) => item.org_id),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * PATCH /documents/{id}'s body: the version edited and only the fields changed (an outgoing
 * document's number, type, date and issuer never change; an incoming one's forwards are passed
 * down separately). A mark cleared is sent as null.
 */
export function updateInput(
  doc: PartyDocument,
  values: OutgoingValues | IncomingValues,
): DocumentUpdateInput {
  const update: DocumentUpdateInput = { version: doc.version };
  if (doc.direction === 'outgoing') {
    const before = outgoingInput(outgoingValuesOf(doc));
    const after = outgoingInput(values as OutgoingValues);
    const keys = [
      'place',
      'summary',
      'body',
      'issuer_name',
      'superior_issuer',
      'signer_name',
      'signer_position',
      'authority',
      'signing_for',
      'recipients',
      'secrecy',
      'urgency',
      'circulation',
    ] as const;
    for (const key of keys) {
      if (same(before[key], after[key])) continue;
      const cleared = after[key] === undefined;
      const value =
        key === 'body' || key === 'recipients'
          ? (after[key] ?? [])
          : cleared
            ? key === 'authority' || key === 'secrecy' || key === 'urgency'
              ? null
              : ''
            : after[key];
      Object.assign(update, { [key]: value });
    }
    return update;
  }
  const before = incomingInput(incomingValuesOf(doc));
  const after = incomingInput(values as IncomingValues);
  const keys = [
    'from_issuer',
    'symbol',
    'type',
    'issued_on',
    'received_on',
    'summary',
    'secrecy',
    'urgency',
  ] as const;
  for (const key of keys) {
    if (same(before[key], after[key])) continue;
    const cleared = after[key] === undefined;
    const value = cleared ? (key === 'secrecy' || key === 'urgency' ? null : '') : after[key];
    Object.assign(update, { [key]: value });
  }
  return update;
}

/** The types a body may number: a congress only the congress types. */
export function outgoingTypes(
  catalog: DocumentCatalog | undefined,
  body: IssuingBody | undefined,
): DocumentTypeInfo[] {
  return (catalog?.types ?? []).filter(
    (type) => type.numbered && (body !== 'congress' || type.congress),
  );
}

/**
 * GET /documents/next-number's query for the form's values, or undefined while the issuing
 * organization, a numbered type or a whole date is missing.
 */
export function nextNumberRequest(
  values: Pick<OutgoingValues, 'org_id' | 'issuing_body' | 'type' | 'issued_on'>,
  catalog: DocumentCatalog | undefined,
) {
  const type = catalog?.types.find((item) => item.code === values.type);
  if (!values.org_id || !type?.numbered) return undefined;
  if (!values.issued_on || !/^\d{4}-\d{2}-\d{2}$/.test(values.issued_on)) return undefined;
  return {
    org: values.org_id,
    issuing_body: values.issuing_body,
    type: type.code,
    issued_on: values.issued_on,
  };
}

export type DocumentAction = 'edit' | 'withdraw' | 'attach' | 'forward' | 'docx' | 'print';

/**
 * What the page offers: the DOCX and the print view of an outgoing document that may be read
 * in full; changes (edit, withdraw, attachments, passing an incoming one down) only while it
 * is active, with document.write (the server checks the scope).
 */
export function documentActions(
  doc: Pick<PartyDocument, 'direction' | 'status'>,
  permissions: readonly Permission[],
): DocumentAction[] {
  const actions: DocumentAction[] = [];
  if (doc.direction === 'outgoing') actions.push('docx', 'print');
  if (doc.status !== 'active' || !permissions.includes(documentWrite)) return actions;
  actions.push('edit', 'attach');
  if (doc.direction === 'incoming') actions.push('forward');
  actions.push('withdraw');
  return actions;
}

/** "20 MiB", "1,5 MiB" (Vietnamese decimals), "830 KiB", "12 B". */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 || Number.isInteger(value) ? 0 : 1;
  const text = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: digits,
  }).format(value);
  return `${text} ${units[unit]}`;
}

/** The type an attachment is sent as (the server checks the content, not this). */
export function attachmentType(name: string): string {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  const types: Record<string, string> = {
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
  };
  return types[extension] ?? 'application/octet-stream';
}
