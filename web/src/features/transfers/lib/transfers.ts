// The transfers page's filters in the URL, the query they make, what may be done with a
// transfer (as the server checks it), and its deadline: an official transfer out waits for the
// receiving side within the working days of transfer.present_working_days (the version in force
// on the letter's date, as the server reads it); a temporary one until its planned return.
import { ruleInForce } from '@/lib/catalogs';
import { daysPast } from '@/lib/dates';
import type { Permission, RuleParameter, Transfer } from '@/types';

export type TransferView = 'in_transit' | 'away' | 'open';
export const transferViews: TransferView[] = ['open', 'in_transit', 'away'];
export type TransferKind = Transfer['kind'];
export type TransferDirection = Transfer['direction'];

export interface TransferFilters {
  org?: number;
  view: TransferView;
  kind?: TransferKind;
  direction?: TransferDirection;
  overdue: boolean;
}

const kinds: TransferKind[] = ['official', 'temporary'];
const directions: TransferDirection[] = ['internal', 'outgoing', 'incoming'];

function positive(text: string | null): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function oneOf<T extends string>(values: readonly T[], text: string | null): T | undefined {
  return values.find((value) => value === text);
}

export function readTransferFilters(search: URLSearchParams, scope?: number): TransferFilters {
  return {
    org: positive(search.get('org')) ?? scope,
    view: oneOf(transferViews, search.get('state')) ?? 'open',
    kind: oneOf(kinds, search.get('kind')),
    direction: oneOf(directions, search.get('direction')),
    overdue: search.get('overdue') === 'true',
  };
}

export function writeTransferFilters(filters: TransferFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.org) search.set('org', String(filters.org));
  if (filters.view !== 'open') search.set('state', filters.view);
  if (filters.kind) search.set('kind', filters.kind);
  if (filters.direction) search.set('direction', filters.direction);
  if (filters.overdue) search.set('overdue', 'true');
  return search;
}

/** GET /transfers' query: the open states unless one is chosen. */
export function transferQuery(filters: TransferFilters) {
  return {
    org: filters.org,
    state: filters.view === 'open' ? 'in_transit,away' : filters.view,
    kind: filters.kind,
    direction: filters.direction,
    overdue: filters.overdue ? true : undefined,
  };
}

/**
 * GET /transfers answers at most this many, newest first, and says nothing when it cuts: a
 * list this long may be missing older ones (the oldest open transfers are the most overdue).
 */
export const transferListLimit = 500;

export function mayBeCut(count: number): boolean {
  return count >= transferListLimit;
}

export type TransferAction = 'complete' | 'cancel';

/**
 * The actions offered on a transfer: only while it is open; an official one needs
 * member.decide, a temporary one member.write (over one of its ends, which the server checks).
 */
export function transferActions(
  transfer: Pick<Transfer, 'kind' | 'state'>,
  permissions: readonly Permission[],
): TransferAction[] {
  if (transfer.state !== 'in_transit' && transfer.state !== 'away') return [];
  const needed: Permission = transfer.kind === 'official' ? 'member.decide' : 'member.write';
  return permissions.includes(needed) ? ['complete', 'cancel'] : [];
}

export interface TransferDeadline {
  /** present_by: the receiving side's confirmation; until: the planned return. */
  basis: 'present_by' | 'until';
  on: string | null;
  /** Days past the deadline today (0 when not past). */
  daysLate: number;
  /** The rule the deadline comes from (present_by only). */
  rule?: RuleParameter;
}

export function transferDeadline(
  transfer: Pick<Transfer, 'state' | 'present_by' | 'until' | 'letter_date'>,
  rules: RuleParameter[] | undefined,
  today: string,
): TransferDeadline {
  if (transfer.state === 'away') {
    return { basis: 'until', on: transfer.until, daysLate: daysPast(transfer.until, today) };
  }
  return {
    basis: 'present_by',
    on: transfer.present_by,
    daysLate: daysPast(transfer.present_by, today),
    rule: ruleInForce(rules, 'transfer.present_working_days', transfer.letter_date),
  };
}

/** Where from and where to, for a row: the tree's names, or the party organization outside. */
export function transferEnds(
  transfer: Pick<Transfer, 'from_name' | 'to_name' | 'external_org' | 'direction'>,
): { from: string; to: string } {
  return {
    from:
      transfer.from_name ??
      (transfer.direction === 'incoming' ? transfer.external_org : null) ??
      '',
    to:
      transfer.to_name ?? (transfer.direction === 'outgoing' ? transfer.external_org : null) ?? '',
  };
}
