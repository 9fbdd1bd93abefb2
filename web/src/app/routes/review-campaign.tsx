// /review/:campaignId?org=: one review campaign seen at an organization of its subtree (by
// default the organization that opened it).
import { useTranslation } from 'react-i18next';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { CampaignView } from '@/features/review/components/campaign-view';
import { reviewRead } from '@/features/review/lib/review';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';

function positiveId(text: string | null | undefined): number | undefined {
  const id = Number(text);
  return text && /^\d{1,15}$/.test(text) && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export default function ReviewCampaignPage() {
  const { t } = useTranslation();
  const { campaignId } = useParams();
  const [search] = useSearchParams();
  const id = positiveId(campaignId);
  const org = positiveId(search.get('org'));
  useDocumentTitle(t('review.title'));
  if (!id) return <Navigate to={paths.review()} replace />;
  return (
    <RequirePermission permission={reviewRead}>
      <CampaignView key={`${id}-${org ?? ''}`} id={id} org={org} />
    </RequirePermission>
  );
}
