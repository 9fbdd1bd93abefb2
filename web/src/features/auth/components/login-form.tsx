// Signing in: username and password, then, when the account has a second factor, the 6-digit
// code from the authenticator app (the server answers totp_required after a right password).
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import type { Me } from '@/types';
import { useLogin } from '../api/auth';
import { loginOutcome, type LoginOutcome } from '../lib/login-errors';
import { cleanCode, isTotpCode } from '../lib/totp';

interface Values {
  username: string;
  password: string;
  totp?: string;
}

export function LoginForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const login = useLogin();
  const [needsCode, setNeedsCode] = useState(false);
  const [outcome, setOutcome] = useState<LoginOutcome | undefined>();
  const codeRef = useRef<InputRef>(null);

  useEffect(() => {
    if (needsCode) codeRef.current?.focus();
  }, [needsCode]);

  async function submit(values: Values) {
    setOutcome(undefined);
    try {
      const me = await login.mutateAsync({
        username: values.username.trim(),
        password: values.password,
        totp: needsCode && values.totp ? cleanCode(values.totp) : undefined,
      });
      onSignedIn(me);
    } catch (error) {
      if (!isApiError(error)) throw error;
      const next = loginOutcome(error);
      if (next.kind === 'totp_required') {
        setNeedsCode(true);
        return;
      }
      if (next.kind === 'totp_invalid') {
        form.setFields([{ name: 'totp', value: '', errors: [t('auth.login.totpInvalid')] }]);
        codeRef.current?.focus();
        return;
      }
      if (next.kind === 'failed') {
        // Start over: the password was wrong (or the account is disabled).
        setNeedsCode(false);
        form.setFieldsValue({ password: '', totp: '' });
      }
      setOutcome(next);
    }
  }

  const message =
    outcome?.kind === 'failed'
      ? t('auth.login.failed')
      : outcome?.kind === 'throttled'
        ? t('auth.login.throttled', { count: outcome.minutes })
        : outcome?.kind === 'network'
          ? t('common.networkError')
          : outcome?.kind === 'other'
            ? outcome.message
            : undefined;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      data-testid="login-form"
      aria-label={t('auth.login.title')}
    >
      {message && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={message}
          data-testid="login-error"
        />
      )}
      <Form.Item
        name="username"
        label={t('auth.fields.username')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('validation.required', { label: t('auth.fields.username') }),
          },
        ]}
      >
        <Input
          prefix={<UserOutlined aria-hidden />}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          readOnly={needsCode}
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.fields.password')}
        rules={[
          {
            required: true,
            message: t('validation.required', { label: t('auth.fields.password') }),
          },
        ]}
      >
        <Input.Password
          prefix={<LockOutlined aria-hidden />}
          autoComplete="current-password"
          readOnly={needsCode}
        />
      </Form.Item>
      {needsCode && (
        <Form.Item
          name="totp"
          label={t('auth.fields.totp')}
          extra={t('auth.login.totpHint')}
          rules={[
            {
              required: true,
              message: t('validation.required', { label: t('auth.fields.totp') }),
            },
            {
              validator: (_rule, value: string | undefined) =>
                !value || isTotpCode(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.totp.codeFormat'))),
            },
          ]}
        >
          <Input
            ref={codeRef}
            prefix={<SafetyOutlined aria-hidden />}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            pattern="[0-9 ]*"
            data-testid="login-totp"
          />
        </Form.Item>
      )}
      <Form.Item style={{ marginBottom: needsCode ? 8 : 0 }}>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('auth.login.submit')}
        </Button>
      </Form.Item>
      {needsCode && (
        <Button
          type="link"
          block
          onClick={() => {
            setNeedsCode(false);
            setOutcome(undefined);
            form.setFieldsValue({ password: '', totp: '' });
          }}
        >
          {t('auth.login.otherAccount')}
        </Button>
      )}
    </Form>
  );
}
