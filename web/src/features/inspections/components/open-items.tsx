// The violations and recommendations of a subtree still open (or all, or only the overdue),
// overdue ones highlighted, each closable by those who write.
import { Flex, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState } from '@/components/page-state';
import { can } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { useInspectionItems } from '../api/inspections';
import { inspectionWrite } from '../lib/inspections';
import { ItemTable } from './item-table';

export type ItemFilter = 'open' | 'overdue' | 'all';

export function OpenItems({
  org,
  filter,
  onChange,
}: {
  org: number | undefined;
  filter: ItemFilter;
  onChange: (next: { org?: number; filter: ItemFilter }) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const items = useInspectionItems(org, filter === 'all' ? '' : 'open', filter === 'overdue');
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('inspections.items.title')}
      </Typography.Title>
      <Flex wrap gap={8}>
        <OrgPicker
          value={org ?? null}
          onChange={(id) => onChange({ org: id ?? undefined, filter })}
          holdsMembers={false}
          aria-label={t('inspections.programmes.org')}
          style={{ width: 280, maxWidth: '100%' }}
        />
        <Segmented<ItemFilter>
          value={filter}
          onChange={(value) => onChange({ org, filter: value })}
          options={(['open', 'overdue', 'all'] as const).map((value) => ({
            value,
            label: t(`inspections.items.filters.${value}`),
          }))}
        />
      </Flex>
      {!org ? (
        <EmptyState description={t('inspections.programmes.pickOrg')} />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <ItemTable
          items={items.data?.items ?? []}
          loading={items.isPending}
          mayClose={can(me, inspectionWrite)}
          showSubject
        />
      )}
    </Flex>
  );
}
