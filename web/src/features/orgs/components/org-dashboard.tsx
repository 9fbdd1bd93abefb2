// An organization's dashboard: who it is, its member counts, structural warnings, member
// breakdowns as charts with their numbers, and its children with their counts.
import { useQuery } from '@tanstack/react-query';
import { App, Card, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { useCatalogs } from '@/lib/catalogs';
import { formatNumber } from '@/lib/format';
import { orgQuery } from '@/lib/org-queries';
import { useOrgStats } from '../api/get-org-stats';
import { dimensions } from '../lib/breakdowns';
import { childKinds } from '../lib/kinds';
import { BreakdownCard } from './breakdown-card';
import { OrgChildren } from './org-children';
import { OrgCounts } from './org-counts';
import { OrgDissolveModal } from './org-dissolve-modal';
import { OrgFormModal } from './org-form-modal';
import { OrgHeader, type OrgAction } from './org-header';
import { OrgMergeModal } from './org-merge-modal';
import { OrgMoveModal } from './org-move-modal';
import { OrgWarnings } from './org-warnings';

export function OrgDashboard({ orgId }: { orgId: number }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const org = useQuery(orgQuery(orgId));
  const stats = useOrgStats(orgId);
  const catalogs = useCatalogs().data;
  const [action, setAction] = useState<OrgAction | null>(null);

  if (org.isPending) return <LoadingState rows={10} />;
  if (org.isError) return <ErrorState error={org.error} onRetry={() => void org.refetch()} />;
  const data = org.data;
  const close = () => setAction(null);
  const canAddChild = childKinds(catalogs, data.kind).length > 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="org-dashboard" data-org-id={data.id}>
      <OrgHeader org={data} canAddChild={canAddChild} onAction={setAction} />
      <OrgCounts counts={data.counts} />
      <OrgWarnings warnings={data.warnings} />
      <section aria-labelledby="breakdowns-title">
        <Typography.Title level={4} id="breakdowns-title" style={{ marginTop: 0 }}>
          {t('org.breakdown.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('org.breakdown.basis', { count: data.counts.on_roll, n: formatNumber(data.counts.on_roll, i18n.language) })}
        </Typography.Paragraph>
        {stats.isPending ? (
          <LoadingState rows={6} />
        ) : stats.isError ? (
          <ErrorState error={stats.error} onRetry={() => void stats.refetch()} compact />
        ) : (
          <Row gutter={[12, 12]}>
            {dimensions.map((dimension) => (
              <Col xs={24} xl={12} key={dimension.key}>
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
      {data.child_count > 0 || canAddChild ? (
        <Card
          size="small"
          title={t('org.children.title', { n: formatNumber(data.child_count, i18n.language) })}
        >
          <OrgChildren org={data} />
        </Card>
      ) : null}

      <OrgFormModal
        mode="create"
        parent={data}
        open={action === 'create'}
        onClose={close}
        onDone={(created) => {
          close();
          message.success(t('org.form.created', { name: created.name }));
          navigate(paths.org(created.id));
        }}
      />
      <OrgFormModal
        mode="edit"
        org={data}
        open={action === 'edit'}
        onClose={close}
        onReload={() => void org.refetch()}
        onDone={() => {
          close();
          message.success(t('common.saved'));
        }}
      />
      <OrgMoveModal
        org={data}
        open={action === 'move'}
        onClose={close}
        onDone={() => {
          close();
          message.success(t('org.move.done'));
        }}
      />
      <OrgMergeModal
        org={data}
        open={action === 'merge'}
        onClose={close}
        onDone={(target) => {
          close();
          message.success(t('org.merge.done'));
          navigate(paths.org(target));
        }}
      />
      <OrgDissolveModal
        org={data}
        open={action === 'dissolve'}
        onClose={close}
        onDone={() => {
          close();
          message.success(t('org.dissolve.done'));
          navigate(data.parent_id ? paths.org(data.parent_id) : paths.orgs());
        }}
      />
    </Space>
  );
}
