// The review campaigns covering an organization (newest year first) with their progress by grade
// at that organization; review.decide holders open a new one there.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { formatDate } from '@/lib/format';
import { useCan } from '@/lib/session';
import type { ReviewCampaign } from '@/types';
import { useCampaign, useCampaigns } from '../api/review';
import { grades, gradedTotal, reviewDecide } from '../lib/review';
import { GradeTag } from './grade-tag';
import { OpenCampaignModal } from './open-campaign-modal';

function Progress({ id, org }: { id: number; org: number }) {
  const { t } = useTranslation();
  const view = useCampaign(id, org);
  const counts = view.data?.summary?.members;
  if (!counts) return null;
  return (
    <Space wrap size={4} data-testid={`review-progress-${id}`}>
      <Typography.Text type="secondary">
        {t('review.graded', { count: gradedTotal(counts) })}
      </Typography.Text>
      {grades
        .filter((grade) => (counts[grade] ?? 0) > 0)
        .map((grade) => (
          <span key={grade}>
            <GradeTag grade={grade} />
            {counts[grade]}
          </span>
        ))}
    </Space>
  );
}

export function CampaignList({
  org,
  orgName,
  campaignPath,
}: {
  org: number;
  orgName: string;
  /** The link to a campaign seen at `org` (the app's route). */
  campaignPath: (id: number, org: number) => string;
}) {
  const { t } = useTranslation();
  const campaigns = useCampaigns(org);
  const mayOpen = useCan(reviewDecide);
  const [opening, setOpening] = useState(false);
  if (campaigns.isPending) return <LoadingState rows={4} />;
  if (campaigns.isError)
    return <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {mayOpen && (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpening(true)}
            data-testid="review-open"
          >
            {t('review.open')}
          </Button>
        </Flex>
      )}
      <Table<ReviewCampaign>
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="review-campaigns"
        locale={{ emptyText: t('review.none') }}
        dataSource={campaigns.data.items ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('review.year'), dataIndex: 'year', width: 80 },
          {
            title: t('review.campaignTitle'),
            dataIndex: 'title',
            render: (title: string, row) => (
              <Link to={campaignPath(row.id ?? 0, org)} data-testid={`review-campaign-${row.id}`}>
                {title}
              </Link>
            ),
          },
          {
            title: t('review.reviewDate'),
            dataIndex: 'review_date',
            render: (date: string) => formatDate(date),
          },
          {
            title: t('review.state'),
            dataIndex: 'state',
            render: (state: 'open' | 'closed') => (
              <Tag color={state === 'open' ? 'processing' : 'default'}>
                {t(`review.states.${state}`)}
              </Tag>
            ),
          },
          {
            title: t('review.progress'),
            key: 'progress',
            render: (_: unknown, row) => <Progress id={row.id ?? 0} org={org} />,
          },
        ]}
      />
      {opening && (
        <OpenCampaignModal org={org} orgName={orgName} onClose={() => setOpening(false)} />
      )}
    </Space>
  );
}
