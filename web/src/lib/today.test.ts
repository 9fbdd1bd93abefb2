import { describe, expect, it } from 'vitest';
import { addDays, vietnamDate } from './dates';
import { todayFrom } from './today';

const at = (instant: string) => Date.parse(instant);

describe("the server's today", () => {
  it('is the date the server said, not the browser clock', () => {
    expect(todayFrom('2026-11-16', '2026-12-05', '2026-12-05')).toBe('2026-11-16');
  });

  it('moves on by the days passed in Vietnam since it was said', () => {
    expect(todayFrom('2026-11-16', '2026-11-16', '2026-11-17')).toBe('2026-11-17');
    expect(todayFrom('2026-11-16', '2026-12-05', '2026-12-08')).toBe('2026-11-19');
  });

  it('without the server, is the date in Vietnam by the clock', () => {
    expect(todayFrom(undefined, '1970-01-01', '2026-12-06')).toBe('2026-12-06');
    expect(todayFrom('bad', '1970-01-01', '2026-12-05')).toBe('2026-12-05');
  });

  it('counts days in Vietnam: 17:00 UTC is its midnight', () => {
    expect(vietnamDate(at('2026-11-16T16:59:59Z'))).toBe('2026-11-16');
    expect(vietnamDate(at('2026-11-16T17:00:00Z'))).toBe('2026-11-17');
    expect(vietnamDate(at('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('adds whole days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
