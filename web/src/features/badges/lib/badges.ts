// The badge list's state in the URL, the occasions it offers, and the awards a decision
// records. Occasions are the rule's (badge.occasions, month and day of each, in force on
// 1 January of the year, as the server reads it); milestones are badge.milestone_years in
// force on the occasion.
import { toQueryString } from '@/lib/api-client';
import { ruleInForce } from '@/lib/catalogs';
import type { Language } from '@/lib/i18n';
import type { BadgeItem, ProblemFieldError, RuleParameter } from '@/types';

export const badgePageSizes = [50, 100, 200, 500];

export interface BadgeParams {
  org?: number;
  /** ISO date of the occasion; none: the server's next one. */
  occasion?: string;
  milestones: number[];
  page: number;
  pageSize: number;
}

function positive(text: string | null): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function readBadgeParams(search: URLSearchParams, scope?: number): BadgeParams {
  const occasion = search.get('occasion');
  const size = positive(search.get('page_size'));
  return {
    org: positive(search.get('org')) ?? scope,
    occasion: occasion && /^\d{4}-\d{2}-\d{2}$/.test(occasion) ? occasion : undefined,
    milestones: (search.get('milestone') ?? '')
      .split(',')
      .map((text) => positive(text))
      .filter((value): value is number => value !== undefined)
      .sort((a, b) => a - b),
    page: positive(search.get('page')) ?? 1,
    pageSize: size && badgePageSizes.includes(size) ? size : badgePageSizes[0],
  };
}

export function writeBadgeParams(params: BadgeParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.org) search.set('org', String(params.org));
  if (params.occasion) search.set('occasion', params.occasion);
  if (params.milestones.length) search.set('milestone', params.milestones.join(','));
  if (params.page > 1) search.set('page', String(params.page));
  if (params.pageSize !== badgePageSizes[0]) search.set('page_size', String(params.pageSize));
  return search;
}

/** The filters both the list and its CSV take. */
function filterQuery(params: BadgeParams) {
  return { org: params.org, occasion: params.occasion, milestone: params.milestones };
}

/** GET /badges' query: the filters and the page. */
export function badgeQuery(params: BadgeParams) {
  return { ...filterQuery(params), page: params.page, page_size: params.pageSize };
}

/** GET /badges.csv for exactly the list shown: same filters, all rows, the UI's language. */
export function badgeCsvHref(params: BadgeParams, lang: Language): string {
  return `/api/v1/badges.csv${toQueryString({ ...filterQuery(params), lang })}`;
}

/** The occasions of a year (ISO, in order), from the rule in force on its 1 January. */
export function occasionsOf(rules: RuleParameter[] | undefined, year: number): string[] {
  const rule =
    ruleInForce(rules, 'badge.occasions', `${year}-01-01`) ??
    ruleInForce(rules, 'badge.occasions', `${year}-12-31`);
  if (!rule) return [];
  const pad = (n: number) => String(n).padStart(2, '0');
  return rule.values
    .map((monthDay) => `${year}-${pad(Math.floor(monthDay / 100))}-${pad(monthDay % 100)}`)
    .sort();
}

/**
 * The occasions to choose from: `before` past ones (to record awards missed) and `after`
 * from today on (the first is the server's default, the next occasion).
 */
export function occasionChoices(
  rules: RuleParameter[] | undefined,
  today: string,
  before = 4,
  after = 4,
): string[] {
  const year = Number(today.slice(0, 4));
  const all = [year - 2, year - 1, year, year + 1, year + 2].flatMap((y) => occasionsOf(rules, y));
  const past = all.filter((day) => day < today).slice(-before);
  const coming = all.filter((day) => day >= today).slice(0, after);
  return [...past, ...coming];
}

/** The milestones (years of party age) in force on an occasion. */
export function milestonesOn(rules: RuleParameter[] | undefined, occasion: string): number[] {
  const rule =
    ruleInForce(rules, 'badge.milestone_years', occasion) ??
    [...(rules ?? [])]
      .filter((r) => r.key === 'badge.milestone_years')
      .sort((a, b) => b.effective_from.localeCompare(a.effective_from))[0];
  return rule?.values ?? [];
}

/** "3/2/2027": an occasion as the Party writes it, without leading zeros. */
export function occasionLabel(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}/${month}/${year}`;
}

/** The body's awards: each selected member with the badge the list says is due. */
export function awardsOf(items: Pick<BadgeItem, 'id' | 'milestone'>[]) {
  return items.map((item) => ({ member_id: item.id, milestone: item.milestone }));
}

/**
 * Problems with single awards (awards[i], awards[i].milestone) named by the member they are
 * about, so a refusal of one in a hundred says whose it is.
 */
export function namedAwardErrors(
  errors: ProblemFieldError[],
  items: Pick<BadgeItem, 'full_name'>[],
): ProblemFieldError[] {
  return errors.map((error) => {
    const match = /^awards\[(\d+)\]/.exec(error.field);
    const item = match ? items[Number(match[1])] : undefined;
    return item ? { ...error, message: `${item.full_name}: ${error.message}` } : error;
  });
}
