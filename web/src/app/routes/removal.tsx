// /removal?org=&year=&page=: the "xem xét xóa tên" list with its evidence.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { readYearParams, writeYearParams } from '@/features/dues/lib/dues';
import { RemovalList } from '@/features/meetings/components/removal-list';
import { meetingRead } from '@/features/meetings/lib/meetings';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { useToday } from '@/lib/today';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function RemovalPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const today = useToday();
  const me = useMe();
  const params = readYearParams(search, today, useScope() ?? scopeIds(me)?.[0]);
  const page = Number(search.get('page'));
  useDocumentTitle(t('nav.removal'));
  return (
    <RequirePermission permission={meetingRead}>
      <RemovalList
        params={params}
        page={Number.isInteger(page) && page > 0 ? page : 1}
        onChange={(next, nextPage) => {
          const out = writeYearParams(next);
          if (nextPage > 1) out.set('page', String(nextPage));
          setSearch(out);
        }}
      />
    </RequirePermission>
  );
}
