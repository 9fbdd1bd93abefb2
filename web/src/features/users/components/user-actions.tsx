// What an administrator does to one user from the list: edit, reset the password (optionally
// the second factor too), end their open sessions, disable or enable the account. Each asks
// for confirmation first; each result is said in words.
import {
  DownOutlined,
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { App, Button, Checkbox, Dropdown, Space } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import type { User, UserWithPassword } from '@/types';
import { useEndSessions, useResetPassword, useUpdateUser } from '../api/users';

export function UserActions({
  user,
  self,
  onEdit,
  onPassword,
}: {
  user: User;
  /** The signed-in administrator's own row: disabling oneself is not offered. */
  self: boolean;
  onEdit: () => void;
  onPassword: (result: UserWithPassword) => void;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const reset = useResetPassword();
  const endSessions = useEndSessions();
  const update = useUpdateUser();
  const resetTotp = useRef(false);

  const failed = (error: unknown) => {
    if (!isApiError(error)) throw error;
    if (error.status === 409) message.error(t('users.form.conflict'));
    else message.error(error.status === 0 ? t('common.networkError') : error.problem.title);
  };

  const confirmReset = () => {
    resetTotp.current = false;
    modal.confirm({
      title: t('users.reset.title', { name: user.username }),
      content: (
        <Space orientation="vertical">
          <span>{t('users.reset.body')}</span>
          {user.totp_enabled && (
            <Checkbox onChange={(event) => (resetTotp.current = event.target.checked)}>
              {t('users.reset.totp')}
            </Checkbox>
          )}
        </Space>
      ),
      okText: t('users.reset.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          onPassword(await reset.mutateAsync({ id: user.id, reset_totp: resetTotp.current }));
        } catch (error) {
          failed(error);
        }
      },
    });
  };

  const confirmEndSessions = () =>
    modal.confirm({
      title: t('users.endSessions.title', { name: user.username }),
      content: t('users.endSessions.body', { count: user.open_sessions }),
      okText: t('users.endSessions.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { ended } = await endSessions.mutateAsync(user.id);
          message.success(t('users.endSessions.done', { count: ended }));
        } catch (error) {
          failed(error);
        }
      },
    });

  const confirmDisable = () =>
    modal.confirm({
      title: user.disabled
        ? t('users.disable.enableTitle', { name: user.username })
        : t('users.disable.disableTitle', { name: user.username }),
      content: user.disabled ? t('users.disable.enableBody') : t('users.disable.disableBody'),
      okText: user.disabled ? t('users.disable.enable') : t('users.disable.disable'),
      okButtonProps: { danger: !user.disabled },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await update.mutateAsync({
            id: user.id,
            version: user.version,
            disabled: !user.disabled,
          });
          message.success(user.disabled ? t('users.disable.enabled') : t('users.disable.disabled'));
        } catch (error) {
          failed(error);
        }
      },
    });

  return (
    <Space size={4}>
      <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'reset', icon: <KeyOutlined />, label: t('users.reset.action') },
            {
              key: 'sessions',
              icon: <LogoutOutlined />,
              label: t('users.endSessions.action'),
              disabled: user.open_sessions === 0,
            },
            ...(self
              ? []
              : [
                  { type: 'divider' as const },
                  user.disabled
                    ? { key: 'enable', icon: <UnlockOutlined />, label: t('users.disable.enable') }
                    : {
                        key: 'disable',
                        icon: <LockOutlined />,
                        label: t('users.disable.disable'),
                        danger: true,
                      },
                ]),
          ],
          onClick: ({ key }) => {
            if (key === 'reset') confirmReset();
            if (key === 'sessions') confirmEndSessions();
            if (key === 'enable' || key === 'disable') confirmDisable();
          },
        }}
      >
        <Button size="small" aria-label={t('users.more', { name: user.username })}>
          {t('org.actions.moreShort')} <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}
