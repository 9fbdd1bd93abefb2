// Members of a subtree who in a year did not pay dues for the number of months the rule says
// (dues.unpaid_months_for_removal): the unpaid months, the amount owed, the rule and its source.
// The removal page shows it as part of its evidence; a member's name opens their dues card, and
// the exit procedure is on the member's page.
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import type { DuesArrearsItem } from '@/types';
import { useArrears } from '../api/dues';
import { formatMoney, formatMonth } from '../lib/dues';

export function ArrearsTable({ org, year }: { org: number | undefined; year: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const arrears = useArrears(org, year);

  const columns: TableColumnsType<DuesArrearsItem> = [
    {
      key: 'member',
      title: t('dues.columns.member'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Link to={paths.member(item.member_id)} data-testid="arrears-member">
            {item.full_name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.org.name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'months',
      title: t('dues.columns.unpaidMonths'),
      render: (_, item) => (
        <Space size={[4, 4]} wrap>
          {item.unpaid_months.map((month) => (
            <Tag key={month} color="red">
              {formatMonth(month)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'arrears',
      title: t('dues.columns.arrears'),
      align: 'right',
      width: 130,
      render: (_, item) => formatMoney(item.arrears, lang),
    },
    {
      key: 'rule',
      title: t('dues.columns.rule'),
      width: 220,
      render: (_, item) => (
        <Tooltip title={item.rule.source}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dues.arrears.rule', { count: item.rule.value })}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'actions',
      title: '',
      width: 170,
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Link to={paths.memberDues(item.member_id)}>{t('dues.arrears.card')}</Link>
          <Link to={paths.member(item.member_id)} data-testid="arrears-exit">
            {t('removal.exitProcedure')}
          </Link>
        </Space>
      ),
    },
  ];

  if (!org) return <EmptyState description={t('dues.chooseOrg')} />;
  if (arrears.isPending) return <LoadingState rows={6} />;
  if (arrears.isError)
    return <ErrorState error={arrears.error} onRetry={() => void arrears.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary" data-testid="arrears-through">
        {t('dues.arrears.through', {
          month: formatMonth(arrears.data.through_month),
          count: arrears.data.items.length,
        })}
      </Typography.Text>
      <Table<DuesArrearsItem>
        size="small"
        rowKey="member_id"
        columns={columns}
        dataSource={arrears.data.items}
        pagination={arrears.data.items.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 860 }}
        data-testid="arrears-table"
        locale={{ emptyText: <EmptyState description={t('dues.arrears.empty')} /> }}
      />
    </Space>
  );
}
