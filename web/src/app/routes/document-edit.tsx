// /documents/:id/edit: the fields of a document that may still change (never its number).
import { useTranslation } from 'react-i18next';
import { documentWrite } from '@/features/documents/lib/documents';
import { Navigate } from 'react-router';
import { DocumentEdit } from '@/features/documents/components/document-edit';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { paths } from '@/config/paths';
import { RequirePermission } from '../layout/require-permission';
import { useDocumentId } from '../use-document-id';

export default function DocumentEditPage() {
  const { t } = useTranslation();
  const id = useDocumentId();
  useDocumentTitle(t('nav.documents'));
  if (!id) return <Navigate to={paths.documents()} replace />;
  return (
    <RequirePermission permission={documentWrite}>
      <DocumentEdit id={id} />
    </RequirePermission>
  );
}
