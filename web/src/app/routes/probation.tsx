// /probation?org=<organization>&within=<days>: the probation lists of an organization's
// subtree; without ?org= the remembered scope.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProbationLists } from '@/features/probation/components/probation-lists';
import { readProbationParams, writeProbationParams } from '@/features/probation/lib/probation';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function ProbationPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const scope = useScope();
  useDocumentTitle(t('nav.probation'));
  const params = readProbationParams(search, scope);
  return (
    <RequirePermission permission="member.read">
      <ProbationLists params={params} onChange={(next) => setSearch(writeProbationParams(next))} />
    </RequirePermission>
  );
}
