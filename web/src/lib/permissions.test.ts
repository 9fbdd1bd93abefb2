import { describe, expect, it } from 'vitest';
import type { Grant } from '@/types';
import { can, grantLabel, homePath, reachesAncestor, roleName, scopeIds } from './permissions';

const grant = (role: Grant['role'], scope: number | null, name: string | null = null): Grant => ({
  role,
  role_name: role === 'cell_secretary' ? 'Bí thư chi bộ' : 'Quản trị hệ thống',
  role_name_en: role === 'cell_secretary' ? 'Cell secretary' : 'Administrator',
  scope_org_id: scope,
  scope_org_name: name,
});

describe('permissions', () => {
  it('can only what the session lists', () => {
    const me = { permissions: ['org.read', 'member.read'] as const };
    expect(can({ permissions: [...me.permissions] }, 'member.read')).toBe(true);
    expect(can({ permissions: [...me.permissions] }, 'member.write')).toBe(false);
    expect(can(undefined, 'org.read')).toBe(false);
  });

  it('home is the tree, else the own record, else the account', () => {
    expect(homePath({ permissions: ['org.read'], member_id: null })).toBe('/orgs');
    expect(homePath({ permissions: ['member.read'], member_id: 42 })).toBe('/members/42');
    expect(homePath({ permissions: [], member_id: null })).toBe('/account');
  });

  it('scopes: null when any grant has none; own-record grants reach no subtree', () => {
    expect(scopeIds({ grants: [grant('administrator', null)] })).toBeNull();
    expect(
      scopeIds({
        grants: [grant('cell_secretary', 7), grant('cell_secretary', 9), grant('leader', 7)],
      }),
    ).toEqual([7, 9]);
    expect(scopeIds({ grants: [grant('member', null)] })).toEqual([]);
  });

  it('an ancestor is reachable when a scope is it or above it', () => {
    const ancestors = [{ id: 1 }, { id: 5 }, { id: 9 }];
    expect(reachesAncestor(null, ancestors, 0)).toBe(true);
    expect(reachesAncestor([5], ancestors, 0)).toBe(false);
    expect(reachesAncestor([5], ancestors, 1)).toBe(true);
    expect(reachesAncestor([5], ancestors, 2)).toBe(true);
  });

  it('names grants in the UI language', () => {
    const scoped = grant('cell_secretary', 7, 'Chi bộ 1');
    expect(grantLabel(scoped, 'vi', 'Toàn hệ thống')).toBe('Bí thư chi bộ · Chi bộ 1');
    expect(grantLabel(grant('administrator', null), 'en', 'Everywhere')).toBe(
      'Administrator · Everywhere',
    );
    expect(roleName({ role: 'x' as Grant['role'], role_name: '', role_name_en: '' }, 'en')).toBe(
      'x',
    );
  });
});
