// /dues/reconciliation?org=&month=: collected, kept, sent up and received from below at an
// organization and each of its children (drilling down).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ReconciliationView } from '@/features/dues/components/reconciliation-view';
import { duesRead, readDuesParams, writeDuesParams } from '@/features/dues/lib/dues';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { useToday } from '@/lib/today';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function DuesReconciliationPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const today = useToday();
  const me = useMe();
  const scope = useScope() ?? scopeIds(me)?.[0];
  useDocumentTitle(t('dues.reconciliation.link'));
  return (
    <RequirePermission permission={duesRead}>
      <ReconciliationView
        params={readDuesParams(search, today, scope)}
        onChange={(next) => setSearch(writeDuesParams(next))}
      />
    </RequirePermission>
  );
}
