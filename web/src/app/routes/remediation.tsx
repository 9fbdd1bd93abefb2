// /remediation?org=&state=&source=&page=: the items tracked to closure in an organization's
// subtree, from the review and the inspections (issue 15).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { RemediationSource, RemediationState } from '@/features/remediation/api/remediation';
import {
  RemediationList,
  type RemediationParams,
} from '@/features/remediation/components/remediation-list';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

const STATES: RemediationState[] = ['', 'open', 'closed', 'overdue'];
const SOURCES: RemediationSource[] = ['', 'review', 'inspection'];

export default function RemediationPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const me = useMe();
  const scope = useScope() ?? scopeIds(me)?.[0];
  useDocumentTitle(t('nav.remediation'));
  const page = Number(search.get('page'));
  const state = search.get('state');
  const source = search.get('source') ?? '';
  const params: RemediationParams = {
    org: scope,
    state: state === null ? 'open' : (STATES.find((s) => s === state) ?? 'open'),
    source: SOURCES.find((s) => s === source) ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
  return (
    <RequirePermission permission="review.read">
      <RemediationList
        params={params}
        onChange={(next) => {
          const out = new URLSearchParams();
          if (next.org) out.set('org', String(next.org));
          if (next.state !== 'open') out.set('state', next.state);
          if (next.source) out.set('source', next.source);
          if (next.page > 1) out.set('page', String(next.page));
          setSearch(out);
        }}
      />
    </RequirePermission>
  );
}
