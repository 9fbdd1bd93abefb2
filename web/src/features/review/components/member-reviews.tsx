// A member's grades of every year and each year's shortcomings (GET /members/{id}/reviews), on
// the member page and the member's own review page. Nothing shows for a reader without
// review.read over the member (the server answers 404).
import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useCan } from '@/lib/session';
import { useMemberReviews } from '../api/review';
import { reviewRead } from '../lib/review';
import { GradeTag } from './grade-tag';

function Panel({ id }: { id: number }) {
  const { t } = useTranslation();
  const reviews = useMemberReviews(id);
  if (reviews.isPending) return <Card size="small" loading title={t('review.member.title')} />;
  if (reviews.isError) {
    if (isApiError(reviews.error) && reviews.error.status === 404) return null;
    return null;
  }
  const years = [...(reviews.data.years ?? [])].reverse();
  const screening = reviews.data.screening;
  return (
    <Card size="small" title={t('review.member.title')} data-testid="member-reviews">
      {screening?.listed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('review.member.screening', {
            count: screening.consecutive_not_completed ?? 0,
            rule: screening.rule?.source ?? '',
          })}
        />
      )}
      {years.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.member.none')} />
      ) : (
        <List
          size="small"
          dataSource={years}
          renderItem={(year) => (
            <List.Item data-testid={`member-review-${year.year}`}>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{year.year}</Typography.Text>
                  {year.grade ? (
                    <GradeTag grade={year.grade} />
                  ) : (
                    <Tag>{t('review.member.pending')}</Tag>
                  )}
                  {year.score !== null && year.score !== undefined && (
                    <Typography.Text type="secondary">
                      {t('review.member.score')}: {year.score}
                    </Typography.Text>
                  )}
                  {year.superior_action && (
                    <Tag color="orange">{t(`review.member.${year.superior_action}`)}</Tag>
                  )}
                </Space>
                {(year.shortcomings ?? []).map((item) => (
                  <Typography.Text
                    key={item.id}
                    type={item.overdue ? 'danger' : 'secondary'}
                    style={{ fontSize: 13 }}
                  >
                    {t(`review.shortcomings.kinds.${item.kind ?? 'limitation'}`)}:{' '}
                    {item.description} ({t('review.shortcomings.due')} {formatDate(item.due_on)};{' '}
                    {item.state === 'closed'
                      ? t('review.shortcomings.closedState')
                      : item.overdue
                        ? t('review.shortcomings.overdue')
                        : t('review.shortcomings.open')}
                    )
                  </Typography.Text>
                ))}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The member's reviews when the reader holds review.read (the server decides the reach). */
export function MemberReviews({ id }: { id: number }) {
  const allowed = useCan(reviewRead);
  if (!allowed) return null;
  return <Panel id={id} />;
}
