// /directives/:id?org=: a directive, its roll-up at that organization (by default the top of
// the user's reach).
import { useTranslation } from 'react-i18next';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { DirectiveView } from '@/features/directives/components/directive-view';
import { directiveRead } from '@/features/directives/lib/directives';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { paths } from '@/config/paths';
import { RequirePermission } from '../layout/require-permission';

export function positiveId(text: string | null | undefined): number | undefined {
  const id = Number(text);
  return text && /^\d{1,15}$/.test(text) && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export default function DirectivePage() {
  const { t } = useTranslation();
  const { directiveId } = useParams();
  const [search] = useSearchParams();
  const id = positiveId(directiveId);
  useDocumentTitle(t('directives.title'));
  if (!id) return <Navigate to={paths.directives()} replace />;
  return (
    <RequirePermission permission={directiveRead}>
      <DirectiveView id={id} org={positiveId(search.get('org'))} />
    </RequirePermission>
  );
}
