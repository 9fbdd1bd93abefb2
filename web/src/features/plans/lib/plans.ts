// What the plan pages show, decided apart from them: the colour of a status, the stages a plan
// may still be reviewed at on a day (inside the rules' windows, each once, no mid-year after the
// year end), and the body of a plan from the form's values (blank optional fields left out).
import type {
  CellPlans,
  PlanItemNewInput,
  PlanKind,
  PlanReviewStage,
  PlanStatus,
  PlanSummary,
} from '@/types';

export const statusColor: Record<PlanStatus, string> = {
  recorded: 'processing',
  mid_year_reviewed: 'cyan',
  year_end_reviewed: 'success',
};

export const assessments = ['done', 'partly', 'not_done'] as const;

type Windows = Pick<CellPlans, 'mid_year_window' | 'year_end_window'>;

/** The stages `plan` may be reviewed at on `today` (ISO dates compare as text). */
export function openStages(
  plan: Pick<PlanSummary, 'reviews'>,
  windows: Windows,
  today: string,
): PlanReviewStage[] {
  const done = new Set(plan.reviews.map((r) => r.stage));
  const open = (w: Windows['mid_year_window']) =>
    !!w && w.opens.on <= today && today <= w.closes.on;
  const stages: PlanReviewStage[] = [];
  if (!done.has('mid_year') && !done.has('year_end') && open(windows.mid_year_window))
    stages.push('mid_year');
  if (!done.has('year_end') && open(windows.year_end_window)) stages.push('year_end');
  return stages;
}

export interface PlanFormValues {
  kind: PlanKind;
  items: { content?: string; measure?: string; due_on?: string | null }[];
}

// The server takes an item as one line of text (domain clean_line): line breaks typed in
// the text area become spaces.
export const oneLine = (text: string | undefined) =>
  (text ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** The items as the API takes them: on one line, trimmed, without an empty due date. */
export function planItemsInput(values: PlanFormValues): PlanItemNewInput[] {
  return (values.items ?? []).map((item) => {
    const out: PlanItemNewInput = {
      content: oneLine(item.content),
      measure: oneLine(item.measure),
    };
    if (item.due_on) out.due_on = item.due_on;
    return out;
  });
}
