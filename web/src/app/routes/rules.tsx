// /rules (?tab=calendar): the versioned rule set and the holiday calendar. The server gives
// them to every signed-in user: they are the Party's own regulations.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RulesView } from '@/features/rules/components/rules-view';
import { useDocumentTitle } from '@/hooks/use-document-title';

export default function RulesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  useDocumentTitle(t('nav.rules'));
  return (
    <RulesView
      tab={search.get('tab') === 'calendar' ? 'calendar' : 'rules'}
      onTab={(tab) => setSearch(tab === 'calendar' ? { tab } : {})}
    />
  );
}
