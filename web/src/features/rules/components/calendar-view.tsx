// The holiday calendar working days are counted on: for a year, each day off and each weekend
// day worked instead, with the notice it comes from.
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/page-state';
import { formatDate } from '@/lib/format';
import { useToday } from '@/lib/today';
import type { CalendarDay } from '@/types';
import { useCalendar } from '../api/calendar';

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

export function CalendarView() {
  const { t } = useTranslation();
  const today = useToday();
  const calendar = useCalendar();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState<number | undefined>();
  if (calendar.isPending) return <LoadingState rows={6} />;
  if (calendar.isError)
    return <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const years = [...new Set(calendar.data.map((day) => Number(day.date.slice(0, 4))))].sort();
  const shown = year ?? (years.includes(thisYear) ? thisYear : years[years.length - 1]);
  const days = calendar.data.filter((day) => day.date.startsWith(`${shown}-`));
  const columns: TableColumnsType<CalendarDay> = [
    {
      key: 'date',
      title: t('rules.calendar.date'),
      width: 200,
      render: (_, day) => (
        <span>
          {formatDate(day.date)}{' '}
          <Typography.Text type="secondary">
            {t(`rules.calendar.weekdays.${weekday(day.date)}`)}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'kind',
      title: t('rules.calendar.kind'),
      width: 140,
      render: (_, day) =>
        day.working ? (
          <Tag color="orange">{t('rules.calendar.working')}</Tag>
        ) : (
          <Tag color="red">{t('rules.calendar.off')}</Tag>
        ),
    },
    { key: 'name', title: t('rules.calendar.name'), dataIndex: 'name_vi' },
    {
      key: 'source',
      title: t('rules.columns.source'),
      render: (_, day) => <Typography.Text type="secondary">{day.source}</Typography.Text>,
    },
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="calendar-view">
      <Space wrap>
        <Typography.Text type="secondary">{t('rules.calendar.year')}</Typography.Text>
        <Segmented
          data-testid="calendar-year"
          value={shown}
          options={years}
          onChange={(next) => setYear(Number(next))}
        />
      </Space>
      <Typography.Text type="secondary" data-testid="calendar-summary">
        {t('rules.calendar.summary', {
          off: days.filter((day) => !day.working).length,
          working: days.filter((day) => day.working).length,
          year: shown,
        })}
      </Typography.Text>
      <Table<CalendarDay>
        size="small"
        rowKey="date"
        columns={columns}
        dataSource={days}
        pagination={false}
        data-testid="calendar-table"
      />
    </Space>
  );
}
