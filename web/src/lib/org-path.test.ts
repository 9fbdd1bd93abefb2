import { describe, expect, it } from 'vitest';
import type { OrgBrief } from '@/types';
import { ancestorPath, orgPathLabel, shortName } from './org-path';

const brief = (
  id: number,
  name: string,
  short_name: string | null,
  kind: OrgBrief['kind'],
): OrgBrief => ({
  id,
  name,
  short_name,
  kind,
  status: 'active',
});

// Root first, as GET /orgs/{id} and GET /orgs/search list them.
const bloc = brief(
  1,
  'Đảng bộ Khối các cơ quan Trung ương',
  'Đảng bộ Khối CCQ TW',
  'committee_central',
);
const ministryY = brief(20, 'Đảng bộ Bộ Y', null, 'committee_above_base');
const deptX = brief(300, 'Đảng bộ Vụ X', '', 'base_committee');
const deptZ = brief(301, 'Đảng bộ Vụ Z', 'Vụ Z', 'base_committee');

describe('organization paths', () => {
  it('use the short name where there is one', () => {
    expect(shortName(bloc)).toBe('Đảng bộ Khối CCQ TW');
    expect(shortName(ministryY)).toBe('Đảng bộ Bộ Y');
    expect(shortName(deptX)).toBe('Đảng bộ Vụ X');
  });

  it('list the ancestors nearest first', () => {
    expect(ancestorPath([bloc, ministryY, deptX])).toBe(
      'Đảng bộ Vụ X › Đảng bộ Bộ Y › Đảng bộ Khối CCQ TW',
    );
    expect(ancestorPath([])).toBe('');
    expect(ancestorPath(undefined)).toBe('');
  });

  it('tell namesakes apart: the name, then the path', () => {
    const name = 'Chi bộ Phòng Tổng hợp';
    const one = orgPathLabel({ name, ancestors: [bloc, ministryY, deptX] });
    const other = orgPathLabel({ name, ancestors: [bloc, ministryY, deptZ] });
    expect(one).toBe('Chi bộ Phòng Tổng hợp — Đảng bộ Vụ X › Đảng bộ Bộ Y › Đảng bộ Khối CCQ TW');
    expect(other).toBe('Chi bộ Phòng Tổng hợp — Vụ Z › Đảng bộ Bộ Y › Đảng bộ Khối CCQ TW');
    expect(one).not.toBe(other);
  });

  it('give a root its name alone', () => {
    expect(orgPathLabel({ name: bloc.name, ancestors: [] })).toBe(bloc.name);
  });
});
