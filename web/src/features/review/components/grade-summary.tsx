// The grade summary of a subtree: members' decided grades (counts and shares), organizations'
// grades, and the quota line of the group the shown organization's members are graded in.
import { Alert, Card, Col, Row, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import type { ReviewCampaignView, ReviewGrade } from '@/types';
import { grades, gradedTotal, sharePercent, type GradeCounts } from '../lib/review';
import { GradeTag } from './grade-tag';

function CountsTable({ counts, testId }: { counts: GradeCounts | undefined; testId: string }) {
  const { t, i18n } = useTranslation();
  const total = gradedTotal(counts);
  const rows = grades.map((grade) => ({ grade, count: counts?.[grade] ?? 0 }));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="grade"
      data-testid={testId}
      dataSource={rows}
      columns={[
        {
          title: t('review.member.grade'),
          dataIndex: 'grade',
          render: (grade: ReviewGrade) => <GradeTag grade={grade} />,
        },
        {
          title: t('review.summary.count'),
          dataIndex: 'count',
          align: 'right',
          render: (count: number) => formatNumber(count, i18n.language),
        },
        {
          title: t('review.summary.share'),
          key: 'share',
          align: 'right',
          render: (_: unknown, row: { count: number }) => {
            const share = sharePercent(row.count, total);
            return share === null ? '—' : `${formatNumber(share, i18n.language)}%`;
          },
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('review.summary.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <span data-testid={`${testId}-total`}>{formatNumber(total, i18n.language)}</span>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} />
        </Table.Summary.Row>
      )}
    />
  );
}

export function GradeSummary({ view }: { view: ReviewCampaignView }) {
  const { t } = useTranslation();
  const quota = view.quota;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('review.summary.title')}>
          <CountsTable counts={view.summary?.members} testId="review-summary-members" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('review.summary.orgsTitle')}>
          <CountsTable counts={view.summary?.orgs} testId="review-summary-orgs" />
        </Card>
      </Col>
      {quota && (
        <Col span={24}>
          <Alert
            type={quota.within ? 'info' : 'warning'}
            showIcon
            data-testid="review-quota"
            title={
              <>
                <Tag color={quota.within ? 'green' : 'red'}>
                  {quota.within ? t('review.summary.quotaWithin') : t('review.summary.quotaOver')}
                </Tag>
                {t('review.summary.quota', {
                  group: t('review.summary.thisGroup'),
                  excellent: quota.excellent ?? 0,
                  allowed: quota.allowed ?? 0,
                  good: quota.good_or_above ?? 0,
                  rule: quota.rule
                    ? `${quota.rule.key} = ${quota.rule.value}%: ${quota.rule.source}`
                    : '—',
                })}
              </>
            }
          />
        </Col>
      )}
    </Row>
  );
}
