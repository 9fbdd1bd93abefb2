import { describe, expect, it } from 'vitest';
import type { GrantInput, RoleInfo } from '@/types';
import {
  fieldPath,
  grantInputs,
  grantRows,
  readUserParams,
  sameGrants,
  userListRequest,
  usernamePattern,
  writeUserParams,
} from './user-params';

const roles = [
  { code: 'cell_secretary', scope: 'subtree' },
  { code: 'member', scope: 'own_record' },
] as RoleInfo[];

describe('user list params', () => {
  it('read and write the URL, ignoring odd values', () => {
    expect(readUserParams(new URLSearchParams('q=nguyen&page=3'))).toEqual({
      q: 'nguyen',
      page: 3,
    });
    expect(readUserParams(new URLSearchParams('page=-1'))).toEqual({ q: '', page: 1 });
    expect(readUserParams(new URLSearchParams('page=x'))).toEqual({ q: '', page: 1 });
    expect(writeUserParams({ q: 'an', page: 1 }).toString()).toBe('q=an');
    expect(writeUserParams({ q: ' ', page: 2 }).toString()).toBe('page=2');
  });

  it('page the server by limit and offset', () => {
    expect(userListRequest({ q: '', page: 3 }, 20)).toEqual({
      q: undefined,
      limit: 20,
      offset: 40,
    });
  });
});

describe('grants', () => {
  it('become the API grants; own-record roles carry no scope; blank rows go', () => {
    expect(
      grantInputs(
        [
          { role: 'cell_secretary', scope_org_id: 12 },
          { role: 'member', scope_org_id: 12 },
          { role: 'cell_secretary' },
          { scope_org_id: 3 },
        ],
        roles,
      ),
    ).toEqual([
      { role: 'cell_secretary', scope_org_id: 12 },
      { role: 'member', scope_org_id: null },
      { role: 'cell_secretary', scope_org_id: null },
    ]);
  });

  it('compare as sets', () => {
    const a: GrantInput[] = [
      { role: 'leader', scope_org_id: 1 },
      { role: 'inspection', scope_org_id: null },
    ];
    expect(sameGrants(a, [...a].reverse())).toBe(true);
    expect(sameGrants(a, [a[0]])).toBe(false);
    expect(sameGrants(a, [a[0], { role: 'inspection', scope_org_id: 2 }])).toBe(false);
  });

  it('come from a user', () => {
    expect(
      grantRows([
        {
          role: 'leader',
          role_name: 'X',
          role_name_en: 'X',
          scope_org_id: 4,
          scope_org_name: 'Org',
        },
      ]),
    ).toEqual([{ role: 'leader', scope_org_id: 4 }]);
  });
});

describe('form fields', () => {
  it('map server field names to form paths', () => {
    expect(fieldPath('username')).toEqual(['username']);
    expect(fieldPath('grants[1].scope_org_id')).toEqual(['grants', 1, 'scope_org_id']);
    expect(fieldPath('grants')).toEqual(['grants']);
  });

  it('take usernames as the server does', () => {
    expect(usernamePattern.test('nguyen.van-an_2')).toBe(true);
    expect(usernamePattern.test('Nguyen')).toBe(false);
    expect(usernamePattern.test('ab')).toBe(false);
    expect(usernamePattern.test('nguyễn')).toBe(false);
  });
});
