// /directives/new?org=: issuing a directive, the organization filled in from ?org= or the scope.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DirectiveCreate } from '@/features/directives/components/directive-create';
import { directiveWrite } from '@/features/directives/lib/directives';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';
import { positiveId } from './directive';

export default function DirectiveNewPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const scope = useScope();
  useDocumentTitle(t('directive.form.title'));
  return (
    <RequirePermission permission={directiveWrite}>
      <DirectiveCreate org={positiveId(search.get('org')) ?? scope} />
    </RequirePermission>
  );
}
