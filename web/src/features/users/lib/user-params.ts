// The user list's state in the URL (/users?q=nguyen&page=2) and the grant rows of the user
// form, as the API wants them. Never throw on odd input.
import type { Grant, GrantInput, RoleInfo } from '@/types';

export const userPageSize = 20;

export interface UserListParams {
  q: string;
  page: number;
}

export function readUserParams(search: URLSearchParams): UserListParams {
  const page = Number(search.get('page'));
  return {
    q: (search.get('q') ?? '').slice(0, 100),
    page: Number.isInteger(page) && page > 0 && page < 1_000_000 ? page : 1,
  };
}

export function writeUserParams(params: UserListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.q.trim()) search.set('q', params.q);
  if (params.page > 1) search.set('page', String(params.page));
  return search;
}

/** GET /users's query for a page of the list. */
export function userListRequest(params: UserListParams, pageSize = userPageSize) {
  return { q: params.q.trim() || undefined, limit: pageSize, offset: (params.page - 1) * pageSize };
}

/** A grant row as the form holds it (scope undefined while not chosen). */
export interface GrantRow {
  role?: GrantInput['role'];
  scope_org_id?: number | null;
}

/** Roles whose scope is the user's own member record: no organization to choose. */
export function isOwnRecordRole(roles: readonly RoleInfo[] | undefined, code: string | undefined) {
  return !!code && roles?.find((role) => role.code === code)?.scope === 'own_record';
}

/** The form's rows as the API's grants: own-record roles carry no scope; blank rows go. */
export function grantInputs(
  rows: readonly GrantRow[] | undefined,
  roles: readonly RoleInfo[] | undefined,
): GrantInput[] {
  return (rows ?? [])
    .filter((row): row is GrantRow & Pick<GrantInput, 'role'> => !!row.role)
    .map((row) => ({
      role: row.role,
      scope_org_id: isOwnRecordRole(roles, row.role) ? null : (row.scope_org_id ?? null),
    }));
}

export function grantRows(grants: readonly Grant[]): GrantRow[] {
  return grants.map((grant) => ({ role: grant.role, scope_org_id: grant.scope_org_id }));
}

/** Whether two grant lists are the same set (order does not matter). */
export function sameGrants(a: readonly GrantInput[], b: readonly GrantInput[]): boolean {
  const key = (grant: GrantInput) => `${grant.role}@${grant.scope_org_id ?? ''}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((item, index) => item === right[index]);
}

/** Usernames as the server takes them: 3-64 of a-z, 0-9, '.', '_', '-'. */
export const usernamePattern = /^[a-z0-9._-]{3,64}$/;

/** A server field name as an antd name path: "grants[1].scope_org_id" -> ["grants", 1, "scope_org_id"]. */
export function fieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [field];
    path.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}
