// /documents/:id: a document of the register, either direction.
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { DocumentView } from '@/features/documents/components/document-view';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { paths } from '@/config/paths';
import { useDocumentId } from '../use-document-id';

export default function DocumentPage() {
  const { t } = useTranslation();
  const id = useDocumentId();
  useDocumentTitle(t('nav.documents'));
  if (!id) return <Navigate to={paths.documents()} replace />;
  return <DocumentView id={id} />;
}
