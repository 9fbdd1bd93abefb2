// Server field errors (problem+json `errors`) onto antd form fields: each error whose field the
// form has goes under that field; the rest come back to be shown above the form. An error of a
// lifecycle decision also names the rule it broke and the rule's source document; `format`
// (see useProblemText) puts them into the text shown.
import type { FormInstance } from 'antd';
import type { Problem, ProblemFieldError } from '@/types';

export type ProblemFormat = (error: ProblemFieldError) => string;

const plain: ProblemFormat = (error) => error.message;

/**
 * The rule part of an error: "admission.min_age_months — Điều lệ Đảng, Điều 1", or "" when the
 * server named no rule.
 */
export function ruleReference(error: Pick<ProblemFieldError, 'rule' | 'source'>): string {
  if (!error.rule) return '';
  return error.source ? `${error.rule} — ${error.source}` : error.rule;
}

/**
 * The server's field name for a form field: nested bodies are named with dots and indexes
 * ("document.number", "introducers[1].member_id", "vote.in_favour"); `aliases` maps some
 * of them onto the form's own names.
 */
export function formFieldOf(
  field: string,
  formFields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | undefined {
  if (formFields.includes(field)) return field;
  const alias = aliases[field] ?? aliases[field.replace(/\[\d+\]/g, '[]')];
  if (alias && formFields.includes(alias)) return alias;
  const top = field.split(/[.[]/)[0];
  return formFields.includes(top) ? top : undefined;
}

export function applyFieldErrors(
  form: FormInstance,
  problem: Problem,
  formFields: readonly string[],
  format: ProblemFormat = plain,
  aliases?: Readonly<Record<string, string>>,
): ProblemFieldError[] {
  const byField = new Map<string, string[]>();
  const rest: ProblemFieldError[] = [];
  for (const error of problem.errors ?? []) {
    const name = formFieldOf(error.field, formFields, aliases);
    if (name) {
      byField.set(name, [...(byField.get(name) ?? []), format(error)]);
    } else {
      rest.push(error);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}

/** The first field with a server error, for focusing it. */
export function firstErrorField(
  problem: Problem,
  formFields: readonly string[],
  aliases?: Readonly<Record<string, string>>,
): string | undefined {
  for (const error of problem.errors ?? []) {
    const name = formFieldOf(error.field, formFields, aliases);
    if (name) return name;
  }
  return undefined;
}
