// The members import page (issue 16): upload a CSV or XLSX file, follow its check and write
// with a progress bar (polling the import), read its errors by row and column, cancel it.
import { InboxOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Progress, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { ErrorState, LoadingState } from '@/components/page-state';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { MemberImport } from '@/types';
import {
  importEnded,
  useCancelMemberImport,
  useMemberImport,
  useStartMemberImport,
} from '../api/member-imports';

type ImportError = MemberImport['errors'][number];

const stateColor: Record<MemberImport['state'], string> = {
  queued: 'default',
  checking: 'processing',
  checked: 'processing',
  writing: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'warning',
};

export function MemberImportUpload({ onStarted }: { onStarted: (id: number) => void }) {
  const { t } = useTranslation();
  const start = useStartMemberImport();
  return (
    <Card title={t('memberImport.upload')}>
      <Upload.Dragger
        accept=".csv,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={start.isPending}
        beforeUpload={(file) => {
          start.mutate(file, { onSuccess: (view) => onStarted(view.id) });
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('memberImport.drop')}</p>
        <p className="ant-upload-hint">{t('memberImport.hint')}</p>
      </Upload.Dragger>
      <ProblemAlert error={start.error} all />
    </Card>
  );
}

function percentOf(view: MemberImport): number | undefined {
  if (view.state === 'done') return 100;
  return view.progress.percent ?? undefined;
}

export function MemberImportProgress({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(value, i18n.language);
  const query = useMemberImport(id);
  const cancel = useCancelMemberImport(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const view = query.data;
  const ended = importEnded(view);
  const percent = percentOf(view);
  const columns: TableColumnsType<ImportError> = [
    {
      key: 'row',
      title: t('memberImport.row'),
      width: 90,
      render: (_, error) => (error.row > 0 ? number(error.row) : t('memberImport.wholeFile')),
    },
    { key: 'field', title: t('memberImport.column'), width: 180, dataIndex: 'field' },
    { key: 'message', title: t('memberImport.message'), dataIndex: 'message' },
  ];
  return (
    <Card
      title={view.file_name}
      extra={
        !ended && (
          <Button
            danger
            icon={<StopOutlined aria-hidden />}
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
            data-testid="member-import-cancel"
          >
            {t('memberImport.cancel')}
          </Button>
        )
      }
    >
      <Flex vertical gap="middle">
        <Progress
          percent={percent ?? (ended ? 100 : 0)}
          status={
            view.state === 'failed' || view.state === 'cancelled'
              ? 'exception'
              : view.state === 'done'
                ? 'success'
                : 'active'
          }
          aria-label={t('memberImport.progress')}
        />
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
          <Descriptions.Item label={t('memberImport.state')}>
            <Tag color={stateColor[view.state]} data-testid="member-import-state">
              {t(`memberImport.states.${view.state}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('memberImport.rowsChecked')}>
            {number(view.state === 'checking' ? view.progress.rows : view.rows_checked)}
          </Descriptions.Item>
          <Descriptions.Item label={t('memberImport.rowsWritten')}>
            <span data-testid="member-import-written">{number(view.rows_written)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('memberImport.startedAt')}>
            {formatDateTime(view.created_at)}
          </Descriptions.Item>
          <Descriptions.Item label={t('memberImport.finishedAt')}>
            {view.finished_at ? formatDateTime(view.finished_at) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('memberImport.errors')}>
            {number(view.error_count)}
          </Descriptions.Item>
        </Descriptions>
        <ProblemAlert error={cancel.error} />
        {view.errors.length > 0 && (
          <>
            <Typography.Text type="danger">
              {t('memberImport.nothingWritten', { count: view.error_count })}
            </Typography.Text>
            <Table<ImportError>
              size="small"
              rowKey={(error) => view.errors.indexOf(error)}
              columns={columns}
              dataSource={view.errors}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              data-testid="member-import-errors"
            />
          </>
        )}
      </Flex>
    </Card>
  );
}
