import { describe, expect, it } from 'vitest';
import { formFieldOf, ruleReference } from './form-errors';

describe('server field errors on form fields', () => {
  const fields = ['on', 'document_number', 'introducers', 'vote'];

  it('finds a field by its name, an alias or the top of a nested name', () => {
    expect(formFieldOf('on', fields)).toBe('on');
    expect(formFieldOf('document.number', fields, { 'document.number': 'document_number' })).toBe(
      'document_number',
    );
    expect(formFieldOf('introducers[1].member_id', fields)).toBe('introducers');
    expect(formFieldOf('vote.in_favour', fields)).toBe('vote');
    expect(formFieldOf('citizen_id', fields)).toBeUndefined();
  });

  it('names the rule and its source when the server gave them', () => {
    expect(
      ruleReference({ rule: 'admission.min_age_months', source: 'Điều lệ Đảng, Điều 1' }),
    ).toBe('admission.min_age_months — Điều lệ Đảng, Điều 1');
    expect(ruleReference({ rule: 'admission.vote_ratio' })).toBe('admission.vote_ratio');
    expect(ruleReference({})).toBe('');
  });
});
