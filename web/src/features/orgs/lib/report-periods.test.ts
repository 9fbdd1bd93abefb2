import { describe, expect, it } from 'vitest';
import { reportPeriods } from './report-periods';

describe('reportPeriods', () => {
  it('offers the periods begun by today, ending no later than today', () => {
    const periods = reportPeriods('2026-03-10');
    expect(periods.map((p) => p.key)).toEqual([
      'firstHalf-2026',
      'year-2026',
      'secondHalf-2025',
      'firstHalf-2025',
      'year-2025',
    ]);
    expect(periods[0]).toMatchObject({ from: '2026-01-01', to: '2026-03-10', partial: true });
    expect(periods[2]).toMatchObject({ from: '2025-07-01', to: '2025-12-31', partial: false });
  });
});
