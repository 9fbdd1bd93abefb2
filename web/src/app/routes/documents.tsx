// /documents?org=&type=&term=&from=&to=&q=&page= (outgoing) and /documents/incoming?... : the
// register of an organization's subtree; without ?org= the remembered scope.
import { useTranslation } from 'react-i18next';
import { documentRead } from '@/features/documents/lib/documents';
import { useSearchParams } from 'react-router';
import { DocumentList } from '@/features/documents/components/document-list';
import {
  readDocumentParams,
  writeDocumentParams,
  type RegisterDirection,
} from '@/features/documents/lib/document-params';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function DocumentsPage({ direction }: { direction: RegisterDirection }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const scope = useScope();
  useDocumentTitle(t(`documents.directions.${direction}`));
  return (
    <RequirePermission permission={documentRead}>
      <DocumentList
        direction={direction}
        params={readDocumentParams(search, scope)}
        onChange={(next) => setSearch(writeDocumentParams(next))}
      />
    </RequirePermission>
  );
}
