// "Today" in the UI is the server's civil date (Vietnam's; GET /auth/me's `today`), never the
// browser's: deadlines, days late, default dates in forms and the last day a date picker offers
// all count from it, so that they agree with the server's own checks whatever the browser's time
// zone (and with a server whose date tests fix, CHIBO_TEST_TODAY). A tab left open moves on with
// the clock: the days passed in Vietnam since the server said its date are added to it.
import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { addDays, daysBetween, vietnamDate } from './dates';
import { meQuery } from './session';

/**
 * Today, from the server's date `serverToday`, said when the browser's clock read `saidOn` in
 * Vietnam, now that it reads `clockDate` there; without the server's date, `clockDate`.
 */
export function todayFrom(
  serverToday: string | null | undefined,
  saidOn: string,
  clockDate: string,
): string {
  if (!serverToday || !/^\d{4}-\d{2}-\d{2}$/.test(serverToday)) return clockDate;
  const passed = daysBetween(saidOn, clockDate);
  return passed > 0 ? addDays(serverToday, passed) : serverToday;
}

// The browser clock's date in Vietnam, as a store that changes at Vietnam's midnight.
const DAY_MS = 86_400_000;
const clockDate = () => vietnamDate(Date.now());
function subscribe(onChange: () => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const schedule = () => {
    const intoDay = (Date.now() + 7 * 3_600_000) % DAY_MS;
    timer = setTimeout(
      () => {
        onChange();
        schedule();
      },
      DAY_MS - intoDay + 1_000,
    );
  };
  schedule();
  return () => clearTimeout(timer);
}

/** The server's today (ISO), for every screen; the signed-in user's query carries it. */
export function useToday(): string {
  const { data, dataUpdatedAt } = useQuery(meQuery());
  const clock = useSyncExternalStore(subscribe, clockDate);
  return todayFrom(data?.today, vietnamDate(dataUpdatedAt), clock);
}
