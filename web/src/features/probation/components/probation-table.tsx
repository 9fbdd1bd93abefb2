// One of the probation lists as a table: each member links to the member page (whose
// lifecycle panel records the cell's resolution and the decision), with the dates that matter
// for that list and how late the overdue ones are.
import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import type { ProbationItem } from '@/types';
import { daysOverdue, decisionDaysLate, type ProbationListName } from '../lib/probation';

export function ProbationTable({
  list,
  items,
  today,
}: {
  list: ProbationListName;
  items: ProbationItem[];
  today: string;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProbationItem> = [
    {
      key: 'name',
      title: t('probation.columns.member'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Link to={paths.member(item.id)} data-testid="probation-member">
            {item.full_name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.org_name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'ends',
      title: t('probation.columns.endsOn'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDate(item.probation_ends_on)}</span>
          {list === 'due' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.days_to_end >= 0
                ? t('probation.endsIn', { count: item.days_to_end })
                : t('probation.endedAgo', { count: -item.days_to_end })}
            </Typography.Text>
          )}
          {!item.ceremony_known && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('probation.noCeremony')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];
  if (list !== 'awaiting_decision') {
    columns.push({
      key: 'consider_by',
      title: t('probation.columns.considerBy'),
      render: (_, item) => {
        const late = daysOverdue(item, today);
        return (
          <Space size={4} wrap>
            {formatDate(item.consider_by)}
            {late > 0 && (
              <Tag color="red" data-testid="probation-late">
                {t('probation.lateBy', { count: late })}
              </Tag>
            )}
          </Space>
        );
      },
    });
  } else {
    columns.push(
      {
        key: 'resolution',
        title: t('probation.columns.resolution'),
        render: (_, item) =>
          item.cell_resolution && (
            <Space orientation="vertical" size={0}>
              <span>
                {formatDate(item.cell_resolution.on)}
                {item.cell_resolution.document?.number
                  ? ` · ${item.cell_resolution.document.number}`
                  : ''}
              </span>
              {!item.cell_resolution.recognized && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {t('probation.proposedNotRecognized')}
                </Typography.Text>
              )}
            </Space>
          ),
      },
      {
        key: 'decision_due',
        title: t('probation.columns.decisionDue'),
        render: (_, item) => {
          const late = decisionDaysLate(item, today);
          return (
            <Space size={4} wrap>
              {formatDate(item.decision_due)}
              {late > 0 && (
                <Tag color="red" data-testid="probation-late">
                  {t('probation.lateBy', { count: late })}
                </Tag>
              )}
            </Space>
          );
        },
      },
    );
  }
  return (
    <Table<ProbationItem>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={items}
      data-testid={`probation-table-${list}`}
      scroll={{ x: 640 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('probation.empty') }}
    />
  );
}
