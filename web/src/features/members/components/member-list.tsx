// The scope's members: server-side paging in Vietnamese name order, filters, search as you
// type, a column chooser and CSV export of exactly the filtered list. All state is in the URL.
import { DownloadOutlined, FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Flex, Space, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { EmptyState, ErrorState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { formatNumber } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { orgQuery } from '@/lib/org-queries';
import { useCan } from '@/lib/session';
import type { Member } from '@/types';
import { exportUrl, useMembers } from '../api/list-members';
import {
  activeFilterCount,
  pageSizes,
  readListParams,
  writeListParams,
  type MemberListParams,
  type SortKey,
} from '../lib/list-params';
import { ColumnChooser, useColumnChoice } from './column-chooser';
import { defaultColumns, optionalColumns, useMemberColumns } from './member-columns';
import { MemberFilters } from './member-filters';
import { SearchBox } from '@/components/search-box';

export function MemberList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const params = readListParams(search);
  const members = useMembers(params);
  const canWrite = useCan('member.write');
  const canExport = useCan('member.export');
  const scope = useQuery({ ...orgQuery(params.org ?? 0), enabled: !!params.org });
  const filterCount = activeFilterCount(params);
  const [showFilters, setShowFilters] = useState(filterCount > 0);
  const [visible, setVisible] = useColumnChoice(optionalColumns, defaultColumns);
  const { columns, titleOf } = useMemberColumns(
    params.sort,
    (params.page - 1) * params.page_size,
    visible,
  );

  const change = (patch: Partial<MemberListParams>, replace = false) => {
    const next = { ...params, page: 1, ...patch };
    setSearch(writeListParams(next), { replace });
  };

  const onTableChange: TableProps<Member>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = String(one?.columnKey ?? 'full_name');
      const by = key === 'full_name' ? 'name' : key;
      const sort = (one?.order === 'descend' ? `-${by}` : by) as SortKey;
      change({ sort });
    } else if (extra.action === 'paginate') {
      change({ page: pagination.current ?? 1, page_size: pagination.pageSize ?? params.page_size });
    }
  };

  const total = members.data?.total ?? 0;
  // A very common name at national scale: the server counts up to a bound and says so.
  const atLeast = members.data?.total_exact === false;
  const shownQ = members.isSuccess && !members.isPlaceholderData ? params.q : undefined;
  const scopeName = params.org ? (scope.data?.name ?? '…') : t('members.allScopes');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex justify="space-between" align="flex-end" wrap gap={12}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('members.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="member-total">
            {scopeName} ·{' '}
            {members.data
              ? atLeast
                ? t('members.totalAtLeast', { n: formatNumber(total, lang) })
                : t('members.total', { count: total, n: formatNumber(total, lang) })
              : t('common.loading')}
          </Typography.Text>
        </div>
        {canWrite && (
          <Space wrap>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate(paths.memberNew(params.org))}
            >
              {t('members.add')}
            </Button>
          </Space>
        )}
      </Flex>
      <Card size="small">
        <Flex gap={8} wrap align="center">
          <div style={{ flex: '1 1 320px' }}>
            <SearchBox
              value={params.q}
              onSearch={(q) => change({ q }, true)}
              placeholder={t('members.search')}
              testId="member-search"
              pauseMs={60}
              size="large"
            />
          </div>
          <Badge count={filterCount} size="small">
            <Button
              icon={<FilterOutlined />}
              aria-expanded={showFilters}
              aria-controls="member-filters"
              onClick={() => setShowFilters((open) => !open)}
            >
              {t('members.filters.title')}
            </Button>
          </Badge>
          <ColumnChooser
            columns={optionalColumns.map((key) => ({ key, title: titleOf(key) }))}
            visible={visible}
            onChange={setVisible}
            onReset={() => setVisible(defaultColumns)}
          />
          {canExport && (
            <Tooltip title={t('members.exportHint', { n: formatNumber(total, lang) })}>
              <Button
                icon={<DownloadOutlined />}
                href={exportUrl(params, currentLanguage(lang))}
                download="dang-vien.csv"
                disabled={!total}
                data-testid="export-csv"
              >
                {t('members.export')}
              </Button>
            </Tooltip>
          )}
        </Flex>
        {showFilters && (
          <div id="member-filters" style={{ marginTop: 12 }}>
            <MemberFilters params={params} onChange={(patch) => change(patch)} />
          </div>
        )}
      </Card>
      {members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <div
          data-testid="member-table"
          data-result-q={shownQ}
          data-fetching={members.isFetching ? 'true' : 'false'}
        >
          <Table<Member>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={members.data?.items ?? []}
            loading={{ spinning: members.isFetching, delay: 150 }}
            onChange={onTableChange}
            scroll={{ x: 'max-content' }}
            sticky
            pagination={{
              current: params.page,
              pageSize: params.page_size,
              total,
              showSizeChanger: true,
              pageSizeOptions: pageSizes.map(String),
              showTotal: (count, [from, to]) =>
                t(atLeast ? 'members.rangeAtLeast' : 'members.range', {
                  from: formatNumber(from, lang),
                  to: formatNumber(to, lang),
                  total: formatNumber(count, lang),
                }),
            }}
            locale={{
              emptyText: members.isPending ? (
                ' '
              ) : (
                <EmptyState
                  description={
                    params.q || filterCount ? t('members.emptyFiltered') : t('members.empty')
                  }
                  action={
                    params.q || filterCount ? (
                      <Button
                        onClick={() =>
                          change({
                            q: '',
                            status: [],
                            sex: undefined,
                            ethnicity: [],
                            age_min: undefined,
                            age_max: undefined,
                            admitted_from: undefined,
                            admitted_to: undefined,
                          })
                        }
                      >
                        {t('members.clearAll')}
                      </Button>
                    ) : undefined
                  }
                />
              ),
            }}
          />
        </div>
      )}
    </Space>
  );
}
