import { describe, expect, it } from 'vitest';
import { daysBetween, daysPast } from './dates';

describe('civil dates', () => {
  it('counts whole days, across months, leap days and years', () => {
    expect(daysBetween('2026-12-03', '2026-12-03')).toBe(0);
    expect(daysBetween('2026-12-01', '2026-12-03')).toBe(2);
    expect(daysBetween('2026-12-03', '2026-12-01')).toBe(-2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    // The last Sunday of March is no shorter: UTC days, whatever the browser's zone.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('bad', '2026-01-01')).toBeNaN();
  });

  it('a deadline is past only from the next day', () => {
    expect(daysPast('2026-10-19', '2026-12-03')).toBe(45);
    expect(daysPast('2026-12-03', '2026-12-03')).toBe(0);
    expect(daysPast('2026-12-10', '2026-12-03')).toBe(0);
    expect(daysPast(null, '2026-12-03')).toBe(0);
    expect(daysPast('x', '2026-12-03')).toBe(0);
  });
});
