// The working-day calendar the deadlines are counted on (GET /calendar): days off and weekend
// days worked, year by year, each with its source. Fixed for the server's life.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { CalendarDay } from '@/types';

export const calendarQuery = () =>
  queryOptions({
    queryKey: ['calendar'] as const,
    queryFn: ({ signal }) =>
      api<{ items: CalendarDay[] }>('/calendar', { signal }).then((body) => body.items),
    staleTime: Infinity,
  });

export function useCalendar() {
  return useQuery(calendarQuery());
}
