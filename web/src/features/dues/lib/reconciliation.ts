// The reconciliation's rows as the page shows them: the organization asked about first (its whole
// subtree, the totals row), then its direct children, each a subtree to drill into.
import type { DuesReconciliation, DuesReconciliationLine } from '@/types';

export interface ReconciliationRow {
  /** The organization asked about: the totals of everything below it. */
  total: boolean;
  line: DuesReconciliationLine;
}

export function reconciliationRows(
  reply: Pick<DuesReconciliation, 'line' | 'children'>,
): ReconciliationRow[] {
  return [
    { total: true, line: reply.line },
    ...reply.children.map((line) => ({ total: false, line })),
  ];
}
