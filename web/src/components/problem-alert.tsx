// A failed write explained above its form: the server's title, the field problems no field
// could show (each with the rule it broke and its source), and the records the problem is
// about (e.g. members still on the roll).
import { Alert } from 'antd';
import { isApiError } from '@/lib/api-client';
import { useProblemText } from '@/lib/problem-text';
import type { ProblemFieldError } from '@/types';

export function ProblemAlert({
  error,
  rest,
  all,
}: {
  error: unknown;
  rest?: ProblemFieldError[];
  /** List every field problem (no form shows them under fields). */
  all?: boolean;
}) {
  const text = useProblemText();
  if (!error) return null;
  const problem = isApiError(error) ? error.problem : undefined;
  const title = problem ? problem.title : String(error);
  const details = [
    ...(all ? (problem?.errors ?? []) : (rest ?? [])).map(text),
    ...(problem?.items ?? []).slice(0, 10).map((item) => item.label),
  ];
  const more = (problem?.items?.length ?? 0) - 10;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={title}
      description={
        details.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {details.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
            {more > 0 && <li>… (+{more})</li>}
          </ul>
        ) : problem?.detail && problem.detail !== title ? (
          problem.detail
        ) : undefined
      }
    />
  );
}
