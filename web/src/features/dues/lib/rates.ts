// How a month's due was reached, as the book shows it: the rate (basis points of the rule the
// server applied, "1 %", "0,5 %") or the fixed amount, and the reduction.
import type { DuesDue } from '@/types';

/** 100 -> "1 %", 50 -> "0,5 %" (vi) / "0.5 %" (en): display only, from whole basis points. */
export function formatBasisPoints(bp: number, lang: string): string {
  const whole = Math.trunc(bp / 100);
  const rest = Math.abs(bp % 100);
  const separator = lang === 'en' ? '.' : ',';
  const fraction = rest ? `${separator}${String(rest).padStart(2, '0').replace(/0$/, '')}` : '';
  return `${whole}${fraction} %`;
}

/** The rate rule the server applied to this month's due, if any (a "*_rate_bp" rule). */
export function rateRule(due: Pick<DuesDue, 'rules'>) {
  return due.rules.find((rule) => rule.key.endsWith('_rate_bp'));
}
