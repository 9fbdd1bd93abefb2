// A task's scheduled periodic reports (quarterly, sơ kết 6 tháng, yearly, tổng kết): the
// periods of an assignment with the state of each one's report (due, reported, accepted,
// returned, overdue) and each report's due date, and the words for a period key.
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import type { AssignmentDetail } from '@/types';
import { periodParts } from '../lib/directives';

/** "2027-Q1" -> "Quý 1/2027", "2027-H1" -> "6 tháng đầu năm 2027", "final" -> "Tổng kết". */
export function usePeriodLabel(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => {
    const parts = periodParts(key);
    switch (parts.kind) {
      case 'quarter':
        return t('periodic.quarter', { q: parts.n, year: parts.year });
      case 'half':
        return t('periodic.half', {
          which: t(parts.n === 1 ? 'periodic.halfFirst' : 'periodic.halfSecond'),
          year: parts.year,
        });
      case 'year':
        return t('periodic.year', { year: parts.year });
      default:
        return t('periodic.final');
    }
  };
}

const stateColor = {
  due: 'default',
  reported: 'processing',
  accepted: 'success',
  returned: 'warning',
  overdue: 'error',
} as const;

export function ReportPeriods({ assignment }: { assignment: AssignmentDetail }) {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  if (assignment.periods.length === 0) return null;
  return (
    <Card size="small" title={t('periodic.periods')} data-testid="assignment-periods">
      <ul className="plain-list">
        {assignment.periods.map((p) => (
          <li key={p.period} data-period={p.period} data-state={p.state}>
            <Flex justify="space-between" wrap gap={8} align="center">
              <span>
                <Typography.Text strong>{label(p.period)}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {t('periodic.dueOn', { date: formatDate(p.due_on) })}
                </Typography.Text>
              </span>
              <Tag color={stateColor[p.state]}>{t(`periodic.state.${p.state}`)}</Tag>
            </Flex>
          </li>
        ))}
      </ul>
    </Card>
  );
}
