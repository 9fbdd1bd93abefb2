// What every dues recording modal (payment, basis, relief, adjustment) sets up the same way: the
// form, the server's field errors put under their fields (the others listed above the form), a
// success message and closing once recorded.
import { App, Form } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import type { ProblemFieldError } from '@/types';

export function useRecordForm<Values>({
  fields,
  aliases,
  onDone,
}: {
  /** The form's fields, where the server's errors for them show. */
  fields: readonly string[];
  /** Server field names that show under another form field. */
  aliases?: Readonly<Record<string, string>>;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<Values>();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);

  /** Runs `record` (the mutation); once recorded shows `done` and closes, a refusal shows under
   * its fields. */
  async function send(record: () => Promise<unknown>, done: string) {
    setRest([]);
    try {
      await record();
      message.success(done);
      onDone();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, fields, problemText, aliases));
    }
  }

  return { form, rest, send };
}
