import { beforeAll, describe, expect, it } from 'vitest';
import {
  activeAuditFilters,
  auditRequest,
  prettyDetails,
  readAuditParams,
  writeAuditParams,
} from './audit-params';

beforeAll(() => {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
});

describe('audit filters', () => {
  it('read and write the URL, dropping odd values', () => {
    const params = readAuditParams(
      new URLSearchParams('actor_id=3&action=auth.login&from=2025-01-02&to=bad&object_id=%20'),
    );
    expect(params).toEqual({
      actor_id: 3,
      object_type: undefined,
      object_id: undefined,
      action: 'auth.login',
      from: '2025-01-02',
      to: undefined,
    });
    expect(writeAuditParams(params).toString()).toBe(
      'actor_id=3&action=auth.login&from=2025-01-02',
    );
    expect(activeAuditFilters(params)).toBe(3);
    expect(readAuditParams(new URLSearchParams('actor_id=-2')).actor_id).toBeUndefined();
  });

  it('send local days as UTC instants, both ends included', () => {
    expect(auditRequest({ from: '2025-01-02', to: '2025-01-02' })).toMatchObject({
      from: '2025-01-01T17:00:00.000Z',
      to: '2025-01-02T16:59:59.999Z',
    });
    expect(auditRequest({ actor_id: 4 })).toMatchObject({ actor_id: 4, from: undefined });
  });

  it('show details as indented JSON', () => {
    expect(prettyDetails({ name: ['A', 'B'] })).toBe('{\n  "name": [\n    "A",\n    "B"\n  ]\n}');
    expect(prettyDetails(null)).toBe('');
    expect(prettyDetails('text')).toBe('text');
  });
});
