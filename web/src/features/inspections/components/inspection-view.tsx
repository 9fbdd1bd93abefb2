// One inspection: what, whom and when; its stages as a timeline (each with its date and
// document); the next stage's form (or the conclusion's, with its violations and
// recommendations) for those who may record it; the conclusion's items and their closing.
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  Select,
  Space,
  Steps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateInput } from '@/components/date-input';
import { ErrorState, LoadingState } from '@/components/page-state';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-text';
import { can } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { useToday } from '@/lib/today';
import type { InspectionView as View, ProblemFieldError } from '@/types';
import { useConclude, useInspection, useRecordStage } from '../api/inspections';
import { inspectionWrite, stageIndex, stageOrder } from '../lib/inspections';
import { ItemTable } from './item-table';
import { StageTag } from './tags';

export function InspectionView({ id }: { id: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const inspection = useInspection(id);
  if (inspection.isPending) return <LoadingState />;
  if (inspection.isError)
    return <ErrorState error={inspection.error} onRetry={() => void inspection.refetch()} />;
  const view = inspection.data;
  const current = stageIndex(view.stage);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t(`inspections.kinds.${view.kind}`)}: {view.subject_name} <StageTag stage={view.stage} />
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('inspections.fields.programme')}>
          <Link to={paths.inspections({ org: view.programme.org_id, year: view.programme.year })}>
            {view.programme.title}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('inspections.fields.window')}>
          {formatDate(view.starts_on)} – {formatDate(view.ends_on)}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspections.fields.content')} span={2}>
          {view.content}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspections.fields.team')} span={2}>
          {view.team.join(', ')}
        </Descriptions.Item>
      </Descriptions>
      <Card title={t('inspections.stages.title')}>
        <Steps
          direction="vertical"
          size="small"
          current={current + 1}
          data-testid="inspection-steps"
          items={stageOrder.map((stage) => {
            const record = view.stages.find((s) => s.stage === stage);
            return {
              title: t(`inspections.stages.${stage}`),
              status: record ? 'finish' : stage === view.next_stage ? 'process' : 'wait',
              description: record
                ? `${formatDate(record.on)} · ${record.document_text ?? `#${record.document_id}`}`
                : undefined,
            };
          })}
        />
        {view.next_stage && view.may_record_next && view.next_stage !== 'conclusion' && (
          <StageForm view={view} />
        )}
        {view.next_stage === 'conclusion' && view.may_record_next && <ConclusionForm view={view} />}
      </Card>
      {view.stage === 'conclusion' && (
        <Card title={t('inspections.conclusion.title')}>
          <Typography.Paragraph data-testid="inspection-conclusion">
            {view.conclusion}
          </Typography.Paragraph>
          <ItemTable items={view.items} mayClose={can(me, inspectionWrite)} />
        </Card>
      )}
    </Flex>
  );
}

interface StageValues {
  on: string;
  document_text: string;
}

function StageForm({ view }: { view: View }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useToday();
  const problemText = useProblemText();
  const [form] = Form.useForm<StageValues>();
  const record = useRecordStage(view.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const stage = view.next_stage as Exclude<View['next_stage'], null | 'conclusion'>;
  // In a row on a wide screen; one field under the other on a phone (no sideways scroll).
  const wide = Grid.useBreakpoint().md ?? true;

  async function send(values: StageValues) {
    setRest([]);
    try {
      await record.mutateAsync({
        version: view.version,
        stage,
        on: values.on,
        document_text: values.document_text.trim(),
      });
      message.success(t('inspections.stages.recorded'));
      form.resetFields();
    } catch (error) {
      if (!isApiError(error)) throw error;
      const left: ProblemFieldError[] = [];
      const fields: { name: keyof StageValues; errors: string[] }[] = [];
      for (const e of error.problem.errors ?? []) {
        if (e.field === 'on' || e.field === 'document_text')
          fields.push({ name: e.field, errors: [problemText(e)] });
        else left.push(e);
      }
      form.setFields(fields);
      setRest(left);
    }
  }

  return (
    <Form<StageValues>
      form={form}
      layout={wide ? 'inline' : 'vertical'}
      name="stage"
      initialValues={{ on: today }}
      onFinish={(values) => void send(values)}
      data-testid="stage-form"
    >
      <ProblemAlert error={record.error} rest={rest} />
      <Typography.Text strong style={{ marginRight: 8 }}>
        {t('inspections.stages.record', { stage: t(`inspections.stages.${stage}`) })}
      </Typography.Text>
      <Form.Item
        name="on"
        label={t('inspections.fields.on')}
        rules={[
          {
            required: true,
            message: t('validation.required', { label: t('inspections.fields.on') }),
          },
        ]}
      >
        <DateInput disabledAfterToday aria-required />
      </Form.Item>
      <Form.Item
        name="document_text"
        label={t('inspections.fields.document_text')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('validation.required', { label: t('inspections.fields.document_text') }),
          },
        ]}
      >
        <Input maxLength={500} data-testid="stage-document" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={record.isPending}
        data-testid="stage-submit"
      >
        {t('common.save')}
      </Button>
    </Form>
  );
}

