// The organization's direct children with their counts; each opens its own dashboard.
import { WarningFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { useCatalogLabel } from '@/lib/catalogs';
import { formatNumber } from '@/lib/format';
import { childrenQuery } from '@/lib/org-queries';
import type { Org } from '@/types';

export function OrgChildren({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = useCatalogLabel();
  const children = useQuery({ ...childrenQuery(org.id), enabled: org.child_count > 0 });
  if (children.isError) {
    return <ErrorState error={children.error} onRetry={() => void children.refetch()} compact />;
  }
  const number = (key: keyof Org['counts']) => ({
    title: t(`org.counts.${key}`),
    key,
    align: 'right' as const,
    sorter: (a: Org, b: Org) => a.counts[key] - b.counts[key],
    render: (_: unknown, row: Org) => formatNumber(row.counts[key], lang),
  });
  const columns: TableColumnsType<Org> = [
    {
      title: t('org.fields.name'),
      key: 'name',
      render: (_, row) => (
        <>
          <Link to={paths.org(row.id)}>{row.name}</Link>
          {row.warnings.length > 0 && (
            <Tooltip
              title={row.warnings
                .map((w) =>
                  t(`org.warnings.${w.code}`, {
                    actual: formatNumber(w.actual, lang),
                    threshold: formatNumber(w.threshold, lang),
                  }),
                )
                .join('; ')}
            >
              <WarningFilled
                className="org-node-warning"
                style={{ marginInlineStart: 6 }}
                aria-label={t('org.warnings.title')}
              />
            </Tooltip>
          )}
        </>
      ),
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
    },
    {
      title: t('org.fields.kind'),
      key: 'kind',
      render: (_, row) => label('org_kinds', row.kind),
      responsive: ['lg'],
    },
    number('on_roll'),
    number('official'),
    { ...number('probationary'), responsive: ['md'] },
    {
      title: t('org.children.count'),
      key: 'child_count',
      align: 'right',
      responsive: ['md'],
      render: (_, row) => formatNumber(row.child_count, lang),
    },
  ];
  return (
    <Table<Org>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={children.data ?? []}
      loading={children.isFetching}
      pagination={
        (children.data?.length ?? 0) > 15 ? { pageSize: 15, showSizeChanger: false } : false
      }
      locale={{ emptyText: t('org.children.none') }}
      data-testid="org-children"
    />
  );
}
