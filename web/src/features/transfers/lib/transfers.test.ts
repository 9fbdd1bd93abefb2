import { describe, expect, it } from 'vitest';
import type { RuleParameter } from '@/types';
import {
  mayBeCut,
  readTransferFilters,
  transferActions,
  transferDeadline,
  transferEnds,
  transferQuery,
  writeTransferFilters,
} from './transfers';

const rule = (effective_from: string, source: string): RuleParameter => ({
  key: 'transfer.present_working_days',
  value: 30,
  values: [],
  effective_from,
  source,
  note: '',
});
const rules = [rule('2011-01-19', '24-QĐ/TW'), rule('2025-07-01', '294-QĐ/TW')];

describe('transfer filters', () => {
  it('read back what they write; the open states by default', () => {
    const filters = readTransferFilters(new URLSearchParams(''), 9);
    expect(filters).toEqual({
      org: 9,
      view: 'open',
      kind: undefined,
      direction: undefined,
      overdue: false,
    });
    const search = writeTransferFilters({
      org: 3,
      view: 'in_transit',
      kind: 'official',
      direction: 'outgoing',
      overdue: true,
    });
    expect(search.toString()).toBe(
      'org=3&state=in_transit&kind=official&direction=outgoing&overdue=true',
    );
    expect(readTransferFilters(search)).toEqual({
      org: 3,
      view: 'in_transit',
      kind: 'official',
      direction: 'outgoing',
      overdue: true,
    });
    expect(readTransferFilters(new URLSearchParams('state=completed&kind=x')).view).toBe('open');
  });

  it('ask the server for both open states unless one is chosen', () => {
    expect(transferQuery({ org: 1, view: 'open', overdue: false })).toEqual({
      org: 1,
      state: 'in_transit,away',
      kind: undefined,
      direction: undefined,
      overdue: undefined,
    });
    expect(transferQuery({ org: 1, view: 'away', overdue: true }).state).toBe('away');
    expect(transferQuery({ org: 1, view: 'away', overdue: true }).overdue).toBe(true);
  });
});

describe('transfer actions', () => {
  it('official transfers need member.decide, temporary ones member.write; closed ones none', () => {
    expect(transferActions({ kind: 'official', state: 'in_transit' }, ['member.decide'])).toEqual([
      'complete',
      'cancel',
    ]);
    expect(transferActions({ kind: 'official', state: 'in_transit' }, ['member.write'])).toEqual(
      [],
    );
    expect(transferActions({ kind: 'temporary', state: 'away' }, ['member.write'])).toEqual([
      'complete',
      'cancel',
    ]);
    expect(transferActions({ kind: 'temporary', state: 'away' }, ['member.read'])).toEqual([]);
    expect(transferActions({ kind: 'official', state: 'completed' }, ['member.decide'])).toEqual(
      [],
    );
  });
});

describe('transfer deadlines', () => {
  it('in transit: the server’s present_by, with the rule in force on the letter’s date', () => {
    const late = transferDeadline(
      { state: 'in_transit', present_by: '2026-10-05', until: null, letter_date: '2026-08-20' },
      rules,
      '2026-10-08',
    );
    expect(late).toMatchObject({ basis: 'present_by', on: '2026-10-05', daysLate: 3 });
    expect(late.rule?.source).toBe('294-QĐ/TW');
    const before = transferDeadline(
      { state: 'in_transit', present_by: '2025-07-10', until: null, letter_date: '2025-06-30' },
      rules,
      '2025-07-01',
    );
    expect(before.daysLate).toBe(0);
    expect(before.rule?.source).toBe('24-QĐ/TW');
  });

  it('away: the planned return, no rule', () => {
    expect(
      transferDeadline(
        { state: 'away', present_by: '2026-01-01', until: '2026-11-30', letter_date: '2026-01-01' },
        rules,
        '2026-12-03',
      ),
    ).toEqual({ basis: 'until', on: '2026-11-30', daysLate: 3 });
  });

  it('names both ends, outside ones by the external organization', () => {
    expect(
      transferEnds({
        from_name: 'Chi bộ A',
        to_name: null,
        external_org: 'Đảng bộ tỉnh Nghệ An',
        direction: 'outgoing',
      }),
    ).toEqual({ from: 'Chi bộ A', to: 'Đảng bộ tỉnh Nghệ An' });
    expect(
      transferEnds({
        from_name: null,
        to_name: 'Chi bộ B',
        external_org: 'X',
        direction: 'incoming',
      }),
    ).toEqual({ from: 'X', to: 'Chi bộ B' });
  });
});

describe('the server’s cap', () => {
  it('a list of 500 may be cut, one of 499 is whole', () => {
    expect(mayBeCut(500)).toBe(true);
    expect(mayBeCut(499)).toBe(false);
  });
});
