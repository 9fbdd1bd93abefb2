// /audit: the audit trail, newest first, filtered by who, what and when; "older" pages load
// below. Each row opens to its details (the changed fields, before and after, with personal
// data hashed by the server), its hash, session and request id. "Verify the chain" recomputes
// every hash on the server and names the first broken event, if any.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/page-state';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { AuditEvent } from '@/types';
import { useAuditEvents, useVerifyChain } from '../api/audit';
import { prettyDetails, readAuditParams, writeAuditParams } from '../lib/audit-params';
import { AuditFilters } from './audit-filters';

function EventDetails({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const details = prettyDetails(event.details);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="audit-event-details"
      items={[
        {
          key: 'details',
          label: t('audit.fields.details'),
          children: details ? (
            <pre className="audit-details">{details}</pre>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
        },
        { key: 'path', label: t('audit.fields.object_path'), children: event.object_path || '—' },
        {
          key: 'class',
          label: t('audit.fields.record_class'),
          children: i18n.exists(`audit.recordClass.${event.record_class}`)
            ? t(`audit.recordClass.${event.record_class}`)
            : event.record_class,
        },
        { key: 'address', label: t('audit.fields.address'), children: event.address || '—' },
        {
          key: 'session',
          label: t('audit.fields.session'),
          children: <span className="mono">{event.session || '—'}</span>,
        },
        {
          key: 'request',
          label: t('audit.fields.request_id'),
          children: <span className="mono">{event.request_id || '—'}</span>,
        },
        {
          key: 'hash',
          label: t('audit.fields.hash'),
          children: <span className="mono">{event.hash}</span>,
        },
      ]}
    />
  );
}

function ChainCheck() {
  const { t, i18n } = useTranslation();
  const verify = useVerifyChain();
  const result = verify.data;
  return (
    <Flex gap={12} align="center" wrap>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        {t('audit.verify.action')}
      </Button>
      {result && (
        <Alert
          type={result.ok ? 'success' : 'error'}
          showIcon
          role="status"
          data-testid="audit-verify-result"
          title={
            result.ok
              ? t('audit.verify.ok', { n: formatNumber(result.events, i18n.language) })
              : t('audit.verify.broken', { seq: result.first_broken ?? '?' })
          }
          description={result.ok ? undefined : result.problem}
        />
      )}
      {verify.isError && (
        <Alert type="error" showIcon title={(verify.error as Error).message} role="alert" />
      )}
    </Flex>
  );
}

export function AuditViewer() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const params = readAuditParams(search);
  const events = useAuditEvents(params);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<AuditEvent> = [
    {
      key: 'seq',
      title: '#',
      dataIndex: 'seq',
      width: 80,
      render: (seq: number) => formatNumber(seq, i18n.language),
    },
    {
      key: 'at',
      title: t('audit.fields.at'),
      render: (_value, event) => formatDateTime(event.at),
    },
    { key: 'actor', title: t('audit.fields.actor'), dataIndex: 'actor' },
    {
      key: 'action',
      title: t('audit.fields.action'),
      render: (_value, event) => {
        const key = `audit.actions.${event.action.replace('.', '_')}`;
        const label = i18n.exists(key) ? t(key) : event.action;
        return (
          <span data-action={event.action}>
            {label}
            <br />
            <Typography.Text type="secondary" className="mono">
              {event.action}
            </Typography.Text>
          </span>
        );
      },
    },
    {
      key: 'object',
      title: t('audit.fields.object'),
      render: (_value, event) => {
        const key = `audit.objects.${event.object_type}`;
        const type = i18n.exists(key) ? t(key) : event.object_type;
        return event.object_id ? `${type} #${event.object_id}` : type;
      },
    },
    {
      key: 'outcome',
      title: t('audit.fields.outcome'),
      render: (_value, event) => (
        <Tag color={event.outcome === 'ok' ? 'green' : 'red'}>
          {i18n.exists(`audit.outcomes.${event.outcome}`)
            ? t(`audit.outcomes.${event.outcome}`)
            : event.outcome}
        </Tag>
      ),
    },
    { key: 'address', title: t('audit.fields.address'), dataIndex: 'address' },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="audit-viewer">
      <Flex justify="space-between" align="flex-end" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('audit.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('audit.subtitle')}</Typography.Text>
        </div>
        <ChainCheck />
      </Flex>
      <Card size="small">
        <AuditFilters
          params={params}
          onChange={(next) => setSearch(writeAuditParams(next), { replace: true })}
        />
      </Card>
      {events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <>
          <Table<AuditEvent>
            rowKey="seq"
            size="small"
            columns={columns}
            dataSource={items}
            loading={{ spinning: events.isFetching && !events.isFetchingNextPage, delay: 150 }}
            pagination={false}
            scroll={{ x: 'max-content' }}
            expandable={{ expandedRowRender: (event) => <EventDetails event={event} /> }}
            data-testid="audit-table"
            locale={{ emptyText: events.isPending ? ' ' : t('audit.empty') }}
          />
          {events.hasNextPage && (
            <Flex justify="center">
              <Button
                onClick={() => void events.fetchNextPage()}
                loading={events.isFetchingNextPage}
                data-testid="audit-older"
              >
                {t('audit.older')}
              </Button>
            </Flex>
          )}
        </>
      )}
    </Space>
  );
}
