import { describe, expect, it } from 'vitest';
import type { DisciplineCase } from '@/types';
import {
  appealBodiesFor,
  appealInput,
  caseToEditValues,
  clockState,
  closureInput,
  decisionInput,
  editInput,
  openCaseInput,
  sanctionsFor,
  suggestedGround,
  voteInput,
} from './discipline';

const openCase = {
  id: 4,
  version: 3,
  subject: 'official',
  breach_summary: 'Vi phạm',
  breach_date: '2026-02-10',
  new_breach_date: null,
  category: 'ordinary',
  deferrals: [],
  sanction: 'reprimand',
  competent_level: 'Chi bộ',
  state_decided_on: null,
  state_notified_on: null,
  decision: null,
  appeal: null,
} as unknown as DisciplineCase;

describe('discipline', () => {
  it('offers only the sanctions the Charter allows the subject', () => {
    expect(sanctionsFor('probationary')).toEqual(['reprimand', 'warning']);
    expect(sanctionsFor('organization')).toContain('dissolution');
    expect(sanctionsFor('official')).not.toContain('dissolution');
  });

  it('opens a member case, or the organization one without a member', () => {
    const values = {
      breach_summary: ' Vi phạm ',
      breach_date: '2026-02-10',
      sanction: 'warning' as const,
      competent_level: 'Chi bộ',
    };
    expect(openCaseInput({ ...values, member_id: 7 }, 3)).toMatchObject({
      member_id: 7,
      breach_summary: 'Vi phạm',
      category: 'ordinary',
    });
    expect(openCaseInput(values, 3)).toMatchObject({ org_id: 3 });
    expect(openCaseInput(values, 3).member_id).toBeUndefined();
  });

  it('sends the vote and the decision with the version', () => {
    expect(voteInput({ in_favour: 6, entitled: 10, voted_on: '2026-03-01' }, 2)).toEqual({
      in_favour: 6,
      against: 0,
      abstain: 0,
      entitled: 10,
      voted_on: '2026-03-01',
      version: 2,
    });
    expect(decisionInput({ decided_on: '2026-03-02', decision_number: ' 1-QĐ ' }, 3)).toEqual({
      decided_on: '2026-03-02',
      decision_number: '1-QĐ',
      version: 3,
    });
  });

  it('reads a clock', () => {
    expect(clockState({ overdue: true, days_left: null })).toBe('overdue');
    expect(clockState({ expired: false, days_left: 0 })).toBe('today');
    expect(clockState({ days_left: 12 })).toBe('running');
  });

  it('sends only the facts that changed, a deferral period as the API takes it', () => {
    const values = {
      ...caseToEditValues(openCase),
      breach_summary: ' Vi phạm nặng hơn ',
      deferrals: [{ from: '2026-04-01', to: '2026-04-10', reason: 'inpatient' as const }],
    };
    expect(editInput(values, openCase)).toEqual({
      version: 3,
      breach_summary: 'Vi phạm nặng hơn',
      deferrals: [{ from: '2026-04-01', to: '2026-04-10', reason: 'inpatient' }],
    });
    expect(editInput(caseToEditValues(openCase), openCase)).toEqual({ version: 3 });
  });

  it('after the decision sends only its receipt and the state body dates', () => {
    const decided = {
      ...openCase,
      decision: { decided_on: '2026-03-20', number: '1', document_id: null, received_on: null },
    } as unknown as DisciplineCase;
    const values = {
      ...caseToEditValues(decided),
      breach_summary: 'Khác',
      received_on: '2026-03-23',
    };
    expect(editInput(values, decided)).toEqual({ version: 3, received_on: '2026-03-23' });
  });

  it('records an appeal first, then its resolution', () => {
    expect(appealInput({ received_on: '2026-04-01' }, openCase)).toEqual({
      version: 3,
      received_on: '2026-04-01',
    });
    const appealed = {
      ...openCase,
      appeal: { received_on: '2026-04-01', decided_on: null, outcome: null },
    } as unknown as DisciplineCase;
    expect(
      appealInput(
        { received_on: '2026-04-01', decided_on: '2026-05-02', outcome: 'upheld' },
        appealed,
      ),
    ).toEqual({ version: 3, decided_on: '2026-05-02', outcome: 'upheld' });
  });

  it('after a settled appeal, sends the next one with its body, never lower than the last', () => {
    const settled = {
      ...openCase,
      appeal: {
        level: 1,
        body: 'central_inspection',
        received_on: '2026-04-01',
        decided_on: '2026-05-02',
        outcome: 'upheld',
        outcome_received_on: null,
      },
      next_appeal: { open: true, closed: null, level: 2, from: '2026-05-02', min_rank: 2 },
    } as unknown as DisciplineCase;
    expect(appealInput({ received_on: '2026-05-10', body: 'secretariat' }, settled)).toEqual({
      version: 3,
      received_on: '2026-05-10',
      body: 'secretariat',
    });
    expect(appealBodiesFor(settled)).toEqual([
      'central_inspection',
      'secretariat',
      'politburo',
      'central_committee',
    ]);
    expect(appealBodiesFor(openCase)).toContain('superior_committee');
    expect(
      appealInput(
        { decided_on: '2026-05-02', outcome: 'reduced', outcome_received_on: '2026-05-04' },
        { ...settled, appeal: { ...settled.appeal!, decided_on: null, outcome: null } },
      ),
    ).toEqual({
      version: 3,
      decided_on: '2026-05-02',
      outcome: 'reduced',
      outcome_received_on: '2026-05-04',
    });
  });
});

describe('closing a case without a sanction', () => {
  it('suggests the limitation once it has run, else no sanction', () => {
    const clocks = (expired: boolean) =>
      ({ clocks: { limitation: { expired } } }) as unknown as DisciplineCase;
    expect(suggestedGround(clocks(true))).toBe('limitation_expired');
    expect(suggestedGround(clocks(false))).toBe('not_disciplined');
    expect(suggestedGround({ clocks: { limitation: null } } as unknown as DisciplineCase)).toBe(
      'not_disciplined',
    );
  });

  it('sends the version, the day, the ground and a trimmed conclusion; no blank note', () => {
    expect(
      closureInput(
        { closed_on: '2026-11-10', ground: 'not_disciplined', note: '  Không đủ tỷ lệ  ' },
        3,
      ),
    ).toEqual({
      version: 3,
      closed_on: '2026-11-10',
      ground: 'not_disciplined',
      note: 'Không đủ tỷ lệ',
    });
    expect(
      closureInput({ closed_on: '2025-03-11', ground: 'limitation_expired', note: ' ' }, 5),
    ).toEqual({
      version: 5,
      closed_on: '2025-03-11',
      ground: 'limitation_expired',
    });
  });
});
