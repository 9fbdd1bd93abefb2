// /discipline/:caseId: one discipline case with its clocks, the vote and the decision.
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { paths } from '@/config/paths';
import { CaseView } from '@/features/discipline/components/case-view';
import { disciplineRead } from '@/features/discipline/lib/discipline';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';

function positiveId(text: string | undefined): number | undefined {
  const id = Number(text);
  return text && /^\d{1,15}$/.test(text) && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export default function DisciplineCasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const id = positiveId(caseId);
  useDocumentTitle(t('discipline.case.title'));
  if (!id) return <Navigate to={paths.discipline()} replace />;
  return (
    <RequirePermission permission={disciplineRead}>
      <CaseView id={id} />
    </RequirePermission>
  );
}
