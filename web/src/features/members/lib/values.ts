// Between a member record and the edit form's values, and from form values to the body the
// API takes: text trimmed, empty text as null, only changed fields in a PATCH.
import type { Member } from '@/types';
import type { MemberInput } from '../api/save-member';
import { fieldSpecs, formFieldSpecs, type FormMode } from './fields';
import { citizenIdDigits, normalizePhone } from '@/lib/person-checks';

export type MemberValues = Record<string, string | string[] | number | null | undefined>;

/**
 * The form's values; restricted fields only when included (shown and editable). The procedure
 * fields are there too (an edit shows them, read-only); valuesToInput leaves them out.
 */
export function memberToValues(member: Member, includeRestricted = false): MemberValues {
  const values: MemberValues = {};
  const record = member as unknown as Record<string, unknown>;
  for (const spec of fieldSpecs.filter((item) => includeRestricted || !item.restricted)) {
    const value = record[spec.name];
    if (spec.kind === 'aliases') values[spec.name] = Array.isArray(value) ? [...value] : [];
    else if (spec.kind === 'org') values[spec.name] = typeof value === 'number' ? value : undefined;
    else values[spec.name] = typeof value === 'string' ? value : undefined;
  }
  return values;
}

/**
 * The API body for every field of the form (empty text as null). Restricted fields only when
 * included: the server refuses them from users who may not write them. An edit leaves out the
 * fields only procedures change (status, exit).
 */
export function valuesToInput(
  values: MemberValues,
  includeRestricted = false,
  mode: FormMode = 'create',
): MemberInput {
  const input: MemberInput = {};
  for (const spec of formFieldSpecs(includeRestricted, mode)) {
    const value = values[spec.name];
    if (spec.kind === 'aliases') {
      input[spec.name] = Array.isArray(value)
        ? value.map((alias) => String(alias).trim()).filter(Boolean)
        : [];
    } else if (spec.kind === 'org') {
      input[spec.name] = typeof value === 'number' ? value : null;
    } else {
      let text = typeof value === 'string' ? value.trim() : '';
      if (spec.kind === 'citizen_id') text = citizenIdDigits(text);
      if (spec.kind === 'phone' && text) text = normalizePhone(text) ?? text;
      input[spec.name] = text === '' ? null : text;
    }
  }
  return input;
}

function same(a: MemberInput[string], b: MemberInput[string]): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = Array.isArray(a) ? a : [];
    const right = Array.isArray(b) ? b : [];
    return left.length === right.length && left.every((item, index) => item === right[index]);
  }
  return (a ?? null) === (b ?? null);
}

/** The fields of `after` that differ from `before`. */
export function changedFields(before: MemberInput, after: MemberInput): MemberInput {
  const changes: MemberInput = {};
  for (const key of Object.keys(after)) {
    if (!same(before[key], after[key])) changes[key] = after[key];
  }
  return changes;
}
