// Assignments as a table: the directive and task, who assigned to whom, the due date (how late
// when overdue) and the state coloured as the roll-up colours it. Used by an organization's
// list ("Việc được giao") and by a directive's page.
import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { daysPast } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { useToday } from '@/lib/today';
import type { Assignment } from '@/types';
import { assignmentStatus, statusTagColor } from '../lib/rollup';

export function StateTag({ assignment }: { assignment: Pick<Assignment, 'state' | 'overdue'> }) {
  const { t } = useTranslation();
  const status = assignmentStatus(assignment.state, assignment.overdue);
  return (
    <Tag
      color={statusTagColor[status]}
      data-state={assignment.state}
      data-testid="assignment-state"
    >
      {t(`assignments.states.${assignment.state}`)}
    </Tag>
  );
}

export function DueCell({ assignment }: { assignment: Pick<Assignment, 'due_on' | 'overdue'> }) {
  const { t } = useTranslation();
  const today = useToday();
  const late = daysPast(assignment.due_on, today);
  return (
    <Space orientation="vertical" size={0}>
      <span>{formatDate(assignment.due_on)}</span>
      {assignment.overdue && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="assignment-overdue">
          {late > 0 ? t('assignments.daysLate', { count: late }) : t('assignments.overdue')}
        </Typography.Text>
      )}
    </Space>
  );
}

export function AssignmentTable({
  items,
  show,
  pagination,
  loading,
  testId,
}: {
  items: Assignment[];
  /** Which side to name: the receiving organization, the assigning one, or both. */
  show: 'to' | 'from' | 'both';
  pagination?: TablePaginationConfig | false;
  loading?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Assignment> = [
    {
      key: 'task',
      title: t('assignments.columns.task'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Link to={paths.assignment(item.id)} data-testid="assignment-link">
            {item.task_title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Link to={paths.directive(item.directive_id)} style={{ color: 'inherit' }}>
              {[item.number_symbol, item.directive_title].filter(Boolean).join(' · ')}
            </Link>
          </Typography.Text>
        </Space>
      ),
    },
    ...(show !== 'to'
      ? [
          {
            key: 'from',
            title: t('assignments.columns.from'),
            width: 200,
            render: (_: unknown, item: Assignment) => item.assigner_org.name,
          },
        ]
      : []),
    ...(show !== 'from'
      ? [
          {
            key: 'to',
            title: t('assignments.columns.to'),
            width: 220,
            render: (_: unknown, item: Assignment) =>
              item.member ? `${item.member.full_name} · ${item.org.name}` : item.org.name,
          },
        ]
      : []),
    {
      key: 'due',
      title: t('assignments.columns.due'),
      width: 120,
      render: (_, item) => <DueCell assignment={item} />,
    },
    {
      key: 'state',
      title: t('assignments.columns.state'),
      width: 140,
      render: (_, item) => <StateTag assignment={item} />,
    },
  ];
  return (
    <Table<Assignment>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 720 }}
      data-testid={testId}
      onRow={(item) => ({ 'data-assignment': item.id, 'data-org': item.org.id }) as never}
      locale={{ emptyText: <EmptyState description={t('assignments.empty')} /> }}
    />
  );
}
