import { describe, expect, it } from 'vitest';
import {
  addMonths,
  adjustmentInput,
  basisInput,
  categoryAmount,
  monthsInclusive,
  reliefInput,
  formatMoney,
  formatMonth,
  lastEndedMonth,
  monthEnded,
  parseMoney,
  paymentInput,
  readDuesParams,
  readYearParams,
  suggestedAmount,
  writeDuesParams,
} from './dues';

describe('formatMoney', () => {
  it('writes whole đồng with Vietnamese thousands', () => {
    expect(formatMoney(1234000, 'vi')).toBe('1.234.000 đ');
    expect(formatMoney(5000, 'vi')).toBe('5.000 đ');
    expect(formatMoney(0, 'vi')).toBe('0 đ');
    expect(formatMoney(-25000, 'vi')).toBe('-25.000 đ');
  });
  it('writes English thousands with commas', () => {
    expect(formatMoney(1234000, 'en')).toBe('1,234,000 đ');
  });
  it('shows nothing for a missing value', () => {
    expect(formatMoney(null, 'vi')).toBe('');
    expect(formatMoney(undefined, 'vi')).toBe('');
  });
});

describe('parseMoney', () => {
  it('reads the usual ways of writing an amount', () => {
    expect(parseMoney('1.234.000')).toBe(1234000);
    expect(parseMoney('1 234 000 đ')).toBe(1234000);
    expect(parseMoney('1,234,000')).toBe(1234000);
    expect(parseMoney('85000')).toBe(85000);
  });
  it('refuses what is not whole đồng', () => {
    expect(parseMoney('')).toBeUndefined();
    expect(parseMoney('-5000')).toBeUndefined();
    expect(parseMoney('12a')).toBeUndefined();
    expect(parseMoney(null)).toBeUndefined();
  });
});

describe('months', () => {
  it('moves across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', 11)).toBe('2027-02');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
  });
  it('formats as mm/yyyy', () => {
    expect(formatMonth('2026-03')).toBe('03/2026');
    expect(formatMonth('bad')).toBe('bad');
  });
  it('knows the last month that has ended', () => {
    expect(lastEndedMonth('2026-11-16')).toBe('2026-10');
    expect(lastEndedMonth('2026-01-01')).toBe('2025-12');
    expect(monthEnded('2026-10', '2026-11-01')).toBe(true);
    expect(monthEnded('2026-11', '2026-11-30')).toBe(false);
  });
});

describe('paymentInput', () => {
  it('sends only what was given', () => {
    expect(
      paymentInput({
        paid_on: '2026-11-05',
        first_month: '2026-11',
        months: 1,
        amount: 85000,
        extra: 0,
        channel: 'cash',
        reference: '  ',
        note: '',
      }),
    ).toEqual({ paid_on: '2026-11-05', first_month: '2026-11', amount: 85000, channel: 'cash' });
  });
  it('carries months in advance, extra and the portal reference', () => {
    expect(
      paymentInput({
        paid_on: '2026-11-05',
        first_month: '2026-11',
        months: 3,
        amount: 255000,
        extra: 20000,
        channel: 'portal',
        reference: ' DVC-1 ',
        note: 'Nộp trước',
      }),
    ).toEqual({
      paid_on: '2026-11-05',
      first_month: '2026-11',
      months: 3,
      amount: 255000,
      extra: 20000,
      channel: 'portal',
      reference: 'DVC-1',
      note: 'Nộp trước',
    });
  });
});

describe('suggestedAmount', () => {
  it('adds what is owed for the months and the monthly due beyond them', () => {
    const months = [
      { month: '2026-10', outstanding: 85000 },
      { month: '2026-11', outstanding: 40000 },
    ];
    expect(suggestedAmount(months, '2026-10', 1, 85000)).toBe(85000);
    expect(suggestedAmount(months, '2026-10', 3, 85000)).toBe(210000);
    expect(suggestedAmount([], '2026-12', 2, 5000)).toBe(10000);
  });
});

describe('URL parameters', () => {
  it('default to the last ended month and the given organization', () => {
    expect(readDuesParams(new URLSearchParams(''), '2026-11-16', 7)).toEqual({
      org: 7,
      month: '2026-10',
    });
    expect(readDuesParams(new URLSearchParams('org=12&month=2026-03'), '2026-11-16', 7)).toEqual({
      org: 12,
      month: '2026-03',
    });
    expect(readDuesParams(new URLSearchParams('org=x&month=2026-13'), '2026-11-16')).toEqual({
      org: undefined,
      month: '2026-10',
    });
    expect(writeDuesParams({ org: 3, month: '2026-05' }).toString()).toBe('org=3&month=2026-05');
  });
  it('read the year of a list', () => {
    expect(readYearParams(new URLSearchParams('year=2025&org=4'), '2026-11-16')).toEqual({
      org: 4,
      year: 2025,
    });
    expect(readYearParams(new URLSearchParams('year=abc'), '2026-11-16', 2).year).toBe(2026);
  });
});

