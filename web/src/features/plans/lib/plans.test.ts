import { describe, expect, it } from 'vitest';
import type { CellPlans } from '@/types';
import { openStages, planItemsInput } from './plans';

const rule = (on: string) => ({ on, key: 'k', source: 's' });
const windows: Pick<CellPlans, 'mid_year_window' | 'year_end_window'> = {
  mid_year_window: { opens: rule('2026-06-01'), closes: rule('2026-12-31') },
  year_end_window: { opens: rule('2026-11-01'), closes: rule('2027-01-31') },
};
const review = (stage: 'mid_year' | 'year_end') => ({
  id: 1,
  stage,
  reviewed_on: '2026-07-01',
  comment: null,
  reviewer: 'x',
  items: [],
});

describe('openStages', () => {
  it('opens each stage inside its window, both ends included', () => {
    expect(openStages({ reviews: [] }, windows, '2026-05-31')).toEqual([]);
    expect(openStages({ reviews: [] }, windows, '2026-06-01')).toEqual(['mid_year']);
    expect(openStages({ reviews: [] }, windows, '2026-11-16')).toEqual(['mid_year', 'year_end']);
    expect(openStages({ reviews: [] }, windows, '2027-01-31')).toEqual(['year_end']);
    expect(openStages({ reviews: [] }, windows, '2027-02-01')).toEqual([]);
  });

  it('reviews each stage once, and no mid-year after the year end', () => {
    expect(openStages({ reviews: [review('mid_year')] }, windows, '2026-11-16')).toEqual([
      'year_end',
    ]);
    expect(openStages({ reviews: [review('year_end')] }, windows, '2026-11-16')).toEqual([]);
  });
});

describe('planItemsInput', () => {
  it('keeps the texts on one line, trimmed, and leaves out an empty due date', () => {
    expect(
      planItemsInput({
        kind: 'plan',
        items: [
          { content: ' Học tập\n và làm theo ', measure: ' Đạt ', due_on: null },
          { content: 'B', measure: 'C', due_on: '2026-12-31' },
        ],
      }),
    ).toEqual([
      { content: 'Học tập và làm theo', measure: 'Đạt' },
      { content: 'B', measure: 'C', due_on: '2026-12-31' },
    ]);
  });
});
