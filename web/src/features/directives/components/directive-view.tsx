// A directive: its number and kind, who issued it and when (and its register document), its
// tasks with their due dates, the roll-up at the organization chosen (?org=, the top of the
// user's reach by default) with the way down to the lagging cell, the assignments in that
// organization's subtree, and the study sessions. The issuing level assigns the tasks from here.
import { ArrowLeftOutlined, FileTextOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import type { Directive, DirectiveTask } from '@/types';
import { useDirective, useDirectiveAssignments, useRollup } from '../api/directives';
import { AssignModal } from './assign-modal';
import { AssignmentTable } from './assignment-table';
import { FanoutProgress } from './fanout-progress';
import { RollupPanel } from './rollup-panel';
import { StudyPanel } from './study-panel';

export function DirectiveView({ id, org }: { id: number; org?: number }) {
  const directive = useDirective(id);
  if (directive.isPending) return <LoadingState rows={12} />;
  if (directive.isError) {
    return <ErrorState error={directive.error} onRetry={() => void directive.refetch()} />;
  }
  return <DirectivePage directive={directive.data} org={org} />;
}

function Assignments({ directive, org }: { directive: Directive; org?: number }) {
  const { t } = useTranslation();
  const rollup = useRollup(directive.id, org);
  const shown = rollup.data?.org.org;
  const list = useDirectiveAssignments(directive.id, shown?.id, !!shown);
  if (!shown) return null;
  return (
    <Card
      size="small"
      title={t('directive.assignments', { org: shown.name })}
      data-testid="directive-assignments"
    >
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} compact />
      ) : (
        <AssignmentTable
          items={list.data?.items ?? []}
          show="both"
          loading={list.isPending}
          pagination={(list.data?.items.length ?? 0) > 20 ? { pageSize: 20 } : false}
        />
      )}
    </Card>
  );
}

function DirectivePage({ directive, org }: { directive: Directive; org?: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [assigning, setAssigning] = useState(false);

  const taskColumns: TableColumnsType<DirectiveTask> = [
    { key: 'n', title: '#', width: 48, render: (_, task) => task.position },
    {
      key: 'title',
      title: t('directive.fields.task_title'),
      render: (_, task) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{task.title}</Typography.Text>
          {task.description && (
            <Typography.Text type="secondary">{task.description}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'due',
      title: t('directive.fields.due'),
      width: 180,
      render: (_, task) => (
        <Space orientation="vertical" size={0}>
          <span data-testid="task-due">{formatDate(task.due_on)}</span>
          {task.due_working_days ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('directive.workingDays', { count: task.due_working_days })}
            </Typography.Text>
          ) : null}
          {task.report_schedule ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="task-schedule">
              {t(`periodic.cadence.${task.report_schedule.cadence}`)} ·{' '}
              {t('periodic.periodsCount', { count: task.report_schedule.periods.length })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="directive-page">
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() => navigate(paths.directivesOf(directive.org.id))}
          >
            {t('directive.backToList')}
          </Button>
          <Typography.Title level={3} style={{ margin: '4px 0' }} data-testid="directive-title">
            {directive.number_symbol || directive.title}
          </Typography.Title>
          <Space wrap>
            <Tag>{t(`directives.kinds.${directive.kind}`)}</Tag>
            <Typography.Text data-testid="directive-page-title">{directive.title}</Typography.Text>
          </Space>
          <div>
            <Typography.Text type="secondary">
              {t('directive.issuedBy', {
                org: directive.org.name,
                date: formatDate(directive.issued_on),
              })}
            </Typography.Text>
            {directive.document_id && (
              <Link
                to={paths.document(directive.document_id)}
                style={{ marginInlineStart: 12 }}
                data-testid="directive-document"
              >
                <FileTextOutlined aria-hidden /> {t('directive.openDocument')}
              </Link>
            )}
          </div>
        </div>
        {directive.may_assign && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => setAssigning(true)}
            data-testid="directive-assign"
          >
            {t('directive.assign')}
          </Button>
        )}
      </Flex>
      {directive.may_assign && directive.rollup.total === 0 && directive.fanouts.length === 0 && (
        <Alert type="info" showIcon title={t('directive.assignFirst')} />
      )}
      {directive.summary && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>
          {directive.summary}
        </Typography.Paragraph>
      )}
      <FanoutProgress fanouts={directive.fanouts} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <RollupPanel
            directive={directive.id}
            org={org}
            rollupPath={(next) => paths.directive(directive.id, next)}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('directive.tasks', { n: directive.tasks.length })}>
            <Table<DirectiveTask>
              size="small"
              rowKey="id"
              columns={taskColumns}
              dataSource={directive.tasks}
              pagination={false}
              data-testid="directive-tasks"
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <StudyPanel directive={directive} org={org} />
        </Col>
        <Col xs={24}>
          <Assignments directive={directive} org={org} />
        </Col>
      </Row>
      {assigning && <AssignModal directive={directive} onClose={() => setAssigning(false)} />}
    </Space>
  );
}
