// An organization's probationary members in three lists: those whose recognition falls due
// within the chosen window (or whose probation has ended, not yet overdue), those overdue (the
// cell has not considered them within the working days after the end) and those awaiting the
// committee's decision. Each count is the whole list's, also when the list is cut at its limit.
import { Badge, Card, Col, Flex, Row, Segmented, Space, Statistic, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { ruleInForce, useRules } from '@/lib/catalogs';
import { formatDate, formatNumber } from '@/lib/format';
import { orgQuery } from '@/lib/org-queries';
import type { ProbationLists as Lists } from '@/types';
import { useProbation } from '../api/probation';
import {
  isCut,
  probationListNames,
  probationWindows,
  type ProbationListName,
  type ProbationParams,
} from '../lib/probation';
import { ProbationTable } from './probation-table';

// The rule behind each list's deadline, quoted with its source under the list's title.
const listRules: Partial<Record<ProbationListName, string>> = {
  overdue: 'recognition.consider_working_days',
  awaiting_decision: 'recognition.decision_working_days',
};

export function ProbationLists({
  params,
  onChange,
}: {
  params: ProbationParams;
  onChange: (params: ProbationParams) => void;
}) {
  const { t } = useTranslation();
  const org = useQuery({ ...orgQuery(params.org ?? 0), enabled: !!params.org });
  const lists = useProbation(params.org, params.within);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="probation-lists">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {org.data ? t('probation.titleOf', { name: org.data.name }) : t('probation.title')}
        </Typography.Title>
        <Space wrap>
          <OrgPicker
            value={params.org}
            onChange={(next) => onChange({ ...params, org: next ?? undefined })}
            style={{ width: 360 }}
            aria-label={t('probation.org')}
            placeholder={t('probation.chooseOrg')}
          />
          <Space size={6}>
            <Typography.Text type="secondary" id="probation-window-label">
              {t('probation.window')}
            </Typography.Text>
            <Segmented
              aria-labelledby="probation-window-label"
              data-testid="probation-window"
              value={params.within}
              options={probationWindows.map((days) => ({
                value: days,
                label: t('probation.days', { count: days }),
              }))}
              onChange={(within) => onChange({ ...params, within: Number(within) })}
            />
          </Space>
        </Space>
      </Flex>
      {!params.org ? (
        <EmptyState description={t('probation.chooseOrg')} />
      ) : lists.isPending ? (
        <LoadingState rows={8} />
      ) : lists.isError ? (
        <ErrorState error={lists.error} onRetry={() => void lists.refetch()} />
      ) : (
        <ListsView data={lists.data} />
      )}
    </Space>
  );
}

function ListsView({ data }: { data: Lists }) {
  const { t, i18n } = useTranslation();
  const rules = useRules().data;
  const lang = i18n.language;
  return (
    <>
      <Typography.Text type="secondary">
        {t('probation.asOf', { date: formatDate(data.today), days: data.within_days })}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        {probationListNames.map((name) => (
          <Col key={name} xs={24} md={8}>
            <Card size="small">
              <Statistic
                title={t(`probation.lists.${name}`)}
                value={data.counts[name]}
                styles={
                  name === 'overdue' && data.counts[name] > 0
                    ? { content: { color: '#cf1322' } }
                    : undefined
                }
                formatter={(value) => (
                  <span data-testid={`probation-count-${name}`} data-count={value}>
                    {formatNumber(Number(value), lang)}
                  </span>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Tabs
        data-testid="probation-tabs"
        items={probationListNames.map((name) => {
          const items = data[name];
          const count = data.counts[name];
          const key = listRules[name];
          const rule = key ? ruleInForce(rules, key, data.today) : undefined;
          return {
            key: name,
            label: (
              <Space size={6}>
                {t(`probation.lists.${name}`)}
                <Badge
                  count={count}
                  overflowCount={99999}
                  showZero
                  color={name === 'overdue' && count > 0 ? '#cf1322' : '#8c8c8c'}
                />
              </Space>
            ),
            children: (
              <Space
                orientation="vertical"
                size={8}
                style={{ width: '100%' }}
                data-testid={`probation-list-${name}`}
              >
                <Typography.Text type="secondary" data-testid="probation-rule">
                  {t(`probation.explain.${name}`, {
                    days: rule?.value ?? '',
                    window: data.within_days,
                  })}
                  {rule ? ` (${rule.source})` : ''}
                </Typography.Text>
                {isCut(count, items.length) && (
                  <Typography.Text type="warning" data-testid="probation-cut">
                    {t('probation.cut', {
                      shown: formatNumber(items.length, lang),
                      total: formatNumber(count, lang),
                    })}
                  </Typography.Text>
                )}
                <ProbationTable list={name} items={items} today={data.today} />
              </Space>
            ),
          };
        })}
      />
    </>
  );
}
