// Setting a new password: the current one (on a first login, the one-time password the
// administrator gave), then the new one twice. Length is the only rule checked here; the server
// also refuses common passwords and ones containing the username, each under its field.
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import type { Me, ProblemFieldError } from '@/types';
import { useChangePassword } from '../api/auth';
import { maxPasswordLength, minPasswordLength, passwordProblem } from '../lib/password';

const formFields = ['current_password', 'new_password'];

interface Values {
  current_password: string;
  new_password: string;
  confirm: string;
}

export function PasswordForm({
  oneTime,
  username,
  onDone,
}: {
  /**
   * The current password is the one-time password of a first login or a reset (the form is
   * then the page's only task and takes the focus).
   */
  oneTime?: boolean;
  username: string;
  onDone: (me: Me) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const currentLabel = oneTime ? t('auth.password.oneTime') : t('auth.password.current');
  const newLabel = t('auth.password.new');

  async function submit(values: Values) {
    setRest([]);
    try {
      const me = await change.mutateAsync({
        current_password: values.current_password,
        new_password: values.new_password,
      });
      form.resetFields();
      onDone(me);
    } catch (error) {
      if (isApiError(error)) setRest(applyFieldErrors(form, error.problem, formFields));
    }
  }

  const failed = isApiError(change.error) && !change.error.problem.errors?.length;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      style={{ maxWidth: 440 }}
      data-testid="password-form"
    >
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      {(failed || rest.length > 0) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={
            failed && isApiError(change.error)
              ? change.error.status === 0
                ? t('common.networkError')
                : change.error.problem.detail || change.error.problem.title
              : rest.map((item) => item.message).join('; ')
          }
        />
      )}
      <Form.Item
        name="current_password"
        label={currentLabel}
        rules={[{ required: true, message: t('validation.required', { label: currentLabel }) }]}
      >
        <Input.Password autoComplete="current-password" autoFocus={oneTime} />
      </Form.Item>
      <Form.Item
        name="new_password"
        label={newLabel}
        extra={t('auth.password.rules', { min: minPasswordLength })}
        rules={[
          { required: true, message: t('validation.required', { label: newLabel }) },
          {
            validator: (_rule, value: string | undefined) => {
              const problem = value ? passwordProblem(value) : undefined;
              if (!problem) return Promise.resolve();
              return Promise.reject(
                new Error(
                  t(`auth.password.${problem === 'password_too_short' ? 'tooShort' : 'tooLong'}`, {
                    label: newLabel,
                    min: minPasswordLength,
                    max: maxPasswordLength,
                  }),
                ),
              );
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={maxPasswordLength * 2} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.password.confirm')}
        dependencies={['new_password']}
        rules={[
          {
            required: true,
            message: t('validation.required', { label: t('auth.password.confirm') }),
          },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue('new_password')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('auth.password.advice')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('auth.password.submit')}
      </Button>
    </Form>
  );
}
