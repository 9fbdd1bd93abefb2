// /assignments/:id: one assignment, its reports and what may be done with it.
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { AssignmentView } from '@/features/directives/components/assignment-view';
import { directiveRead } from '@/features/directives/lib/directives';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { paths } from '@/config/paths';
import { RequirePermission } from '../layout/require-permission';
import { positiveId } from './directive';

export default function AssignmentPage() {
  const { t } = useTranslation();
  const { assignmentId } = useParams();
  const id = positiveId(assignmentId);
  useDocumentTitle(t('assignments.title'));
  if (!id) return <Navigate to={paths.assignments()} replace />;
  return (
    <RequirePermission permission={directiveRead}>
      <AssignmentView id={id} />
    </RequirePermission>
  );
}
