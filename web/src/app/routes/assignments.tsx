// /assignments?org=&direction=&state=&overdue=&page=: an organization's assignments ("Việc được
// giao"); without ?org= the remembered scope, else the user's own organization.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AssignmentList } from '@/features/directives/components/assignment-list';
import {
  readAssignmentParams,
  writeAssignmentParams,
} from '@/features/directives/lib/directive-params';
import { directiveRead } from '@/features/directives/lib/directives';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function AssignmentsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  // The organization named or remembered; else the first one the user is granted.
  const me = useMe();
  const scope = useScope() ?? scopeIds(me)?.[0];
  useDocumentTitle(t('assignments.title'));
  return (
    <RequirePermission permission={directiveRead}>
      <AssignmentList
        params={readAssignmentParams(search, scope)}
        onChange={(next) => setSearch(writeAssignmentParams(next))}
      />
    </RequirePermission>
  );
}
