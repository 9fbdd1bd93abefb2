// /dues/members/:memberId: a member's dues card.
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { useMemberDues } from '@/features/dues/api/dues';
import { MemberDuesCard } from '@/features/dues/components/member-dues-view';
import { duesRead } from '@/features/dues/lib/dues';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';

function positiveId(text: string | undefined): number | undefined {
  const id = Number(text);
  return text && /^\d{1,15}$/.test(text) && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function Card({ id }: { id: number }) {
  const dues = useMemberDues(id);
  if (dues.isPending) return <LoadingState rows={8} />;
  if (dues.isError) return <ErrorState error={dues.error} onRetry={() => void dues.refetch()} />;
  return <MemberDuesCard dues={dues.data} />;
}

export default function MemberDuesPage() {
  const { t } = useTranslation();
  const { memberId } = useParams();
  const id = positiveId(memberId);
  useDocumentTitle(t('dues.card.titleShort'));
  if (!id) return <Navigate to={paths.dues()} replace />;
  return (
    <RequirePermission permission={duesRead}>
      <Card id={id} />
    </RequirePermission>
  );
}
