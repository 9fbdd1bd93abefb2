// A cell's plans of a year: every member on the roll, the heads first (secretary, deputy,
// committee members), who has and has not recorded, late ones, each plan's review status; the
// deadlines and review windows of the rules; the secretary (plan.review) opens a plan and
// reviews it at the stage open today, with an assessment per item.
import {
  App,
  Button,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useToday } from '@/lib/today';
import type { CellPlanLine, CellPlans, PlanReviewStage, PlanSummary } from '@/types';
import { useCellPlans, useReviewPlan } from '../api/plans';
import { assessments, oneLine, openStages, statusColor } from '../lib/plans';
import { PlanItems } from './plan-items';

interface ReviewValues {
  stage: PlanReviewStage;
  comment?: string;
  items: { item_id: number; assessment?: string; comment?: string }[];
}

function ReviewModal({
  line,
  plan,
  cell,
  onClose,
}: {
  line: CellPlanLine;
  plan: PlanSummary;
  cell: CellPlans;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useToday();
  const [form] = Form.useForm<ReviewValues>();
  const review = useReviewPlan();
  const stages = cell.may_review ? openStages(plan, cell, today) : [];

  const submit = async (values: ReviewValues) => {
    try {
      await review.mutateAsync({
        id: plan.id,
        input: {
          stage: values.stage,
          ...(oneLine(values.comment) ? { comment: oneLine(values.comment) } : {}),
          items: values.items.map((i) => ({
            item_id: i.item_id,
            assessment: i.assessment as 'done' | 'partly' | 'not_done',
            ...(i.comment?.trim() ? { comment: i.comment.trim() } : {}),
          })),
        },
      });
      message.success(t('plans.reviewed'));
      onClose();
    } catch (failure) {
      if (!isApiError(failure)) throw failure;
    }
  };

  return (
    <Modal
      open
      title={`${line.full_name} · ${t(`plans.kind.${plan.kind}`)} ${plan.year}`}
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <PlanItems items={plan.items} reviews={plan.reviews} />
        {stages.length === 0 ? (
          <Typography.Text type="secondary" data-testid="review-closed">
            {cell.may_review ? t('plans.noStageOpen') : t('plans.mayNotReview')}
          </Typography.Text>
        ) : (
          <Form
            form={form}
            name="review"
            layout="vertical"
            data-testid="review-form"
            initialValues={{
              stage: stages[0],
              items: plan.items.map((i) => ({ item_id: i.id, assessment: undefined })),
            }}
            onFinish={(values) => void submit(values)}
          >
            <ProblemAlert error={review.error} all />
            <Form.Item name="stage" label={t('plans.stageLabel')} rules={[{ required: true }]}>
              <Select options={stages.map((s) => ({ value: s, label: t(`plans.stage.${s}`) }))} />
            </Form.Item>
            <Form.List name="items">
              {(fields) =>
                fields.map((field, index) => (
                  <div key={field.key} data-testid={`review-item-${index}`}>
                    <Typography.Text strong>
                      {index + 1}. {plan.items[index]?.content}
                    </Typography.Text>
                    <Form.Item name={[field.name, 'item_id']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'assessment']}
                      rules={[{ required: true, message: t('plans.assessmentRequired') }]}
                      style={{ marginBottom: 4 }}
                    >
                      <Radio.Group
                        options={assessments.map((a) => ({
                          value: a,
                          label: t(`plans.assessment.${a}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'comment']}>
                      <Input placeholder={t('plans.itemComment')} maxLength={2000} />
                    </Form.Item>
                  </div>
                ))
              }
            </Form.List>
            <Form.Item name="comment" label={t('plans.reviewComment')}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={review.isPending}
              data-testid="review-save"
            >
              {t('plans.saveReview')}
            </Button>
          </Form>
        )}
      </Space>
    </Modal>
  );
}

export function CellPlansPanel({ org, year }: { org: number | undefined; year: number }) {
  const { t } = useTranslation();
  const cell = useCellPlans(org, year);
  const [open, setOpen] = useState<CellPlanLine | null>(null);

  if (!org) return <EmptyState description={t('plans.pickCell')} />;
  if (cell.isPending) return <LoadingState />;
  if (cell.isError) {
    if (isApiError(cell.error) && cell.error.problem.code === 'org_holds_no_members')
      return <EmptyState description={t('plans.pickCell')} />;
    return <ErrorState error={cell.error} onRetry={() => void cell.refetch()} />;
  }
  const data = cell.data;
  const totals = data.totals;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="cell-plans">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {data.org.name}
      </Typography.Title>
      <Flex gap={24} wrap>
        <Statistic
          title={t('plans.totals.recorded')}
          value={totals.recorded}
          suffix={`/ ${totals.members}`}
        />
        <Statistic title={t('plans.totals.headsNotRecorded')} value={totals.heads_not_recorded} />
        <Statistic title={t('plans.totals.midYear')} value={totals.reviewed_mid_year} />
        <Statistic title={t('plans.totals.yearEnd')} value={totals.reviewed_year_end} />
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('plans.headsDue')}>
          {data.heads_due ? formatDate(data.heads_due.on) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.membersDue')}>
          {data.members_due ? formatDate(data.members_due.on) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.stage.mid_year')}>
          {data.mid_year_window
            ? `${formatDate(data.mid_year_window.opens.on)} – ${formatDate(data.mid_year_window.closes.on)}`
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.stage.year_end')}>
          {data.year_end_window
            ? `${formatDate(data.year_end_window.opens.on)} – ${formatDate(data.year_end_window.closes.on)}`
            : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Table<CellPlanLine>
        rowKey="member_id"
        size="small"
        pagination={false}
        dataSource={data.lines}
        scroll={{ x: 'max-content' }}
        data-testid="cell-plans-table"
        columns={[
          {
            title: t('plans.member'),
            dataIndex: 'full_name',
            render: (name: string, line) => (
              <Space wrap size={4}>
                <span>{name}</span>
                {line.position && (
                  <Tag color="geekblue">
                    {t(`plans.position.${line.position}`, { defaultValue: line.position })}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('plans.statusLabel'),
            render: (_, line) =>
              line.plan ? (
                <Space wrap size={4}>
                  <Tag color={statusColor[line.plan.status]}>
                    {t(`plans.status.${line.plan.status}`)}
                  </Tag>
                  {line.late && <Tag color="orange">{t('plans.late')}</Tag>}
                </Space>
              ) : (
                <Tag color={line.late ? 'red' : 'default'}>{t('plans.notRecorded')}</Tag>
              ),
          },
          {
            title: t('plans.recordedOnLabel'),
            render: (_, line) => (line.plan ? formatDate(line.plan.recorded_on) : '—'),
          },
          {
            title: '',
            render: (_, line) =>
              line.plan && (
                <Button
                  size="small"
                  onClick={() => setOpen(line)}
                  data-testid={`open-plan-${line.member_id}`}
                >
                  {data.may_review ? t('plans.review') : t('plans.view')}
                </Button>
              ),
          },
        ]}
      />
      {open?.plan && (
        <ReviewModal line={open} plan={open.plan} cell={data} onClose={() => setOpen(null)} />
      )}
    </Space>
  );
}
