import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MemberCreate } from '@/features/members/components/member-create';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';

export default function MemberNewPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const org = Number(search.get('org'));
  useDocumentTitle(t('member.form.newTitle'));
  return (
    <RequirePermission permission="member.write">
      <MemberCreate org={Number.isInteger(org) && org > 0 ? org : undefined} />
    </RequirePermission>
  );
}
