// The versioned rule set as the rules page shows it: keys grouped by work area (the part
// before the first dot), each key's versions newest first, each marked in force today,
// superseded, or not yet in force; and a value written with its unit.
import type { RuleParameter } from '@/types';

export type RuleState = 'in_force' | 'superseded' | 'future';

export interface RuleVersion extends RuleParameter {
  state: RuleState;
}

export interface RuleKeyGroup {
  key: string;
  versions: RuleVersion[];
}

export interface RuleArea {
  area: string;
  keys: RuleKeyGroup[];
}

/** The order areas are shown in: the lifecycle's, then anything else alphabetically. */
const areaOrder = ['admission', 'probation', 'recognition', 'transfer', 'readmission', 'exit'];

function areaRank(area: string): number {
  const index = areaOrder.indexOf(area);
  return index < 0 ? areaOrder.length : index;
}

/**
 * Versions of one key: the one in force on `today` is the latest that took effect on or before
 * it; earlier ones are superseded; later ones are not yet in force.
 */
export function versionsOf(rules: RuleParameter[], today: string): RuleVersion[] {
  const sorted = [...rules].sort((a, b) => b.effective_from.localeCompare(a.effective_from));
  const current = sorted.find((rule) => rule.effective_from <= today);
  return sorted.map((rule) => ({
    ...rule,
    state: rule === current ? 'in_force' : rule.effective_from > today ? 'future' : 'superseded',
  }));
}

export function groupRules(rules: RuleParameter[], today: string): RuleArea[] {
  const byKey = new Map<string, RuleParameter[]>();
  for (const rule of rules) byKey.set(rule.key, [...(byKey.get(rule.key) ?? []), rule]);
  const areas = new Map<string, RuleKeyGroup[]>();
  for (const key of [...byKey.keys()].sort()) {
    const area = key.split('.')[0];
    areas.set(area, [
      ...(areas.get(area) ?? []),
      { key, versions: versionsOf(byKey.get(key)!, today) },
    ]);
  }
  return [...areas]
    .map(([area, keys]) => ({ area, keys }))
    .sort((a, b) => areaRank(a.area) - areaRank(b.area) || a.area.localeCompare(b.area));
}

export type RuleUnit = 'months' | 'workingDays' | 'years' | 'members' | 'times' | 'people';

export type RuleValue =
  | { kind: 'number'; value: number; unit?: RuleUnit }
  | { kind: 'share'; numerator: number; denominator: number }
  | { kind: 'list'; items: string[]; unit?: RuleUnit }
  | { kind: 'flag'; on: boolean };

// Rules whose value says yes (1) or no (0) (their notes say what each means).
const flags = new Set([
  'admission.youth_union_replaces_introducer',
  'exemption.probationary_allowed',
  'exit.probationary_may_be_expelled',
  'transfer.late_days_deducted',
]);

function unitOf(key: string): RuleUnit | undefined {
  if (key.endsWith('_working_days')) return 'workingDays';
  if (key.endsWith('_months') || key === 'probation.months') return 'months';
  if (key.endsWith('_years')) return 'years';
  if (key.endsWith('_members')) return 'members';
  if (key.endsWith('_times')) return 'times';
  if (key === 'admission.introducers') return 'people';
  return undefined;
}

/** A rule's value as it reads: 12 months, 2/3, 3/2 · 19/5 …, yes/no. */
export function ruleValue(rule: Pick<RuleParameter, 'key' | 'value' | 'values'>): RuleValue {
  if (rule.key === 'badge.occasions') {
    return {
      kind: 'list',
      items: rule.values.map((monthDay) => `${monthDay % 100}/${Math.floor(monthDay / 100)}`),
    };
  }
  if (rule.key.endsWith('_share') && rule.values.length === 2) {
    return { kind: 'share', numerator: rule.values[0], denominator: rule.values[1] };
  }
  if (rule.values.length > 0) {
    return { kind: 'list', items: rule.values.map(String), unit: unitOf(rule.key) };
  }
  if (flags.has(rule.key)) return { kind: 'flag', on: rule.value !== 0 };
  return { kind: 'number', value: rule.value, unit: unitOf(rule.key) };
}
