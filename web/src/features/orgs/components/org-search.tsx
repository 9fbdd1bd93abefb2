// Finds organizations by the beginnings of the words of their name, without diacritics ("van
// phong" and "v ph" find "Văn phòng"); the server folds both sides. Results replace the tree
// while there is a query; each shows its ancestors, so namesakes can be told apart.
import { SearchOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Input, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useCatalogLabel } from '@/lib/catalogs';
import { formatNumber } from '@/lib/format';
import { ancestorPath } from '@/lib/org-path';
import { orgSearchQuery, seedOrgDetail } from '@/lib/org-queries';
import { ErrorState } from '@/components/page-state';

export function OrgSearchBox({
  value,
  onChange,
}: {
  value: string;
  onChange: (text: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Input
      allowClear
      prefix={<SearchOutlined aria-hidden />}
      placeholder={t('org.tree.search')}
      aria-label={t('org.tree.search')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onChange('');
        if (event.key === 'ArrowDown') {
          const first = document.querySelector<HTMLElement>('.org-search-results button');
          first?.focus();
          event.preventDefault();
        }
      }}
      data-testid="org-search"
    />
  );
}

export function OrgSearchResults({ text, onPick }: { text: string; onPick: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const label = useCatalogLabel();
  const client = useQueryClient();
  const q = useDebouncedValue(text.trim(), 150);
  const search = useQuery({ ...orgSearchQuery({ q, limit: 50 }), enabled: q.length > 0 });
  if (search.isError)
    return <ErrorState error={search.error} onRetry={() => void search.refetch()} compact />;
  return (
    <div className="org-search-results" aria-live="polite">
      <List
        size="small"
        loading={search.isFetching || text.trim() !== q}
        dataSource={search.data ?? []}
        locale={{ emptyText: q ? t('org.tree.noResults') : ' ' }}
        header={
          search.data ? (
            <Typography.Text type="secondary">
              {t('org.tree.results', { count: search.data.length })}
            </Typography.Text>
          ) : undefined
        }
        renderItem={(org) => (
          <List.Item style={{ padding: 0 }}>
            <button
              type="button"
              className="org-search-hit"
              data-org-id={org.id}
              onClick={() => {
                // The hit carries its ancestors: the tree opens them without fetching it again.
                seedOrgDetail(client, org, search.dataUpdatedAt || undefined);
                onPick(org.id);
              }}
              onKeyDown={(event) => {
                const item = event.currentTarget.closest('li');
                if (event.key === 'ArrowDown') {
                  (
                    item?.nextElementSibling?.querySelector('button') as HTMLElement | null
                  )?.focus();
                  event.preventDefault();
                } else if (event.key === 'ArrowUp') {
                  (
                    item?.previousElementSibling?.querySelector('button') as HTMLElement | null
                  )?.focus();
                  event.preventDefault();
                }
              }}
            >
              <span className="org-node-name">{org.name}</span>
              {org.ancestors.length > 0 && (
                <Typography.Text
                  type="secondary"
                  className="org-search-path"
                  title={ancestorPath(org.ancestors)}
                >
                  {ancestorPath(org.ancestors)}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {label('org_kinds', org.kind)} · {formatNumber(org.counts.on_roll, i18n.language)}{' '}
                {t('org.tree.membersShort')}
              </Typography.Text>
            </button>
          </List.Item>
        )}
      />
    </div>
  );
}
