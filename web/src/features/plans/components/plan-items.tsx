// A plan's items as a list that reads on a phone: each item's content, its measure, its due
// date, and the assessment of each review stage the plan has had.
import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import type { PlanItem, PlanReview } from '@/types';

const assessmentColor: Record<string, string> = {
  done: 'success',
  partly: 'warning',
  not_done: 'error',
};

export function PlanItems({ items, reviews }: { items: PlanItem[]; reviews: PlanReview[] }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      bordered
      dataSource={items}
      data-testid="plan-items"
      renderItem={(item, index) => (
        <List.Item>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Typography.Text strong>
              {index + 1}. {item.content}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('plans.measure')}: {item.measure}
              {item.due_on ? ` · ${t('plans.dueOn')}: ${formatDate(item.due_on)}` : ''}
            </Typography.Text>
            {reviews.map((review) => {
              const assessed = review.items.find((a) => a.item_id === item.id);
              if (!assessed) return null;
              return (
                <Space key={review.id} wrap size={4}>
                  <Typography.Text type="secondary">
                    {t(`plans.stage.${review.stage}`)}:
                  </Typography.Text>
                  <Tag color={assessmentColor[assessed.assessment]}>
                    {t(`plans.assessment.${assessed.assessment}`)}
                  </Tag>
                  {assessed.comment && <Typography.Text italic>{assessed.comment}</Typography.Text>}
                </Space>
              );
            })}
          </Space>
        </List.Item>
      )}
    />
  );
}
