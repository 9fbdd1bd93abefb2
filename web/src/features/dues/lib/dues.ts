// Party dues in the UI: money in whole đồng shown as "1.234.000 đ" (never computed with
// fractions: the server computes every amount; the UI only adds whole numbers for a suggestion
// and formats), months as "YYYY-MM" (shown "10/2026"), a payment form's values to the API's
// body, and the URL parameters of the dues pages.
import type {
  DuesAdjustmentNew,
  DuesBasisNew,
  DuesPaymentNew,
  DuesReliefNew,
  Permission,
} from '@/types';
import { addMonths, isMonth, lastEndedMonth } from '@/lib/months';

export {
  addMonths,
  formatMonth,
  isMonth,
  lastEndedMonth,
  monthEnded,
  monthOf,
  readYearParams,
  writeYearParams,
  type YearParams,
} from '@/lib/months';

// The dues permissions (data/catalog/roles.tsv).
export const duesRead: Permission = 'dues.read';
export const duesWrite: Permission = 'dues.write';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** 1234000 -> "1.234.000 đ" (vi) or "1,234,000 đ" (en); whole đồng only. */
export function formatMoney(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true });
    moneyFormats.set(locale, format);
  }
  return `${format.format(Math.trunc(value))} đ`;
}

/** Reads what a user typed as whole đồng: "1.234.000", "1 234 000 đ", "1,234,000" -> 1234000. */
export function parseMoney(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  const digits = text.replace(/[\s.,_đ₫]/gi, '');
  if (!/^\d{1,15}$/.test(digits)) return undefined;
  return Number(digits);
}

/** The whole-đồng sum (a suggestion in a form; the server's figures are the record). */
export function sumMoney(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += Math.trunc(value);
  return total;
}

export type PaymentChannel = DuesPaymentNew['channel'];
export const paymentChannels: PaymentChannel[] = ['cash', 'bank', 'portal'];

export interface PaymentValues {
  paid_on?: string | null;
  first_month?: string | null;
  months?: number | null;
  amount?: number | null;
  extra?: number | null;
  channel?: PaymentChannel;
  reference?: string;
  note?: string;
}

export const paymentFields = [
  'paid_on',
  'first_month',
  'months',
  'amount',
  'extra',
  'channel',
  'reference',
  'note',
] as const;

/** POST /members/{id}/dues/payments' body: optional parts only when given. */
export function paymentInput(values: PaymentValues): DuesPaymentNew {
  const input: DuesPaymentNew = {
    paid_on: values.paid_on ?? '',
    first_month: values.first_month ?? '',
    amount: values.amount ?? 0,
    channel: values.channel ?? 'cash',
  };
  if (values.months && values.months > 1) input.months = values.months;
  if (values.extra) input.extra = values.extra;
  const reference = (values.reference ?? '').trim();
  if (reference) input.reference = reference;
  const note = (values.note ?? '').trim();
  if (note) input.note = note;
  return input;
}

/** What the member still owes for the `count` months from `first` (the months listed). */
export function suggestedAmount(
  months: readonly { month: string; outstanding: number }[],
  first: string,
  count: number,
  fallbackMonthly: number,
): number {
  const amounts: number[] = [];
  for (let i = 0; i < count; i++) {
    const month = addMonths(first, i);
    const known = months.find((item) => item.month === month);
    amounts.push(known ? known.outstanding : fallbackMonthly);
  }
  return sumMoney(amounts);
}

function positiveInt(text: string | null): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

export interface DuesParams {
  org?: number;
  month: string;
}

/** ?org=&month= of the book and the reconciliation; the month defaults to the last ended one. */
export function readDuesParams(
  search: URLSearchParams,
  today: string,
  fallbackOrg?: number,
): DuesParams {
  const month = search.get('month');
  return {
    org: positiveInt(search.get('org')) ?? fallbackOrg,
    month: isMonth(month) ? month : lastEndedMonth(today),
  };
}

export function writeDuesParams(params: DuesParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.org) search.set('org', String(params.org));
  search.set('month', params.month);
  return search;
}

// ---- A member's dues basis, relief decisions; a closed month's adjustment -------------------

