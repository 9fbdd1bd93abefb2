// "My account": who I am and what I may do where, this session, changing my password,
// (re-)enrolling my authenticator app with the same forms as the first login, and my sessions.
import { CheckCircleFilled, SafetyOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { grantLabel } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { PasswordForm } from './password-form';
import { SessionsCard } from './sessions-card';
import { TotpEnrolment } from './totp-enrolment';

export function AccountView() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [enrolling, setEnrolling] = useState(false);
  if (!me) return <LoadingState />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="account-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('account.profile')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'name', label: t('users.fields.display_name'), children: me.display_name },
                { key: 'username', label: t('auth.fields.username'), children: me.username },
                {
                  key: 'grants',
                  label: t('users.fields.grants'),
                  children: (
                    <Space size={[4, 4]} wrap>
                      {me.grants.map((grant, index) => (
                        <Tag key={index}>
                          {grantLabel(grant, i18n.language, t('users.everywhere'))}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                ...(me.member_id
                  ? [
                      {
                        key: 'member',
                        label: t('users.fields.member_id'),
                        children: (
                          <Link to={paths.member(me.member_id)}>{t('account.ownRecord')}</Link>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('account.session')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'created',
                  label: t('account.signedInAt'),
                  children: formatDateTime(me.session.created_at),
                },
                {
                  key: 'expires',
                  label: t('account.expiresAt'),
                  children: formatDateTime(me.session.expires_at),
                },
                {
                  key: 'idle',
                  label: t('account.idle'),
                  children: t('account.idleMinutes', {
                    count: Math.round(me.session.idle_timeout_seconds / 60),
                  }),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('account.changePassword')}>
            <Typography.Paragraph type="secondary">
              {t('account.changePasswordHint')}
            </Typography.Paragraph>
            <PasswordForm
              username={me.username}
              onDone={() => message.success(t('account.passwordChanged'))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('account.totp')}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <div data-testid="totp-status">
                {me.totp_enabled ? (
                  <Typography.Text>
                    <CheckCircleFilled style={{ color: '#389e0d' }} /> {t('account.totpOn')}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="warning">{t('account.totpOff')}</Typography.Text>
                )}
              </div>
              {enrolling ? (
                <>
                  <TotpEnrolment
                    onDone={() => {
                      setEnrolling(false);
                      message.success(t('account.totpEnrolled'));
                    }}
                  />
                  <Button onClick={() => setEnrolling(false)}>{t('common.cancel')}</Button>
                </>
              ) : (
                <Button icon={<SafetyOutlined />} onClick={() => setEnrolling(true)}>
                  {me.totp_enabled ? t('account.totpReenrol') : t('account.totpEnrol')}
                </Button>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24}>
          <SessionsCard />
        </Col>
      </Row>
    </Space>
  );
}
