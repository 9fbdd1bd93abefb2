// "Xem xét xóa tên": members of a subtree who in a year missed meetings without reason, or did
// not pay dues, for the rule's number of months; the evidence (each meeting missed, with its
// date, and the months), the rules with their sources, and the way to the existing exit
// procedure on the member's page (the cell proposes; removal is the exit with its ground).
import { Flex, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { formatMonth, type YearParams } from '@/lib/months';
import { formatDate, formatNumber } from '@/lib/format';
import type { RemovalCandidate } from '@/types';
import { missingPageSize, useRemovalCandidates } from '../api/meetings';

export function RemovalList({
  params,
  page,
  onChange,
}: {
  params: YearParams;
  page: number;
  onChange: (params: YearParams, page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const data = useRemovalCandidates(params.org, params.year, (page - 1) * missingPageSize);

  const columns: TableColumnsType<RemovalCandidate> = [
    {
      key: 'member',
      title: t('dues.columns.member'),
      width: 220,
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Link to={paths.member(item.member_id)} data-testid="removal-member">
            {item.full_name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.org.name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'grounds',
      title: t('removal.grounds'),
      width: 170,
      render: (_, item) => (
        <Space size={[4, 4]} wrap>
          {item.grounds.map((ground) => (
            <Tag key={ground} color="red">
              {t(`removal.groundNames.${ground}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'evidence',
      title: t('removal.evidence'),
      render: (_, item) => (
        <Space orientation="vertical" size={4} data-testid="removal-evidence">
          {item.unexcused_meetings.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('removal.missedMeetings')}: </Typography.Text>
              <Space size={[4, 4]} wrap>
                {item.unexcused_meetings.map((meeting) => (
                  <Link key={meeting.meeting_id} to={paths.meeting(meeting.meeting_id)}>
                    <Tag>
                      {formatDate(meeting.held_on)} · {t(`meetings.kinds.${meeting.kind}`)}
                    </Tag>
                  </Link>
                ))}
              </Space>
            </div>
          )}
          {item.unexcused_months.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('removal.missedMonths')}: </Typography.Text>
              {item.unexcused_months.map(formatMonth).join(', ')}
            </div>
          )}
          {item.unpaid_months.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('removal.unpaidMonths')}: </Typography.Text>
              <Link to={paths.memberDues(item.member_id)}>
                {item.unpaid_months.map(formatMonth).join(', ')}
              </Link>
            </div>
          )}
        </Space>
      ),
    },
    {
      key: 'exit',
      title: '',
      width: 170,
      render: (_, item) => (
        <Link to={paths.member(item.member_id)} data-testid="removal-exit">
          {t('removal.exitProcedure')}
        </Link>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="removal-list">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('removal.title', { year: params.year })}
        </Typography.Title>
        <Space wrap>
          <OrgPicker
            value={params.org}
            onChange={(org) => onChange({ ...params, org: org ?? undefined }, 1)}
            style={{ width: 360, maxWidth: '100%' }}
            aria-label={t('dues.org')}
            placeholder={t('dues.chooseOrg')}
          />
          <InputNumber<number>
            aria-label={t('dues.year')}
            value={params.year}
            min={2000}
            max={2100}
            precision={0}
            onChange={(year) => year && onChange({ ...params, year }, 1)}
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
          <Typography.Text type="secondary" data-testid="removal-total">
            {t('removal.total', {
              n: formatNumber(data.data.total, i18n.language),
              month: formatMonth(data.data.through_month),
            })}
          </Typography.Text>
          <Table<RemovalCandidate>
            size="small"
            rowKey="member_id"
            columns={columns}
            dataSource={data.data.items}
            scroll={{ x: 900 }}
            locale={{ emptyText: <EmptyState description={t('removal.empty')} /> }}
            pagination={{
              current: page,
              pageSize: missingPageSize,
              total: data.data.total,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: (next) => onChange(params, next),
            }}
          />
          <List
            size="small"
            header={t('removal.rules')}
            dataSource={data.data.rules}
            renderItem={(rule) => (
              <List.Item>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {rule.key} = {rule.value} — {rule.source}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Space>
  );
}
