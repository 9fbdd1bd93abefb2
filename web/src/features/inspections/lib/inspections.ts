// Inspection and supervision (issue 15; Quy định 296-QĐ/TW): the permissions, the kinds, the
// stages in their order (the server refuses any other order), and the form values' shapes.
import type { InspectionKind, InspectionNew, InspectionStageCode, Permission } from '@/types';

export const inspectionRead: Permission = 'inspection.read';
export const inspectionWrite: Permission = 'inspection.write';

export const inspectionKinds: InspectionKind[] = [
  'violation_signs',
  'task_performance',
  'lower_inspection_committee',
  'party_finance',
  'supervision_regular',
  'supervision_thematic',
];

/** The stages after "planned", in order. */
export const stageOrder: Exclude<InspectionStageCode, 'planned'>[] = [
  'decision',
  'plan',
  'work',
  'report',
  'conclusion',
];

/** The index of the current stage in stageOrder (-1: planned, not started). */
export function stageIndex(stage: InspectionStageCode): number {
  return stage === 'planned' ? -1 : stageOrder.indexOf(stage);
}

export interface InspectionValues {
  kind: InspectionKind;
  subject_org_id?: number | null;
  content: string;
  starts_on: string;
  ends_on: string;
  team: string[];
}

export const inspectionFields = [
  'kind',
  'subject_org_id',
  'content',
  'starts_on',
  'ends_on',
  'team',
] as const;

/** The form's values as the API's planned inspection (team names trimmed, empty ones out). */
export function inspectionInput(values: InspectionValues): InspectionNew {
  return {
    kind: values.kind,
    subject_org_id: values.subject_org_id ?? undefined,
    content: values.content.trim(),
    starts_on: values.starts_on,
    ends_on: values.ends_on,
    team: values.team.map((name) => name.trim()).filter((name) => name !== ''),
  };
}

/** A server field of a planned inspection ("inspections[0].team") as the form's field. */
export function inspectionFieldOf(field: string): string {
  return field.replace(/^(inspections|add_inspections)\[\d+\]\./, '').replace(/\[\d+\]$/, '');
}
