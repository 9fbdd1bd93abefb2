// The reconciliation's lines as the page shows them: the organization asked about, and its
// direct children (each drills down to its own subtree); the sums of the children's figures
// to check against the organization's "received from below".
import type { DuesReconciliationLine } from '@/types';

export interface ReconciliationView {
  top: DuesReconciliationLine | undefined;
  children: DuesReconciliationLine[];
  /** How many cells below the top hold members and are not closed yet. */
  openBelow: number;
  childrenSentUp: number;
}

export function reconciliationView(
  lines: readonly DuesReconciliationLine[],
  orgId: number,
): ReconciliationView {
  const top = lines.find((line) => line.org.id === orgId);
  const children = lines.filter((line) => line.parent_id === orgId);
  let childrenSentUp = 0;
  for (const child of children) childrenSentUp += child.sent_up;
  const openBelow = lines.filter(
    (line) => line.org.id !== orgId && line.holds_members && !line.closed,
  ).length;
  return { top, children, openBelow, childrenSentUp };
}
