import { useTranslation } from 'react-i18next';
import { UserAdmin } from '@/features/users/components/user-admin';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';

export default function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  return (
    <RequirePermission permission="user.manage">
      <UserAdmin />
    </RequirePermission>
  );
}
