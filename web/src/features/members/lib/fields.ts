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
  | 'status';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  list?: CatalogListName;
  /**
   * A restricted record class (discipline): the server shows it only to who may read it
   * (member.restricted.read over the member) and takes it only from who may write it.
   */
  restricted?: boolean;
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
  { name: 'discipline', kind: 'text', restricted: true },
  { name: 'admission_date', kind: 'date' },
  { name: 'official_date', kind: 'date' },
  { name: 'org_id', kind: 'org' },
  { name: 'status', kind: 'status', list: 'member_statuses' },
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
    fields: ['admission_date', 'official_date', 'party_card_no', 'org_id', 'status'],
  },
  { key: 'restricted', fields: ['discipline'], restricted: true },
];

/** The specs a form works with: the restricted ones only when they may be shown and sent. */
export function formFieldSpecs(includeRestricted: boolean): FieldSpec[] {
  return fieldSpecs.filter((spec) => includeRestricted || !spec.restricted);
}
