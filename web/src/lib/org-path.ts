// How an organization is told apart from its namesakes ("Chi bộ Phòng Tổng hợp" exists under
// many committees): its ancestors, nearest first, by short name where it has one.
import type { OrgBrief } from '@/types';

export const pathSeparator = ' › ';
export const nameSeparator = ' — ';

export function shortName(org: Pick<OrgBrief, 'name' | 'short_name'>): string {
  return org.short_name?.trim() || org.name;
}

/** "Đảng bộ Vụ X › Đảng bộ Bộ Y" from ancestors given root first (as the API lists them). */
export function ancestorPath(ancestors: readonly OrgBrief[] | undefined): string {
  return [...(ancestors ?? [])].reverse().map(shortName).join(pathSeparator);
}

/** "Chi bộ Phòng Tổng hợp — Đảng bộ Vụ X › Đảng bộ Bộ Y"; the name alone for a root. */
export function orgPathLabel(org: { name: string; ancestors?: readonly OrgBrief[] }): string {
  const path = ancestorPath(org.ancestors);
  return path ? `${org.name}${nameSeparator}${path}` : org.name;
}
