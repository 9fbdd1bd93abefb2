// Civil dates as ISO strings ("2026-12-03"): whole days between two of them, counted in UTC so
// that no time zone or summer time shifts a day.

function serial(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/** Days from `from` to `to`: positive when `to` is later, 0 on the same day, NaN if malformed. */
export function daysBetween(from: string, to: string): number {
  return serial(to) - serial(from);
}

/** Days `date` lies past `deadline` on `today`: 0 when not past (or either is missing). */
export function daysPast(deadline: string | null | undefined, today: string): number {
  if (!deadline) return 0;
  const days = daysBetween(deadline, today);
  return Number.isFinite(days) && days > 0 ? days : 0;
}

/** `iso` moved by `days` whole days (negative: earlier). */
export function addDays(iso: string, days: number): string {
  const start = serial(iso);
  if (!Number.isFinite(start)) return iso;
  return new Date((start + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The civil date in Vietnam (UTC+7, no summer time) at the instant `ms`, as the server counts. */
export function vietnamDate(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}
