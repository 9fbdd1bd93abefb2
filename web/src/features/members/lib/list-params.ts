// The member list's state lives in the URL so that a list can be bookmarked and shared:
// /members?org=1594&q=nguyen&status=official,probationary&sex=female&page=2 ...
// These functions read and write that state; they never throw on odd input.

export type SortKey = 'name' | '-name' | 'age' | '-age' | 'admission_date' | '-admission_date';
const sortKeys: SortKey[] = ['name', '-name', 'age', '-age', 'admission_date', '-admission_date'];

export const pageSizes = [20, 50, 100, 200] as const;
export const defaultPageSize = 50;

export interface MemberListParams {
  org?: number;
  q: string;
  status: string[];
  sex?: string;
  ethnicity: string[];
  age_min?: number;
  age_max?: number;
  admitted_from?: number;
  admitted_to?: number;
  sort: SortKey;
  page: number;
  page_size: number;
}

function positiveInt(text: string | null, max: number): number | undefined {
  if (!text || !/^\d{1,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 0 && value <= max ? value : undefined;
}

function list(text: string | null): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function readListParams(search: URLSearchParams): MemberListParams {
  const org = positiveInt(search.get('org'), Number.MAX_SAFE_INTEGER);
  const sort = search.get('sort') as SortKey | null;
  const pageSize = positiveInt(search.get('page_size'), 1000);
  return {
    org: org && org > 0 ? org : undefined,
    q: (search.get('q') ?? '').slice(0, 200),
    status: list(search.get('status')),
    sex: search.get('sex') || undefined,
    ethnicity: list(search.get('ethnicity')),
    age_min: positiveInt(search.get('age_min'), 200),
    age_max: positiveInt(search.get('age_max'), 200),
    admitted_from: positiveInt(search.get('admitted_from'), 9999),
    admitted_to: positiveInt(search.get('admitted_to'), 9999),
    sort: sort && sortKeys.includes(sort) ? sort : 'name',
    page: Math.max(1, positiveInt(search.get('page'), 1_000_000) ?? 1),
    page_size:
      pageSize && (pageSizes as readonly number[]).includes(pageSize) ? pageSize : defaultPageSize,
  };
}

/** The URL search string for `params`, leaving out defaults so URLs stay short. */
export function writeListParams(params: MemberListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.org) search.set('org', String(params.org));
  if (params.q.trim()) search.set('q', params.q);
  if (params.status.length) search.set('status', params.status.join(','));
  if (params.sex) search.set('sex', params.sex);
  if (params.ethnicity.length) search.set('ethnicity', params.ethnicity.join(','));
  for (const key of ['age_min', 'age_max', 'admitted_from', 'admitted_to'] as const) {
    if (params[key] !== undefined) search.set(key, String(params[key]));
  }
  if (params.sort !== 'name') search.set('sort', params.sort);
  if (params.page > 1) search.set('page', String(params.page));
  if (params.page_size !== defaultPageSize) search.set('page_size', String(params.page_size));
  return search;
}

/** The filters as API query parameters (shared by the list and the CSV export). */
export function filterQuery(params: MemberListParams) {
  return {
    org: params.org,
    q: params.q.trim() || undefined,
    status: params.status,
    sex: params.sex,
    ethnicity: params.ethnicity,
    age_min: params.age_min,
    age_max: params.age_max,
    admitted_from: params.admitted_from,
    admitted_to: params.admitted_to,
    sort: params.sort,
  };
}

/** How many filters (besides scope and search) are on, for the "Filters (n)" badge. */
export function activeFilterCount(params: MemberListParams): number {
  let count = 0;
  if (params.status.length) count += 1;
  if (params.sex) count += 1;
  if (params.ethnicity.length) count += 1;
  if (params.age_min !== undefined || params.age_max !== undefined) count += 1;
  if (params.admitted_from !== undefined || params.admitted_to !== undefined) count += 1;
  return count;
}
