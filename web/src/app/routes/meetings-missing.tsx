// /meetings/missing?org=&month=&kind=&page=: the cells of a subtree missing a month's meeting.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isMonth, lastEndedMonth } from '@/features/dues/lib/dues';
import {
  MissingMeetingsView,
  type MissingParams,
} from '@/features/meetings/components/missing-meetings';
import { meetingRead } from '@/features/meetings/lib/meetings';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { useToday } from '@/lib/today';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function MeetingsMissingPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const today = useToday();
  const me = useMe();
  const scope = useScope() ?? scopeIds(me)?.[0];
  useDocumentTitle(t('meetings.missing.link'));
  const month = search.get('month');
  const page = Number(search.get('page'));
  const params: MissingParams = {
    org: scope,
    month: isMonth(month) ? month : lastEndedMonth(today),
    kind: search.get('kind') === 'thematic' ? 'thematic' : 'regular',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
  return (
    <RequirePermission permission={meetingRead}>
      <MissingMeetingsView
        params={params}
        onChange={(next) => {
          const out = new URLSearchParams();
          if (next.org) out.set('org', String(next.org));
          out.set('month', next.month);
          if (next.kind !== 'regular') out.set('kind', next.kind);
          if (next.page > 1) out.set('page', String(next.page));
          setSearch(out);
        }}
      />
    </RequirePermission>
  );
}
