import { useTranslation } from 'react-i18next';
import { AccountView } from '@/features/auth/components/account-view';
import { useDocumentTitle } from '@/hooks/use-document-title';

export default function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  return <AccountView />;
}
