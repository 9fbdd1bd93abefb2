// The reconciliation of dues for a month as a committee office reads it, one level at a time: the
// organization chosen with its whole subtree's figures on top (collected, received from below,
// kept at every level, sent up), then one row per direct child with that child's subtree, rows
// with cells not closed yet highlighted; a click on a child shows its own children (the URL
// carries the organization), the breadcrumb goes back up to where the user's reach starts. The
// shares kept (rules with their sources) are listed once.
import {
  Alert,
  Breadcrumb,
  Descriptions,
  Flex,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MonthInput } from '@/components/month-input';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { useReconciliation } from '../api/dues';
import { formatMoney, formatMonth, type DuesParams } from '../lib/dues';
import { formatBasisPoints } from '../lib/rates';
import { reconciliationRows, type ReconciliationRow } from '../lib/reconciliation';

export function ReconciliationView({
  params,
  onChange,
}: {
  params: DuesParams;
  onChange: (params: DuesParams) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (value: number) => formatMoney(value, lang);
  const data = useReconciliation(params.org, params.month);
  const reply = data.data;
  const rows = reply ? reconciliationRows(reply) : [];
  const ruleOf = (key: string | null) => reply?.rules.find((rule) => rule.key === key);

  /** A link to this page at another organization (a plain click stays in the app). */
  const drill = (org: { id: number; name: string }, testId?: string) => (
    <a
      href={paths.duesReconciliation({ org: org.id, month: params.month })}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        onChange({ ...params, org: org.id });
      }}
      data-testid={testId}
    >
      {org.name}
    </a>
  );

  const columns: TableColumnsType<ReconciliationRow> = [
    {
      key: 'org',
      title: t('dues.columns.org'),
      fixed: 'left',
      width: 190,
      render: (_, row) => (
        <Space size={4} wrap>
          {row.total ? (
            <Typography.Text strong>
              {t('dues.reconciliation.total', { name: row.line.org.name })}
            </Typography.Text>
          ) : (
            drill(row.line.org, 'reconciliation-drill')
          )}
          {row.line.holds_members && (
            <Link
              to={paths.dues({ org: row.line.org.id, month: params.month })}
              data-testid="reconciliation-book"
            >
              {t('dues.reconciliation.book')}
            </Link>
          )}
        </Space>
      ),
    },
    {
      key: 'collected',
      title: t('dues.totals.collected'),
      align: 'right',
      width: 130,
      render: (_, row) => (
        <span data-testid="reconciliation-collected">{money(row.line.collected)}</span>
      ),
    },
    {
      key: 'received',
      title: t('dues.totals.receivedFromBelow'),
      align: 'right',
      width: 140,
      render: (_, row) => money(row.line.received_from_below),
    },
    {
      key: 'kept',
      title: t('dues.totals.kept'),
      align: 'right',
      width: 170,
      render: (_, row) => {
        const rule = ruleOf(row.line.rule_key);
        return (
          <Tooltip
            title={t('dues.reconciliation.ownKept', {
              amount: money(row.line.own_kept),
              share: formatBasisPoints(row.line.keep_bp, lang),
            })}
          >
            <span data-testid="reconciliation-kept">{money(row.line.kept)}</span>{' '}
            <Typography.Text type="secondary">
              ({formatBasisPoints(rule?.value ?? row.line.keep_bp, lang)})
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    {
      key: 'sent',
      title: t('dues.totals.sentUp'),
      align: 'right',
      width: 130,
      render: (_, row) => <span data-testid="reconciliation-sent">{money(row.line.sent_up)}</span>,
    },
    {
      key: 'open',
      title: t('dues.reconciliation.openColumn'),
      align: 'right',
      width: 130,
      render: (_, row) =>
        row.line.open_cells > 0 ? (
          <Tag color="orange" data-testid="reconciliation-open">
            {t('dues.reconciliation.openOf', {
              open: row.line.open_cells,
              cells: row.line.cells,
            })}
          </Tag>
        ) : row.line.cells > 0 ? (
          <Tag color="green">{t('dues.reconciliation.closed')}</Tag>
        ) : null,
    },
  ];

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="dues-reconciliation"
    >
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dues.reconciliation.title', { month: formatMonth(params.month) })}
        </Typography.Title>
        <Space wrap>
          <OrgPicker
            value={params.org}
            onChange={(next) => onChange({ ...params, org: next ?? undefined })}
            style={{ width: 'min(360px, calc(100vw - 112px))' }}
            aria-label={t('dues.org')}
            placeholder={t('dues.chooseOrg')}
          />
          <MonthInput
            value={params.month}
            onChange={(month) => month && onChange({ ...params, month })}
            aria-label={t('dues.month')}
          />
        </Space>
      </Flex>
      {reply && (
        <Breadcrumb
          data-testid="reconciliation-path"
          items={reply.path.map((item, index) => ({
            title: index === reply.path.length - 1 ? item.name : drill(item, 'reconciliation-up'),
          }))}
        />
      )}
      {!params.org ? (
        <EmptyState description={t('dues.chooseOrg')} />
      ) : data.isPending ? (
        <LoadingState rows={6} />
      ) : data.isError ? (
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      ) : reply ? (
        <>
          {reply.line.open_cells > 0 && (
            <Alert
              type="info"
              showIcon
              message={t('dues.reconciliation.openCells', { count: reply.line.open_cells })}
            />
          )}
          <Table<ReconciliationRow>
            size="small"
            rowKey={(row) => (row.total ? 'total' : row.line.org.id)}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 890 }}
            rowClassName={(row) =>
              [
                row.total ? 'reconciliation-total' : '',
                row.line.open_cells > 0 ? 'reconciliation-lagging' : '',
              ].join(' ')
            }
            onRow={(row) =>
              ({
                'data-testid': row.total ? 'reconciliation-total' : 'reconciliation-child',
                'data-org': row.line.org.id,
              }) as never
            }
            data-testid="reconciliation-table"
          />
          {reply.rules.length > 0 && (
            <Descriptions
              size="small"
              column={1}
              title={t('dues.reconciliation.rules')}
              data-testid="reconciliation-rules"
            >
              {reply.rules.map((rule) => (
                <Descriptions.Item key={rule.key} label={formatBasisPoints(rule.value, lang)}>
                  <Typography.Text type="secondary">
                    {rule.key} — {rule.source}
                  </Typography.Text>
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
          {reply.children.length === 0 && !reply.line.holds_members && (
            <EmptyState description={t('dues.reconciliation.empty')} />
          )}
        </>
      ) : null}
    </Space>
  );
}
