// "Signed-in sessions" on the account page (ASVS 7.5.2): where the account is signed in, this
// session marked, and signing out another session or all the others after the password.
import { LogoutOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { formatDateTime } from '@/lib/format';
import type { OwnSession } from '@/types';
import { ownSessionsQuery } from '../api/sessions';
import { deviceOf } from '../lib/user-agent';
import { EndSessionsModal, type EndTarget } from './end-sessions-modal';

export function SessionsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sessions = useQuery(ownSessionsQuery());
  const [target, setTarget] = useState<EndTarget>();
  const items = sessions.data?.items ?? [];
  const others = items.filter((session) => !session.current).length;

  const deviceName = (userAgent: string) => {
    const { browser, os } = deviceOf(userAgent);
    if (browser && os) return t('account.sessions.deviceOn', { browser, os });
    return browser ?? os ?? t('account.sessions.unknownDevice');
  };

  const columns: TableColumnsType<OwnSession> = [
    {
      key: 'device',
      title: t('account.sessions.device'),
      render: (_value, session) => (
        <Space size={8} wrap>
          <Tooltip title={session.user_agent || undefined}>
            <span>{deviceName(session.user_agent)}</span>
          </Tooltip>
          {session.current && <Tag color="green">{t('account.sessions.current')}</Tag>}
        </Space>
      ),
    },
    { key: 'address', dataIndex: 'address', title: t('account.sessions.address') },
    {
      key: 'created',
      title: t('account.sessions.signedInAt'),
      render: (_value, session) => formatDateTime(session.created_at),
    },
    {
      key: 'seen',
      title: t('account.sessions.lastSeen'),
      render: (_value, session) => formatDateTime(session.last_seen_at),
    },
    {
      key: 'actions',
      title: t('account.sessions.actions'),
      align: 'right',
      render: (_value, session) =>
        session.current ? null : (
          <Button
            size="small"
            icon={<LogoutOutlined />}
            onClick={() =>
              setTarget({
                kind: 'one',
                id: session.id,
                device: deviceName(session.user_agent),
                address: session.address,
              })
            }
          >
            {t('account.sessions.end')}
          </Button>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('account.sessions.title')}
      data-testid="sessions-card"
      extra={
        <Button
          danger
          size="small"
          disabled={others === 0}
          onClick={() => setTarget({ kind: 'others', count: others })}
        >
          {t('account.sessions.endOthers')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('account.sessions.hint')}</Typography.Paragraph>
      {sessions.isError && <ProblemAlert error={sessions.error} />}
      <Table<OwnSession>
        rowKey="id"
        size="small"
        pagination={false}
        loading={sessions.isPending}
        columns={columns}
        dataSource={items}
        scroll={{ x: true }}
        data-testid="sessions-table"
      />
      {target && (
        <EndSessionsModal
          target={target}
          onClose={() => setTarget(undefined)}
          onDone={(ended) => {
            setTarget(undefined);
            message.success(t('account.sessions.ended', { count: ended }));
          }}
        />
      )}
    </Card>
  );
}
