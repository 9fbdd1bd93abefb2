// Party dues in the UI: money in whole đồng shown as "1.234.000 đ" (never computed with
// fractions: the server computes every amount; the UI only adds whole numbers for a suggestion
// and formats), months as "YYYY-MM" (shown "10/2026"), a payment form's values to the API's
// body, and the URL parameters of the dues pages.
import type { DuesPaymentNew, Permission } from '@/types';
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