interface ItemValues {
  kind: 'violation' | 'recommendation';
  description: string;
  action: string;
  owner: string;
  due_on: string;
}

interface ConclusionValues {
  on: string;
  document_text: string;
  text: string;
  items: ItemValues[];
}

function ConclusionForm({ view }: { view: View }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useToday();
  const problemText = useProblemText();
  const [form] = Form.useForm<ConclusionValues>();
  const conclude = useConclude(view.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);

  async function send(values: ConclusionValues) {
    setRest([]);
    try {
      await conclude.mutateAsync({
        version: view.version,
        on: values.on,
        document_text: values.document_text.trim(),
        text: values.text.trim(),
        items: (values.items ?? []).map((item) => ({
          kind: item.kind,
          description: item.description.trim(),
          action: item.action.trim(),
          owner: item.owner.trim(),
          due_on: item.due_on,
        })),
      });
      message.success(t('inspections.conclusion.recorded'));
    } catch (error) {
      if (!isApiError(error)) throw error;
      const left: ProblemFieldError[] = [];
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const e of error.problem.errors ?? []) {
        const item = /^items\[(\d+)\]\.(\w+)$/.exec(e.field);
        if (item)
          fields.push({ name: ['items', Number(item[1]), item[2]], errors: [problemText(e)] });
        else if (['on', 'document_text', 'text'].includes(e.field))
          fields.push({ name: [e.field], errors: [problemText(e)] });
        else left.push(e);
      }
      form.setFields(fields as never);
      setRest(left);
    }
  }

  const label = (field: string) => t(`inspections.fields.${field}`);
  const required = (field: string) => [
    {
      required: true,
      whitespace: true,
      message: t('validation.required', { label: label(field) }),
    },
  ];
  return (
    <Form<ConclusionValues>
      form={form}
      layout="vertical"
      name="conclusion"
      initialValues={{ on: today, items: [] }}
      onFinish={(values) => void send(values)}
      data-testid="conclusion-form"
    >
      <Typography.Title level={4}>{t('inspections.conclusion.record')}</Typography.Title>
      <ProblemAlert error={conclude.error} rest={rest} />
      <Space wrap>
        <Form.Item
          name="on"
          label={label('on')}
          rules={[{ required: true, message: t('validation.required', { label: label('on') }) }]}
        >
          <DateInput disabledAfterToday aria-required />
        </Form.Item>
        <Form.Item
          name="document_text"
          label={label('document_text')}
          rules={required('document_text')}
        >
          <Input maxLength={500} data-testid="conclusion-document" />
        </Form.Item>
      </Space>
      <Form.Item name="text" label={label('conclusion')} rules={required('conclusion')}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="conclusion-text" />
      </Form.Item>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                data-testid="conclusion-item"
                extra={
                  <Button size="small" danger onClick={() => remove(field.name)}>
                    {t('inspections.conclusion.removeItem')}
                  </Button>
                }
              >
                <Form.Item name={[field.name, 'kind']} label={label('itemKind')}>
                  <Select
                    options={(['violation', 'recommendation'] as const).map((value) => ({
                      value,
                      label: t(`inspections.items.kinds.${value}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'description']}
                  label={label('description')}
                  rules={required('description')}
                >
                  <Input maxLength={4000} data-testid="item-description" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'action']}
                  label={label('action')}
                  rules={required('action')}
                >
                  <Input maxLength={4000} data-testid="item-action" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'owner']}
                  label={label('owner')}
                  rules={required('owner')}
                >
                  <Input maxLength={500} data-testid="item-owner" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'due_on']}
                  label={label('due_on')}
                  rules={[
                    {
                      required: true,
                      message: t('validation.required', { label: label('due_on') }),
                    },
                  ]}
                >
                  <DateInput aria-required />
                </Form.Item>
              </Card>
            ))}
            <Button
              onClick={() => add({ kind: 'recommendation' })}
              data-testid="conclusion-add-item"
            >
              {t('inspections.conclusion.addItem')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Button
        type="primary"
        htmlType="submit"
        loading={conclude.isPending}
        style={{ marginTop: 16 }}
        data-testid="conclusion-submit"
      >
        {t('inspections.conclusion.submit')}
      </Button>
    </Form>
  );
}
