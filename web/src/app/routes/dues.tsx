// /dues?org=&month=: a cell's dues book for a month (by default the remembered scope and the
// last month that has ended).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DuesBookView } from '@/features/dues/components/dues-book';
import { duesRead, readDuesParams, writeDuesParams } from '@/features/dues/lib/dues';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useToday } from '@/lib/today';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function DuesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const today = useToday();
  const scope = useScope();
  useDocumentTitle(t('dues.book.title'));
  return (
    <RequirePermission permission={duesRead}>
      <DuesBookView
        params={readDuesParams(search, today, scope)}
        onChange={(next) => setSearch(writeDuesParams(next))}
      />
    </RequirePermission>
  );
}
