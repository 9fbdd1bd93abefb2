// The register of an organization's subtree, outgoing or incoming (two tabs, two addresses):
// filters by type, term, status and date range and a search by number, symbol or summary
// without diacritics, all in the URL; one page at a time, newest first. A secret document that
// the user may not read shows its register data only (no summary).
import { FileAddOutlined, LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Select, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DateInput } from '@/components/date-input';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { formatDate, formatNumber } from '@/lib/format';
import { orgQuery } from '@/lib/org-queries';
import { useCan } from '@/lib/session';
import type { PartyDocumentItem } from '@/types';
import { useDocumentCatalog, useDocuments } from '../api/documents';
import {
  activeDocumentFilters,
  changeDocumentParams,
  documentPageSizes,
  registerDirections,
  termOptions,
  writeDocumentParams,
  type DocumentListParams,
  type DocumentStatus,
  type RegisterDirection,
} from '../lib/document-params';
import { documentWrite } from '../lib/documents';
import { DocumentMarks, useTypeName } from './document-marks';
import { SearchBox } from '@/components/search-box';

export function DocumentList({
  direction,
  params,
  onChange,
}: {
  direction: RegisterDirection;
  params: DocumentListParams;
  onChange: (params: DocumentListParams) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const canWrite = useCan(documentWrite);
  const catalog = useDocumentCatalog().data;
  const typeName = useTypeName();
  const org = useQuery({ ...orgQuery(params.org ?? 0), enabled: !!params.org });
  const documents = useDocuments(direction, params);
  const set = (patch: Partial<DocumentListParams>) => onChange(changeDocumentParams(params, patch));
  const items = useMemo(() => documents.data?.items ?? [], [documents.data]);
  const total = documents.data?.total ?? 0;
  const terms = useMemo(() => termOptions(items, params.term), [items, params.term]);
  const outgoing = direction === 'outgoing';
  // The search the rows on screen answer (not while the next answer is on its way).
  const shownQ = documents.isSuccess && !documents.isPlaceholderData ? params.q : undefined;

  const columns: TableColumnsType<PartyDocumentItem> = [
    {
      key: 'symbol',
      title: t('documents.columns.symbol'),
      width: 150,
      render: (_, item) => (
        <Link to={paths.document(item.id)} data-testid="document-symbol">
          {item.symbol || t('document.unnumbered')}
        </Link>
      ),
    },
    {
      key: 'date',
      title: t('documents.columns.date'),
      width: 110,
      render: (_, item) => formatDate(item.issued_on),
    },
    ...(outgoing
      ? []
      : [
          {
            key: 'received',
            title: t('documents.columns.received'),
            width: 110,
            render: (_: unknown, item: PartyDocumentItem) => formatDate(item.received_on),
          },
        ]),
    {
      key: 'type',
      title: t('documents.columns.type'),
      width: 130,
      render: (_, item) => typeName(item),
    },
    {
      key: 'summary',
      title: t('documents.columns.summary'),
      render: (_, item) =>
        item.restricted ? (
          <Typography.Text type="secondary" italic>
            <LockOutlined aria-hidden /> {t('documents.restricted')}
          </Typography.Text>
        ) : (
          <span data-testid="document-summary">{item.summary}</span>
        ),
    },
    {
      key: 'issuer',
      title: outgoing ? t('documents.columns.issuer') : t('documents.columns.from'),
      width: 220,
      render: (_, item) =>
        outgoing ? (
          item.org_name
        ) : (
          <Space orientation="vertical" size={0}>
            <span>{item.from_issuer}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              → {item.org_name}
            </Typography.Text>
          </Space>
        ),
    },
    {
      key: 'marks',
      title: t('documents.columns.marks'),
      width: 170,
      render: (_, item) => <DocumentMarks doc={item} />,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="document-list">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {org.data ? t('documents.titleOf', { name: org.data.name }) : t('documents.title')}
        </Typography.Title>
        <Space wrap>
          <OrgPicker
            value={params.org}
            onChange={(next) => set({ org: next ?? undefined, term: undefined })}
            style={{ width: 360 }}
            aria-label={t('documents.org')}
            placeholder={t('documents.chooseOrg')}
          />
          {canWrite && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={() =>
                navigate(
                  outgoing ? paths.documentNew(params.org) : paths.incomingDocumentNew(params.org),
                )
              }
            >
              {outgoing ? t('documents.newOutgoing') : t('documents.newIncoming')}
            </Button>
          )}
        </Space>
      </Flex>
      <Tabs
        activeKey={direction}
        onChange={(key) => {
          const search = writeDocumentParams({ ...params, term: undefined, page: 1 });
          navigate(key === 'incoming' ? paths.incomingDocuments(search) : paths.documents(search));
        }}
        items={registerDirections.map((key) => ({
          key,
          label: t(`documents.directions.${key}`),
        }))}
        style={{ marginBottom: -16 }}
      />
      <Flex wrap gap={12} align="center" data-testid="document-filters">
        <SearchBox
          value={params.q}
          onSearch={(q) => set({ q })}
          placeholder={t('documents.search')}
          testId="document-search"
        />
        <Select
          aria-label={t('document.fields.type')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('documents.anyType')}
          style={{ width: 180 }}
          value={params.type}
          onChange={(type) => set({ type })}
          options={(catalog?.types ?? []).map((type) => ({
            value: type.code,
            label: lang === 'en' ? type.name_en : type.name_vi,
          }))}
        />
        {outgoing && (
          <Select
            aria-label={t('document.fields.term')}
            allowClear
            placeholder={t('documents.anyTerm')}
            style={{ width: 180 }}
            value={params.term}
            onChange={(term) => set({ term })}
            options={terms}
          />
        )}
        <Select<DocumentStatus>
          aria-label={t('documents.columns.status')}
          allowClear
          placeholder={t('documents.anyStatus')}
          style={{ width: 160 }}
          value={params.status}
          onChange={(status) => set({ status })}
          options={(['active', 'withdrawn'] as const).map((status) => ({
            value: status,
            label: t(`documents.status.${status}`),
          }))}
        />
        <Space size={4} align="center">
          <Typography.Text type="secondary">
            {outgoing ? t('documents.dateRange') : t('documents.receivedRange')}
          </Typography.Text>
          <span data-testid="document-from">
            <DateInput
              value={params.from}
              onChange={(from) => set({ from: from ?? undefined })}
              style={{ width: 140 }}
            />
          </span>
          –
          <span data-testid="document-to">
            <DateInput
              value={params.to}
              onChange={(to) => set({ to: to ?? undefined })}
              style={{ width: 140 }}
            />
          </span>
        </Space>
        {activeDocumentFilters(params) > 0 && (
          <Button
            type="link"
            onClick={() =>
              set({
                type: undefined,
                term: undefined,
                status: undefined,
                from: undefined,
                to: undefined,
              })
            }
          >
            {t('documents.clearFilters')}
          </Button>
        )}
      </Flex>
      {documents.isPending ? (
        <LoadingState rows={8} />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="document-total">
            {t('documents.total', { count: total, n: formatNumber(total, lang) })}
          </Typography.Text>
          <div
            data-testid="document-table"
            data-result-q={shownQ}
            data-fetching={documents.isFetching ? 'true' : 'false'}
          >
            <Table<PartyDocumentItem>
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={items}
              loading={documents.isFetching && documents.isPlaceholderData}
              scroll={{ x: 1100 }}
              rowClassName={(item) => (item.status === 'withdrawn' ? 'row-withdrawn' : '')}
              locale={{
                emptyText: <EmptyState description={t('documents.empty')} />,
              }}
              pagination={{
                current: params.page,
                pageSize: params.page_size,
                total,
                showSizeChanger: true,
                pageSizeOptions: documentPageSizes.map(String),
                hideOnSinglePage: total <= documentPageSizes[0],
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
