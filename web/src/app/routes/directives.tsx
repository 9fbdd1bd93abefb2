// /directives?org=&kind=&q=&page=: the directives of an organization's subtree; without ?org=
// the remembered scope.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DirectiveList } from '@/features/directives/components/directive-list';
import {
  readDirectiveParams,
  writeDirectiveParams,
} from '@/features/directives/lib/directive-params';
import { directiveRead } from '@/features/directives/lib/directives';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function DirectivesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const scope = useScope();
  useDocumentTitle(t('directives.title'));
  return (
    <RequirePermission permission={directiveRead}>
      <DirectiveList
        params={readDirectiveParams(search, scope)}
        onChange={(next) => setSearch(writeDirectiveParams(next))}
      />
    </RequirePermission>
  );
}
