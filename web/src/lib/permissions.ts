// What the signed-in user may do, from GET /auth/me's permissions (their grants' roles, as
// data/catalog/roles.tsv gives them) and where (their grants' scopes). The UI hides what the
// server would refuse anyway; the server stays the judge.
import { paths } from '@/config/paths';
import type { Grant, Me, OrgBrief, Permission } from '@/types';

export function can(me: Pick<Me, 'permissions'> | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}

/** Where "home" is for this user: the tree, else their own record, else their account. */
export function homePath(me: Pick<Me, 'permissions' | 'member_id'> | undefined): string {
  if (can(me, 'org.read')) return paths.orgs();
  if (can(me, 'member.read') && me?.member_id) return paths.member(me.member_id);
  return paths.account();
}

/**
 * The organizations whose subtrees the user works in, or null when a grant has no scope (the
 * whole system). Grants of own-record roles (ownRecordRoles, e.g. `member`) reach no subtree.
 */
export function scopeIds(
  me: Pick<Me, 'grants'> | undefined,
  ownRecordRoles: readonly string[] = ['member'],
): number[] | null {
  const ids: number[] = [];
  for (const grant of me?.grants ?? []) {
    if (ownRecordRoles.includes(grant.role)) continue;
    if (grant.scope_org_id === null) return null;
    if (!ids.includes(grant.scope_org_id)) ids.push(grant.scope_org_id);
  }
  return ids;
}

/**
 * Whether the organization at `index` of an ancestor list (root first) lies inside the scopes:
 * one of the scopes is that organization or above it. Scopes null reach everything.
 */
export function reachesAncestor(
  scopes: readonly number[] | null,
  ancestors: readonly Pick<OrgBrief, 'id'>[],
  index: number,
): boolean {
  if (scopes === null) return true;
  return ancestors.slice(0, index + 1).some((org) => scopes.includes(org.id));
}

/** The role's name in the UI language. */
export function roleName(grant: Pick<Grant, 'role' | 'role_name' | 'role_name_en'>, lang: string) {
  return (lang === 'en' ? grant.role_name_en : grant.role_name) || grant.role_name || grant.role;
}

/** "Bí thư chi bộ · Chi bộ Phòng Tổng hợp": a grant's role and scope (`everywhere` if none). */
export function grantLabel(grant: Grant, lang: string, everywhere: string): string {
  return `${roleName(grant, lang)} · ${grant.scope_org_name ?? everywhere}`;
}
