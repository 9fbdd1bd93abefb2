// The register lists' state in the URL, so that a list can be bookmarked and shared:
// /documents?org=12&type=ke_hoach&term=3&from=2026-01-01&to=2026-06-30&q=phat+trien&page=2
// (outgoing) and /documents/incoming?... (incoming). These functions read and write that state
// and never throw on odd input: a value that makes no sense is dropped.

export type RegisterDirection = 'outgoing' | 'incoming';
export type DocumentStatus = 'active' | 'withdrawn';
const statuses: DocumentStatus[] = ['active', 'withdrawn'];
export const registerDirections: RegisterDirection[] = ['outgoing', 'incoming'];

export const documentPageSizes = [20, 50, 100] as const;
export const defaultDocumentPageSize = 20;

export interface DocumentListParams {
  /** outgoing: the issuing organization's subtree; incoming: the receiving one's. */
  org?: number;
  type?: string;
  term?: number;
  /** Dates (ISO) the document is dated within, both ends included. */
  from?: string;
  to?: string;
  /** active or withdrawn; none: both. */
  status?: DocumentStatus;
  /** Number, symbol or summary; the server ignores diacritics. */
  q: string;
  page: number;
  page_size: number;
}

function positive(text: string | null): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 && Number.isSafeInteger(value) ? value : undefined;
}

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function date(text: string | null): string | undefined {
  return text && isoDate.test(text) ? text : undefined;
}

/** A type code as the catalog writes them ("ke_hoach"). */
function code(text: string | null): string | undefined {
  return text && /^[a-z][a-z0-9_]{0,39}$/.test(text) ? text : undefined;
}

export function readDocumentParams(search: URLSearchParams, scope?: number): DocumentListParams {
  const size = positive(search.get('page_size'));
  let from = date(search.get('from'));
  let to = date(search.get('to'));
  // A range typed backwards is still the range meant.
  if (from && to && from > to) [from, to] = [to, from];
  return {
    org: positive(search.get('org')) ?? scope,
    type: code(search.get('type')),
    term: positive(search.get('term')),
    from,
    to,
    status: statuses.find((status) => status === search.get('status')),
    q: (search.get('q') ?? '').slice(0, 200),
    page: positive(search.get('page')) ?? 1,
    page_size:
      size && (documentPageSizes as readonly number[]).includes(size)
        ? size
        : defaultDocumentPageSize,
  };
}

/** The URL search string for `params`, leaving defaults out so that URLs stay short. */
export function writeDocumentParams(params: DocumentListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.org) search.set('org', String(params.org));
  if (params.type) search.set('type', params.type);
  if (params.term) search.set('term', String(params.term));
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  if (params.status) search.set('status', params.status);
  if (params.q.trim()) search.set('q', params.q);
  if (params.page > 1) search.set('page', String(params.page));
  if (params.page_size !== defaultDocumentPageSize) {
    search.set('page_size', String(params.page_size));
  }
  return search;
}

/**
 * A change of filters: any change but the page itself starts again at page 1 (page 3 of the old
 * filters means nothing under the new ones).
 */
export function changeDocumentParams(
  params: DocumentListParams,
  patch: Partial<DocumentListParams>,
): DocumentListParams {
  const next = { ...params, ...patch };
  if (!('page' in patch)) next.page = 1;
  return next;
}

/** How many filters (besides the organization and the search text) are on. */
export function activeDocumentFilters(params: DocumentListParams): number {
  return [params.type, params.term, params.from || params.to, params.status].filter(Boolean).length;
}

/**
 * The terms to filter by: those of the documents listed (each outgoing document names the term
 * of its numbering series), and the one chosen even when no document on the page is of it.
 */
export function termOptions(
  items: readonly { term_id: number | null; term_name: string | null }[],
  chosen: number | undefined,
): { value: number; label: string }[] {
  const terms = new Map<number, string>();
  for (const item of items) {
    if (item.term_id) terms.set(item.term_id, item.term_name || `#${item.term_id}`);
  }
  if (chosen && !terms.has(chosen)) terms.set(chosen, `#${chosen}`);
  return [...terms]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => b.label.localeCompare(a.label));
}

/** GET /documents' query for one page of one direction's register. */
export function documentListQuery(direction: RegisterDirection, params: DocumentListParams) {
  return {
    direction,
    org: params.org,
    type: params.type,
    term: direction === 'outgoing' ? params.term : undefined,
    status: params.status,
    from: params.from,
    to: params.to,
    q: params.q.trim() || undefined,
    offset: (params.page - 1) * params.page_size,
    limit: params.page_size,
  };
}
