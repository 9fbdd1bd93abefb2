// The header's account menu: who is signed in, in which roles and where, their account page,
// and signing out (the session ends on the server, every cached answer is dropped).
import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { grantLabel } from '@/lib/permissions';
import { endSession } from '@/lib/session';
import type { Me } from '@/types';
import { forgetScope } from '../scope';

export function UserMenu({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();

  const logout = async () => {
    try {
      await endSession(client);
      forgetScope();
      navigate(paths.login(), { replace: true });
    } catch (error) {
      message.error(
        isApiError(error) && error.status === 0 ? t('common.networkError') : String(error),
      );
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            className: 'user-menu-who',
            label: (
              <div data-testid="user-menu-who">
                <Typography.Text strong>{me.display_name}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{me.username}</Typography.Text>
                {me.grants.map((grant, index) => (
                  <div key={index} className="user-menu-grant">
                    {grantLabel(grant, i18n.language, t('users.everywhere'))}
                  </div>
                ))}
              </div>
            ),
          },
          { type: 'divider' },
          { key: 'account', icon: <UserOutlined />, label: t('account.title') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
        ],
        onClick: ({ key }) => {
          if (key === 'account') navigate(paths.account());
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" data-testid="user-menu" aria-label={t('account.menu')}>
        <Space size={6}>
          <UserOutlined aria-hidden />
          <span className="user-menu-name hide-narrow">{me.display_name}</span>
          <DownOutlined aria-hidden style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}
