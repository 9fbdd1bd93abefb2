// /discipline?org=: the discipline cases of an organization's subtree (restricted records).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CaseList } from '@/features/discipline/components/case-list';
import { disciplineRead } from '@/features/discipline/lib/discipline';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function DisciplinePage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const me = useMe();
  const scope = useScope() ?? scopeIds(me)?.[0];
  const fromUrl = Number(search.get('org'));
  const org = Number.isSafeInteger(fromUrl) && fromUrl > 0 ? fromUrl : scope;
  useDocumentTitle(t('discipline.list.title'));
  return (
    <RequirePermission permission={disciplineRead}>
      <CaseList
        org={org}
        onOrgChange={(next) => setSearch(next ? new URLSearchParams({ org: String(next) }) : {})}
      />
    </RequirePermission>
  );
}
