// The member record's fields as the UI shows them: their kind (which input, which checks) and
// the groups of the personal history (lý lịch đảng viên). Labels, required flags and maximum
// lengths come from the server's field table (GET /catalogs member_fields).
import type { CatalogListName } from '@/lib/catalogs';

export type FieldKind =
  | 'name'
  | 'text'
  | 'date'
  | 'code'
  | 'citizen_id'
  | 'card'
  | 'phone'
  | 'email'
  | 'education'
  | 'aliases'
  | 'org'
  | 'status'
  | 'exit_ground';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  list?: CatalogListName;
  /**
   * A restricted record class: the server shows it only to who may read it and takes it only
   * from who may write it. (The discipline, item 21, is no longer an input: it is the view of
   * the member's discipline cases, shown by the member page with discipline.read.)
   */
  restricted?: boolean;
  /**
   * Changed only by a procedure with its deciding document (recognition, transfer, exit:
   * docs/lifecycle.md): entered when a member's file is registered, shown but never sent when
   * it is edited (PATCH refuses a change with `changed_by_procedure`).
   */
  procedure?: boolean;
}

export const fieldSpecs: FieldSpec[] = [
  { name: 'full_name', kind: 'name' },
  { name: 'birth_name', kind: 'name' },
  { name: 'aliases', kind: 'aliases' },
  { name: 'sex', kind: 'code', list: 'sexes' },
  { name: 'birth_date', kind: 'date' },
  { name: 'place_of_birth', kind: 'text' },
  { name: 'home_town', kind: 'text' },
  { name: 'permanent_residence', kind: 'text' },
  { name: 'current_residence', kind: 'text' },
  { name: 'ethnicity', kind: 'code', list: 'ethnicities' },
  { name: 'religion', kind: 'code', list: 'religions' },
  { name: 'citizen_id', kind: 'citizen_id' },
  { name: 'party_card_no', kind: 'card' },
  { name: 'phone', kind: 'phone' },
  { name: 'email', kind: 'email' },
  { name: 'general_education', kind: 'education' },
  { name: 'professional_qualification', kind: 'code', list: 'professional_qualifications' },
  { name: 'political_theory', kind: 'code', list: 'political_theory_levels' },
  { name: 'occupation', kind: 'code', list: 'occupations' },
  { name: 'work_unit', kind: 'text' },
  { name: 'position', kind: 'text' },
  { name: 'admission_date', kind: 'date' },
  // Entered for an existing member's file; probation runs 12 months from it.
  { name: 'ceremony_date', kind: 'date' },
  { name: 'official_date', kind: 'date' },
  { name: 'org_id', kind: 'org' },
  { name: 'status', kind: 'status', list: 'member_statuses', procedure: true },
  // Only for a file registered with a status off the roll (a member who left, died ...).
  { name: 'exit_date', kind: 'date', procedure: true },
  { name: 'exit_ground', kind: 'exit_ground', procedure: true },
];

export const fieldNames = fieldSpecs.map((spec) => spec.name);

export function fieldSpec(name: string): FieldSpec | undefined {
  return fieldSpecs.find((spec) => spec.name === name);
}

/** The personal history's sections, in its order. */
export const fieldGroups: { key: string; fields: string[]; restricted?: boolean }[] = [
  {
    key: 'identity',
    fields: [
      'full_name',
      'birth_name',
      'aliases',
      'sex',
      'birth_date',
      'place_of_birth',
      'home_town',
      'ethnicity',
      'religion',
      'citizen_id',
    ],
  },
  {
    key: 'residence',
    fields: ['permanent_residence', 'current_residence', 'phone', 'email'],
  },
  {
    key: 'education',
    fields: ['general_education', 'professional_qualification', 'political_theory'],
  },
  { key: 'work', fields: ['occupation', 'work_unit', 'position'] },
  {
    key: 'party',
    fields: [
      'admission_date',
      'ceremony_date',
      'official_date',
      'party_card_no',
      'org_id',
      'status',
      'exit_date',
      'exit_ground',
    ],
  },
];

/** The fields only a procedure changes (sent when a file is created, never in an edit). */
export const procedureFieldNames = fieldSpecs.filter((spec) => spec.procedure).map((s) => s.name);

/** Fields about leaving the roll: shown only with a status off the roll. */
export const exitFieldNames = ['exit_date', 'exit_ground'];

export type FormMode = 'create' | 'edit';

/**
 * The specs a form sends: the restricted ones only when they may be shown and sent, the
 * procedure ones only when the file is created.
 */
export function formFieldSpecs(includeRestricted: boolean, mode: FormMode = 'create'): FieldSpec[] {
  return fieldSpecs.filter(
    (spec) => (includeRestricted || !spec.restricted) && (mode === 'create' || !spec.procedure),
  );
}

/** The names an edit sends (PATCH /members/{id}). */
export function editFieldNames(includeRestricted: boolean): string[] {
  return formFieldSpecs(includeRestricted, 'edit').map((spec) => spec.name);
}
