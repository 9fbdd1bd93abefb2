// /review?org=&tab=: "Kiểm điểm, xếp loại": the campaigns covering the organization worked in
// (the scope picked in the header) with their progress, the shortcomings of its subtree, and the
// signed-in member's own grades (an account linked to a member record).
import { Alert, Space, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { CampaignList } from '@/features/review/components/campaign-list';
import { MemberReviews } from '@/features/review/components/member-reviews';
import { ShortcomingList } from '@/features/review/components/shortcoming-list';
import { reviewRead } from '@/features/review/lib/review';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { orgQuery } from '@/lib/org-queries';
import { can, scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function ReviewPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const me = useMe();
  const remembered = useScope();
  const asked = Number(search.get('org'));
  const scope =
    (Number.isSafeInteger(asked) && asked > 0 ? asked : undefined) ??
    remembered ??
    scopeIds(me)?.[0];
  const orgReader = can(me, 'org.read');
  const org = useQuery({ ...orgQuery(scope ?? 0), enabled: !!scope && orgReader });
  useDocumentTitle(t('review.title'));
  const mine = me?.member_id;
  const tab = search.get('tab') ?? (orgReader && scope ? 'campaigns' : 'mine');
  const set = (key: string) => {
    const next = new URLSearchParams(search);
    next.set('tab', key);
    setSearch(next, { replace: true });
  };
  return (
    <RequirePermission permission={reviewRead}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="review-page">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('review.title')}
          {org.data ? ` — ${org.data.name}` : ''}
        </Typography.Title>
        <Tabs
          activeKey={tab}
          onChange={set}
          items={[
            orgReader && {
              key: 'campaigns',
              label: t('review.tabCampaigns'),
              children: scope ? (
                <CampaignList
                  org={scope}
                  orgName={org.data?.name ?? ''}
                  campaignPath={(id, at) => paths.reviewCampaign(id, at)}
                />
              ) : (
                <Alert type="info" showIcon title={t('review.pickOrg')} />
              ),
            },
            orgReader && {
              key: 'shortcomings',
              label: t('review.tabShortcomings'),
              children: scope ? (
                <ShortcomingList org={scope} />
              ) : (
                <Alert type="info" showIcon title={t('review.pickOrg')} />
              ),
            },
            !!mine && {
              key: 'mine',
              label: t('review.tabMine'),
              children: <MemberReviews id={mine} />,
            },
          ].filter((item) => !!item)}
        />
      </Space>
    </RequirePermission>
  );
}
