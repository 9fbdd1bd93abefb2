// The directive lists' state in the URL, so that a list can be bookmarked and shared:
// /directives?org=12&kind=resolution&q=chuyen+doi+so&year=2026&status=overdue&page=2 and an
// organization's assignments
// /assignments?org=12&direction=received&state=reported&overdue=1&page=2. These functions never
// throw on odd input: a value that makes no sense is dropped.
import type { AssignmentState, DirectiveKind } from '@/types';
import { assignmentStates, directiveKinds } from './directives';

export const directivePageSizes = [20, 50, 100] as const;
const defaultPageSize = 20;

export const directiveStatuses = ['open', 'done', 'overdue'] as const;
export type DirectiveStatus = (typeof directiveStatuses)[number];

export interface DirectiveListParams {
  /** The subtree: directives issued in it or assigned into it. */
  org?: number;
  kind?: DirectiveKind;
  /** Title, number or symbol; the server ignores diacritics and case. */
  q: string;
  /** Issued in this year. */
  year?: number;
  /** From the roll-up at the issuer: some open, all accepted, some overdue. */
  status?: DirectiveStatus;
  page: number;
  page_size: number;
}

export type AssignmentDirection = 'received' | 'assigned';

export interface AssignmentListParams {
  org?: number;
  direction: AssignmentDirection;
  state?: AssignmentState;
  overdue: boolean;
  page: number;
  page_size: number;
}

function positive(text: string | null): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 && Number.isSafeInteger(value) ? value : undefined;
}

function year(text: string | null): number | undefined {
  const value = positive(text);
  return value && value >= 1930 && value <= 2200 ? value : undefined;
}

function pageSize(text: string | null): number {
  const size = positive(text);
  return size && (directivePageSizes as readonly number[]).includes(size) ? size : defaultPageSize;
}

export function readDirectiveParams(search: URLSearchParams, scope?: number): DirectiveListParams {
  return {
    org: positive(search.get('org')) ?? scope,
    kind: directiveKinds.find((kind) => kind === search.get('kind')),
    q: (search.get('q') ?? '').slice(0, 200),
    year: year(search.get('year')),
    status: directiveStatuses.find((status) => status === search.get('status')),
    page: positive(search.get('page')) ?? 1,
    page_size: pageSize(search.get('page_size')),
  };
}

/** The URL search string for `params`, defaults left out so that URLs stay short. */
export function writeDirectiveParams(params: DirectiveListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.org) search.set('org', String(params.org));
  if (params.kind) search.set('kind', params.kind);
  if (params.q.trim()) search.set('q', params.q);
  if (params.year) search.set('year', String(params.year));
  if (params.status) search.set('status', params.status);
  if (params.page > 1) search.set('page', String(params.page));
  if (params.page_size !== defaultPageSize) search.set('page_size', String(params.page_size));
  return search;
}

/** Any change but the page itself starts again at page 1. */
export function changeParams<P extends { page: number }>(params: P, patch: Partial<P>): P {
  const next = { ...params, ...patch };
  if (!('page' in patch)) next.page = 1;
  return next;
}

/** GET /directives' query for one page. */
export function directiveListQuery(params: DirectiveListParams) {
  return {
    org: params.org,
    kind: params.kind,
    q: params.q.trim() || undefined,
    year: params.year,
    status: params.status,
    offset: (params.page - 1) * params.page_size,
    limit: params.page_size,
  };
}

export function readAssignmentParams(
  search: URLSearchParams,
  scope?: number,
): AssignmentListParams {
  return {
    org: positive(search.get('org')) ?? scope,
    direction: search.get('direction') === 'assigned' ? 'assigned' : 'received',
    state: assignmentStates.find((state) => state === search.get('state')),
    overdue: search.get('overdue') === '1',
    page: positive(search.get('page')) ?? 1,
    page_size: pageSize(search.get('page_size')),
  };
}

export function writeAssignmentParams(params: AssignmentListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.org) search.set('org', String(params.org));
  if (params.direction !== 'received') search.set('direction', params.direction);
  if (params.state) search.set('state', params.state);
  if (params.overdue) search.set('overdue', '1');
  if (params.page > 1) search.set('page', String(params.page));
  if (params.page_size !== defaultPageSize) search.set('page_size', String(params.page_size));
  return search;
}

/** GET /orgs/{id}/assignments' query for one page. */
export function assignmentListQuery(params: AssignmentListParams) {
  return {
    direction: params.direction,
    state: params.state,
    overdue: params.overdue || undefined,
    offset: (params.page - 1) * params.page_size,
    limit: params.page_size,
  };
}
