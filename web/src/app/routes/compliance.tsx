// /compliance?org=&area=&page=: the compliance board of an organization (issue 16).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  ComplianceBoardView,
  type ComplianceParams,
} from '@/features/compliance/components/compliance-board';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function CompliancePage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const me = useMe();
  const scope = useScope() ?? scopeIds(me)?.[0];
  useDocumentTitle(t('nav.compliance'));
  const page = Number(search.get('page'));
  const params: ComplianceParams = {
    org: scope,
    area: search.get('area') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
  return (
    <RequirePermission permission="org.read">
      <ComplianceBoardView
        params={params}
        onChange={(next) => {
          const out = new URLSearchParams();
          if (next.org) out.set('org', String(next.org));
          if (next.area) out.set('area', next.area);
          if (next.page > 1) out.set('page', String(next.page));
          setSearch(out);
        }}
      />
    </RequirePermission>
  );
}
