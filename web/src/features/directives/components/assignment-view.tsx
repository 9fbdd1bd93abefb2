// One assignment: the task and its directive, who assigned it to whom, the due date and state
// (coloured, how late when overdue), the note and the receiving organization's plan, what was
// assigned further down from it (with the way to the roll-up there), and its reports, newest
// first, with their review. The receiving side acknowledges, starts, assigns further down and
// reports; the assigning side accepts or returns a report. Laid out for a phone too: a cell
// secretary reports from one.
import {
  ArrowLeftOutlined,
  CheckOutlined,
  CommentOutlined,
  PlayCircleOutlined,
  SendOutlined,
  ShareAltOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { AssignmentDetail, AssignmentReport } from '@/types';
import { useAssignment, useAssignmentStep } from '../api/directives';
import { assignmentActions, reportablePeriods, reviewablePeriods } from '../lib/directives';
import { progressKeys, reached } from '../lib/rollup';
import { AssignModal } from './assign-modal';
import { ReportModal, ReviewModal } from './assignment-modals';
import { DueCell, StateTag } from './assignment-table';
import { ReportPeriods, usePeriodLabel } from './report-periods';

export function AssignmentView({ id }: { id: number }) {
  const assignment = useAssignment(id);
  if (assignment.isPending) return <LoadingState rows={10} />;
  if (assignment.isError) {
    return <ErrorState error={assignment.error} onRetry={() => void assignment.refetch()} />;
  }
  return <AssignmentPage assignment={assignment.data} />;
}

const reviewColor = { pending: 'processing', accepted: 'success', returned: 'warning' } as const;

function Report({ report }: { report: AssignmentReport }) {
  const { t, i18n } = useTranslation();
  const periodLabel = usePeriodLabel();
  return (
    <li data-testid="assignment-report" data-review={report.review}>
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {report.period ? `${periodLabel(report.period)} · ` : ''}
          {t('assignment.submittedAt', { at: formatDateTime(report.submitted_at) })}
        </Typography.Text>
        <Tag color={reviewColor[report.review]}>{t(`assignment.review.${report.review}`)}</Tag>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: '4px 0' }}>
        {report.text}
      </Typography.Paragraph>
      {report.figures.length > 0 && (
        <ul className="plain-list" aria-label={t('assignment.figures')}>
          {report.figures.map((figure, index) => (
            <li key={index}>
              {figure.label}: <strong>{formatNumber(figure.value, i18n.language)}</strong>
              {figure.unit ? ` ${figure.unit}` : ''}
            </li>
          ))}
        </ul>
      )}
      {report.attachment_note && (
        <Typography.Text type="secondary">
          {t('assignment.attachmentNote')}: {report.attachment_note}
        </Typography.Text>
      )}
      {report.review_comment && (
        <div>
          <Typography.Text type={report.review === 'returned' ? 'warning' : 'secondary'}>
            {t('assignment.reviewComment', { comment: report.review_comment })}
          </Typography.Text>
        </div>
      )}
    </li>
  );
}

