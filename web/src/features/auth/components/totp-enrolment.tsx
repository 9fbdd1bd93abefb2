// Enrolling an authenticator app (TOTP): the server makes a secret, shown as a QR code of its
// otpauth URI and as text for typing by hand; the first code from the app confirms it. Until
// confirmed, the new secret is not used (a second factor already enrolled keeps working).
import { SafetyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, QRCode, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/page-state';
import { isApiError } from '@/lib/api-client';
import type { Me } from '@/types';
import { totpBeginQuery, useConfirmTotp } from '../api/auth';
import { cleanCode, groupSecret, isTotpCode } from '../lib/totp';

export function TotpEnrolment({ onDone }: { onDone: (me: Me) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const begin = useQuery(totpBeginQuery());
  const confirm = useConfirmTotp();

  if (begin.isPending) return <LoadingState rows={6} />;
  if (begin.isError)
    return <ErrorState error={begin.error} onRetry={() => void begin.refetch()} compact />;

  async function submit({ code }: { code: string }) {
    try {
      onDone(await confirm.mutateAsync(cleanCode(code)));
    } catch (error) {
      if (!isApiError(error)) throw error;
      const message =
        error.problem.errors?.find((item) => item.field === 'code')?.message ??
        (error.status === 0 ? t('common.networkError') : error.problem.title);
      form.setFields([{ name: 'code', value: '', errors: [message] }]);
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="totp-enrolment">
      <ol className="steps">
        <li>{t('auth.totp.step1')}</li>
        <li>{t('auth.totp.step2')}</li>
        <li>{t('auth.totp.step3')}</li>
      </ol>
      <Flex gap={24} wrap align="flex-start">
        <QRCode value={begin.data.uri} size={196} bordered aria-label={t('auth.totp.qr')} />
        <div style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Typography.Text type="secondary">{t('auth.totp.manual')}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: begin.data.secret }}
            code
            className="totp-secret"
            data-testid="totp-secret"
            data-secret={begin.data.secret}
          >
            {groupSecret(begin.data.secret)}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('auth.totp.manualHint')}
          </Typography.Text>
        </div>
      </Flex>
      <Form<{ code: string }>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        style={{ maxWidth: 320 }}
      >
        <Form.Item
          name="code"
          label={t('auth.totp.code')}
          rules={[
            {
              required: true,
              message: t('validation.required', { label: t('auth.totp.code') }),
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
            prefix={<SafetyOutlined aria-hidden />}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            data-testid="totp-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={confirm.isPending}>
          {t('auth.totp.confirm')}
        </Button>
      </Form>
      <Alert type="info" showIcon title={t('auth.totp.keep')} style={{ maxWidth: 560 }} />
    </Space>
  );
}
