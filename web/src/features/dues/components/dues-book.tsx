// A cell's dues book for a month: every member on the roll with the basis, the rate, what is
// due, what was paid for the month and received in it, the arrears; the totals; recording a
// payment from a member's row; closing the month once it has ended (kept and sent up, then
// locked: later corrections are adjustments, recorded from the closed month's book).
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Flex,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { orgQuery } from '@/lib/org-queries';
import { useToday } from '@/lib/today';
import type { DuesBookLine } from '@/types';
import { useCloseMonth, useDuesBook } from '../api/dues';
import { formatMoney, formatMonth, monthEnded, type DuesParams } from '../lib/dues';
import { formatBasisPoints, rateRule } from '../lib/rates';
import { DuesStatusTag } from './dues-status';
import { MonthInput } from '@/components/month-input';
import { AdjustmentModal } from './adjustment-modal';
import { PaymentModal } from './payment-modal';

export function DuesBookView({
  params,
  onChange,
}: {
  params: DuesParams;
  onChange: (params: DuesParams) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { modal, message } = App.useApp();
  const today = useToday();
  const org = useQuery({ ...orgQuery(params.org ?? 0), enabled: !!params.org });
  const book = useDuesBook(params.org, params.month);
  const close = useCloseMonth(params.org ?? 0);
  const [paying, setPaying] = useState<DuesBookLine | undefined>();
  const [adjusting, setAdjusting] = useState(false);
  const money = (value: number) => formatMoney(value, lang);
  const data = book.data;
  const closed = !!data?.closing;
  const mayWrite = !!data?.may_write;

  function confirmClose() {
    if (!data) return;
    modal.confirm({
      title: t('dues.book.closeTitle', { month: formatMonth(data.month) }),
      content: t('dues.book.closeText', {
        collected: money(data.totals.collected),
        due: money(data.totals.due),
      }),
      okText: t('dues.book.close'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'dues-close-confirm' } as never,
      onOk: async () => {
        await close.mutateAsync(data.month);
        message.success(t('dues.book.closed', { month: formatMonth(data.month) }));
      },
    });
  }

  const columns: TableColumnsType<DuesBookLine> = [
    {
      key: 'index',
      title: t('dues.columns.index'),
      width: 56,
      align: 'right',
      render: (_, __, index) => index + 1,
    },
    {
      key: 'name',
      title: t('dues.columns.member'),
      render: (_, line) => (
        <Link to={paths.memberDues(line.member_id)} data-testid="dues-member">
          {line.full_name}
        </Link>
      ),
    },
    {
      key: 'category',
      title: t('dues.columns.category'),
      width: 170,
      render: (_, line) =>
        line.due.category ? t(`dues.categories.${line.due.category}`, line.due.category) : '—',
    },
    {
      key: 'base',
      title: t('dues.columns.base'),
      width: 130,
      align: 'right',
      render: (_, line) => (line.due.base ? money(line.due.base) : '—'),
    },
    {
      key: 'rate',
      title: t('dues.columns.rate'),
      width: 110,
      align: 'right',
      render: (_, line) => {
        const rule = rateRule(line.due);
        const text = rule
          ? formatBasisPoints(rule.value, lang)
          : line.due.category
            ? t('dues.fixed')
            : '—';
        return (
          <Tooltip title={rule?.source}>
            <span>
              {text}
              {line.due.reduction_percent > 0 && (
                <Tag color="blue" style={{ marginLeft: 4 }}>
                  −{line.due.reduction_percent} %
                </Tag>
              )}
            </span>
          </Tooltip>
        );
      },
    },
    {
      key: 'due',
      title: t('dues.columns.due'),
      width: 130,
      align: 'right',
      render: (_, line) =>
        line.due.status === 'due' ? (
          money(line.due.amount)
        ) : (
          <DuesStatusTag status={line.due.status} />
        ),
    },
    {
      key: 'paid',
      title: t('dues.columns.paidForMonth'),
      width: 130,
      align: 'right',
      render: (_, line) => <span data-testid="dues-paid">{money(line.paid_for_month)}</span>,
    },
    {
      key: 'received',
      title: t('dues.columns.received'),
      width: 130,
      align: 'right',
      render: (_, line) =>
        line.extra_in_month ? (
          <Tooltip title={t('dues.extraIncluded', { extra: money(line.extra_in_month) })}>
            <span>{money(line.received_in_month)}*</span>
          </Tooltip>
        ) : (
          money(line.received_in_month)
        ),
    },
    {
      key: 'arrears',
      title: t('dues.columns.arrears'),
      width: 120,
      align: 'right',
      render: (_, line) =>
        line.arrears > 0 ? (
          <Typography.Text type="danger">{money(line.arrears)}</Typography.Text>
        ) : (
          money(0)
        ),
    },
  ];
  if (mayWrite && !closed) {
    columns.push({
      key: 'actions',
      title: '',
      width: 110,
      render: (_, line) => (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setPaying(line)}
          data-testid="dues-pay"
        >
          {t('dues.book.pay')}
        </Button>
      ),
    });
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dues-book">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {org.data
            ? t('dues.book.titleOf', { name: org.data.name, month: formatMonth(params.month) })
            : t('dues.book.title')}
        </Typography.Title>
        <Space wrap>
          <OrgPicker
            value={params.org}
            holdsMembers
            onChange={(next) => onChange({ ...params, org: next ?? undefined })}
            style={{ width: 'min(360px, calc(100vw - 112px))' }}
            aria-label={t('dues.org')}
            placeholder={t('dues.chooseCell')}
          />
          <MonthInput
            value={params.month}
            onChange={(month) => month && onChange({ ...params, month })}
            aria-label={t('dues.month')}
            data-testid="dues-month"
          />
        </Space>
      </Flex>
      <Flex wrap gap={8}>
        <Link to={paths.duesReconciliation({ org: params.org, month: params.month })}>
          {t('dues.reconciliation.link')}
        </Link>
        <span aria-hidden>·</span>
        <Link to={paths.duesArrears({ org: params.org, year: Number(params.month.slice(0, 4)) })}>
          {t('dues.arrears.link')}
        </Link>
      </Flex>
      {!params.org ? (
        <EmptyState description={t('dues.chooseCell')} />
      ) : book.isPending ? (
        <LoadingState rows={8} />
      ) : book.isError ? (
        <ErrorState error={book.error} onRetry={() => void book.refetch()} />
      ) : data ? (
        <>
          <ProblemAlert error={close.error} all />
          {data.closing ? (
            <Alert
              type="success"
              showIcon
              icon={<LockOutlined />}
              data-testid="dues-closed"
              message={t('dues.book.closedAt', {
                at: formatDateTime(data.closing.closed_at),
                by: data.closing.closed_by,
              })}
              description={
                <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
                  <Descriptions.Item label={t('dues.totals.collected')}>
                    {money(data.closing.collected)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('dues.totals.kept')}>
                    {money(data.closing.kept)} ({formatBasisPoints(data.closing.keep_bp, lang)})
                  </Descriptions.Item>
                  <Descriptions.Item label={t('dues.totals.sentUp')}>
                    {money(data.closing.sent_up)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('dues.totals.extra')}>
                    {money(data.closing.extra)}
                  </Descriptions.Item>
                </Descriptions>
              }
            />
          ) : (
            mayWrite && (
              <Flex gap={12} align="center" wrap>
                <Button
                  type="primary"
                  icon={<LockOutlined />}
                  disabled={!monthEnded(data.month, today)}
                  onClick={confirmClose}
                  data-testid="dues-close"
                >
                  {t('dues.book.close')}
                </Button>
                {!monthEnded(data.month, today) && (
                  <Typography.Text type="secondary">{t('dues.book.notEnded')}</Typography.Text>
                )}
              </Flex>
            )
          )}
          {closed && mayWrite && (
            <Flex gap={12} align="center" wrap>
              <Button
                icon={<PlusOutlined />}
                onClick={() => setAdjusting(true)}
                data-testid="dues-adjust"
              >
                {t('dues.adjustment.open')}
              </Button>
            </Flex>
          )}
          <div data-testid="dues-table" data-fetching={book.isFetching ? 'true' : 'false'}>
            <Table<DuesBookLine>
              size="small"
              rowKey="member_id"
              columns={columns}
              dataSource={data.lines}
              pagination={false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: <EmptyState description={t('dues.book.empty')} /> }}
              summary={() => (
                <Table.Summary fixed>
                  <Table.Summary.Row data-testid="dues-totals">
                    <Table.Summary.Cell index={0} colSpan={5}>
                      <strong>{t('dues.totals.label', { count: data.lines.length })}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">
                      <strong data-testid="dues-total-due">{money(data.totals.due)}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right">
                      <strong data-testid="dues-total-paid">
                        {money(data.totals.paid_for_month)}
                      </strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={7} align="right">
                      <strong data-testid="dues-total-collected">
                        {money(data.totals.collected)}
                      </strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={8} align="right">
                      <strong data-testid="dues-total-arrears">{money(data.totals.arrears)}</strong>
                    </Table.Summary.Cell>
                    {mayWrite && !closed && <Table.Summary.Cell index={9} />}
                  </Table.Summary.Row>
                </Table.Summary>
              )}
            />
          </div>
          {data.adjustments.length > 0 && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Title level={5}>{t('dues.book.adjustments')}</Typography.Title>
              <Table
                data-testid="dues-adjustments"
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={data.adjustments}
                columns={[
                  {
                    key: 'at',
                    title: t('dues.columns.at'),
                    width: 160,
                    render: (_, item) => formatDateTime(item.created_at),
                  },
                  {
                    key: 'amount',
                    title: t('dues.columns.amount'),
                    width: 130,
                    align: 'right',
                    render: (_, item) => money(item.amount),
                  },
                  { key: 'reason', title: t('dues.columns.reason'), dataIndex: 'reason' },
                  { key: 'by', title: t('dues.columns.by'), dataIndex: 'created_by', width: 160 },
                ]}
              />
            </Space>
          )}
        </>
      ) : null}
      {adjusting && params.org && (
        <AdjustmentModal
          org={params.org}
          month={params.month}
          onClose={() => setAdjusting(false)}
        />
      )}
      {paying && (
        <PaymentModal
          member={paying.member_id}
          name={paying.full_name}
          month={params.month}
          onClose={() => setPaying(undefined)}
        />
      )}
    </Space>
  );
}
