import { describe, expect, it } from 'vitest';
import type { RuleParameter } from '@/types';
import { groupRules, ruleValue, versionsOf } from './rule-groups';

const rule = (key: string, effective_from: string, value = 30, values: number[] = []) =>
  ({
    key,
    value,
    values,
    effective_from,
    source: `${key}@${effective_from}`,
    note: '',
  }) as RuleParameter;

describe('rule versions', () => {
  it('the latest version that took effect by today is in force', () => {
    const versions = versionsOf(
      [
        rule('recognition.decision_working_days', '2011-01-19'),
        rule('recognition.decision_working_days', '2025-07-01'),
        rule('recognition.decision_working_days', '2025-01-20'),
        rule('recognition.decision_working_days', '2027-01-01'),
      ],
      '2026-12-03',
    );
    expect(versions.map((v) => [v.effective_from, v.state])).toEqual([
      ['2027-01-01', 'future'],
      ['2025-07-01', 'in_force'],
      ['2025-01-20', 'superseded'],
      ['2011-01-19', 'superseded'],
    ]);
    // On the day a version takes effect, it is the one in force.
    expect(
      versionsOf([rule('x.y', '2025-01-20'), rule('x.y', '2025-07-01')], '2025-07-01').map(
        (v) => v.state,
      ),
    ).toEqual(['in_force', 'superseded']);
    // Before the first version, none is.
    expect(versionsOf([rule('x.y', '2025-01-20')], '2024-01-01')[0].state).toBe('future');
  });

  it('keys are grouped by area, the lifecycle’s first, keys in order', () => {
    const areas = groupRules(
      [
        rule('org.min_official_members', '2011-01-19', 3),
        rule('transfer.present_working_days', '2011-01-19'),
        rule('admission.min_age_months', '2011-01-19', 216),
        rule('admission.introducers', '2011-01-19', 2),
        rule('badge.occasions', '2021-09-28', 203, [203, 519]),
        rule('transfer.present_working_days', '2025-07-01'),
      ],
      '2026-12-03',
    );
    expect(areas.map((a) => a.area)).toEqual(['admission', 'transfer', 'badge', 'org']);
    expect(areas[0].keys.map((k) => k.key)).toEqual([
      'admission.introducers',
      'admission.min_age_months',
    ]);
    expect(areas[1].keys[0].versions.map((v) => v.state)).toEqual(['in_force', 'superseded']);
  });
});

describe('rule values', () => {
  it('are written with their units', () => {
    expect(ruleValue(rule('probation.months', '2011-01-19', 12))).toEqual({
      kind: 'number',
      value: 12,
      unit: 'months',
    });
    expect(ruleValue(rule('transfer.present_working_days', '2011-01-19', 30))).toMatchObject({
      unit: 'workingDays',
    });
    expect(ruleValue(rule('admission.cell_vote_share', '2011-01-19', 2, [2, 3]))).toEqual({
      kind: 'share',
      numerator: 2,
      denominator: 3,
    });
    expect(ruleValue(rule('badge.occasions', '2021-09-28', 203, [203, 519, 902, 1107]))).toEqual({
      kind: 'list',
      items: ['3/2', '19/5', '2/9', '7/11'],
    });
    expect(ruleValue(rule('badge.milestone_years', '2021-09-28', 30, [30, 40]))).toEqual({
      kind: 'list',
      items: ['30', '40'],
      unit: 'years',
    });
    expect(ruleValue(rule('exemption.probationary_allowed', '2011-01-19', 0))).toEqual({
      kind: 'flag',
      on: false,
    });
    expect(ruleValue(rule('something.new', '2026-01-01', 7))).toEqual({
      kind: 'number',
      value: 7,
      unit: undefined,
    });
  });
});
