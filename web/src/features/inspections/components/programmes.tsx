// The year's inspection and supervision programmes in an organization's subtree: each
// programme (its issuer and title) with a table of its inspections, their subjects, time
// windows, stages and open or overdue items. Issuing a programme and adding an inspection need
// inspection.write over the issuing organization.
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import type { InspectionLine, InspectionProgrammeLine, InspectionProgrammeView } from '@/types';
import { useProgramme, useProgrammes } from '../api/inspections';
import { inspectionWrite } from '../lib/inspections';
import { ProgrammeModal } from './programme-modal';
import { StageTag } from './tags';

export function Programmes({
  org,
  year,
  thisYear,
  onChange,
}: {
  org: number | undefined;
  year: number;
  thisYear: number;
  onChange: (next: { org?: number; year: number }) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const list = useProgrammes(org, year);
  const [issuing, setIssuing] = useState(false);
  const mayWrite = can(me, inspectionWrite);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8} align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('inspections.programmes.title', { year })}
        </Typography.Title>
        <Flex wrap gap={8} align="center" style={{ maxWidth: '100%' }}>
          <OrgPicker
            value={org ?? null}
            onChange={(id) => onChange({ org: id ?? undefined, year })}
            holdsMembers={false}
            aria-label={t('inspections.programmes.org')}
            style={{ width: 280, maxWidth: '100%' }}
          />
          <Select
            value={year}
            aria-label={t('inspections.programmes.year')}
            onChange={(value) => onChange({ org, year: value })}
            options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((value) => ({
              value,
              label: String(value),
            }))}
          />
          {mayWrite && org && (
            <Button type="primary" onClick={() => setIssuing(true)} data-testid="programme-new">
              {t('inspections.programmes.new')}
            </Button>
          )}
          {org && <Link to={paths.inspectionItems({ org })}>{t('inspections.items.title')}</Link>}
        </Flex>
      </Flex>
      {!org ? (
        <EmptyState description={t('inspections.programmes.pickOrg')} />
      ) : list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState description={t('inspections.programmes.empty', { year })} />
      ) : (
        list.data.items.map((line) => <ProgrammeCard key={line.id} line={line} year={year} />)
      )}
      {issuing && org && <ProgrammeModal org={org} year={year} onClose={() => setIssuing(false)} />}
    </Flex>
  );
}

function ProgrammeCard({ line, year }: { line: InspectionProgrammeLine; year: number }) {
  const { t } = useTranslation();
  const programme = useProgramme(line.id);
  const [adding, setAdding] = useState<InspectionProgrammeView | null>(null);
  return (
    <Card
      title={<span style={{ whiteSpace: 'normal' }}>{line.title}</span>}
      data-testid="programme-card"
    >
      {/* Under the title rather than beside it: on a phone the title keeps the card's width. */}
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Tag>{t(`inspections.issuers.${line.issuer}`)}</Tag>
        <Typography.Text type="secondary">{line.org_name}</Typography.Text>
        {programme.data?.may_write && (
          <Button
            size="small"
            onClick={() => setAdding(programme.data)}
            data-testid="inspection-add"
          >
            {t('inspections.programmes.add')}
          </Button>
        )}
      </Flex>
      {programme.isError ? (
        <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />
      ) : (
        <InspectionTable rows={programme.data?.inspections ?? []} loading={programme.isPending} />
      )}
      {adding && (
        <ProgrammeModal
          org={line.org_id}
          year={year}
          programme={adding}
          onClose={() => setAdding(null)}
        />
      )}
    </Card>
  );
}

function InspectionTable({ rows, loading }: { rows: InspectionLine[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<InspectionLine>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={rows}
      scroll={{ x: 720 }}
      columns={[
        {
          title: t('inspections.fields.subject'),
          key: 'subject',
          render: (_, row) => <Link to={paths.inspection(row.id)}>{row.subject_name}</Link>,
        },
        {
          title: t('inspections.fields.kind'),
          key: 'kind',
          render: (_, row) => t(`inspections.kinds.${row.kind}`),
        },
        {
          title: t('inspections.fields.window'),
          key: 'window',
          render: (_, row) => `${formatDate(row.starts_on)} – ${formatDate(row.ends_on)}`,
        },
        {
          title: t('inspections.fields.stage'),
          key: 'stage',
          render: (_, row) => <StageTag stage={row.stage} />,
        },
        {
          title: t('inspections.items.open'),
          key: 'items',
          render: (_, row) =>
            row.overdue_items > 0 ? (
              <Tag color="red">
                {t('inspections.items.overdueCount', { count: row.overdue_items })}
              </Tag>
            ) : (
              row.open_items || ''
            ),
        },
      ]}
    />
  );
}
