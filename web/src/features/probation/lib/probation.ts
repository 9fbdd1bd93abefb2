// The probation lists' state in the URL (?org=&within=) and what the page works out from a
// list item: how late an overdue member is, whether the decision is late, and whether a list
// was cut at the server's limit (its count is always the whole count).
import { daysPast } from '@/lib/dates';
import type { ProbationItem } from '@/types';

/** The windows offered, in days ("falls due within"). The server takes 0-366, default 60. */
export const probationWindows = [30, 60, 90] as const;
export const defaultWindow = 60;
/** Rows asked for per list; the counts stay whole however many there are. */
export const probationLimit = 100;

export type ProbationListName = 'due' | 'overdue' | 'awaiting_decision';
export const probationListNames: ProbationListName[] = ['overdue', 'awaiting_decision', 'due'];

export interface ProbationParams {
  org?: number;
  within: number;
}

function positive(text: string | null): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** ?org= (else the scope) and ?within= (one of the windows, else the default). */
export function readProbationParams(search: URLSearchParams, scope?: number): ProbationParams {
  const within = Number(search.get('within'));
  return {
    org: positive(search.get('org')) ?? scope,
    within: (probationWindows as readonly number[]).includes(within) ? within : defaultWindow,
  };
}

export function writeProbationParams(params: ProbationParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.org) search.set('org', String(params.org));
  if (params.within !== defaultWindow) search.set('within', String(params.within));
  return search;
}

/** Days past the cell's deadline to consider recognition (0 when not overdue). */
export function daysOverdue(item: Pick<ProbationItem, 'consider_by'>, today: string): number {
  return daysPast(item.consider_by, today);
}

/** Days past the committee's deadline to decide after the cell's resolution (0 when not late). */
export function decisionDaysLate(item: Pick<ProbationItem, 'decision_due'>, today: string): number {
  return daysPast(item.decision_due, today);
}

/** Whether a list shows fewer rows than it counts (cut at the limit). */
export function isCut(count: number, shown: number): boolean {
  return shown < count;
}
