// /users: the accounts an administrator manages (those whose every grant lies in their scope),
// paged on the server and searched by username or name; creating one shows its one-time
// password once; each row has its actions.
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/page-state';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { formatDateTime, formatNumber } from '@/lib/format';
import { grantLabel } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import type { User, UserWithPassword } from '@/types';
import { useUsers } from '../api/users';
import { readUserParams, userPageSize, writeUserParams } from '../lib/user-params';
import { OneTimePasswordModal } from './one-time-password-modal';
import { UserActions } from './user-actions';
import { UserFormModal } from './user-form-modal';

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

export function UserAdmin() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const params = readUserParams(search);
  const users = useUsers(params);
  const [text, setText] = useState(params.q);
  const q = useDebouncedValue(text, 250);
  const [editing, setEditing] = useState<Editing>(null);
  const [password, setPassword] = useState<{ result: UserWithPassword; reset: boolean } | null>(
    null,
  );

  useEffect(() => {
    if (q.trim() === params.q.trim()) return;
    setSearch(writeUserParams({ q, page: 1 }), { replace: true });
  }, [q, params.q, setSearch]);

  const everywhere = t('users.everywhere');
  const columns: TableColumnsType<User> = [
    {
      key: 'username',
      title: t('auth.fields.username'),
      render: (_value, user) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong className="mono">
            {user.username}
          </Typography.Text>
          <Typography.Text>{user.display_name}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'grants',
      title: t('users.fields.grants'),
      width: 300,
      render: (_value, user) => (
        <Space size={[4, 4]} wrap>
          {user.grants.map((grant, index) => (
            <Tag key={index}>{grantLabel(grant, lang, everywhere)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('users.fields.status'),
      render: (_value, user) => (
        <Space size={[4, 4]} wrap>
          {user.disabled ? (
            <Tag color="red">{t('users.status.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('users.status.active')}</Tag>
          )}
          {user.must_change_password && <Tag color="gold">{t('users.status.oneTime')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'totp',
      title: t('users.fields.totp'),
      align: 'center',
      render: (_value, user) =>
        user.totp_enabled ? (
          <CheckOutlined aria-label={t('users.status.totpOn')} style={{ color: '#389e0d' }} />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'last_login',
      title: t('users.fields.last_login_at'),
      render: (_value, user) =>
        user.last_login_at ? formatDateTime(user.last_login_at) : t('users.never'),
    },
    {
      key: 'sessions',
      title: t('users.fields.open_sessions'),
      align: 'end',
      render: (_value, user) => formatNumber(user.open_sessions, lang),
    },
    {
      key: 'actions',
      title: <span className="sr-only">{t('users.actions')}</span>,
      fixed: 'right',
      render: (_value, user) => (
        <UserActions
          user={user}
          self={user.id === me?.id}
          onEdit={() => setEditing({ mode: 'edit', user })}
          onPassword={(result) => setPassword({ result, reset: true })}
        />
      ),
    },
  ];

  const total = users.data?.total ?? 0;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="user-admin">
      <Flex justify="space-between" align="flex-end" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('users.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {users.data ? t('users.total', { count: total, n: formatNumber(total, lang) }) : ' '}
          </Typography.Text>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ mode: 'create' })}
        >
          {t('users.create')}
        </Button>
      </Flex>
      <Card size="small">
        <Input.Search
          allowClear
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          style={{ maxWidth: 420 }}
          data-testid="user-search"
        />
      </Card>
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={{ spinning: users.isFetching, delay: 150 }}
          scroll={{ x: 'max-content' }}
          data-testid="user-table"
          rowClassName={(user) => (user.disabled ? 'row-disabled' : '')}
          pagination={{
            current: params.page,
            pageSize: userPageSize,
            total,
            showSizeChanger: false,
            onChange: (page) => setSearch(writeUserParams({ ...params, page })),
          }}
        />
      )}
      {editing?.mode === 'create' && (
        <UserFormModal
          mode="create"
          onClose={() => setEditing(null)}
          onCreated={(result) => {
            setEditing(null);
            setPassword({ result, reset: false });
          }}
        />
      )}
      {editing?.mode === 'edit' && (
        <UserFormModal
          mode="edit"
          user={editing.user}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success(t('common.saved'));
          }}
          onReload={() => {
            setEditing(null);
            void users.refetch();
          }}
        />
      )}
      <OneTimePasswordModal
        result={password?.result ?? null}
        reset={password?.reset}
        onClose={() => setPassword(null)}
      />
    </Space>
  );
}
