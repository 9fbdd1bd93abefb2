// "Kế hoạch cá nhân" of the signed-in member: the year's plan or commitment with its items and
// the cell's reviews, the deadline (heads earlier), the heads of the cell who have not recorded
// yet, and the form to record it or edit it until the cell reviews it. Fits a 390 px screen.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import type { MyPlan, PlanView } from '@/types';
import { useMyPlan, useRecordPlan, useUpdatePlan } from '../api/plans';
import { planItemsInput, statusColor, type PlanFormValues } from '../lib/plans';
import { PlanItems } from './plan-items';

function PlanForm({ mine, plan, onDone }: { mine: MyPlan; plan?: PlanView; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const record = useRecordPlan();
  const update = useUpdatePlan();
  const saving = record.isPending || update.isPending;
  const error = plan ? update.error : record.error;
  const initial: PlanFormValues = plan
    ? {
        kind: plan.kind,
        items: plan.items.map((i) => ({
          content: i.content,
          measure: i.measure,
          due_on: i.due_on,
        })),
      }
    : { kind: 'commitment', items: [{ content: '', measure: '' }] };

  const submit = async (values: PlanFormValues) => {
    const items = planItemsInput(values);
    try {
      if (plan) {
        await update.mutateAsync({
          id: plan.id,
          input: { kind: values.kind, items, version: plan.version },
        });
      } else {
        const saved = await record.mutateAsync({ year: mine.year, kind: values.kind, items });
        if (saved.heads_missing.length > 0) {
          message.warning(
            t('plans.headsMissingSaved', {
              names: saved.heads_missing.map((h) => h.full_name).join(', '),
            }),
          );
        }
      }
      message.success(t('plans.saved'));
      onDone();
    } catch (failure) {
      if (!isApiError(failure)) throw failure;
    }
  };

  return (
    <Form
      form={form}
      name="plan"
      layout="vertical"
      initialValues={initial}
      onFinish={(values) => void submit(values)}
      data-testid="plan-form"
    >
      <ProblemAlert error={error} all />
      <Form.Item name="kind" label={t('plans.kindLabel')} rules={[{ required: true }]}>
        <Select
          options={(['commitment', 'plan'] as const).map((k) => ({
            value: k,
            label: t(`plans.kind.${k}`),
          }))}
        />
      </Form.Item>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={t('plans.itemNumber', { n: index + 1 })}
                extra={
                  fields.length > 1 && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('plans.removeItem', { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  )
                }
              >
                <Form.Item
                  name={[field.name, 'content']}
                  label={t('plans.content')}
                  rules={[
                    { required: true, whitespace: true, message: t('plans.contentRequired') },
                  ]}
                >
                  <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'measure']}
                  label={t('plans.measure')}
                  rules={[
                    { required: true, whitespace: true, message: t('plans.measureRequired') },
                  ]}
                >
                  <Input maxLength={1000} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'due_on']}
                  label={t('plans.dueOn')}
                  style={{ marginBottom: 0 }}
                >
                  <DateInput />
                </Form.Item>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ content: '', measure: '' })}
              disabled={fields.length >= 30}
              block
            >
              {t('plans.addItem')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="plan-save">
          {plan ? t('plans.saveEdit') : t('plans.record')}
        </Button>
        {plan && <Button onClick={onDone}>{t('common.cancel')}</Button>}
      </Flex>
    </Form>
  );
}

export function MyPlanPanel({ year }: { year: number }) {
  const { t } = useTranslation();
  const mine = useMyPlan(year);
  const [editing, setEditing] = useState(false);

  if (mine.isPending) return <LoadingState />;
  if (mine.isError) {
    if (isApiError(mine.error) && mine.error.problem.code === 'account_not_linked_to_member')
      return <EmptyState description={t('plans.notLinked')} />;
    return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  }
  const data = mine.data;
  const plan = data.plan;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-plan">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('plans.member')}>{data.member.full_name}</Descriptions.Item>
        <Descriptions.Item label={t('plans.cell')}>{data.org.name}</Descriptions.Item>
        <Descriptions.Item label={t('plans.due')}>
          {data.due ? formatDate(data.due.on) : '—'}
          {data.head && <Tag style={{ marginInlineStart: 8 }}>{t('plans.head')}</Tag>}
          {data.due && (
            <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
              {data.due.source}
            </Typography.Paragraph>
          )}
        </Descriptions.Item>
      </Descriptions>
      {data.heads_missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="heads-missing"
          title={t('plans.headsFirst')}
          description={data.heads_missing.map((h) => h.full_name).join(', ')}
        />
      )}
      {plan && !editing ? (
        <Card
          size="small"
          title={
            <Space wrap>
              <span>{t(`plans.kind.${plan.kind}`)}</span>
              <Tag color={statusColor[plan.status]} data-testid="plan-status">
                {t(`plans.status.${plan.status}`)}
              </Tag>
              {plan.late && <Tag color="orange">{t('plans.late')}</Tag>}
            </Space>
          }
          extra={
            plan.may_edit && (
              <Button onClick={() => setEditing(true)} data-testid="plan-edit">
                {t('common.edit')}
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary">
            {t('plans.recordedOn', { date: formatDate(plan.recorded_on) })}
          </Typography.Paragraph>
          <PlanItems items={plan.items} reviews={plan.reviews} />
          {plan.reviews.map((r) => (
            <Typography.Paragraph key={r.id} style={{ marginTop: 12, marginBottom: 0 }}>
              <strong>{t(`plans.stage.${r.stage}`)}</strong> ({formatDate(r.reviewed_on)})
              {r.comment ? `: ${r.comment}` : ''}
            </Typography.Paragraph>
          ))}
          {!plan.may_edit && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('plans.lockedAfterReview')}
            </Typography.Paragraph>
          )}
        </Card>
      ) : (
        <Card size="small" title={plan ? t('plans.editTitle') : t('plans.recordTitle', { year })}>
          <PlanForm mine={data} plan={plan ?? undefined} onDone={() => setEditing(false)} />
        </Card>
      )}
    </Space>
  );
}
