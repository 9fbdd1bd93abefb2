// The transfers of an organization's subtree that are still open: official ones out of the
// committee waiting for the receiving side (in transit), and temporary ones (the member away,
// or a guest hosted). Overdue ones are flagged with their deadline and, for a transfer in
// transit, the rule it comes from and its source; the actions are those the user may take.
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Flex,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { useRules } from '@/lib/catalogs';
import { formatDate, formatNumber } from '@/lib/format';
import { useToday } from '@/lib/today';
import { orgQuery } from '@/lib/org-queries';
import { useMe } from '@/lib/session';
import type { Transfer } from '@/types';
import { useTransfers } from '../api/transfers';
import {
  mayBeCut,
  transferActions,
  transferDeadline,
  transferEnds,
  transferViews,
  type TransferAction,
  type TransferFilters,
} from '../lib/transfers';
import { TransferActionModal } from './transfer-action-modal';

export function TransferList({
  filters,
  onChange,
}: {
  filters: TransferFilters;
  onChange: (filters: TransferFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const rules = useRules().data;
  const org = useQuery({ ...orgQuery(filters.org ?? 0), enabled: !!filters.org });
  const transfers = useTransfers(filters);
  const [acting, setActing] = useState<{ transfer: Transfer; action: TransferAction } | null>(null);
  const today = useToday();
  const set = (patch: Partial<TransferFilters>) => onChange({ ...filters, ...patch });
  const items = transfers.data ?? [];
  const overdue = items.filter((item) => item.overdue).length;

  const columns: TableColumnsType<Transfer> = [
    {
      key: 'member',
      title: t('transfers.columns.member'),
      render: (_, item) =>
        item.member_id ? (
          <Link to={paths.member(item.member_id)} data-testid="transfer-member">
            {item.member_name}
          </Link>
        ) : (
          <span data-testid="transfer-member">{item.member_name}</span>
        ),
    },
    {
      key: 'kind',
      title: t('transfers.columns.kind'),
      render: (_, item) => (
        <Space orientation="vertical" size={2}>
          <span>
            {t(`lifecycle.transfer.kinds.${item.kind}`)} ·{' '}
            {t(`lifecycle.transfer.directions.${item.direction}`)}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`lifecycle.transfer.states.${item.state}`)}
            {item.purpose ? ` · ${t(`lifecycle.transfer.purposes.${item.purpose}`)}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'route',
      title: t('transfers.columns.route'),
      render: (_, item) => {
        const ends = transferEnds(item);
        return (
          <Space orientation="vertical" size={0}>
            <span>{ends.from}</span>
            <Typography.Text type="secondary">→ {ends.to}</Typography.Text>
          </Space>
        );
      },
    },
    {
      key: 'letter',
      title: t('transfers.columns.letter'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDate(item.letter_date)}</span>
          {item.letter?.number && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[item.letter.number, item.letter.authority].filter(Boolean).join(', ')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'deadline',
      title: t('transfers.columns.deadline'),
      width: 300,
      sorter: (a, b) =>
        (transferDeadline(a, rules, today).on ?? '').localeCompare(
          transferDeadline(b, rules, today).on ?? '',
        ),
      render: (_, item) => {
        const deadline = transferDeadline(item, rules, today);
        return (
          <Space orientation="vertical" size={2} data-testid="transfer-deadline">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`transfers.deadline.${deadline.basis}`)}
            </Typography.Text>
            <Space size={4} wrap>
              <span data-testid="transfer-deadline-date">{formatDate(deadline.on)}</span>
              {item.overdue && (
                <Tag color="red" data-testid="transfer-overdue">
                  {deadline.daysLate > 0
                    ? t('transfers.lateBy', { count: deadline.daysLate })
                    : t('lifecycle.overdue')}
                </Tag>
              )}
            </Space>
            {item.overdue && deadline.rule && (
              <Typography.Text
                type="secondary"
                style={{ fontSize: 12, maxWidth: 280 }}
                ellipsis={{ tooltip: deadline.rule.source }}
                data-testid="transfer-rule"
              >
                {t('transfers.rule', { days: deadline.rule.value, source: deadline.rule.source })}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      key: 'actions',
      title: t('transfers.columns.actions'),
      render: (_, item) => (
        <Space size={4} wrap>
          {transferActions(item, me?.permissions ?? []).map((action) => (
            <Button
              key={action}
              size="small"
              danger={action === 'cancel'}
              onClick={() => setActing({ transfer: item, action })}
            >
              {t(`transfers.${action}.button.${item.kind}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="transfer-list">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {org.data ? t('transfers.titleOf', { name: org.data.name }) : t('transfers.title')}
        </Typography.Title>
        <OrgPicker
          value={filters.org}
          onChange={(next) => set({ org: next ?? undefined })}
          style={{ width: 360 }}
          aria-label={t('transfers.org')}
          placeholder={t('transfers.chooseOrg')}
        />
      </Flex>
      <Flex wrap gap={12} align="center">
        <Segmented
          data-testid="transfer-view"
          value={filters.view}
          options={transferViews.map((view) => ({
            value: view,
            label: t(`transfers.views.${view}`),
          }))}
          onChange={(view) => set({ view })}
        />
        <Select
          aria-label={t('lifecycle.transfer.kind')}
          allowClear
          placeholder={t('transfers.anyKind')}
          style={{ width: 160 }}
          value={filters.kind}
          onChange={(kind) => set({ kind })}
          options={(['official', 'temporary'] as const).map((kind) => ({
            value: kind,
            label: t(`lifecycle.transfer.kinds.${kind}`),
          }))}
        />
        <Select
          aria-label={t('transfers.direction')}
          allowClear
          placeholder={t('transfers.anyDirection')}
          style={{ width: 180 }}
          value={filters.direction}
          onChange={(direction) => set({ direction })}
          options={(['internal', 'outgoing', 'incoming'] as const).map((direction) => ({
            value: direction,
            label: t(`lifecycle.transfer.directions.${direction}`),
          }))}
        />
        <Checkbox
          checked={filters.overdue}
          onChange={(event) => set({ overdue: event.target.checked })}
          data-testid="transfer-overdue-only"
        >
          {t('transfers.overdueOnly')}
        </Checkbox>
      </Flex>
      {!filters.org ? (
        <EmptyState description={t('transfers.chooseOrg')} />
      ) : transfers.isPending ? (
        <LoadingState rows={8} />
      ) : transfers.isError ? (
        <ErrorState error={transfers.error} onRetry={() => void transfers.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="transfer-total">
            {t('transfers.total', {
              count: items.length,
              n: formatNumber(items.length, lang),
              overdue: formatNumber(overdue, lang),
            })}
          </Typography.Text>
          {mayBeCut(items.length) && (
            <Alert type="warning" showIcon title={t('transfers.capped', { n: items.length })} />
          )}
          <Table<Transfer>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={items}
            data-testid="transfer-table"
            scroll={{ x: 1100 }}
            onRow={(item) =>
              ({ 'data-overdue': item.overdue }) as React.HTMLAttributes<HTMLElement>
            }
            rowClassName={(item) => (item.overdue ? 'row-overdue' : '')}
            pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t('transfers.empty') }}
          />
        </>
      )}
      {acting && (
        <TransferActionModal
          transfer={acting.transfer}
          action={acting.action}
          onClose={() => setActing(null)}
        />
      )}
    </Space>
  );
}
