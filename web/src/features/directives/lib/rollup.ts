// The roll-up of a directive over a subtree as the screens show it: each status's colour, the
// counts as shares of everything assigned (as the server counts them: src/domain/directives/
// rollup.cpp), an assignment's own colour, and the way down to the most lagging organization.
import type {
  AssignmentState,
  DirectiveRollup,
  RollupCounts,
  RollupRow,
  RollupStatus,
} from '@/types';

/** The roll-up's statuses from best to worst (the legend's order). */
export const rollupStatuses: RollupStatus[] = ['done', 'on_track', 'lagging', 'overdue', 'none'];

/** antd Tag / Badge colours of a subtree's status. */
export const statusTagColor: Record<RollupStatus, string> = {
  none: 'default',
  done: 'success',
  on_track: 'processing',
  lagging: 'warning',
  overdue: 'error',
};

/** The same as plain colours (the tree's bars and dots), readable on white. */
export const statusColor: Record<RollupStatus, string> = {
  none: '#bfbfbf',
  done: '#389e0d',
  on_track: '#1677ff',
  lagging: '#d48806',
  overdue: '#cf1322',
};

/** The columns a roll-up shows, in the order of the cascade. */
export const progressKeys = [
  'assigned',
  'acknowledged',
  'reported',
  'accepted',
  'overdue',
] as const;
export type ProgressKey = (typeof progressKeys)[number];

/**
 * How many assignments reached each step (cumulative, as the server's percentages are):
 * assigned = all of them; acknowledged = all past "assigned"; reported = reported or accepted;
 * accepted; overdue (marked overdue and not yet accepted).
 */
export function reached(counts: RollupCounts): Record<ProgressKey, number> {
  return {
    assigned: counts.total,
    acknowledged: Math.max(0, counts.total - counts.assigned),
    reported: counts.reported + counts.accepted,
    accepted: counts.accepted,
    overdue: counts.overdue,
  };
}

/** `part` of `whole` in percent with one decimal (0 when nothing is assigned), as the server. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((1000 * part) / whole) / 10;
}

/** "62,5%" (vi) or "62.5%" (en). */
export function formatShare(value: number, lang: string): string {
  const text = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: 1,
  }).format(value);
  return `${text}%`;
}

/**
 * The colour of counts, as the server decides it (for counts the UI adds up itself, e.g. an
 * assignment's sub-assignments): none, done (all accepted), overdue (any), lagging (any not
 * acknowledged, or returned), else on track.
 */
export function statusOf(counts: RollupCounts): RollupStatus {
  if (counts.total === 0) return 'none';
  if (counts.accepted === counts.total) return 'done';
  if (counts.overdue > 0) return 'overdue';
  if (counts.assigned > 0 || counts.returned > 0) return 'lagging';
  return 'on_track';
}

/** An assignment's colour: accepted done; overdue; not acknowledged or returned lagging. */
export function assignmentStatus(state: AssignmentState, overdue: boolean): RollupStatus {
  if (state === 'accepted') return 'done';
  if (overdue) return 'overdue';
  if (state === 'assigned' || state === 'returned') return 'lagging';
  return 'on_track';
}

const badness: Record<RollupStatus, number> = {
  overdue: 0,
  lagging: 1,
  on_track: 2,
  done: 3,
  none: 4,
};

/**
 * The rows most lagging first: overdue, then lagging, on track, done, nothing assigned; within
 * one status the lower accepted share, then the lower reported share, then the name. The
 * server sends children in this order already; this keeps the screen right whatever it sent.
 */
export function laggingFirst(rows: readonly RollupRow[]): RollupRow[] {
  return [...rows].sort(
    (a, b) =>
      badness[a.status] - badness[b.status] ||
      b.counts.overdue / Math.max(1, b.counts.total) -
        a.counts.overdue / Math.max(1, a.counts.total) ||
      a.percents.accepted - b.percents.accepted ||
      a.percents.reported - b.percents.reported ||
      a.org.name.localeCompare(b.org.name, 'vi'),
  );
}

/** The child to open next on the way to the lagging cell: the worst one, if any lags. */
export function nextLagging(rows: readonly RollupRow[]): RollupRow | undefined {
  const worst = laggingFirst(rows)[0];
  return worst && (worst.status === 'overdue' || worst.status === 'lagging') ? worst : undefined;
}

/**
 * The breadcrumb: from the top of the user's reach to the organization shown, which ends the
 * server's path already (or, should it not, is added).
 */
export function wayTo(data: Pick<DirectiveRollup, 'path' | 'org'>): DirectiveRollup['path'] {
  const last = data.path[data.path.length - 1];
  return last?.id === data.org.org.id ? data.path : [...data.path, data.org.org];
}
