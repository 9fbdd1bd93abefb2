import { describe, expect, it } from 'vitest';
import type { ProblemFieldError, RuleParameter } from '@/types';
import {
  awardsOf,
  badgeCsvHref,
  badgeQuery,
  milestonesOn,
  namedAwardErrors,
  occasionChoices,
  occasionLabel,
  occasionsOf,
  readBadgeParams,
  writeBadgeParams,
} from './badges';

const rule = (key: string, effective_from: string, values: number[]): RuleParameter => ({
  key,
  value: values[0],
  values,
  effective_from,
  source: 'Hướng dẫn 01-HD/TW',
  note: '',
});
const rules = [
  rule('badge.occasions', '2021-09-28', [203, 519, 902, 1107]),
  rule('badge.milestone_years', '2021-09-28', [30, 40, 45, 50, 55, 60]),
  rule('badge.milestone_years', '2030-01-01', [30, 40, 50]),
];

describe('badge list params', () => {
  it('read back what they write', () => {
    const params = {
      org: 4,
      occasion: '2027-02-03',
      milestones: [30, 40],
      page: 2,
      pageSize: 100,
    };
    const search = writeBadgeParams(params);
    expect(search.toString()).toBe(
      'org=4&occasion=2027-02-03&milestone=30%2C40&page=2&page_size=100',
    );
    expect(readBadgeParams(search)).toEqual(params);
    expect(
      readBadgeParams(new URLSearchParams('occasion=mai&milestone=x,45,30&page_size=7'), 9),
    ).toEqual({
      org: 9,
      occasion: undefined,
      milestones: [30, 45],
      page: 1,
      pageSize: 50,
    });
  });

  it('the CSV takes the list’s filters, not its page', () => {
    const params = { org: 4, occasion: '2027-02-03', milestones: [30, 40], page: 3, pageSize: 50 };
    expect(badgeCsvHref(params, 'vi')).toBe(
      '/api/v1/badges.csv?org=4&occasion=2027-02-03&milestone=30%2C40&lang=vi',
    );
    expect(badgeCsvHref({ ...params, occasion: undefined, milestones: [] }, 'en')).toBe(
      '/api/v1/badges.csv?org=4&lang=en',
    );
    expect(badgeQuery(params)).toEqual({
      org: 4,
      occasion: '2027-02-03',
      milestone: [30, 40],
      page: 3,
      page_size: 50,
    });
  });
});

describe('occasions and milestones', () => {
  it('a year’s occasions come from the rule in force on its 1 January', () => {
    expect(occasionsOf(rules, 2027)).toEqual([
      '2027-02-03',
      '2027-05-19',
      '2027-09-02',
      '2027-11-07',
    ]);
    // 2021: the rule takes effect on 28 September; the server reads it from 31 December.
    expect(occasionsOf(rules, 2021)).toEqual([
      '2021-02-03',
      '2021-05-19',
      '2021-09-02',
      '2021-11-07',
    ]);
    expect(occasionsOf(rules, 2020)).toEqual([]);
  });

  it('offers past occasions and the coming ones, today’s included', () => {
    expect(occasionChoices(rules, '2026-12-03', 2, 3)).toEqual([
      '2026-09-02',
      '2026-11-07',
      '2027-02-03',
      '2027-05-19',
      '2027-09-02',
    ]);
    expect(occasionChoices(rules, '2026-11-07', 1, 1)).toEqual(['2026-09-02', '2026-11-07']);
  });

  it('milestones in force on the occasion, else the latest', () => {
    expect(milestonesOn(rules, '2027-02-03')).toEqual([30, 40, 45, 50, 55, 60]);
    expect(milestonesOn(rules, '2030-02-03')).toEqual([30, 40, 50]);
    expect(milestonesOn(rules, '2019-02-03')).toEqual([30, 40, 50]);
  });

  it('writes occasions the way the Party does', () => {
    expect(occasionLabel('2027-02-03')).toBe('3/2/2027');
    expect(occasionLabel('2026-11-07')).toBe('7/11/2026');
  });
});

describe('awards', () => {
  it('each selected member with the badge due; refusals named by member', () => {
    const items = [
      { id: 5, milestone: 40, full_name: 'Lê Văn Minh' },
      { id: 8, milestone: 30, full_name: 'Hoàng Thị Hà' },
    ];
    expect(awardsOf(items)).toEqual([
      { member_id: 5, milestone: 40 },
      { member_id: 8, milestone: 30 },
    ]);
    const errors: ProblemFieldError[] = [
      { field: 'awards[1].milestone', code: 'badge_not_reached', message: 'chưa đủ tuổi đảng' },
      { field: 'document.number', code: 'required', message: 'Số văn bản: bắt buộc' },
    ];
    expect(namedAwardErrors(errors, items).map((e) => e.message)).toEqual([
      'Hoàng Thị Hà: chưa đủ tuổi đảng',
      'Số văn bản: bắt buộc',
    ]);
  });
});
