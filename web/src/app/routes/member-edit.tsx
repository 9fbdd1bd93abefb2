import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { MemberEdit } from '@/features/members/components/member-edit';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';
import { useMemberId } from '../use-member-id';

export default function MemberEditPage() {
  const { t } = useTranslation();
  const id = useMemberId();
  useDocumentTitle(t('common.edit'));
  if (!id) return <Navigate to="/members" replace />;
  return (
    <RequirePermission permission="member.write">
      <MemberEdit id={id} />
    </RequirePermission>
  );
}
