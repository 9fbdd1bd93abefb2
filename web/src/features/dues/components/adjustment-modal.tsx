// Recording an adjustment to a cell's closed month: an amount added to or taken from what the
// month collected, and the reason (who and why). The locked closing stays as it was; the book
// lists the adjustment and counts it in the month's collection. A refusal shows under its field.
import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useRecordAdjustment } from '../api/dues';
import { adjustmentFields, adjustmentInput, formatMonth, type AdjustmentValues } from '../lib/dues';
import { useRecordForm } from '../hooks/use-record-form';
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
  const record = useRecordAdjustment(org);
  const { form, rest, send } = useRecordForm<AdjustmentValues>({
    fields: adjustmentFields,
    onDone: onClose,
  });

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
        onFinish={(values) =>
          void send(
            () => record.mutateAsync(adjustmentInput(month, values)),
            t('dues.adjustment.done', { month: formatMonth(month) }),
          )
        }
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
