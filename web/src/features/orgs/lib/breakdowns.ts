// Which catalog names each breakdown's values, how its rows are ordered, and how it is drawn.
import type { CatalogListName } from '@/lib/catalogs';
import type { Catalogs, CountByValue, OrgStats } from '@/types';

export interface Dimension {
  key: keyof OrgStats['breakdowns'];
  list?: CatalogListName;
  chart: 'pie' | 'bar';
  /** Rows in catalog order (ordinal scales) rather than by count. */
  ordered?: boolean;
}

export const dimensions: Dimension[] = [
  { key: 'status', list: 'member_statuses', chart: 'pie', ordered: true },
  { key: 'sex', list: 'sexes', chart: 'pie', ordered: true },
  { key: 'age_band', chart: 'bar', ordered: true },
  { key: 'ethnicity', list: 'ethnicities', chart: 'bar' },
  { key: 'religion', list: 'religions', chart: 'bar' },
  { key: 'general_education', chart: 'pie' },
  {
    key: 'professional_qualification',
    list: 'professional_qualifications',
    chart: 'bar',
    ordered: true,
  },
  { key: 'political_theory', list: 'political_theory_levels', chart: 'bar', ordered: true },
];

/** The rows to show, in display order. */
export function orderRows(
  dimension: Dimension,
  rows: CountByValue[],
  catalogs?: Catalogs,
): CountByValue[] {
  if (!dimension.ordered) return [...rows].sort((a, b) => b.count - a.count);
  const order: string[] =
    dimension.key === 'age_band'
      ? (catalogs?.age_bands ?? [])
      : dimension.list
        ? ((catalogs?.[dimension.list] ?? []) as { code: string }[]).map((entry) => entry.code)
        : [];
  const rank = (value: string) => {
    const index = order.indexOf(value);
    return index === -1 ? order.length : index;
  };
  return [...rows].sort((a, b) => rank(a.value) - rank(b.value) || b.count - a.count);
}
