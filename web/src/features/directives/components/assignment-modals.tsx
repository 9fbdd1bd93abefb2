// An assignment's dialogs: sending a report (text, figures, a note of the documents attached)
// and reviewing one (accept, with an optional comment; return, with a required comment). They
// send the version seen; a refusal shows under its field.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import type { AssignmentDetail, ProblemFieldError } from '@/types';
import { useAssignmentStep, useSubmitReport } from '../api/directives';
import {
  reportablePeriods,
  reportInput,
  reviewablePeriods,
  type ReportValues,
} from '../lib/directives';
import { usePeriodLabel } from './report-periods';

export function ReportModal({
  assignment,
  onClose,
}: {
  assignment: AssignmentDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useProblemText();
  const [form] = Form.useForm<ReportValues>();
  const submit = useSubmitReport(assignment.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const label = t('assignment.reportForm.text');
  const periodLabel = usePeriodLabel();
  const periods = reportablePeriods(assignment);

  async function send(values: ReportValues) {
    setRest([]);
    try {
      await submit.mutateAsync(reportInput(assignment.version, values));
      message.success(t('assignment.done.report'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(
        applyFieldErrors(
          form,
          error.problem,
          ['period', 'text', 'figures', 'attachment_note'],
          text,
        ),
      );
    }
  }

  return (
    <Modal
      open
      width={640}
      title={t('assignment.reportForm.title', { task: assignment.task_title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('assignment.actions.report')}
      cancelText={t('common.cancel')}
      confirmLoading={submit.isPending}
      okButtonProps={{ 'data-testid': 'report-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={submit.error} rest={rest} />
      <Form<ReportValues>
        form={form}
        name="report"
        layout="vertical"
        initialValues={{ figures: [], period: periods[0] }}
        onFinish={(values) => void send(values)}
        data-testid="report-form"
      >
        {periods.length > 0 && (
          <Form.Item
            name="period"
            label={t('periodic.period')}
            rules={[
              {
                required: true,
                message: t('validation.required', { label: t('periodic.period') }),
              },
            ]}
          >
            <Select
              options={periods.map((key) => ({ value: key, label: periodLabel(key) }))}
              data-testid="report-period"
            />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={label}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { label }) },
          ]}
        >
          <Input.TextArea maxLength={8000} autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.List name="figures">
          {(items, { add, remove }) => (
            <Form.Item label={t('assignment.reportForm.figures')}>
              {items.map((item) => (
                <Flex key={item.key} gap={8} wrap align="baseline" data-testid="report-figure">
                  <Form.Item name={[item.name, 'label']} style={{ flex: '2 1 160px' }}>
                    <Input placeholder={t('assignment.reportForm.label')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'value']} style={{ flex: '1 1 90px' }}>
                    <InputNumber
                      placeholder={t('assignment.reportForm.value')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <Form.Item name={[item.name, 'unit']} style={{ flex: '1 1 80px' }}>
                    <Input placeholder={t('assignment.reportForm.unit')} maxLength={40} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('directive.removeTask')}
                    onClick={() => remove(item.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('assignment.reportForm.addFigure')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="attachment_note" label={t('assignment.reportForm.attachmentNote')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReviewModal({
  assignment,
  onClose,
}: {
  assignment: AssignmentDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useProblemText();
  const [form] = Form.useForm<{ comment?: string; period?: string }>();
  const step = useAssignmentStep(assignment.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const label = t('assignment.reviewForm.comment');
  const periodLabel = usePeriodLabel();
  const periods = reviewablePeriods(assignment);

  async function review(kind: 'accept' | 'return') {
    setRest([]);
    const comment = (form.getFieldValue('comment') ?? '').trim();
    if (kind === 'return' && !comment) {
      form.setFields([{ name: 'comment', errors: [t('validation.required', { label })] }]);
      return;
    }
    const period: string | undefined = form.getFieldValue('period');
    try {
      await step.mutateAsync({
        step: kind,
        body: {
          version: assignment.version,
          ...(comment ? { comment } : {}),
          ...(period ? { period } : {}),
        },
      });
      message.success(t(`assignment.done.${kind}`));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, ['period', 'comment'], text));
    }
  }

  return (
    <Modal
      open
      width={560}
      title={t('assignment.reviewForm.title', { task: assignment.task_title })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            danger
            loading={step.isPending && step.variables?.step === 'return'}
            onClick={() => void review('return')}
            data-testid="review-return"
          >
            {t('assignment.actions.return')}
          </Button>
          <Button
            type="primary"
            loading={step.isPending && step.variables?.step === 'accept'}
            onClick={() => void review('accept')}
            data-testid="review-accept"
          >
            {t('assignment.actions.accept')}
          </Button>
        </Flex>
      }
    >
      <ProblemAlert error={step.error} rest={rest} />
      <Form
        form={form}
        name="review"
        layout="vertical"
        initialValues={{ period: periods[0] }}
        data-testid="review-form"
      >
        {periods.length > 0 && (
          <Form.Item name="period" label={t('periodic.period')}>
            <Select
              options={periods.map((key) => ({ value: key, label: periodLabel(key) }))}
              data-testid="review-period"
            />
          </Form.Item>
        )}
        <Form.Item name="comment" label={label} extra={t('assignment.reviewForm.commentHint')}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
