import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { MemberView } from '@/features/members/components/member-view';
import { MemberReviews } from '@/features/review/components/member-reviews';
import { useDocumentTitle } from '@/hooks/use-document-title';
import type { MemberDetail } from '@/types';
import { useMemberId } from '../use-member-id';

export default function MemberPage() {
  const { t } = useTranslation();
  const id = useMemberId();
  const name = useQueryClient().getQueryData<MemberDetail>(['members', 'detail', id])?.full_name;
  useDocumentTitle(name ?? t('nav.members'));
  if (!id) return <Navigate to="/members" replace />;
  return <MemberView id={id} aside={<MemberReviews id={id} />} />;
}
