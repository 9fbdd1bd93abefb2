// A clock of a case as a tag: its last day and the days left, red once past, orange on the last
// day; "không giới hạn" for a breach without limitation.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { clockState } from '../lib/discipline';

export function ClockTag({
  due,
  daysLeft,
  overdue,
  unlimited,
  testId,
}: {
  due?: string | null;
  daysLeft?: number | null;
  overdue?: boolean;
  unlimited?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (unlimited) {
    return (
      <Tag color="purple" data-testid={testId}>
        {t('discipline.clock.unlimited')}
      </Tag>
    );
  }
  if (!due) return <span data-testid={testId}>—</span>;
  const state = clockState({ overdue, days_left: daysLeft });
  const color = state === 'overdue' ? 'red' : state === 'today' ? 'orange' : 'blue';
  const text =
    state === 'overdue'
      ? t('discipline.clock.overdue', { date: formatDate(due) })
      : state === 'today'
        ? t('discipline.clock.today', { date: formatDate(due) })
        : t('discipline.clock.left', { date: formatDate(due), count: daysLeft ?? 0 });
  return (
    <Tag color={color} data-testid={testId}>
      {text}
    </Tag>
  );
}
