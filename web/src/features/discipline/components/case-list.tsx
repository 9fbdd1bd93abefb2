// The discipline cases of an organization's subtree: the subject, the breach, the sanction, the
// state and the limitation clock ("không giới hạn" for a breach without limitation); a button to
// open a case for holders of discipline.write.
import { Button, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import type { DisciplineCase } from '@/types';
import { useOrgCases } from '../api/discipline';
import { disciplineWrite } from '../lib/discipline';
import { ClockTag } from './clock-tag';
import { OpenCaseModal } from './open-case-modal';

export function CaseList({
  org,
  onOrgChange,
}: {
  org: number | undefined;
  onOrgChange: (org: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const data = useOrgCases(org);
  const [opening, setOpening] = useState(false);

  const columns: TableColumnsType<DisciplineCase> = [
    {
      key: 'subject',
      title: t('discipline.fields.subject'),
      width: 220,
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Link to={paths.disciplineCase(item.id)} data-testid="discipline-case-link">
            {item.subject_name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`discipline.subjects.${item.subject}`)} · {item.org_name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'breach',
      title: t('discipline.fields.breach_summary'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{item.breach_summary}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDate(item.breach_date)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'sanction',
      title: t('discipline.fields.sanction'),
      width: 130,
      render: (_, item) => <Tag>{t(`discipline.sanctions.${item.sanction}`)}</Tag>,
    },
    {
      key: 'state',
      title: t('discipline.fields.state'),
      width: 150,
      render: (_, item) => t(`discipline.states.${item.state}`),
    },
    {
      key: 'limitation',
      title: t('discipline.clock.limitation'),
      width: 220,
      render: (_, item) => {
        const clock = item.clocks.limitation;
        return (
          <ClockTag
            unlimited={clock?.unlimited}
            due={clock?.ends_on}
            daysLeft={clock?.days_left}
            overdue={clock?.expired}
          />
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="discipline-list">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('discipline.list.title')}
        </Typography.Title>
        <Space wrap>
          <OrgPicker
            value={org}
            onChange={(next) => onOrgChange(next ?? undefined)}
            style={{ width: 360, maxWidth: '100%' }}
            aria-label={t('dues.org')}
            placeholder={t('dues.chooseOrg')}
          />
          {org && can(me, disciplineWrite) && (
            <Button type="primary" onClick={() => setOpening(true)} data-testid="discipline-open">
              {t('discipline.open.title')}
            </Button>
          )}
        </Space>
      </Flex>
      {!org ? (
        <EmptyState description={t('dues.chooseOrg')} />
      ) : data.isPending ? (
        <LoadingState rows={6} />
      ) : data.isError ? (
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      ) : data.data.items.length === 0 ? (
        <EmptyState description={t('discipline.list.empty')} />
      ) : (
        <Table<DisciplineCase>
          rowKey="id"
          columns={columns}
          dataSource={data.data.items}
          pagination={false}
          scroll={{ x: 900 }}
          size="middle"
        />
      )}
      {opening && org && <OpenCaseModal org={org} onClose={() => setOpening(false)} />}
    </Space>
  );
}
