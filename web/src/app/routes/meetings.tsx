// /meetings?org=&year=: a cell's meetings of a year (by default the remembered scope and this
// year).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { readYearParams, writeYearParams } from '@/features/dues/lib/dues';
import { MeetingCalendar } from '@/features/meetings/components/meeting-calendar';
import { meetingRead } from '@/features/meetings/lib/meetings';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { useToday } from '@/lib/today';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function MeetingsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const today = useToday();
  const me = useMe();
  const scope = useScope() ?? scopeIds(me)?.[0];
  useDocumentTitle(t('meetings.calendar.title'));
  return (
    <RequirePermission permission={meetingRead}>
      <MeetingCalendar
        params={readYearParams(search, today, scope)}
        onChange={(next) => setSearch(writeYearParams(next))}
      />
    </RequirePermission>
  );
}
