// /documents/new?org= (an outgoing document) and /documents/incoming/new?org= (an incoming one):
// the issuing or receiving organization filled in from ?org= or the scope.
import { useTranslation } from 'react-i18next';
import { documentWrite } from '@/features/documents/lib/documents';
import { useSearchParams } from 'react-router';
import { DocumentCreate } from '@/features/documents/components/document-create';
import type { RegisterDirection } from '@/features/documents/lib/document-params';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function DocumentNewPage({ direction }: { direction: RegisterDirection }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const scope = useScope();
  const org = Number(search.get('org'));
  useDocumentTitle(
    t(direction === 'outgoing' ? 'document.form.newOutgoing' : 'document.form.newIncoming'),
  );
  return (
    <RequirePermission permission={documentWrite}>
      <DocumentCreate direction={direction} org={Number.isInteger(org) && org > 0 ? org : scope} />
    </RequirePermission>
  );
}
