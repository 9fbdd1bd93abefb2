import { describe, expect, it } from 'vitest';
import type { Permission } from '@/types';
import {
  availableProcedures,
  exitBody,
  exitChoices,
  recognitionBody,
  recognitionStep,
  transferBody,
} from './procedures';

const all: Permission[] = ['member.read', 'member.write', 'member.decide'];
const cell: Permission[] = ['member.read', 'member.write'];
const resolution = {
  step: 'cell_resolution' as const,
  on: '2026-01-10',
  document: null,
  recognized: true,
  vote: null,
  note: null,
  recorded_by: 'x',
  recorded_at: '2026-01-10T00:00:00Z',
};

describe('procedures offered', () => {
  it('recognition: the cell resolves first, the committee decides after', () => {
    expect(recognitionStep({ status: 'probationary', recognition: [] })).toBe('cell_resolution');
    expect(recognitionStep({ status: 'probationary', recognition: [resolution] })).toBe('decision');
    expect(recognitionStep({ status: 'official', recognition: [] })).toBeUndefined();
    expect(
      availableProcedures({ status: 'probationary', recognition: [resolution] }, cell),
    ).not.toContain('recognition');
    expect(
      availableProcedures({ status: 'probationary', recognition: [resolution] }, all),
    ).toContain('recognition');
  });

  it('exits: committees remove, expel and accept leaving; never expel a probationary member', () => {
    expect(exitChoices('official', all)).toEqual(['removed', 'expelled', 'left', 'deceased']);
    expect(exitChoices('probationary', all)).toEqual(['removed', 'left', 'deceased']);
    expect(exitChoices('official', cell)).toEqual(['deceased']);
    expect(exitChoices('removed', all)).toEqual([]);
  });

  it('exemption for official (or exempted) members; nothing for a member off the roll', () => {
    expect(availableProcedures({ status: 'official', recognition: [] }, cell)).toEqual([
      'exemption',
      'transfer',
      'exit',
    ]);
    expect(availableProcedures({ status: 'removed', recognition: [] }, all)).toEqual([]);
    expect(availableProcedures({ status: 'official', recognition: [] }, ['member.read'])).toEqual(
      [],
    );
  });
});

describe('procedure bodies', () => {
  it('carry the version, the date, the document when given and the step inputs', () => {
    expect(
      exitBody(
        { on: '2026-02-01', status: 'removed', ground: 'missed_activities_or_dues', note: ' ' },
        4,
      ),
    ).toEqual({
      version: 4,
      on: '2026-02-01',
      status: 'removed',
      ground: 'missed_activities_or_dues',
    });
    expect(
      recognitionBody(
        {
          step: 'cell_resolution',
          on: '2026-02-01',
          recognized: true,
          document_number: '3-NQ/CB',
          in_favour: 8,
          entitled: 9,
        },
        2,
      ),
    ).toEqual({
      version: 2,
      on: '2026-02-01',
      step: 'cell_resolution',
      recognized: true,
      document: { number: '3-NQ/CB', authority: null },
      vote: { in_favour: 8, entitled: 9 },
    });
  });

  it('a transfer names where to: a cell inside, an organization outside', () => {
    expect(
      transferBody(
        {
          kind: 'official',
          direction: 'internal',
          on: '2026-03-01',
          to_org_id: 7,
          external_org: 'x',
        },
        5,
      ),
    ).toEqual({
      kind: 'official',
      direction: 'internal',
      member_id: 5,
      letter_date: '2026-03-01',
      to_org_id: 7,
    });
    expect(
      transferBody(
        {
          kind: 'temporary',
          direction: 'outgoing',
          on: '2026-03-01',
          external_org: ' Đảng bộ tỉnh ',
          purpose: 'study',
          until: '2027-03-01',
        },
        5,
      ),
    ).toMatchObject({ external_org: 'Đảng bộ tỉnh', purpose: 'study', until: '2027-03-01' });
  });
});
