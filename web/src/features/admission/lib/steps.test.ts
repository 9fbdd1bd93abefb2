import { describe, expect, it } from 'vitest';
import type { AdmissionStep, OrgBrief, OrgKind } from '@/types';
import {
  baseOrgOf,
  canRecordStep,
  groupByPhase,
  nextSteps,
  stepInput,
  stepInputs,
  undoableStep,
} from './steps';

const step = (code: AdmissionStep['step'], on: string): AdmissionStep => ({
  step: code,
  on,
  document: null,
  vote: null,
  introducers: [],
  youth_union: false,
  received_on: null,
  place: null,
  note: null,
  recorded_by: 'x',
  recorded_at: '2026-01-01T00:00:00Z',
});

describe('admission steps', () => {
  it('the committees decide their steps, the cell records its own', () => {
    expect(canRecordStep(['member.write'], 'course')).toBe(true);
    expect(canRecordStep(['member.write'], 'cell_resolution')).toBe(true);
    expect(canRecordStep(['member.write'], 'ceremony')).toBe(true);
    expect(canRecordStep(['member.write'], 'decision')).toBe(false);
    expect(canRecordStep(['member.write'], 'base_resolution')).toBe(false);
    expect(canRecordStep(['member.decide'], 'decision')).toBe(true);
    expect(canRecordStep(['member.read'], 'application')).toBe(false);
  });

  it('each step has its inputs', () => {
    expect(stepInputs('introduction')).toMatchObject({ introducers: true, document: false });
    expect(stepInputs('cell_resolution')).toMatchObject({ vote: true, document: true });
    expect(stepInputs('decision')).toMatchObject({ receivedOn: true, vote: false });
    expect(stepInputs('ceremony')).toMatchObject({ place: true });
    // The deciding documents the server requires.
    expect(stepInputs('course')).toMatchObject({ numberRequired: true, authorityRequired: true });
    expect(stepInputs('endorsement')).toMatchObject({
      numberRequired: false,
      authorityRequired: true,
    });
    expect(stepInputs('cell_resolution')).toMatchObject({
      numberRequired: true,
      authorityRequired: false,
    });
  });

  it('a step body has only its inputs, without empty text', () => {
    expect(
      stepInput({
        step: 'cell_resolution',
        on: '2026-05-05',
        document_number: ' 12-NQ/CB ',
        document_authority: '',
        in_favour: 9,
        against: 0,
        entitled: 10,
        place: 'ignored',
        note: ' ',
      }),
    ).toEqual({
      step: 'cell_resolution',
      on: '2026-05-05',
      document: { number: '12-NQ/CB', authority: null },
      vote: { in_favour: 9, against: 0, entitled: 10 },
    });
    expect(
      stepInput({
        step: 'introduction',
        on: '2026-04-01',
        introducers: [{ member_id: 5, known_since: '2024-01-15' }, { member_id: null }],
        document_number: 'ignored',
      }),
    ).toEqual({
      step: 'introduction',
      on: '2026-04-01',
      introducers: [{ member_id: 5, known_since: '2024-01-15' }],
    });
  });

  it('an undo withdraws the latest step in the procedure order, never the ceremony', () => {
    const steps = [step('application', '2026-03-01'), step('course', '2026-03-05')];
    expect(undoableStep({ status: 'open', steps })).toBe('application');
    expect(undoableStep({ status: 'open', steps: [] })).toBeUndefined();
    expect(undoableStep({ status: 'withdrawn', steps })).toBeUndefined();
    expect(
      undoableStep({ status: 'open', steps: [...steps, step('ceremony', '2026-06-01')] }),
    ).toBeUndefined();
  });

  it('open files group by phase; closed and admitted ones are not on the board', () => {
    const columns = groupByPhase([
      { id: 1, phase: 'preparing' },
      { id: 2, phase: 'ceremony' },
      { id: 3, phase: 'admitted' },
      { id: 4, phase: 'preparing' },
    ]);
    expect(columns.preparing.map((c) => c.id)).toEqual([1, 4]);
    expect(columns.ceremony.map((c) => c.id)).toEqual([2]);
    expect(columns.cell_review).toEqual([]);
    expect(nextSteps({ status: 'open', missing: ['course'] })).toEqual(['course']);
    expect(nextSteps({ status: 'admitted', missing: ['course'] })).toEqual([]);
  });
});

describe('the base organization of a cell', () => {
  const kinds: Pick<OrgKind, 'code' | 'is_base'>[] = [
    { code: 'base_committee', is_base: true },
    { code: 'base_cell', is_base: true },
    { code: 'cell', is_base: false },
    { code: 'committee_above_base', is_base: false },
  ];
  const brief = (id: number, kind: OrgBrief['kind']) => ({
    id,
    kind,
    name: `o${id}`,
    short_name: null,
    status: 'active' as const,
  });

  it('is the nearest base ancestor, or the cell itself when it is a base cell', () => {
    const ancestors = [
      brief(1, 'committee_above_base'),
      brief(2, 'base_committee'),
      brief(3, 'committee_above_base'),
    ];
    expect(baseOrgOf({ id: 9, kind: 'cell', ancestors }, kinds)).toBe(2);
    expect(baseOrgOf({ id: 9, kind: 'base_cell', ancestors }, kinds)).toBe(9);
    expect(
      baseOrgOf({ id: 9, kind: 'cell', ancestors: [brief(1, 'committee_above_base')] }, kinds),
    ).toBe(9);
  });
});
