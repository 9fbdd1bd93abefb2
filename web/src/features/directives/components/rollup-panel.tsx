// A directive's roll-up at one organization: the way there from the top of the user's reach
// (each step a link), the organization's own counts and shares with its colour, and its
// subordinate organizations most lagging first, each coloured by status and opening its own
// roll-up. A button goes straight to the most lagging child, so that from the root the lagging
// cell is at most three clicks away (bloc → committee → base organization → cell).
import { AimOutlined } from '@ant-design/icons';
import {
  Breadcrumb,
  Button,
  Card,
  Flex,
  Progress,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { formatDate, formatNumber } from '@/lib/format';
import type { RollupRow } from '@/types';
import { useRollup } from '../api/directives';
import {
  formatShare,
  laggingFirst,
  nextLagging,
  percentOf,
  progressKeys,
  reached,
  rollupStatuses,
  statusColor,
  statusTagColor,
  wayTo,
  type ProgressKey,
} from '../lib/rollup';

export function StatusTag({ status }: { status: RollupRow['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusTagColor[status]} data-status={status}>
      {t(`rollup.statuses.${status}`)}
    </Tag>
  );
}

/** "5 · 62,5%": how many reached the step and their share of all assigned. */
function CountCell({ row, step }: { row: RollupRow; step: ProgressKey }) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const value = reached(row.counts)[step];
  const share = step === 'assigned' ? undefined : percentOf(value, row.counts.total);
  return (
    <span data-step={step} className={step === 'overdue' && value > 0 ? 'count-overdue' : ''}>
      {formatNumber(value, lang)}
      {share !== undefined && row.counts.total > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          · {formatShare(share, lang)}
        </Typography.Text>
      )}
    </span>
  );
}

function OrgSummary({ row }: { row: RollupRow }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const steps = reached(row.counts);
  return (
    <Flex wrap gap={16} data-testid="rollup-summary" data-status={row.status}>
      {progressKeys.map((step) => (
        <div key={step} style={{ minWidth: 120 }} data-step={step}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`rollup.counts.${step}`)}
          </Typography.Text>
          <div style={{ fontSize: 20, fontWeight: 600 }} data-testid={`rollup-${step}`}>
            {formatNumber(steps[step], lang)}
          </div>
          {step !== 'assigned' && (
            <Progress
              percent={percentOf(steps[step], row.counts.total)}
              size="small"
              showInfo={false}
              strokeColor={step === 'overdue' ? statusColor.overdue : statusColor.on_track}
              aria-label={`${t(`rollup.counts.${step}`)}: ${formatShare(
                percentOf(steps[step], row.counts.total),
                lang,
              )}`}
            />
          )}
        </div>
      ))}
      {row.counts.members > 0 && (
        <div style={{ alignSelf: 'center' }}>
          <Typography.Text type="secondary" data-testid="rollup-studied">
            {t('rollup.studied', {
              n: formatNumber(row.counts.studied, lang),
              members: formatNumber(row.counts.members, lang),
              share: formatShare(row.percents.studied, lang),
            })}
          </Typography.Text>
        </div>
      )}
    </Flex>
  );
}

export function RollupPanel({
  directive,
  org,
  rollupPath,
}: {
  directive: number;
  /** The organization shown; none: the top of the user's reach. */
  org: number | undefined;
  /** The address of this page at another organization. */
  rollupPath: (org: number) => string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rollup = useRollup(directive, org);
  if (rollup.isPending) return <LoadingState rows={6} />;
  if (rollup.isError) {
    return <ErrorState error={rollup.error} onRetry={() => void rollup.refetch()} compact />;
  }
  const data = rollup.data;
  const children = laggingFirst(data.children);
  const worst = nextLagging(children);

  const columns: TableColumnsType<RollupRow> = [
    {
      key: 'org',
      title: t('rollup.org'),
      render: (_, row) => (
        <Space size={8}>
          <span
            className="status-dot"
            style={{ background: statusColor[row.status] }}
            aria-hidden
          />
          {row.has_children || row.counts.total > 0 ? (
            <Link to={rollupPath(row.org.id)} data-testid="rollup-child-link">
              {row.org.name}
            </Link>
          ) : (
            row.org.name
          )}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('rollup.status'),
      width: 130,
      render: (_, row) => <StatusTag status={row.status} />,
    },
    ...progressKeys.map((step) => ({
      key: step,
      title: t(`rollup.counts.${step}`),
      width: 130,
      render: (_: unknown, row: RollupRow) => <CountCell row={row} step={step} />,
    })),
  ];

  return (
    <Card
      size="small"
      title={t('rollup.title')}
      data-testid="rollup-panel"
      data-org={data.org.org.id}
      data-fetching={rollup.isFetching ? 'true' : 'false'}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('rollup.asOf', { date: formatDate(data.as_of) })}
        </Typography.Text>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Breadcrumb
          data-testid="rollup-path"
          items={wayTo(data).map((step, index, all) => ({
            key: step.id,
            title:
              index < all.length - 1 ? (
                <Link to={rollupPath(step.id)}>{step.name}</Link>
              ) : (
                <Typography.Text strong>{step.name}</Typography.Text>
              ),
          }))}
        />
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space>
            <Typography.Text strong data-testid="rollup-org">
              {data.org.org.name}
            </Typography.Text>
            <StatusTag status={data.org.status} />
          </Space>
          {worst && (
            <Button
              size="small"
              icon={<AimOutlined />}
              onClick={() => navigate(rollupPath(worst.org.id))}
              data-testid="rollup-worst"
            >
              {t('rollup.worst', { name: worst.org.name })}
            </Button>
          )}
        </Flex>
        <OrgSummary row={data.org} />
        <Flex wrap gap={8} align="center" aria-label={t('rollup.legend')}>
          {rollupStatuses.map((status) => (
            <Tooltip key={status} title={t(`rollup.statuses.${status}`)}>
              <Space size={4}>
                <span
                  className="status-dot"
                  style={{ background: statusColor[status] }}
                  aria-hidden
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`rollup.statuses.${status}`)}
                </Typography.Text>
              </Space>
            </Tooltip>
          ))}
        </Flex>
        <Typography.Text type="secondary">{t('rollup.children')}</Typography.Text>
        <Table<RollupRow>
          size="small"
          rowKey={(row) => row.org.id}
          columns={columns}
          dataSource={children}
          pagination={children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          data-testid="rollup-children"
          rowClassName={(row) => `rollup-row-${row.status}`}
          locale={{ emptyText: t('rollup.noChildren') }}
          onRow={(row) => ({ 'data-org': row.org.id, 'data-status': row.status }) as never}
        />
      </Space>
    </Card>
  );
}
