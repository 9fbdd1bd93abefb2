// An organization's assignments: those it received ("Việc được giao", the default: also those
// given to its members) or those it gave further down; filter by state and overdue, all in the
// URL; one page at a time. Each opens the assignment's page, where it is acknowledged, assigned
// further down, reported on, or its report reviewed.
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Flex, Select, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgPicker } from '@/components/org-picker';
import { ErrorState, LoadingState } from '@/components/page-state';
import { formatNumber } from '@/lib/format';
import { orgQuery } from '@/lib/org-queries';
import type { AssignmentState } from '@/types';
import { useOrgAssignments } from '../api/directives';
import {
  changeParams,
  directivePageSizes,
  type AssignmentDirection,
  type AssignmentListParams,
} from '../lib/directive-params';
import { assignmentStates } from '../lib/directives';
import { AssignmentTable } from './assignment-table';

export function AssignmentList({
  params,
  onChange,
}: {
  params: AssignmentListParams;
  onChange: (params: AssignmentListParams) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const org = useQuery({ ...orgQuery(params.org ?? 0), enabled: !!params.org });
  const list = useOrgAssignments(params);
  const set = (patch: Partial<AssignmentListParams>) => onChange(changeParams(params, patch));
  const total = list.data?.total ?? 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="assignment-list">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {org.data ? t('assignments.titleOf', { name: org.data.name }) : t('assignments.title')}
        </Typography.Title>
        <OrgPicker
          value={params.org}
          onChange={(next) => set({ org: next ?? undefined })}
          style={{ width: 360, maxWidth: '100%' }}
          aria-label={t('directives.org')}
          placeholder={t('assignments.chooseOrg')}
        />
      </Flex>
      <Tabs
        activeKey={params.direction}
        onChange={(key) => set({ direction: key as AssignmentDirection })}
        items={(['received', 'assigned'] as const).map((key) => ({
          key,
          label: t(`assignments.directions.${key}`),
        }))}
        style={{ marginBottom: -16 }}
      />
      <Flex wrap gap={12} align="center">
        <Select<AssignmentState>
          aria-label={t('assignments.columns.state')}
          allowClear
          placeholder={t('assignments.anyState')}
          style={{ width: 200 }}
          value={params.state}
          onChange={(state) => set({ state })}
          options={assignmentStates.map((state) => ({
            value: state,
            label: t(`assignments.states.${state}`),
          }))}
        />
        <Checkbox
          checked={params.overdue}
          onChange={(event) => set({ overdue: event.target.checked })}
          data-testid="assignment-overdue-only"
        >
          {t('assignments.overdueOnly')}
        </Checkbox>
      </Flex>
      {!params.org ? (
        <Typography.Text type="secondary">{t('assignments.chooseOrg')}</Typography.Text>
      ) : list.isPending ? (
        <LoadingState rows={6} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="assignment-total">
            {t('assignments.total', { count: total, n: formatNumber(total, lang) })}
          </Typography.Text>
          <AssignmentTable
            items={list.data.items}
            show={params.direction === 'received' ? 'from' : 'to'}
            loading={list.isFetching && list.isPlaceholderData}
            testId="assignment-table"
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
        </>
      )}
    </Space>
  );
}
