// The directives of an organization's subtree (issued in it or assigned into it), newest first:
// filter by kind, year and status (open, done, overdue) and search title, number or symbol
// without diacritics, all in the URL; one page at a time. The issuing levels issue a new one from here.
import { FileAddOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { SearchBox } from '@/components/search-box';
import { paths } from '@/config/paths';
import { formatDate, formatNumber } from '@/lib/format';
import { orgQuery } from '@/lib/org-queries';
import { useCan } from '@/lib/session';
import type { DirectiveItem, DirectiveKind } from '@/types';
import { useDirectives } from '../api/directives';
import {
  changeParams,
  directivePageSizes,
  directiveStatuses,
  type DirectiveListParams,
  type DirectiveStatus,
} from '../lib/directive-params';
import { directiveKinds, directiveWrite } from '../lib/directives';

export function DirectiveList({
  params,
  onChange,
}: {
  params: DirectiveListParams;
  onChange: (params: DirectiveListParams) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const canWrite = useCan(directiveWrite);
  const org = useQuery({ ...orgQuery(params.org ?? 0), enabled: !!params.org });
  const directives = useDirectives(params);
  const set = (patch: Partial<DirectiveListParams>) => onChange(changeParams(params, patch));
  const items = directives.data?.items ?? [];
  const total = directives.data?.total ?? 0;
  const shownQ = directives.isSuccess && !directives.isPlaceholderData ? params.q : undefined;
  // This year and the nine before it (the list of years a filter offers).
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  if (params.year && !years.includes(params.year)) years.push(params.year);
  const filtered = !!(params.kind || params.year || params.status);

  const columns: TableColumnsType<DirectiveItem> = [
    {
      key: 'symbol',
      title: t('directives.columns.symbol'),
      width: 150,
      render: (_, item) => (
        <Link to={paths.directive(item.id)} data-testid="directive-symbol">
          {item.number_symbol || '—'}
        </Link>
      ),
    },
    {
      key: 'date',
      title: t('directives.columns.date'),
      width: 120,
      render: (_, item) => formatDate(item.issued_on),
    },
    {
      key: 'kind',
      title: t('directives.columns.kind'),
      width: 170,
      render: (_, item) => <Tag>{t(`directives.kinds.${item.kind}`)}</Tag>,
    },
    {
      key: 'title',
      title: t('directives.columns.title'),
      render: (_, item) => (
        <Link to={paths.directive(item.id)} data-testid="directive-row-title">
          {item.title}
        </Link>
      ),
    },
    {
      key: 'org',
      title: t('directives.columns.org'),
      width: 220,
      render: (_, item) => item.org.name,
    },
    {
      key: 'tasks',
      title: t('directives.columns.tasks'),
      width: 100,
      align: 'right',
      render: (_, item) => formatNumber(item.task_count, lang),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="directive-list">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {org.data ? t('directives.titleOf', { name: org.data.name }) : t('directives.title')}
        </Typography.Title>
        <Space wrap>
          <OrgPicker
            value={params.org}
            onChange={(next) => set({ org: next ?? undefined })}
            style={{ width: 360, maxWidth: '100%' }}
            aria-label={t('directives.org')}
            placeholder={t('directives.chooseOrg')}
          />
          <Button
            icon={<InboxOutlined />}
            onClick={() => navigate(paths.assignmentsOf(params.org))}
          >
            {t('directives.received')}
          </Button>
          {canWrite && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={() => navigate(paths.directiveNew(params.org))}
              data-testid="directive-new"
            >
              {t('directives.new')}
            </Button>
          )}
        </Space>
      </Flex>
      <Flex wrap gap={12} align="center" data-testid="directive-filters">
        <SearchBox
          value={params.q}
          onSearch={(q) => set({ q })}
          placeholder={t('directives.search')}
          testId="directive-search"
          style={{ width: 360 }}
        />
        <Select<DirectiveKind>
          aria-label={t('directives.columns.kind')}
          allowClear
          placeholder={t('directives.anyKind')}
          style={{ width: 220 }}
          value={params.kind}
          onChange={(kind) => set({ kind })}
          options={directiveKinds.map((kind) => ({
            value: kind,
            label: t(`directives.kinds.${kind}`),
          }))}
        />
        <Select<number>
          aria-label={t('directives.year')}
          allowClear
          placeholder={t('directives.anyYear')}
          style={{ width: 140 }}
          value={params.year}
          onChange={(year) => set({ year })}
          options={years.map((year) => ({ value: year, label: String(year) }))}
          data-testid="directive-year"
        />
        <Select<DirectiveStatus>
          aria-label={t('directives.status')}
          allowClear
          placeholder={t('directives.anyStatus')}
          style={{ width: 200 }}
          value={params.status}
          onChange={(status) => set({ status })}
          options={directiveStatuses.map((status) => ({
            value: status,
            label: t(`directives.statuses.${status}`),
          }))}
          data-testid="directive-status"
        />
        {filtered && (
          <Button
            type="link"
            onClick={() => set({ kind: undefined, year: undefined, status: undefined })}
          >
            {t('directives.clearFilters')}
          </Button>
        )}
      </Flex>
      {directives.isPending ? (
        <LoadingState rows={8} />
      ) : directives.isError ? (
        <ErrorState error={directives.error} onRetry={() => void directives.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="directive-total">
            {t('directives.total', { count: total, n: formatNumber(total, lang) })}
          </Typography.Text>
          <div
            data-testid="directive-table"
            data-result-q={shownQ}
            data-fetching={directives.isFetching ? 'true' : 'false'}
          >
            <Table<DirectiveItem>
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={items}
              loading={directives.isFetching && directives.isPlaceholderData}
              scroll={{ x: 960 }}
              locale={{ emptyText: <EmptyState description={t('directives.empty')} /> }}
              pagination={{
                current: params.page,
                pageSize: params.page_size,
                total,
                showSizeChanger: true,
                pageSizeOptions: directivePageSizes.map(String),
                hideOnSinglePage: total <= directivePageSizes[0],
                onChange: (page, pageSize) =>
                  set(pageSize !== params.page_size ? { page_size: pageSize } : { page }),
              }}
            />
          </div>
        </>
      )}
    </Space>
  );
}
