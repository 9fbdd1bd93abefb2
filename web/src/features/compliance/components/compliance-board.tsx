// The compliance board of one organization (issue 16): a card per area with its count of
// out-of-rule items in the subtree, the direct children with their counts (a child's name drills
// down to its own board), and the items most overdue first, each linking to its page.
import { Card, Col, Flex, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { daysBetween } from '@/lib/dates';
import { formatDate, formatNumber } from '@/lib/format';
import type { ComplianceBoard, ComplianceItem } from '@/types';
import { useComplianceBoard, useComplianceItems } from '../api/compliance';

export interface ComplianceParams {
  org?: number;
  area: string; // '' for every area
  page: number;
}

type ChildRow = ComplianceBoard['children'][number];
type LaggingRow = ComplianceBoard['lagging'][number];

const severityColor: Record<ComplianceItem['severity'], string> = {
  warning: 'gold',
  serious: 'orange',
  critical: 'red',
};

export function ComplianceBoardView({
  params,
  onChange,
}: {
  params: ComplianceParams;
  onChange: (params: ComplianceParams) => void;
}) {
  const { t, i18n } = useTranslation();
  const board = useComplianceBoard(params.org);
  const items = useComplianceItems(params.org, params.area, params.page);
  const n = (value: number) => formatNumber(value, i18n.language);
  const areaName = (area: string) => t(`compliance.areas.${area}`, { defaultValue: area });

  const childColumns: TableColumnsType<ChildRow> = [
    {
      key: 'org',
      title: t('compliance.columns.org'),
      render: (_, row) => (
        <Link
          to={paths.compliance({ org: row.org.id })}
          data-testid="compliance-child"
          onClick={(event) => {
            event.preventDefault();
            onChange({ org: row.org.id, area: params.area, page: 1 });
          }}
        >
          {row.org.name}
        </Link>
      ),
    },
    ...(board.data?.areas ?? []).map((area) => ({
      key: area.area,
      title: areaName(area.area),
      width: 120,
      align: 'right' as const,
      render: (_: unknown, row: ChildRow) => {
        const count = row.areas[area.area] ?? 0;
        return count ? <Typography.Text strong>{n(count)}</Typography.Text> : '—';
      },
    })),
    {
      key: 'total',
      title: t('compliance.columns.total'),
      width: 100,
      align: 'right',
      render: (_, row) => (
        <Typography.Text strong={row.total > 0} data-testid="compliance-child-total">
          {n(row.total)}
        </Typography.Text>
      ),
    },
  ];

  // Overdue items say by how long; warnings not yet due (a limitation ending next month) say how
  // long is left; a structure warning has no due date (its due is the day of the board).
  const daysLabel = (item: ComplianceItem) => {
    if (item.days_overdue > 0) return t('compliance.daysOverdue', { n: n(item.days_overdue) });
    const left = items.data ? daysBetween(items.data.as_of, item.due_on) : 0;
    if (left > 0) return t('compliance.daysLeft', { n: n(left) });
    return item.area === 'structure' ? t('compliance.toReview') : t('compliance.dueToday');
  };

  const itemColumns: TableColumnsType<ComplianceItem> = [
    {
      key: 'subject',
      title: t('compliance.columns.subject'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Link to={item.link} data-testid="compliance-item-link">
            {item.subject.label}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`compliance.kinds.${item.kind}`, { defaultValue: item.kind })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'org',
      title: t('compliance.columns.org'),
      render: (_, item) => item.org.name,
    },
    {
      key: 'due',
      title: t('compliance.columns.due'),
      width: 120,
      render: (_, item) => formatDate(item.due_on),
    },
    {
      key: 'days',
      title: t('compliance.columns.days'),
      width: 150,
      render: (_, item) => <Tag color={severityColor[item.severity]}>{daysLabel(item)}</Tag>,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="compliance">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="compliance-title">
          {board.data
            ? t('compliance.titleOf', { org: board.data.org.name })
            : t('compliance.title')}
        </Typography.Title>
        <Space wrap>
          {board.data && <Link to={paths.org(board.data.org.id)}>{t('compliance.orgPage')}</Link>}
          <OrgPicker
            value={params.org}
            onChange={(org) => onChange({ org: org ?? undefined, area: '', page: 1 })}
            style={{ width: 360, maxWidth: '100%' }}
            aria-label={t('compliance.org')}
            placeholder={t('compliance.chooseOrg')}
          />
        </Space>
      </Flex>
      {!params.org ? (
        <EmptyState description={t('compliance.chooseOrg')} />
      ) : board.isPending ? (
        <LoadingState rows={6} />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="compliance-total">
            {t('compliance.total', { n: n(board.data.total), date: formatDate(board.data.as_of) })}
          </Typography.Text>
          <Row gutter={[12, 12]}>
            {board.data.areas.map((area) => (
              <Col key={area.area} xs={12} md={8} xl={4}>
                <Card
                  size="small"
                  hoverable
                  data-testid={`compliance-area-${area.area}`}
                  onClick={() =>
                    onChange({
                      ...params,
                      area: params.area === area.area ? '' : area.area,
                      page: 1,
                    })
                  }
                  style={params.area === area.area ? { borderColor: '#cf1322' } : undefined}
                >
                  <Statistic
                    title={areaName(area.area)}
                    value={area.count}
                    formatter={(value) => n(Number(value))}
                    valueStyle={area.count ? { color: '#cf1322' } : undefined}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          {board.data.lagging.length > 0 && board.data.children.length > 0 && (
            <>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('compliance.lagging')}
              </Typography.Title>
              <Table<LaggingRow>
                size="small"
                rowKey={(row) => row.org.id}
                dataSource={board.data.lagging}
                pagination={false}
                scroll={{ x: 480 }}
                data-testid="compliance-lagging"
                columns={[
                  {
                    key: 'org',
                    title: t('compliance.columns.org'),
                    render: (_, row) => (
                      <Link
                        to={paths.compliance({ org: row.org.id })}
                        data-testid="compliance-lagging-org"
                        onClick={(event) => {
                          event.preventDefault();
                          onChange({ org: row.org.id, area: params.area, page: 1 });
                        }}
                      >
                        {row.org.name}
                      </Link>
                    ),
                  },
                  {
                    key: 'total',
                    title: t('compliance.columns.total'),
                    width: 100,
                    align: 'right',
                    render: (_, row) => <Typography.Text strong>{n(row.total)}</Typography.Text>,
                  },
                ]}
              />
            </>
          )}
          {board.data.children.length > 0 && (
            <>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('compliance.children')}
              </Typography.Title>
              <Table<ChildRow>
                size="small"
                rowKey={(row) => row.org.id}
                columns={childColumns}
                dataSource={[...board.data.children].sort((a, b) => b.total - a.total)}
                scroll={{ x: 640 }}
                pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                data-testid="compliance-children"
              />
            </>
          )}
          <Typography.Title level={4} style={{ margin: 0 }}>
            {params.area
              ? t('compliance.itemsOf', { area: areaName(params.area) })
              : t('compliance.items')}
          </Typography.Title>
          {items.isPending ? (
            <LoadingState rows={6} />
          ) : items.isError ? (
            <ErrorState error={items.error} onRetry={() => void items.refetch()} />
          ) : (
            <Table<ComplianceItem>
              size="small"
              rowKey={(item) => `${item.kind}:${item.subject.id}:${item.org.id}`}
              columns={itemColumns}
              dataSource={items.data.items}
              scroll={{ x: 720 }}
              data-testid="compliance-items"
              locale={{ emptyText: <EmptyState description={t('compliance.empty')} /> }}
              pagination={{
                current: params.page,
                pageSize: items.data.page_size,
                total: items.data.total,
                showSizeChanger: false,
                hideOnSinglePage: true,
                onChange: (page) => onChange({ ...params, page }),
              }}
            />
          )}
        </>
      )}
    </Space>
  );
}
