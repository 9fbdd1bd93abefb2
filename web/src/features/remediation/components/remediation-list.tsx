// The items tracked to closure in an organization's subtree (issue 15): a review's shortcomings
// and an inspection conclusion's violations and recommendations in one list by due date, overdue
// ones highlighted, each linking to where it is recorded and closed.
import { Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import type { RemediationItem } from '@/types';
import {
  REMEDIATION_PAGE_SIZE,
  type RemediationSource,
  type RemediationState,
  useRemediation,
} from '../api/remediation';

export type RemediationParams = {
  org: number | undefined;
  state: RemediationState;
  source: RemediationSource;
  page: number;
};

const STATES: RemediationState[] = ['open', 'overdue', 'closed', ''];
const SOURCES: RemediationSource[] = ['', 'review', 'inspection'];

function linkOf(row: RemediationItem): string {
  return row.source === 'inspection' && row.inspection_id
    ? paths.inspection(row.inspection_id)
    : paths.review({ org: row.org_id, tab: 'shortcomings' });
}

export function RemediationList({
  params,
  onChange,
}: {
  params: RemediationParams;
  onChange: (next: RemediationParams) => void;
}) {
  const { t } = useTranslation();
  const list = useRemediation(params.org, params.state, params.source, params.page);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('remediation.title')}
      </Typography.Title>
      <Flex wrap gap={8}>
        <OrgPicker
          value={params.org ?? null}
          onChange={(id) => onChange({ ...params, org: id ?? undefined, page: 1 })}
          holdsMembers={false}
          aria-label={t('remediation.org')}
          style={{ width: 280, maxWidth: '100%' }}
        />
        <Segmented<RemediationState>
          value={params.state}
          onChange={(value) => onChange({ ...params, state: value, page: 1 })}
          options={STATES.map((value) => ({
            value,
            label: t(`remediation.states.${value || 'all'}`),
          }))}
        />
        <Segmented<RemediationSource>
          value={params.source}
          onChange={(value) => onChange({ ...params, source: value, page: 1 })}
          options={SOURCES.map((value) => ({
            value,
            label: t(`remediation.sources.${value || 'all'}`),
          }))}
        />
      </Flex>
      {!params.org ? (
        <EmptyState description={t('remediation.pickOrg')} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<RemediationItem>
          rowKey={(row) => `${row.source}:${row.id}`}
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          rowClassName={(row) => (row.overdue ? 'row-overdue' : '')}
          data-testid="remediation-table"
          pagination={{
            current: params.page,
            pageSize: REMEDIATION_PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => onChange({ ...params, page }),
          }}
          columns={[
            {
              title: t('remediation.columns.source'),
              key: 'source',
              render: (_, row) => (
                <Tag color={row.source === 'inspection' ? 'purple' : 'blue'}>
                  {t(`remediation.sources.${row.source}`)}
                </Tag>
              ),
            },
            {
              title: t('remediation.columns.subject'),
              key: 'subject',
              render: (_, row) => <Link to={linkOf(row)}>{row.subject_name}</Link>,
            },
            {
              title: t('remediation.columns.kind'),
              key: 'kind',
              render: (_, row) => t(`remediation.kinds.${row.kind}`),
            },
            { title: t('remediation.columns.description'), dataIndex: 'description' },
            { title: t('remediation.columns.action'), dataIndex: 'action' },
            { title: t('remediation.columns.owner'), dataIndex: 'owner' },
            {
              title: t('remediation.columns.due_on'),
              key: 'due_on',
              render: (_, row) => formatDate(row.due_on),
            },
            {
              title: t('remediation.columns.state'),
              key: 'state',
              render: (_, row) =>
                row.state === 'closed' ? (
                  <>
                    <Tag color="green">{t('remediation.states.closed')}</Tag>
                    <Typography.Text type="secondary">
                      {formatDate(row.closed_on)} · {row.evidence}
                    </Typography.Text>
                  </>
                ) : row.overdue ? (
                  <Tag color="red">{t('remediation.states.overdue')}</Tag>
                ) : (
                  <Tag>{t('remediation.states.open')}</Tag>
                ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
