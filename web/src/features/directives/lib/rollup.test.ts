import { describe, expect, it } from 'vitest';
import type { RollupCounts, RollupRow, RollupStatus } from '@/types';
import {
  assignmentStatus,
  formatShare,
  laggingFirst,
  nextLagging,
  percentOf,
  reached,
  statusOf,
  wayTo,
} from './rollup';

const zero: RollupCounts = {
  total: 0,
  assigned: 0,
  acknowledged: 0,
  in_progress: 0,
  reported: 0,
  accepted: 0,
  returned: 0,
  overdue: 0,
  studied: 0,
  members: 0,
};
const counts = (patch: Partial<RollupCounts>): RollupCounts => {
  const c = { ...zero, ...patch };
  c.total = c.assigned + c.acknowledged + c.in_progress + c.reported + c.accepted + c.returned;
  return c;
};

function row(name: string, status: RollupStatus, c: RollupCounts): RollupRow {
  return {
    org: { id: name.length, name, kind: 'cell' },
    counts: c,
    percents: {
      acknowledged: percentOf(c.total - c.assigned, c.total),
      reported: percentOf(c.reported + c.accepted, c.total),
      accepted: percentOf(c.accepted, c.total),
      overdue: percentOf(c.overdue, c.total),
      studied: 0,
    },
    status,
    has_children: false,
  };
}

describe('reached', () => {
  it('counts each step cumulatively, as the percentages of the server do', () => {
    const c = counts({
      assigned: 2,
      acknowledged: 1,
      in_progress: 1,
      reported: 3,
      accepted: 2,
      returned: 1,
    });
    expect(reached(c)).toEqual({
      assigned: 10,
      acknowledged: 8,
      reported: 5,
      accepted: 2,
      overdue: 0,
    });
  });
});

describe('percentOf', () => {
  it('rounds to one decimal and is 0 when nothing is assigned', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(8, 8)).toBe(100);
  });

  it('is written with the decimal mark of the language', () => {
    expect(formatShare(62.5, 'vi')).toBe('62,5%');
    expect(formatShare(62.5, 'en')).toBe('62.5%');
    expect(formatShare(100, 'vi')).toBe('100%');
  });
});

describe('statusOf', () => {
  it('follows the server: none, done, overdue, lagging, on track', () => {
    expect(statusOf(zero)).toBe('none');
    expect(statusOf(counts({ accepted: 3 }))).toBe('done');
    expect(statusOf({ ...counts({ in_progress: 2, assigned: 1 }), overdue: 1 })).toBe('overdue');
    expect(statusOf(counts({ assigned: 1, in_progress: 2 }))).toBe('lagging');
    expect(statusOf(counts({ returned: 1, accepted: 2 }))).toBe('lagging');
    expect(statusOf(counts({ acknowledged: 1, reported: 2 }))).toBe('on_track');
  });
});

describe('assignmentStatus', () => {
  it('colours an assignment by its state and whether it is overdue', () => {
    expect(assignmentStatus('accepted', true)).toBe('done');
    expect(assignmentStatus('reported', true)).toBe('overdue');
    expect(assignmentStatus('assigned', false)).toBe('lagging');
    expect(assignmentStatus('returned', false)).toBe('lagging');
    expect(assignmentStatus('in_progress', false)).toBe('on_track');
  });
});

describe('laggingFirst and nextLagging', () => {
  const done = row('Chi bộ A', 'done', counts({ accepted: 2 }));
  const track = row('Chi bộ B', 'on_track', counts({ reported: 1, in_progress: 1 }));
  const lagging = row('Chi bộ C', 'lagging', counts({ assigned: 1, accepted: 1 }));
  const late = row('Chi bộ D', 'overdue', { ...counts({ in_progress: 2 }), overdue: 1 });
  const later = row('Chi bộ E', 'overdue', { ...counts({ in_progress: 2 }), overdue: 2 });
  const none = row('Chi bộ F', 'none', zero);

  it('puts overdue first (the larger overdue share first), nothing assigned last', () => {
    const order = laggingFirst([done, none, track, late, lagging, later]).map((r) => r.org.name);
    expect(order).toEqual(['Chi bộ E', 'Chi bộ D', 'Chi bộ C', 'Chi bộ B', 'Chi bộ A', 'Chi bộ F']);
  });

  it('within a status, the lower accepted share first', () => {
    const behind = row('Chi bộ G', 'on_track', counts({ in_progress: 2 }));
    expect(laggingFirst([track, behind]).map((r) => r.org.name)).toEqual(['Chi bộ G', 'Chi bộ B']);
  });

  it('points to the worst child only when one lags', () => {
    expect(nextLagging([done, lagging, late])?.org.name).toBe('Chi bộ D');
    expect(nextLagging([done, track])).toBeUndefined();
    expect(nextLagging([])).toBeUndefined();
  });
});

describe('wayTo', () => {
  const bloc = { id: 1, name: 'Đảng bộ Khối', kind: 'committee_central' };
  const base = { id: 5, name: 'Đảng bộ cơ sở', kind: 'base_committee' };
  const shown = row('Đảng bộ cơ sở', 'lagging', zero);
  shown.org = base;

  it('names each organization once, the one shown last', () => {
    expect(wayTo({ path: [bloc, base], org: shown }).map((org) => org.id)).toEqual([1, 5]);
    expect(wayTo({ path: [bloc], org: shown }).map((org) => org.id)).toEqual([1, 5]);
    expect(wayTo({ path: [], org: shown }).map((org) => org.id)).toEqual([5]);
  });
});
