import { describe, expect, it } from 'vitest';
import { inspectionFieldOf, inspectionInput, stageIndex, stageOrder } from './inspections';

describe('inspections', () => {
  it('orders the stages from the decision to the conclusion', () => {
    expect(stageOrder).toEqual(['decision', 'plan', 'work', 'report', 'conclusion']);
    expect(stageIndex('planned')).toBe(-1);
    expect(stageIndex('report')).toBe(3);
  });

  it('trims the team and leaves empty names out', () => {
    const input = inspectionInput({
      kind: 'party_finance',
      subject_org_id: 5,
      content: ' Đảng phí ',
      starts_on: '2026-03-01',
      ends_on: '2026-03-31',
      team: [' An ', '', 'Bình'],
    });
    expect(input.team).toEqual(['An', 'Bình']);
    expect(input.content).toBe('Đảng phí');
  });

  it('maps a planned inspection field onto the form', () => {
    expect(inspectionFieldOf('inspections[0].starts_on')).toBe('starts_on');
    expect(inspectionFieldOf('add_inspections[2].team[1]')).toBe('team');
    expect(inspectionFieldOf('title')).toBe('title');
  });
});
