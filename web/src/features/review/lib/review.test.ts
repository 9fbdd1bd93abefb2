import { describe, expect, test } from 'vitest';
import type { ReviewMemberLine } from '@/types';
import { decisionDefaults, gradedTotal, sharePercent, stageOf } from './review';

const line = (review: ReviewMemberLine['review'], reviewed = true): ReviewMemberLine => ({
  member_id: 1,
  full_name: 'Nguyễn Văn An',
  eligibility: { reviewed },
  review,
});

describe('review stages', () => {
  test('from not reviewed to decided', () => {
    expect(stageOf(line(null, false))).toBe('not_reviewed');
    expect(stageOf(line(null))).toBe('not_started');
    expect(stageOf(line({ self_assessment: { score: 85, grade: 'good' } }))).toBe('self');
    expect(stageOf(line({ proposal: { grade: 'good' } }))).toBe('proposed');
    expect(stageOf(line({ proposal: { grade: 'good' }, grade: 'good' }))).toBe('decided');
  });

  test('a decision starts from the proposal and the self-assessed score', () => {
    expect(
      decisionDefaults(
        line({ self_assessment: { score: 91, grade: 'excellent' }, proposal: { grade: 'good' } }),
      ),
    ).toEqual({ score: 91, grade: 'good' });
  });
});

describe('summary shares', () => {
  test('one decimal, nothing graded gives none', () => {
    expect(sharePercent(1, 3)).toBe(33.3);
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(0, 0)).toBeNull();
    expect(gradedTotal({ excellent: 1, good: 4, completed: 1 })).toBe(6);
  });
});
