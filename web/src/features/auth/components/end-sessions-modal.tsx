// Ending one other session, or all of them, after the current password (the server checks it
// like a sign-in: a wrong one is refused on the field and counts towards the sign-in throttle).
import { Form, Input, Modal, Typography, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import type { ProblemFieldError } from '@/types';
import { useEndSessions } from '../api/sessions';

/** One session by its id (with how it is shown), or every other one. */
export type EndTarget =
  { kind: 'one'; id: string; device: string; address: string } | { kind: 'others'; count: number };

const formFields = ['current_password'];

interface Values {
  current_password: string;
}

export function EndSessionsModal({
  target,
  onClose,
  onDone,
}: {
  target: EndTarget;
  onClose: () => void;
  onDone: (ended: number) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const end = useEndSessions();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  // Whether the last refusal went under the password field (then no alert repeats it).
  const [onField, setOnField] = useState(false);
  const label = t('auth.password.current');
  const password = useRef<InputRef>(null);

  async function submit(values: Values) {
    setRest([]);
    setOnField(false);
    try {
      const body =
        target.kind === 'one'
          ? { id: target.id, current_password: values.current_password }
          : { others: true, current_password: values.current_password };
      onDone((await end.mutateAsync(body)).ended);
    } catch (error) {
      if (!isApiError(error)) return;
      const left = applyFieldErrors(form, error.problem, formFields);
      setRest(left);
      setOnField(left.length < (error.problem.errors?.length ?? 0));
    }
  }

  return (
    <Modal
      open
      title={
        target.kind === 'one'
          ? t('account.sessions.endOneTitle', { device: target.device })
          : t('account.sessions.endOthersTitle')
      }
      okText={target.kind === 'one' ? t('account.sessions.end') : t('account.sessions.endOthers')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={end.isPending}
      // The modal takes the focus as it opens (autoFocus would lose it): then the password.
      afterOpenChange={(open) => open && password.current?.focus()}
      destroyOnHidden
    >
      {/* A refusal no field shows (not found, throttled, offline) goes above the form. */}
      {!onField && <ProblemAlert error={end.error} rest={rest} />}
      <Typography.Paragraph>
        {target.kind === 'one'
          ? t('account.sessions.endOneText', { device: target.device, address: target.address })
          : t('account.sessions.endOthersText', { count: target.count })}
      </Typography.Paragraph>
      {/* Named: the account page's password form has a current_password field too (unique ids). */}
      <Form<Values>
        form={form}
        name="end-sessions"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        data-testid="end-sessions-form"
      >
        <Form.Item
          name="current_password"
          label={label}
          rules={[{ required: true, message: t('validation.required', { label }) }]}
        >
          <Input.Password ref={password} autoComplete="current-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
