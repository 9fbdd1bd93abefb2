import { useTranslation } from 'react-i18next';
import { MemberList } from '@/features/members/components/member-list';
import { useDocumentTitle } from '@/hooks/use-document-title';

export default function MembersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('members.title'));
  return <MemberList />;
}
