// The day the browser tests run on, whatever the real one: global-setup.ts gives `chibo demo`
// and `chibo serve` CHIBO_TEST_TODAY=TODAY, so the demo data, the server's deadlines and the UI
// (which counts from the server's today, src/lib/today.ts) agree with the dates a spec computes.
// Every such date starts here. A Monday; CHIBO_TEST_TODAY runs the suite on another day.
export const TODAY = process.env.CHIBO_TEST_TODAY || '2026-11-16';

if (!/^\d{4}-\d{2}-\d{2}$/.test(TODAY)) {
  throw new Error(`CHIBO_TEST_TODAY must be YYYY-MM-DD, not ${JSON.stringify(TODAY)}`);
}

const DAY_MS = 86_400_000;

/** The ISO date `days` days after TODAY (negative: before). */
export function daysFromToday(days: number): string {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO date `years` years before TODAY (29 February falls back to the 28th). */
export function yearsBeforeToday(years: number): string {
  const [y, m, d] = TODAY.split('-').map(Number);
  const last = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  return new Date(Date.UTC(y - years, m - 1, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO dates). */
export const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

/** "2026-11-16" -> "16/11/2026", as the UI writes dates. */
export const toVi = (iso: string) => iso.split('-').reverse().join('/');
