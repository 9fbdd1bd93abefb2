// A page only some roles may open: others get a plain "not permitted" (the server refuses them
// too; this only spares them a screen of errors).
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, homePath } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import type { Permission } from '@/types';

export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  if (can(me, permission)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('errorPage.forbidden')}
      extra={
        <Button type="primary" onClick={() => navigate(homePath(me))}>
          {t('errorPage.home')}
        </Button>
      }
    />
  );
}
