// Months as the API writes them ("YYYY-MM", shown "10/2026") and the ?org=&year= parameters of
// the yearly lists (dues arrears, meetings, the removal list).

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string | null | undefined): text is string {
  return !!text && monthPattern.test(text);
}

/** "2026-11-16" -> "2026-11". */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** `month` moved by `count` months (negative: earlier). */
export function addMonths(month: string, count: number): string {
  const match = monthPattern.exec(month);
  if (!match) return month;
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + count;
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** "2026-03" -> "03/2026". */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return '';
  const match = monthPattern.exec(month);
  return match ? `${match[2]}/${match[1]}` : month;
}

/** The month before today's: the last one that has ended (the usual month to close). */
export function lastEndedMonth(today: string): string {
  return addMonths(monthOf(today), -1);
}

/** Whether the month has ended on `today` (only an ended month can be closed). */
export function monthEnded(month: string, today: string): boolean {
  return month < monthOf(today);
}

function positiveOrg(text: string | null): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

export interface YearParams {
  org?: number;
  year: number;
}

/** ?org=&year= of the arrears and removal lists; the year defaults to today's. */
export function readYearParams(
  search: URLSearchParams,
  today: string,
  fallbackOrg?: number,
): YearParams {
  const text = search.get('year');
  const year = text && /^\d{4}$/.test(text) ? Number(text) : Number(today.slice(0, 4));
  return { org: positiveOrg(search.get('org')) ?? fallbackOrg, year };
}

export function writeYearParams(params: YearParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.org) search.set('org', String(params.org));
  search.set('year', String(params.year));
  return search;
}
