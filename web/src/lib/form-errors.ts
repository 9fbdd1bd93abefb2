// Server field errors (problem+json `errors`) onto antd form fields: each error whose field the
// form has goes under that field; the rest come back to be shown above the form.
import type { FormInstance } from 'antd';
import type { Problem, ProblemFieldError } from '@/types/api';

export function applyFieldErrors(
  form: FormInstance,
  problem: Problem,
  formFields: readonly string[],
): ProblemFieldError[] {
  const byField = new Map<string, string[]>();
  const rest: ProblemFieldError[] = [];
  for (const error of problem.errors ?? []) {
    if (formFields.includes(error.field)) {
      byField.set(error.field, [...(byField.get(error.field) ?? []), error.message]);
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
): string | undefined {
  return problem.errors?.find((error) => formFields.includes(error.field))?.field;
}
