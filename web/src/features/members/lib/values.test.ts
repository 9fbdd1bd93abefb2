import { describe, expect, it } from 'vitest';
import { editFieldNames, procedureFieldNames } from './fields';
import { changedFields, valuesToInput } from './values';

describe('member form values', () => {
  it('trims, empties to null and normalizes', () => {
    const input = valuesToInput({
      full_name: '  Nguyễn Văn An ',
      citizen_id: '001 074 495 851',
      phone: '+84 912 345 678',
      email: '',
      aliases: [' Ba ', ''],
      org_id: 12,
    });
    expect(input.full_name).toBe('Nguyễn Văn An');
    expect(input.citizen_id).toBe('001074495851');
    expect(input.phone).toBe('0912345678');
    expect(input.email).toBeNull();
    expect(input.aliases).toEqual(['Ba']);
    expect(input.org_id).toBe(12);
    expect(input.birth_date).toBeNull();
  });

  it('keeps only what changed', () => {
    const before = valuesToInput({ full_name: 'A', position: 'x', aliases: ['b'] });
    const after = valuesToInput({ full_name: 'A', position: 'y', aliases: ['b'] });
    expect(changedFields(before, after)).toEqual({ position: 'y' });
  });
});

describe('the discipline', () => {
  it('is never sent: it is the view of the discipline cases (the server refuses it)', () => {
    expect('discipline' in valuesToInput({ full_name: 'A' })).toBe(false);
    expect('discipline' in valuesToInput({ full_name: 'A', discipline: 'Khiển trách' }, true)).toBe(
      false,
    );
  });
});

describe('fields changed only by procedures', () => {
  const values = {
    full_name: 'A',
    status: 'removed',
    exit_date: '2024-05-02',
    exit_ground: 'removed_no_activity',
    ceremony_date: '2004-05-20',
  };

  it('go with a new file (a member registered as off the roll)', () => {
    const input = valuesToInput(values);
    expect(input.status).toBe('removed');
    expect(input.exit_date).toBe('2024-05-02');
    expect(input.exit_ground).toBe('removed_no_activity');
  });

  it('never go with an edit (PATCH refuses them: changed_by_procedure)', () => {
    const input = valuesToInput(values, false, 'edit');
    expect(Object.keys(input)).toEqual(expect.not.arrayContaining(procedureFieldNames));
    expect(input.ceremony_date).toBe('2004-05-20');
    expect(Object.keys(input).sort()).toEqual([...editFieldNames(false)].sort());
  });
});
