// /inspections/items?org=&filter=: a subtree's violations and recommendations (open by default),
// overdue ones highlighted.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OpenItems, type ItemFilter } from '@/features/inspections/components/open-items';
import { inspectionRead } from '@/features/inspections/lib/inspections';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

const filters: ItemFilter[] = ['open', 'overdue', 'all'];

export default function InspectionItemsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const me = useMe();
  const scope = useScope() ?? scopeIds(me)?.[0];
  const org = Number(search.get('org')) || scope;
  const filter = filters.find((f) => f === search.get('filter')) ?? 'open';
  useDocumentTitle(t('inspections.items.title'));
  return (
    <RequirePermission permission={inspectionRead}>
      <OpenItems
        org={org}
        filter={filter}
        onChange={(next) => {
          const params = new URLSearchParams();
          if (next.org) params.set('org', String(next.org));
          params.set('filter', next.filter);
          setSearch(params);
        }}
      />
    </RequirePermission>
  );
}
