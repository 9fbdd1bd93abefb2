import { describe, expect, it } from 'vitest';
import { clockState, decisionInput, openCaseInput, sanctionsFor, voteInput } from './discipline';

describe('discipline', () => {
  it('offers only the sanctions the Charter allows the subject', () => {
    expect(sanctionsFor('probationary')).toEqual(['reprimand', 'warning']);
    expect(sanctionsFor('organization')).toContain('dissolution');
    expect(sanctionsFor('official')).not.toContain('dissolution');
  });

  it('opens a member case, or the organization one without a member', () => {
    const values = {
      breach_summary: ' Vi phạm ',
      breach_date: '2026-02-10',
      sanction: 'warning' as const,
      competent_level: 'Chi bộ',
    };
    expect(openCaseInput({ ...values, member_id: 7 }, 3)).toMatchObject({
      member_id: 7,
      breach_summary: 'Vi phạm',
      category: 'ordinary',
    });
    expect(openCaseInput(values, 3)).toMatchObject({ org_id: 3 });
    expect(openCaseInput(values, 3).member_id).toBeUndefined();
  });

  it('sends the vote and the decision with the version', () => {
    expect(voteInput({ in_favour: 6, entitled: 10, voted_on: '2026-03-01' }, 2)).toEqual({
      in_favour: 6,
      against: 0,
      abstain: 0,
      entitled: 10,
      voted_on: '2026-03-01',
      version: 2,
    });
    expect(decisionInput({ decided_on: '2026-03-02', decision_number: ' 1-QĐ ' }, 3)).toEqual({
      decided_on: '2026-03-02',
      decision_number: '1-QĐ',
      version: 3,
    });
  });

  it('reads a clock', () => {
    expect(clockState({ overdue: true, days_left: null })).toBe('overdue');
    expect(clockState({ expired: false, days_left: 0 })).toBe('today');
    expect(clockState({ days_left: 12 })).toBe('running');
  });
});
