// /inbox?unread=1&page=: the signed-in user's notifications (any session has an inbox).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { InboxList } from '@/features/inbox/components/inbox-list';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { positiveId } from './directive';

export default function InboxPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  useDocumentTitle(t('inbox.title'));
  return (
    <InboxList
      unreadOnly={search.get('unread') === '1'}
      page={positiveId(search.get('page')) ?? 1}
      onChange={({ unreadOnly, page }) => {
        const next = new URLSearchParams();
        if (unreadOnly) next.set('unread', '1');
        if (page > 1) next.set('page', String(page));
        setSearch(next);
      }}
    />
  );
}
