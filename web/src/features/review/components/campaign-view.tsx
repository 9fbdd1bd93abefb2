// One review campaign seen at an organization of its subtree: the summary by grade (and the
// quota of the group), the organizations below with their grades (graded by this level's
// committee), the members when the organization holds them, with where each review stands and
// the forms of each step; the committee decides selected members at once. Closing the campaign
// and the XLSX summary are in the header.
import { ArrowLeftOutlined, DownloadOutlined, UpOutlined } from '@ant-design/icons';
import {
  App,
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { useCatalogLabel } from '@/lib/catalogs';
import { formatDate } from '@/lib/format';
import type { ReviewMemberLine, ReviewUnit } from '@/types';
import { summaryXlsxUrl, useCampaign, useCloseCampaign } from '../api/review';
import { campaignOpen, decidable, stageOf, type LineStage } from '../lib/review';
import { CampaignFanout } from './fanout-progress';
import { GradeSummary } from './grade-summary';
import { GradeTag } from './grade-tag';
import { DecisionModal, OrgGradeModal, ProposalModal, SelfAssessmentModal } from './step-modals';

const stageColors: Record<LineStage, string> = {
  not_reviewed: 'default',
  not_started: 'default',
  self: 'processing',
  proposed: 'blue',
  decided: 'success',
};

type Dialog =
  | { kind: 'self'; line: ReviewMemberLine }
  | { kind: 'proposal'; line: ReviewMemberLine }
  | { kind: 'decide'; lines: ReviewMemberLine[] }
  | { kind: 'org'; unit: ReviewUnit };

export function CampaignView({ id, org }: { id: number; org: number | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const view = useCampaign(id, org);
  const close = useCloseCampaign(id);
  const catalogLabel = useCatalogLabel();
  const [selected, setSelected] = useState<number[]>([]);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  if (view.isPending) return <LoadingState rows={10} />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  const campaign = data.campaign ?? {};
  const shown = data.org ?? {};
  const open = campaignOpen(data);
  // While the campaign fans out in the background, the steps wait (the server refuses them).
  const ready = campaign.fanout?.state !== 'running';
  const mayWrite = open && ready && !!data.may_write;
  const mayDecide = open && ready && !!data.may_decide;
  const atRoot = shown.id === campaign.org_id;
  const members = data.members ?? [];
  const reviewed = members.filter((line) => stageOf(line) !== 'not_reviewed').length;
  const kindName = (code: string | undefined) => catalogLabel('org_kinds', code);
  const chosen = members.filter((line) => selected.includes(line.member_id ?? 0));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="review-campaign">
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Link to={paths.review({ org: campaign.org_id })}>
            <ArrowLeftOutlined /> {t('review.campaign.back')}
          </Link>
          <Typography.Title level={3} style={{ margin: '4px 0' }}>
            {campaign.title}
          </Typography.Title>
          <Space wrap>
            <Tag color={open ? 'processing' : 'default'} data-testid="review-campaign-state">
              {t(`review.states.${campaign.state ?? 'open'}`)}
            </Tag>
            <Typography.Text>
              {t('review.campaign.at')}:{' '}
              <strong data-testid="review-campaign-org">{shown.name}</strong>
            </Typography.Text>
            {!atRoot && (
              <Link to={paths.reviewCampaign(id)}>
                <UpOutlined /> {campaign.org_name}
              </Link>
            )}
          </Space>
        </div>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={summaryXlsxUrl(id, shown.id)} download>
            {t('review.campaign.export')}
          </Button>
          {atRoot && mayDecide && (
            <Popconfirm
              title={t('review.campaign.closeConfirm')}
              okText={t('review.campaign.close')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                close
                  .mutateAsync({ version: campaign.version ?? 0 })
                  .then(() => message.success(t('review.campaign.closed')))
                  .catch(() => undefined)
              }
            >
              <Button danger loading={close.isPending} data-testid="review-close">
                {t('review.campaign.close')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
      <div data-testid="review-close-problem">
        <ProblemAlert error={close.error} all />
      </div>
      {!open && <Alert type="info" showIcon title={t('review.campaign.closedNote')} />}
      <CampaignFanout fanout={campaign.fanout} />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 3 }}
        items={[
          { key: 'year', label: t('review.year'), children: campaign.year },
          {
            key: 'date',
            label: t('review.reviewDate'),
            children: formatDate(campaign.review_date),
          },
          { key: 'org', label: t('review.org'), children: campaign.org_name },
          ...(data.unit
            ? [
                {
                  key: 'grade',
                  label: t('review.campaign.orgGrade'),
                  children: (
                    <Space>
                      {data.unit.grade ? <GradeTag grade={data.unit.grade} /> : '—'}
                      {mayDecide && data.unit && (
                        <Button
                          size="small"
                          onClick={() =>
                            setDialog({
                              kind: 'org',
                              unit: { ...data.unit, name: shown.name, kind: shown.kind },
                            })
                          }
                          data-testid="review-grade-self-org"
                        >
                          {t('review.campaign.gradeOrg')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <GradeSummary view={data} />
      {(data.children ?? []).length > 0 && (
        <Card size="small" title={t('review.campaign.children')}>
          <Table<ReviewUnit>
            size="small"
            rowKey="org_id"
            pagination={false}
            data-testid="review-children"
            dataSource={data.children ?? []}
            scroll={{ x: true }}
            columns={[
              {
                title: t('review.campaign.children'),
                dataIndex: 'name',
                render: (name: string, unit) => (
                  <Link to={paths.reviewCampaign(id, unit.org_id)}>{name}</Link>
                ),
              },
              { title: t('review.campaign.kind'), dataIndex: 'kind', render: kindName },
              {
                title: t('review.campaign.orgGrade'),
                key: 'grade',
                render: (_: unknown, unit) => (
                  <Space>
                    <GradeTag grade={unit.grade} />
                    {unit.score !== null && unit.score !== undefined && (
                      <Typography.Text type="secondary">{unit.score}</Typography.Text>
                    )}
                  </Space>
                ),
              },
              ...(mayDecide
                ? [
                    {
                      title: t('review.campaign.actions'),
                      key: 'actions',
                      render: (_: unknown, unit: ReviewUnit) => (
                        <Button
                          size="small"
                          onClick={() => setDialog({ kind: 'org', unit })}
                          data-testid={`review-grade-org-${unit.org_id}`}
                        >
                          {t('review.campaign.gradeOrg')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      {members.length > 0 && (
        <Card
          size="small"
          title={t('review.campaign.members')}
          extra={
            mayDecide && (
              <Button
                type="primary"
                disabled={chosen.length === 0}
                onClick={() => setDialog({ kind: 'decide', lines: chosen })}
                data-testid="review-decide"
              >
                {t('review.campaign.decideSelected', { count: chosen.length })}
              </Button>
            )
          }
        >
          <Table<ReviewMemberLine>
            size="small"
            rowKey="member_id"
            pagination={false}
            data-testid="review-members"
            dataSource={members}
            scroll={{ x: true }}
            rowSelection={
              mayDecide
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(Number)),
                    getCheckboxProps: (line) => ({
                      disabled: !decidable(line),
                      'aria-label': line.full_name,
                    }),
                  }
                : undefined
            }
            columns={[
              {
                title: t('review.campaign.member'),
                dataIndex: 'full_name',
                render: (name: string, line) => (
                  <Space orientation="vertical" size={0}>
                    <Link to={paths.member(line.member_id ?? 0)}>{name}</Link>
                    {line.is_head && <Tag>{t('review.campaign.head')}</Tag>}
                    {(line.last_year_shortcomings ?? []).length > 0 && (
                      <Typography.Text type="warning" style={{ fontSize: 12 }}>
                        {t('review.campaign.lastYear', {
                          count: line.last_year_shortcomings?.length ?? 0,
                        })}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('review.campaign.selfScore'),
                key: 'selfScore',
                align: 'right',
                render: (_: unknown, line) => line.review?.self_assessment?.score ?? '',
              },
              {
                title: t('review.campaign.selfGrade'),
                key: 'selfGrade',
                render: (_: unknown, line) => (
                  <GradeTag grade={line.review?.self_assessment?.grade} />
                ),
              },
              {
                title: t('review.campaign.cellProposal'),
                key: 'proposal',
                render: (_: unknown, line) => <GradeTag grade={line.review?.proposal?.grade} />,
              },
              {
                title: t('review.campaign.decided'),
                key: 'decided',
                render: (_: unknown, line) => (
                  <Space size={4}>
                    <GradeTag grade={line.review?.grade} />
                    {line.review?.score !== null && line.review?.score !== undefined && (
                      <Typography.Text type="secondary">{line.review.score}</Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('review.campaign.stage'),
                key: 'stage',
                render: (_: unknown, line) => {
                  const stage = stageOf(line);
                  const reason = line.eligibility?.reason;
                  const tag = (
                    <Tag color={stageColors[stage]} data-testid={`review-stage-${line.member_id}`}>
                      {t(`review.stage.${stage}`)}
                    </Tag>
                  );
                  return reason ? (
                    <Tooltip
                      title={t(`review.reason.${reason}`, {
                        from: formatDate(line.eligibility?.reviewable_from),
                      })}
                    >
                      {tag}
                    </Tooltip>
                  ) : (
                    tag
                  );
                },
              },
              ...(mayWrite
                ? [
                    {
                      title: t('review.campaign.actions'),
                      key: 'actions',
                      render: (_: unknown, line: ReviewMemberLine) => {
                        const stage = stageOf(line);
                        if (stage === 'not_reviewed' || stage === 'decided') return null;
                        return (
                          <Space size={4} wrap>
                            <Button
                              size="small"
                              onClick={() => setDialog({ kind: 'self', line })}
                              data-testid={`review-self-${line.member_id}`}
                            >
                              {t('review.campaign.selfAction')}
                            </Button>
                            <Button
                              size="small"
                              onClick={() => setDialog({ kind: 'proposal', line })}
                              data-testid={`review-proposal-${line.member_id}`}
                            >
                              {t('review.campaign.proposalAction')}
                            </Button>
                          </Space>
                        );
                      },
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      {members.length === 0 && (data.children ?? []).length === 0 && (
        <Alert type="info" showIcon title={t('review.campaign.noMembers')} />
      )}
      {dialog?.kind === 'self' && (
        <SelfAssessmentModal campaign={id} line={dialog.line} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'proposal' && (
        <ProposalModal
          campaign={id}
          line={dialog.line}
          entitled={reviewed}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'decide' && (
        <DecisionModal
          campaign={id}
          lines={dialog.lines}
          onClose={() => {
            setDialog(null);
            setSelected([]);
          }}
        />
      )}
      {dialog?.kind === 'org' && (
        <OrgGradeModal campaign={id} unit={dialog.unit} onClose={() => setDialog(null)} />
      )}
    </Space>
  );
}
