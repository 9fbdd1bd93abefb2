// The reconciliation of dues at every level for a month: at the organization chosen, what was
// collected by its own cells, received from below, kept (its share, a rule) and sent up; then
// each child organization with the same figures, a click drilling down into it.
import { useQuery } from '@tanstack/react-query';
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
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { orgQuery } from '@/lib/org-queries';
import type { DuesReconciliationLine } from '@/types';
import { useReconciliation } from '../api/dues';
import { formatMoney, formatMonth, type DuesParams } from '../lib/dues';
import { formatBasisPoints } from '../lib/rates';
import { reconciliationView } from '../lib/reconciliation';
import { MonthInput } from '@/components/month-input';

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
  const org = useQuery({ ...orgQuery(params.org ?? 0), enabled: !!params.org });
  const data = useReconciliation(params.org, params.month);
  const view = data.data ? reconciliationView(data.data.lines, data.data.org.id) : undefined;

  const columns: TableColumnsType<DuesReconciliationLine> = [
    {
      key: 'org',
      title: t('dues.columns.org'),
      render: (_, line) =>
        line.holds_members ? (
          <Space size={4} wrap>
            <Link to={paths.dues({ org: line.org.id, month: params.month })}>{line.org.name}</Link>
            {line.closed ? (
              <Tag color="green">{t('dues.reconciliation.closed')}</Tag>
            ) : (
              <Tag color="orange">{t('dues.reconciliation.open')}</Tag>
            )}
          </Space>
        ) : (
          <a
            href={paths.duesReconciliation({ org: line.org.id, month: params.month })}
            onClick={(event) => {
              event.preventDefault();
              onChange({ ...params, org: line.org.id });
            }}
            data-testid="reconciliation-drill"
          >
            {line.org.name}
          </a>
        ),
    },
    {
      key: 'collected',
      title: t('dues.totals.collected'),
      align: 'right',
      width: 140,
      render: (_, l) => money(l.collected),
    },
    {
      key: 'received',
      title: t('dues.totals.receivedFromBelow'),
      align: 'right',
      width: 150,
      render: (_, l) => money(l.received_from_below),
    },
    {
      key: 'kept',
      title: t('dues.totals.kept'),
      align: 'right',
      width: 170,
      render: (_, l) => (
        <Tooltip title={l.rule ? `${l.rule.key} — ${l.rule.source}` : undefined}>
          <span>
            {money(l.kept)}{' '}
            <Typography.Text type="secondary">
              ({formatBasisPoints(l.keep_bp, lang)})
            </Typography.Text>
          </span>
        </Tooltip>
      ),
    },
    {
      key: 'sent',
      title: t('dues.totals.sentUp'),
      align: 'right',
      width: 140,
      render: (_, l) => money(l.sent_up),
    },
  ];

  const ancestors = org.data?.ancestors ?? [];
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
            style={{ width: 360, maxWidth: '100%' }}
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
      {org.data && (
        <Breadcrumb
          items={[...ancestors, org.data].map((item) => ({
            title: (
              <a
                href={paths.duesReconciliation({ org: item.id, month: params.month })}
                onClick={(event) => {
                  event.preventDefault();
                  onChange({ ...params, org: item.id });
                }}
              >
                {item.name}
              </a>
            ),
          }))}
        />
      )}
      {!params.org ? (
        <EmptyState description={t('dues.chooseOrg')} />
      ) : data.isPending ? (
        <LoadingState rows={6} />
      ) : data.isError ? (
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      ) : view?.top ? (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            data-testid="reconciliation-top"
          >
            <Descriptions.Item label={t('dues.totals.collected')}>
              {money(view.top.collected)}
            </Descriptions.Item>
            <Descriptions.Item label={t('dues.totals.receivedFromBelow')}>
              {money(view.top.received_from_below)}
            </Descriptions.Item>
            <Descriptions.Item label={t('dues.totals.kept')}>
              {money(view.top.kept)} ({formatBasisPoints(view.top.keep_bp, lang)})
            </Descriptions.Item>
            <Descriptions.Item label={t('dues.totals.sentUp')}>
              {money(view.top.sent_up)}
            </Descriptions.Item>
          </Descriptions>
          {view.children.length > 0 && view.childrenSentUp !== view.top.received_from_below && (
            <Alert
              type="warning"
              showIcon
              message={t('dues.reconciliation.mismatch', { sum: money(view.childrenSentUp) })}
            />
          )}
          {(data.data?.open_cells ?? 0) > 0 && (
            <Alert
              type="info"
              showIcon
              message={t('dues.reconciliation.openCells', { count: data.data?.open_cells ?? 0 })}
            />
          )}
          {view.children.length > 0 && (
            <Table<DuesReconciliationLine>
              size="small"
              rowKey={(line) => line.org.id}
              columns={columns}
              dataSource={view.children}
              pagination={view.children.length > 50 ? { pageSize: 50 } : false}
              scroll={{ x: 800 }}
            />
          )}
        </>
      ) : (
        <EmptyState description={t('dues.reconciliation.empty')} />
      )}
    </Space>
  );
}
