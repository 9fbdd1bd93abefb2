// /directives?org=&kind=&q=&page=: the directives of an organization's subtree; without ?org=
// the remembered scope, else the user's own organization.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DirectiveList } from '@/features/directives/components/directive-list';
import {
  readDirectiveParams,
  writeDirectiveParams,
} from '@/features/directives/lib/directive-params';
import { directiveRead } from '@/features/directives/lib/directives';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function DirectivesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  // The organization named or remembered; else the first one the user is granted.
  const me = useMe();
  const scope = useScope() ?? scopeIds(me)?.[0];
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
