// The background jobs: each kind with its schedule, status, last run (and when it finished,
// how many steps), next run, the steps waiting, the last error and failed attempts; "run now"
// runs its due steps at once (a step done is never done again).
import { PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/page-state';
import { isApiError } from '@/lib/api-client';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { JobStatus } from '@/types';
import { useJobs, useRunJob } from '../api/jobs';

const statusColor: Record<JobStatus['status'], string> = {
  idle: 'success',
  running: 'processing',
  failed: 'error',
  disabled: 'default',
};

export function JobList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const jobs = useJobs();
  const run = useRunJob();

  const runNow = (job: JobStatus) =>
    run.mutate(job.kind, {
      onSuccess: (result) =>
        message.success(
          t('jobs.ran', { label: job.label, steps: result.steps, failed: result.failed }),
        ),
      onError: (error) =>
        message.error(
          isApiError(error) ? error.problem.detail || error.problem.title : String(error),
        ),
    });

  const columns: TableColumnsType<JobStatus> = [
    {
      key: 'kind',
      title: t('jobs.columns.kind'),
      render: (_, job) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{job.label}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {job.kind} · {t(`jobs.schedules.${job.schedule}`)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('jobs.columns.status'),
      width: 150,
      render: (_, job) => (
        <Space orientation="vertical" size={0}>
          <Tag color={statusColor[job.status]} data-testid="job-status" data-status={job.status}>
            {t(`jobs.statuses.${job.status}`)}
          </Tag>
          {job.attempts > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('jobs.attempts', { count: job.attempts })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'last',
      title: t('jobs.columns.lastRun'),
      width: 190,
      render: (_, job) =>
        job.last_run_at ? (
          <Space orientation="vertical" size={0}>
            <span data-testid="job-last-run">{formatDateTime(job.last_run_at)}</span>
            {job.last_finished_at && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('jobs.finished', { at: formatDateTime(job.last_finished_at) })}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('jobs.never')}</Typography.Text>
        ),
    },
    {
      key: 'next',
      title: t('jobs.columns.nextRun'),
      width: 150,
      render: (_, job) => formatDateTime(job.next_run_at),
    },
    {
      key: 'steps',
      title: t('jobs.columns.steps'),
      width: 110,
      align: 'right',
      render: (_, job) => <span data-testid="job-steps">{formatNumber(job.last_steps, lang)}</span>,
    },
    {
      key: 'pending',
      title: t('jobs.columns.pending'),
      width: 100,
      align: 'right',
      render: (_, job) => formatNumber(job.pending_steps, lang),
    },
    {
      key: 'error',
      title: t('jobs.columns.error'),
      render: (_, job) =>
        job.last_error ? (
          <Typography.Text type="danger" data-testid="job-error">
            {job.last_error}
          </Typography.Text>
        ) : null,
    },
    {
      key: 'run',
      width: 130,
      render: (_, job) => (
        <Button
          size="small"
          icon={<PlayCircleOutlined />}
          disabled={!job.enabled || job.status === 'running'}
          loading={run.isPending && run.variables === job.kind}
          onClick={() => runNow(job)}
          data-testid={`job-run-${job.kind}`}
        >
          {t('jobs.runNow')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="jobs-page">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('jobs.title')}
        </Typography.Title>
        <Button
          icon={<ReloadOutlined />}
          loading={jobs.isFetching}
          onClick={() => void jobs.refetch()}
        >
          {t('common.reload')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('jobs.help')}</Typography.Text>
      {jobs.isPending ? (
        <LoadingState rows={4} />
      ) : jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Table<JobStatus>
          size="small"
          rowKey="kind"
          columns={columns}
          dataSource={jobs.data.items}
          pagination={false}
          scroll={{ x: 1100 }}
          data-testid="job-table"
          onRow={(job) => ({ 'data-kind': job.kind }) as never}
        />
      )}
    </Space>
  );
}
