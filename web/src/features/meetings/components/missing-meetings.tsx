// The base committee's view: the cells of its subtree that have not held (or not recorded) a
// month's regular meeting, or a quarter's thematic one; each with its parent, whether a meeting
// is scheduled, and the last one held.
import { Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { MonthInput } from '@/components/month-input';
import { formatMonth } from '@/lib/months';
import { formatDate, formatNumber } from '@/lib/format';
import type { MissingMeetings } from '@/types';
import { missingPageSize, useMissingMeetings } from '../api/meetings';

export interface MissingParams {
  org?: number;
  month: string;
  kind: 'regular' | 'thematic';
  page: number;
}

type Row = MissingMeetings['items'][number];

export function MissingMeetingsView({
  params,
  onChange,
}: {
  params: MissingParams;
  onChange: (params: MissingParams) => void;
}) {
  const { t, i18n } = useTranslation();
  const data = useMissingMeetings(
    params.org,
    params.month,
    params.kind,
    (params.page - 1) * missingPageSize,
  );
  const year = Number(params.month.slice(0, 4));
  const columns: TableColumnsType<Row> = [
    {
      key: 'org',
      title: t('dues.columns.org'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={paths.meetings({ org: row.org.id, year })} data-testid="missing-org">
            {row.org.name}
          </Link>
          {row.parent && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.parent.name}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'state',
      title: t('meetings.missing.state'),
      width: 200,
      render: (_, row) =>
        row.state === 'scheduled' && row.meeting_id ? (
          <Link to={paths.meeting(row.meeting_id)}>
            <Tag color="orange">{t('meetings.missing.scheduled')}</Tag>
          </Link>
        ) : (
          <Tag color="red">{t('meetings.missing.none')}</Tag>
        ),
    },
    {
      key: 'last',
      title: t('meetings.missing.lastHeld'),
      width: 160,
      render: (_, row) => (row.last_held_on ? formatDate(row.last_held_on) : '—'),
    },
  ];

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="missing-meetings"
    >
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('meetings.missing.title', { month: formatMonth(params.month) })}
        </Typography.Title>
        <Space wrap>
          <OrgPicker
            value={params.org}
            onChange={(org) => onChange({ ...params, org: org ?? undefined, page: 1 })}
            style={{ width: 360, maxWidth: '100%' }}
            aria-label={t('dues.org')}
            placeholder={t('dues.chooseOrg')}
          />
          <MonthInput
            value={params.month}
            onChange={(month) => month && onChange({ ...params, month, page: 1 })}
            aria-label={t('dues.month')}
          />
          <Segmented<'regular' | 'thematic'>
            value={params.kind}
            onChange={(kind) => onChange({ ...params, kind, page: 1 })}
            options={[
              { value: 'regular', label: t('meetings.kinds.regular') },
              { value: 'thematic', label: t('meetings.kinds.thematic') },
            ]}
          />
        </Space>
      </Flex>
      {!params.org ? (
        <EmptyState description={t('dues.chooseOrg')} />
      ) : data.isPending ? (
        <LoadingState rows={6} />
      ) : data.isError ? (
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="missing-total">
            {t('meetings.missing.total', {
              n: formatNumber(data.data.total, i18n.language),
              from: formatDate(data.data.period_from),
              to: formatDate(data.data.period_to),
            })}
          </Typography.Text>
          <Table<Row>
            size="small"
            rowKey={(row) => row.org.id}
            columns={columns}
            dataSource={data.data.items}
            scroll={{ x: 640 }}
            locale={{ emptyText: <EmptyState description={t('meetings.missing.empty')} /> }}
            pagination={{
              current: params.page,
              pageSize: missingPageSize,
              total: data.data.total,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: (page) => onChange({ ...params, page }),
            }}
          />
        </>
      )}
    </Space>
  );
}
