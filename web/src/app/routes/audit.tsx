import { useTranslation } from 'react-i18next';
import { AuditViewer } from '@/features/audit/components/audit-viewer';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';

export default function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'));
  return (
    <RequirePermission permission="audit.read">
      <AuditViewer />
    </RequirePermission>
  );
}
