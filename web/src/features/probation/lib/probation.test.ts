import { describe, expect, it } from 'vitest';
import {
  daysOverdue,
  decisionDaysLate,
  defaultWindow,
  isCut,
  readProbationParams,
  writeProbationParams,
} from './probation';

describe('probation lists', () => {
  it('reads the organization and a window the page offers from the URL', () => {
    expect(readProbationParams(new URLSearchParams('org=12&within=30'))).toEqual({
      org: 12,
      within: 30,
    });
    // No ?org=: the remembered scope; a window not offered: the default.
    expect(readProbationParams(new URLSearchParams('within=45'), 7)).toEqual({
      org: 7,
      within: defaultWindow,
    });
    expect(readProbationParams(new URLSearchParams('org=-3&within=x'))).toEqual({
      org: undefined,
      within: defaultWindow,
    });
  });

  it('writes only what differs from the defaults, so it reads back the same', () => {
    expect(writeProbationParams({ org: 5, within: defaultWindow }).toString()).toBe('org=5');
    const search = writeProbationParams({ org: 5, within: 90 });
    expect(search.toString()).toBe('org=5&within=90');
    expect(readProbationParams(search)).toEqual({ org: 5, within: 90 });
  });

  it('how late: days past the deadline, none on the day itself', () => {
    expect(daysOverdue({ consider_by: '2026-10-19' }, '2026-12-03')).toBe(45);
    expect(daysOverdue({ consider_by: '2026-12-03' }, '2026-12-03')).toBe(0);
    expect(decisionDaysLate({ decision_due: '2026-12-01' }, '2026-12-03')).toBe(2);
    expect(decisionDaysLate({ decision_due: null }, '2026-12-03')).toBe(0);
  });

  it('a list is cut when it shows fewer rows than it counts', () => {
    expect(isCut(479, 100)).toBe(true);
    expect(isCut(74, 74)).toBe(false);
    expect(isCut(0, 0)).toBe(false);
  });
});
