// /inspections?org=&year=: the year's inspection and supervision programmes of a subtree (by
// default the remembered scope and this year).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Programmes } from '@/features/inspections/components/programmes';
import { inspectionRead } from '@/features/inspections/lib/inspections';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { readYearParams, writeYearParams } from '@/lib/months';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { useToday } from '@/lib/today';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function InspectionsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const today = useToday();
  const me = useMe();
  const scope = useScope() ?? scopeIds(me)?.[0];
  const params = readYearParams(search, today, scope);
  useDocumentTitle(t('nav.inspections'));
  return (
    <RequirePermission permission={inspectionRead}>
      <Programmes
        org={params.org}
        year={params.year}
        thisYear={Number(today.slice(0, 4))}
        onChange={(next) => setSearch(writeYearParams(next))}
      />
    </RequirePermission>
  );
}