function AssignmentPage({ assignment }: { assignment: AssignmentDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const step = useAssignmentStep(assignment.id);
  const [dialog, setDialog] = useState<'report' | 'review' | 'subassign' | null>(null);
  const actions = assignmentActions(assignment);
  // A task with a report schedule is reported period by period (the final report is the
  // assignment's own): reporting and reviewing follow the periods open.
  const mayReport = actions.includes('report') || reportablePeriods(assignment).length > 0;
  const mayReview = actions.includes('review') || reviewablePeriods(assignment).length > 0;
  const downstream = reached(assignment.children);

  async function move(kind: 'acknowledge' | 'start') {
    try {
      await step.mutateAsync({ step: kind, body: { version: assignment.version } });
      message.success(t(`assignment.done.${kind}`));
    } catch (error) {
      message.error(
        isApiError(error) ? error.problem.detail || error.problem.title : String(error),
      );
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="assignment-page">
      <div>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => navigate(paths.directive(assignment.directive_id, assignment.org.id))}
        >
          {t('assignment.backToDirective')}
        </Button>
        <Typography.Title level={3} style={{ margin: '4px 0' }} data-testid="assignment-title">
          {assignment.task_title}
        </Typography.Title>
        <Space wrap size={8}>
          <StateTag assignment={assignment} />
          <Link to={paths.directive(assignment.directive_id)}>
            {[assignment.number_symbol, assignment.directive_title].filter(Boolean).join(' · ')}
          </Link>
        </Space>
      </div>
      <Flex wrap gap={8} data-testid="assignment-actions">
        {actions.includes('acknowledge') && (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={step.isPending && step.variables?.step === 'acknowledge'}
            onClick={() => void move('acknowledge')}
            data-testid="assignment-acknowledge"
          >
            {t('assignment.actions.acknowledge')}
          </Button>
        )}
        {actions.includes('start') && (
          <Button
            icon={<PlayCircleOutlined />}
            loading={step.isPending && step.variables?.step === 'start'}
            onClick={() => void move('start')}
          >
            {t('assignment.actions.start')}
          </Button>
        )}
        {mayReport && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => setDialog('report')}
            data-testid="assignment-report-open"
          >
            {t('assignment.actions.report')}
          </Button>
        )}
        {actions.includes('subassign') && (
          <Button
            icon={<ShareAltOutlined />}
            onClick={() => setDialog('subassign')}
            data-testid="assignment-subassign"
          >
            {t('assignment.actions.subassign')}
          </Button>
        )}
        {mayReview && (
          <Button
            type="primary"
            icon={<CommentOutlined />}
            onClick={() => setDialog('review')}
            data-testid="assignment-review"
          >
            {t('assignment.actions.accept')} / {t('assignment.actions.return')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          items={[
            {
              key: 'by',
              label: t('assignment.assignedBy'),
              children: assignment.assigner_org.name,
            },
            {
              key: 'to',
              label: t('assignment.assignedTo'),
              children: assignment.member
                ? `${assignment.member.full_name} · ${assignment.org.name}`
                : assignment.org.name,
            },
            {
              key: 'due',
              label: t('assignment.due'),
              children: <DueCell assignment={assignment} />,
            },
            ...(assignment.note
              ? [{ key: 'note', label: t('assignment.note'), children: assignment.note }]
              : []),
            ...(assignment.plan_number || assignment.plan_document_id
              ? [
                  {
                    key: 'plan',
                    label: t('assignment.plan'),
                    children: assignment.plan_document_id ? (
                      <Link to={paths.document(assignment.plan_document_id)}>
                        {assignment.plan_number || `#${assignment.plan_document_id}`}
                      </Link>
                    ) : (
                      assignment.plan_number
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('assignment.downstream')}
        extra={
          assignment.children.total > 0 && (
            <Link to={paths.directive(assignment.directive_id, assignment.org.id)}>
              {t('assignment.seeRollup')}
            </Link>
          )
        }
        data-testid="assignment-downstream"
      >
        {assignment.children.total === 0 ? (
          <Typography.Text type="secondary">{t('assignment.noDownstream')}</Typography.Text>
        ) : (
          <Flex wrap gap={16}>
            {progressKeys.map((key) => (
              <div key={key} data-step={key}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`rollup.counts.${key}`)}
                </Typography.Text>
                <div style={{ fontWeight: 600 }}>{formatNumber(downstream[key], lang)}</div>
              </div>
            ))}
          </Flex>
        )}
      </Card>
      <ReportPeriods assignment={assignment} />
      <Card size="small" title={t('assignment.reports')} data-testid="assignment-reports">
        {assignment.reports.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assignment.noReports')} />
        ) : (
          <ul className="plain-list">
            {assignment.reports.map((report) => (
              <Report key={report.id} report={report} />
            ))}
          </ul>
        )}
      </Card>
      {dialog === 'report' && (
        <ReportModal assignment={assignment} onClose={() => setDialog(null)} />
      )}
      {dialog === 'review' && (
        <ReviewModal assignment={assignment} onClose={() => setDialog(null)} />
      )}
      {dialog === 'subassign' && (
        <AssignModal assignment={assignment} onClose={() => setDialog(null)} />
      )}
    </Space>
  );
}
