// /jobs: the background jobs, for administrators (job.manage).
import { useTranslation } from 'react-i18next';
import { JobList } from '@/features/jobs/components/job-list';
import { jobManage } from '@/features/directives/lib/directives';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';

export default function JobsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('jobs.title'));
  return (
    <RequirePermission permission={jobManage}>
      <JobList />
    </RequirePermission>
  );
}