export type DuesCategory = DuesBasisNew['category'];
/** The categories as the API knows them, in the order forms list them. */
export const duesCategories: DuesCategory[] = [
  'bhxh_salary',
  'bhxh_benefit',
  'pension',
  'student',
  'abroad_allowance',
  'abroad_fixed',
  'other_fixed',
];
const incomeCategories: readonly DuesCategory[] = [
  'bhxh_salary',
  'bhxh_benefit',
  'pension',
  'abroad_allowance',
];
const fixedCategories: readonly DuesCategory[] = ['abroad_fixed', 'other_fixed'];

/** What the category's amount is: an income a rate applies to, a fixed amount, or neither. */
export function categoryAmount(category: DuesCategory | undefined): 'income' | 'fixed' | 'none' {
  if (!category) return 'none';
  if (incomeCategories.includes(category)) return 'income';
  if (fixedCategories.includes(category)) return 'fixed';
  return 'none';
}

export interface BasisValues {
  valid_from?: string | null;
  category?: DuesCategory;
  amount?: number | null;
  note?: string;
}

export const basisFields = ['valid_from', 'category', 'amount', 'note'] as const;
/** The server's names of the amount (income or fixed_amount) onto the form's one field. */
export const basisAliases: Record<string, string> = { income: 'amount', fixed_amount: 'amount' };

/** POST /members/{id}/dues/bases' body: the amount as income or fixed_amount by category. */
export function basisInput(values: BasisValues): DuesBasisNew {
  const input: DuesBasisNew = {
    valid_from: values.valid_from ?? '',
    category: values.category ?? 'bhxh_salary',
  };
  const kind = categoryAmount(values.category);
  if (kind === 'income') input.income = values.amount ?? 0;
  if (kind === 'fixed') input.fixed_amount = values.amount ?? 0;
  const note = (values.note ?? '').trim();
  if (note) input.note = note;
  return input;
}

export type ReliefKind = DuesReliefNew['relief'];
export type ReductionPercent = NonNullable<DuesReliefNew['percent']>;

export interface ReliefValues {
  relief?: ReliefKind;
  percent?: ReductionPercent;
  from_month?: string | null;
  to_month?: string | null;
  decision_number?: string;
  decision_authority?: string;
  decision_date?: string | null;
  reason?: string;
}

export const reliefFields = [
  'relief',
  'percent',
  'from_month',
  'to_month',
  'decision_number',
  'decision_authority',
  'decision_date',
  'reason',
] as const;
/** The server counts months; the form asks for the last month. */
export const reliefAliases: Record<string, string> = {
  months: 'to_month',
  'decision.number': 'decision_number',
  'decision.authority': 'decision_authority',
};

/** Months from `from` to `to`, both included ("2026-04".."2026-06" -> 3); 0 when reversed. */
export function monthsInclusive(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  const count = index(to) - index(from) + 1;
  return count > 0 ? count : 0;
}

/** POST /members/{id}/dues/reliefs' body: an exemption without a last month is open-ended. */
export function reliefInput(values: ReliefValues): DuesReliefNew {
  const relief = values.relief ?? 'reduction';
  const from = values.from_month ?? '';
  const input: DuesReliefNew = {
    relief,
    from_month: from,
    decision: {
      number: (values.decision_number ?? '').trim() || null,
      authority: (values.decision_authority ?? '').trim() || null,
    },
  };
  if (relief === 'reduction' && values.percent) input.percent = values.percent;
  if (values.to_month && from) input.months = monthsInclusive(from, values.to_month);
  if (values.decision_date) input.decision_date = values.decision_date;
  const reason = (values.reason ?? '').trim();
  if (reason) input.reason = reason;
  return input;
}

export interface AdjustmentValues {
  direction?: 'add' | 'subtract';
  amount?: number | null;
  reason?: string;
}

export const adjustmentFields = ['amount', 'reason'] as const;

/** POST /orgs/{id}/dues/adjustments' body: a decrease is a negative amount. */
export function adjustmentInput(month: string, values: AdjustmentValues): DuesAdjustmentNew {
  const amount = Math.trunc(values.amount ?? 0);
  return {
    month,
    amount: values.direction === 'subtract' ? -amount : amount,
    reason: (values.reason ?? '').trim(),
  };
}