describe('formatBasisPoints', () => {
  it('writes the rate of a rule', async () => {
    const { formatBasisPoints, rateRule } = await import('./rates');
    expect(formatBasisPoints(100, 'vi')).toBe('1 %');
    expect(formatBasisPoints(50, 'vi')).toBe('0,5 %');
    expect(formatBasisPoints(50, 'en')).toBe('0.5 %');
    expect(formatBasisPoints(125, 'vi')).toBe('1,25 %');
    expect(
      rateRule({
        rules: [
          { key: 'dues.rounding_unit_dong', value: 1, source: 'x' },
          { key: 'dues.pension_rate_bp', value: 50, source: 'y' },
        ],
      })?.value,
    ).toBe(50);
  });
});

describe('reconciliationRows', () => {
  it('puts the totals row on top of the direct children', async () => {
    const { reconciliationRows } = await import('./reconciliation');
    const line = (id: number, collected: number, open: number) => ({
      org: { id, name: `O${id}`, kind: 'cell' },
      collected,
      received_from_below: 0,
      kept: 0,
      sent_up: 0,
      own_collected: 0,
      own_kept: 0,
      keep_bp: 3000,
      rule_key: 'dues.keep_bp.cell',
      holds_members: true,
      has_children: false,
      cells: 1,
      open_cells: open,
      closed: open === 0,
    });
    const reply = { line: line(1, 7000, 1), children: [line(2, 3000, 0), line(3, 4000, 1)] };
    const rows = reconciliationRows(reply);
    expect(rows.map((r) => [r.total, r.line.org.id])).toEqual([
      [true, 1],
      [false, 2],
      [false, 3],
    ]);
  });
});

describe('the basis, relief and adjustment forms to the API', () => {
  it('sends the amount as income or fixed amount by category, none for students', () => {
    expect(categoryAmount('pension')).toBe('income');
    expect(categoryAmount('abroad_fixed')).toBe('fixed');
    expect(categoryAmount('student')).toBe('none');
    expect(
      basisInput({ valid_from: '2026-03', category: 'bhxh_salary', amount: 8_500_000 }),
    ).toEqual({ valid_from: '2026-03', category: 'bhxh_salary', income: 8_500_000 });
    expect(
      basisInput({ valid_from: '2026-03', category: 'other_fixed', amount: 20_000, note: ' x ' }),
    ).toEqual({ valid_from: '2026-03', category: 'other_fixed', fixed_amount: 20_000, note: 'x' });
    expect(basisInput({ valid_from: '2026-03', category: 'student', amount: 5 })).toEqual({
      valid_from: '2026-03',
      category: 'student',
    });
  });

  it("counts a relief's months from and to, both included; an exemption may stay open", () => {
    expect(monthsInclusive('2026-04', '2026-06')).toBe(3);
    expect(monthsInclusive('2026-11', '2027-02')).toBe(4);
    expect(monthsInclusive('2026-06', '2026-04')).toBe(0);
    expect(
      reliefInput({
        relief: 'reduction',
        percent: 50,
        from_month: '2026-04',
        to_month: '2026-09',
        decision_number: '15-QĐ/ĐU',
        decision_date: '2026-03-25',
      }),
    ).toEqual({
      relief: 'reduction',
      percent: 50,
      from_month: '2026-04',
      months: 6,
      decision: { number: '15-QĐ/ĐU', authority: null },
      decision_date: '2026-03-25',
    });
    const open = reliefInput({ relief: 'exemption', percent: 30, from_month: '2026-04' });
    expect(open.months).toBeUndefined();
    expect(open.percent).toBeUndefined();
  });

  it('sends a deduction as a negative amount', () => {
    expect(
      adjustmentInput('2026-10', { direction: 'subtract', amount: 20_000, reason: ' r ' }),
    ).toEqual({
      month: '2026-10',
      amount: -20_000,
      reason: 'r',
    });
    expect(
      adjustmentInput('2026-10', { direction: 'add', amount: 5_000, reason: 'r' }).amount,
    ).toBe(5_000);
  });
});
