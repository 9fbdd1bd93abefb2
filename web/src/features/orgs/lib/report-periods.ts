// The periods of the periodic member report (issue 16): the halves and the whole of this year
// and the last, those begun by today, each ending no later than today (the server refuses a
// report that ends in the future).
export interface ReportPeriod {
  key: string;
  kind: 'firstHalf' | 'secondHalf' | 'year';
  year: number;
  from: string;
  to: string;
  partial: boolean; // ends today rather than on the period's last day
}

export function reportPeriods(today: string): ReportPeriod[] {
  const thisYear = Number(today.slice(0, 4));
  const periods: ReportPeriod[] = [];
  for (const year of [thisYear, thisYear - 1]) {
    const spans: [ReportPeriod['kind'], string, string][] = [
      ['secondHalf', `${year}-07-01`, `${year}-12-31`],
      ['firstHalf', `${year}-01-01`, `${year}-06-30`],
      ['year', `${year}-01-01`, `${year}-12-31`],
    ];
    for (const [kind, from, end] of spans) {
      if (from > today) continue;
      const to = end > today ? today : end;
      periods.push({ key: `${kind}-${year}`, kind, year, from, to, partial: to !== end });
    }
  }
  return periods;
}
