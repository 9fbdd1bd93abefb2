// /transfers?org=&state=&kind=&direction=&overdue=: the open transfers of an organization's
// subtree; without ?org= the remembered scope.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TransferList } from '@/features/transfers/components/transfer-list';
import { readTransferFilters, writeTransferFilters } from '@/features/transfers/lib/transfers';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function TransfersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const scope = useScope();
  useDocumentTitle(t('nav.transfers'));
  return (
    <RequirePermission permission="member.read">
      <TransferList
        filters={readTransferFilters(search, scope)}
        onChange={(next) => setSearch(writeTransferFilters(next))}
      />
    </RequirePermission>
  );
}
