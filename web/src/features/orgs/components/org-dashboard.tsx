// An organization's dashboard: who it is, its member counts, structural warnings, member
// breakdowns as charts with their numbers, and its children with their counts; a second tab
// (?tab=committee, so it can be bookmarked) holds its committee and terms.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DateInput } from '@/components/date-input';
import { ErrorState, LoadingState } from '@/components/page-state';
import { useCatalogs } from '@/lib/catalogs';
import { formatDate, formatNumber } from '@/lib/format';
import { orgQuery } from '@/lib/org-queries';
import { useOrgStats } from '../api/get-org-stats';
import { dimensions } from '../lib/breakdowns';
import { childKinds } from '../lib/kinds';
import { BreakdownCard } from './breakdown-card';
import { MemberReport } from './member-report';
import { OrgChildren } from './org-children';
import { OrgCounts } from './org-counts';
import { OrgHeader, type OrgAction } from './org-header';
import { OrgWarnings } from './org-warnings';

const OrgActionModals = lazy(() => import('./org-action-modals'));

/** What the committee tab shows for an organization (the app composes it from features/terms). */
export type CommitteeTab = (org: { id: number; kind: string }) => ReactNode;

export function OrgDashboard({ orgId, committee }: { orgId: number; committee?: CommitteeTab }) {
  const { t, i18n } = useTranslation();
  const org = useQuery(orgQuery(orgId));
  // Figures as of a past day (issue 16); null: today's.
  const [asOf, setAsOf] = useState<string | null>(null);
  const stats = useOrgStats(orgId, asOf);
  const catalogs = useCatalogs().data;
  const [action, setAction] = useState<OrgAction | null>(null);
  // The dialogs' code loads on the first action and stays mounted after that.
  const [modalsUsed, setModalsUsed] = useState(false);
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'committee' ? 'committee' : 'overview';

  if (org.isPending) return <LoadingState rows={10} />;
  if (org.isError) return <ErrorState error={org.error} onRetry={() => void org.refetch()} />;
  const data = org.data;
  const close = () => setAction(null);
  const canAddChild = childKinds(catalogs, data.kind).length > 0;

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="org-dashboard"
      data-org-id={data.id}
    >
      <OrgHeader
        org={data}
        canAddChild={canAddChild}
        onAction={(next) => {
          setModalsUsed(true);
          setAction(next);
        }}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(search);
          if (key === 'committee') next.set('tab', 'committee');
          else next.delete('tab');
          setSearch(next, { replace: true });
        }}
        items={[
          {
            key: 'overview',
            label: t('org.tabs.overview'),
            children: (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <OrgCounts counts={data.counts} />
                <OrgWarnings warnings={data.warnings} />
                <section aria-labelledby="breakdowns-title">
                  <Typography.Title level={4} id="breakdowns-title" style={{ marginTop: 0 }}>
                    {t('org.breakdown.title')}
                  </Typography.Title>
                  <Space wrap style={{ marginBottom: 12 }}>
                    <label htmlFor="stats-as-of">{t('stats.asOf')}</label>
                    <DateInput
                      id="stats-as-of"
                      value={asOf}
                      onChange={setAsOf}
                      disabledAfterToday
                      style={{ width: 160 }}
                    />
                    {asOf ? (
                      <Button size="small" onClick={() => setAsOf(null)}>
                        {t('stats.asOfToday')}
                      </Button>
                    ) : null}
                  </Space>
                  <Typography.Paragraph type="secondary" data-testid="stats-basis">
                    {asOf && stats.data?.total !== undefined ? (
                      <span data-stats-total={stats.data.total}>
                        {t('stats.asOfBasis', {
                          n: formatNumber(stats.data.total, i18n.language),
                          date: formatDate(asOf),
                        })}
                      </span>
                    ) : (
                      t('org.breakdown.basis', {
                        count: data.counts.on_roll,
                        n: formatNumber(data.counts.on_roll, i18n.language),
                      })
                    )}
                  </Typography.Paragraph>
                  {asOf && (stats.data?.undated_exemptions ?? 0) > 0 ? (
                    <Alert
                      type="info"
                      showIcon
                      style={{ marginBottom: 12 }}
                      title={t('stats.undatedExemptions', {
                        n: formatNumber(stats.data?.undated_exemptions ?? 0, i18n.language),
                      })}
                    />
                  ) : null}
                  {stats.isPending ? (
                    <LoadingState rows={6} />
                  ) : stats.isError ? (
                    <ErrorState error={stats.error} onRetry={() => void stats.refetch()} compact />
                  ) : (
                    <Row gutter={[12, 12]}>
                      {dimensions.map((dimension) => (
                        <Col xs={24} xxl={12} key={dimension.key}>
                          <BreakdownCard
                            dimension={dimension}
                            rows={stats.data.breakdowns[dimension.key] ?? []}
                            catalogs={catalogs}
                          />
                        </Col>
                      ))}
                    </Row>
                  )}
                </section>
                <MemberReport orgId={data.id} />
                {data.child_count > 0 || canAddChild ? (
                  <Card
                    size="small"
                    title={t('org.children.title', {
                      n: formatNumber(data.child_count, i18n.language),
                    })}
                  >
                    <OrgChildren org={data} />
                  </Card>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'committee',
            label: t('org.tabs.committee'),
            children:
              tab === 'committee' && committee ? committee({ id: data.id, kind: data.kind }) : null,
          },
        ]}
      />
      {modalsUsed && (
        <Suspense fallback={null}>
          <OrgActionModals
            org={data}
            action={action}
            onClose={close}
            onReload={() => void org.refetch()}
          />
        </Suspense>
      )}
    </Space>
  );
}
