// A failed write explained above its form: the server's title, the field problems no field
// could show, and the records the problem is about (e.g. members still on the roll).
import { Alert } from 'antd';
import { isApiError } from '@/lib/api-client';
import type { ProblemFieldError } from '@/types/api';

export function ProblemAlert({ error, rest }: { error: unknown; rest?: ProblemFieldError[] }) {
  if (!error) return null;
  const problem = isApiError(error) ? error.problem : undefined;
  const title = problem ? problem.title : String(error);
  const details = [
    ...(rest ?? []).map((item) => item.message),
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
