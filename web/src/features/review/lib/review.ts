// What the review pages compute from the server's answers: the grades in the order the party
// lists them, where a member's review stands, a summary's shares. The decisions themselves (the
// score's band, the 20 % quota, the order) are the server's: the browser only shows its answers.
import type { Permission, ReviewCampaignView, ReviewGrade, ReviewMemberLine } from '@/types';

export const reviewRead: Permission = 'review.read';
export const reviewWrite: Permission = 'review.write';
export const reviewDecide: Permission = 'review.decide';

/** Excellent first, as the reports list them. */
export const grades: readonly ReviewGrade[] = ['excellent', 'good', 'completed', 'not_completed'];

export type GradeCounts = Partial<Record<ReviewGrade, number>>;

export const gradeColors: Record<ReviewGrade, string> = {
  excellent: 'green',
  good: 'blue',
  completed: 'gold',
  not_completed: 'red',
};

/** Where a member's review stands: not reviewed, not started, self-assessed, proposed, decided. */
export type LineStage = 'not_reviewed' | 'not_started' | 'self' | 'proposed' | 'decided';

export function stageOf(line: ReviewMemberLine): LineStage {
  if (line.eligibility && line.eligibility.reviewed === false) return 'not_reviewed';
  const review = line.review;
  if (!review) return 'not_started';
  if (review.grade) return 'decided';
  if (review.proposal) return 'proposed';
  if (review.self_assessment) return 'self';
  return 'not_started';
}

/** The members a committee may decide now: reviewed, proposed by the cell, not decided. */
export function decidable(line: ReviewMemberLine): boolean {
  return stageOf(line) === 'proposed';
}

export function gradedTotal(counts: GradeCounts | undefined): number {
  return grades.reduce((sum, grade) => sum + (counts?.[grade] ?? 0), 0);
}

/** count × 100 / total with one decimal (half up), or null when nothing is graded. */
export function sharePercent(count: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((count * 1000) / total) / 10;
}

/** A decision's default: the cell's proposed grade, the self-assessed score. */
export function decisionDefaults(line: ReviewMemberLine): { score?: number; grade?: ReviewGrade } {
  const review = line.review;
  return {
    score: review?.self_assessment?.score ?? undefined,
    grade: review?.proposal?.grade ?? review?.self_assessment?.grade ?? undefined,
  };
}

/** Whether the campaign takes steps (open) and who may take which. */
export function campaignOpen(view: ReviewCampaignView | undefined): boolean {
  return view?.campaign?.state === 'open';
}
