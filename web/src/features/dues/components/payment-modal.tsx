// Recording a payment of a member's dues: the day, the first month it is for and how many
// months (in advance too), the amount in whole đồng (suggested from what is owed), a voluntary
// extra, the channel (cash to the cell, bank, the public service portal with its transaction
// reference). The server applies it to the oldest unpaid month first; a refusal shows under
// its field.
import { Alert, Col, Form, Input, InputNumber, Modal, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { useToday } from '@/lib/today';
import { useMemberDues, useRecordPayment } from '../api/dues';
import {
  formatMoney,
  formatMonth,
  monthOf,
  paymentChannels,
  paymentFields,
  paymentInput,
  suggestedAmount,
  type PaymentValues,
} from '../lib/dues';
import { useRecordForm } from '../hooks/use-record-form';
import { MoneyInput } from './money-input';
import { MonthInput } from '@/components/month-input';

export function PaymentModal({
  member,
  name,
  month,
  onClose,
}: {
  member: number;
  name: string;
  /** The month the payment is most likely for (the book's); the oldest unpaid one wins. */
  month?: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const today = useToday();
  const dues = useMemberDues(member);
  const record = useRecordPayment(member);
  const { form, rest, send } = useRecordForm<PaymentValues>({
    fields: paymentFields,
    onDone: onClose,
  });
  const channel = Form.useWatch('channel', form);

  const months = dues.data?.months ?? [];
  const firstUnpaid = months.find((item) => item.outstanding > 0)?.month;
  const defaultFirst = firstUnpaid ?? month ?? monthOf(today);
  const monthly = months.length ? months[months.length - 1].amount : 0;

  function suggest() {
    const first = form.getFieldValue('first_month') as string | undefined;
    const count = (form.getFieldValue('months') as number | undefined) ?? 1;
    if (!first || !dues.data) return;
    form.setFieldValue('amount', suggestedAmount(months, first, count, monthly) || null);
  }

  const required = (label: string) => ({
    required: true,
    message: t('validation.required', { label }),
  });
  const label = (field: string) => t(`dues.payment.fields.${field}`);

  return (
    <Modal
      open
      width={600}
      title={t('dues.payment.title', { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('dues.payment.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'payment-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={record.error} rest={rest} />
      {dues.data && (
        <Alert
          type={dues.data.arrears > 0 ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="payment-owed"
          message={
            dues.data.arrears > 0
              ? t('dues.payment.owes', {
                  amount: formatMoney(dues.data.arrears, lang),
                  month: formatMonth(firstUnpaid),
                })
              : t('dues.payment.upToDate', { credit: formatMoney(dues.data.credit, lang) })
          }
        />
      )}
      {dues.isPending ? null : (
        <Form<PaymentValues>
          form={form}
          name="payment"
          layout="vertical"
          initialValues={{
            paid_on: today,
            first_month: defaultFirst,
            months: 1,
            amount: firstUnpaid
              ? (months.find((item) => item.month === firstUnpaid)?.outstanding ?? null)
              : monthly || null,
            channel: 'cash',
          }}
          onValuesChange={(changed: PaymentValues) => {
            if ('first_month' in changed || 'months' in changed) suggest();
          }}
          onFinish={(values) =>
            void send(
              () => record.mutateAsync(paymentInput(values)),
              t('dues.payment.done', { name }),
            )
          }
          data-testid="payment-form"
        >
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="paid_on"
                label={label('paid_on')}
                rules={[required(label('paid_on'))]}
              >
                <DateInput disabledAfterToday aria-required />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="channel"
                label={label('channel')}
                rules={[required(label('channel'))]}
              >
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={paymentChannels.map((value) => ({
                    value,
                    label: t(`dues.channels.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={12}>
              <Form.Item
                name="first_month"
                label={label('first_month')}
                rules={[required(label('first_month'))]}
              >
                <MonthInput style={{ width: '100%' }} data-testid="payment-first-month" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={12}>
              <Form.Item name="months" label={label('months')} extra={t('dues.payment.monthsHint')}>
                <InputNumber<number> min={1} max={120} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="amount"
                label={label('amount')}
                rules={[
                  required(label('amount')),
                  {
                    validator: (_, value?: number | null) =>
                      value === undefined || value === null || value >= 1
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('dues.payment.positive'))),
                  },
                ]}
              >
                <MoneyInput min={0} aria-required data-testid="payment-amount" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="extra" label={label('extra')} extra={t('dues.payment.extraHint')}>
                <MoneyInput min={0} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="reference"
            label={label('reference')}
            extra={channel === 'portal' ? t('dues.payment.referenceHint') : undefined}
            rules={
              channel === 'portal'
                ? [
                    {
                      required: true,
                      whitespace: true,
                      message: t('validation.required', { label: label('reference') }),
                    },
                  ]
                : []
            }
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="note" label={label('note')}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Typography.Text type="secondary">{t('dues.payment.oldestFirst')}</Typography.Text>
        </Form>
      )}
    </Modal>
  );
}
