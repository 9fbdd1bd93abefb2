// /badges?org=&occasion=&milestone=&page=&page_size=: the members of an organization's subtree
// due a Party badge at an occasion; without ?org= the remembered scope.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BadgeList } from '@/features/badges/components/badge-list';
import { readBadgeParams, writeBadgeParams } from '@/features/badges/lib/badges';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function BadgesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const scope = useScope();
  useDocumentTitle(t('nav.badges'));
  return (
    <RequirePermission permission="member.read">
      <BadgeList
        params={readBadgeParams(search, scope)}
        onChange={(next) => setSearch(writeBadgeParams(next))}
      />
    </RequirePermission>
  );
}
