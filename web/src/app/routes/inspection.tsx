// /inspections/:inspectionId: one inspection (its stages, conclusion and items).
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { paths } from '@/config/paths';
import { InspectionView } from '@/features/inspections/components/inspection-view';
import { inspectionRead } from '@/features/inspections/lib/inspections';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';

function positiveId(text: string | undefined): number | undefined {
  const id = Number(text);
  return text && /^\d{1,15}$/.test(text) && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export default function InspectionPage() {
  const { t } = useTranslation();
  const { inspectionId } = useParams();
  const id = positiveId(inspectionId);
  useDocumentTitle(t('nav.inspections'));
  if (!id) return <Navigate to={paths.inspections()} replace />;
  return (
    <RequirePermission permission={inspectionRead}>
      <InspectionView id={id} />
    </RequirePermission>
  );
}
