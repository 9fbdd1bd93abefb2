// Recording an adjustment to a cell's closed month: an amount added to or taken from what the
// month collected, and the reason (who and why). The locked closing stays as it was; the book
// lists the adjustment and counts it in the month's collection. A refusal shows under its field.
import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import type { ProblemFieldError } from '@/types';
import { useRecordAdjustment } from '../api/dues';
import { adjustmentFields, adjustmentInput, formatMonth, type AdjustmentValues } from '../lib/dues';
import { MoneyInput } from './money-input';

export function AdjustmentModal({
  org,
  month,
  onClose,
}: {
  org: number;
  month: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<AdjustmentValues>();
  const record = useRecordAdjustment(org);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);

  async function send(values: AdjustmentValues) {
    setRest([]);
    try {
      await record.mutateAsync(adjustmentInput(month, values));
      message.success(t('dues.adjustment.done', { month: formatMonth(month) }));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, adjustmentFields, problemText));
    }
  }

  const label = (field: string) => t(`dues.adjustment.fields.${field}`);

  return (
    <Modal
      open
      width={520}
      title={t('dues.adjustment.title', { month: formatMonth(month) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('dues.adjustment.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'adjustment-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={record.error} rest={rest} />
      <Form<AdjustmentValues>
        form={form}
        name="dues-adjustment"
        layout="vertical"
        initialValues={{ direction: 'add' }}
        onFinish={(values) => void send(values)}
        data-testid="adjustment-form"
      >
        <Form.Item name="direction" label={label('direction')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'add', label: t('dues.adjustment.add') },
              { value: 'subtract', label: t('dues.adjustment.subtract') },
            ]}
            data-testid="adjustment-direction"
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={label('amount')}
          rules={[
            { required: true, message: t('validation.required', { label: label('amount') }) },
            {
              validator: (_, value?: number | null) =>
                value === undefined || value === null || value >= 1
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('dues.payment.positive'))),
            },
          ]}
        >
          <MoneyInput min={0} aria-required data-testid="adjustment-amount" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={label('reason')}
          extra={t('dues.adjustment.reasonHint')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { label: label('reason') }),
            },
          ]}
        >
          <Input.TextArea
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="adjustment-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
