// Recording a relief decision for a member's dues: an exemption (miễn), or a reduction by one of
// the percents the rules in force allow (dues.reduction_percents) for at most
// dues.reduction_max_months months; from and to month (an exemption may stay open), the
// decision's number, authority and date, the reason. A refusal shows under its field.
import { Col, Form, Input, Modal, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { MonthInput } from '@/components/month-input';
import { ProblemAlert } from '@/components/problem-alert';
import { ruleInForce, useRules } from '@/lib/catalogs';
import { useToday } from '@/lib/today';
import { useRecordRelief } from '../api/dues';
import {
  monthOf,
  monthsInclusive,
  reliefAliases,
  reliefFields,
  reliefInput,
  type ReductionPercent,
  type ReliefValues,
} from '../lib/dues';
import { useRecordForm } from '../hooks/use-record-form';

export function ReliefModal({
  member,
  name,
  onClose,
}: {
  member: number;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const rules = useRules();
  const record = useRecordRelief(member);
  const { form, rest, send } = useRecordForm<ReliefValues>({
    fields: reliefFields,
    aliases: reliefAliases,
    onDone: onClose,
  });
  const relief = Form.useWatch('relief', form);
  const from = Form.useWatch('from_month', form) ?? monthOf(today);

  // The rules in force on the first day of the first month, as the server checks them.
  const firstDay = `${from}-01`;
  const percentsRule = ruleInForce(rules.data, 'dues.reduction_percents', firstDay);
  const maxMonths = ruleInForce(rules.data, 'dues.reduction_max_months', firstDay);
  const percents = (
    percentsRule ? (percentsRule.values.length ? percentsRule.values : [percentsRule.value]) : []
  ) as ReductionPercent[];

  const label = (field: string) => t(`dues.relief.fields.${field}`);
  const required = (field: string) => ({
    required: true,
    message: t('validation.required', { label: label(field) }),
  });
  const reduction = relief !== 'exemption';

  return (
    <Modal
      open
      width={600}
      title={t('dues.relief.title', { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('dues.relief.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'relief-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={record.error} rest={rest} />
      <Form<ReliefValues>
        form={form}
        name="dues-relief"
        layout="vertical"
        initialValues={{ relief: 'reduction', from_month: monthOf(today) }}
        onFinish={(values) =>
          void send(() => record.mutateAsync(reliefInput(values)), t('dues.relief.done', { name }))
        }
        data-testid="relief-form"
      >
        <Form.Item name="relief" label={label('relief')} rules={[required('relief')]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'reduction', label: t('dues.relief.kinds.reduction') },
              { value: 'exemption', label: t('dues.relief.kinds.exemption') },
            ]}
            data-testid="relief-kind"
          />
        </Form.Item>
        {reduction && (
          <Form.Item
            name="percent"
            label={label('percent')}
            rules={[required('percent')]}
            extra={percentsRule?.source}
          >
            <Radio.Group
              optionType="button"
              options={percents.map((value) => ({ value, label: `${value} %` }))}
              data-testid="relief-percent"
            />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item
              name="from_month"
              label={label('from_month')}
              rules={[required('from_month')]}
            >
              <MonthInput style={{ width: '100%' }} data-testid="relief-from" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="to_month"
              label={label('to_month')}
              dependencies={['from_month']}
              extra={
                reduction && maxMonths
                  ? t('dues.relief.maxMonths', { count: maxMonths.value })
                  : t('dues.relief.openHint')
              }
              rules={[
                ...(reduction ? [required('to_month')] : []),
                ({ getFieldValue }) => ({
                  validator: (_, value?: string | null) => {
                    const first = getFieldValue('from_month') as string | undefined;
                    if (!value || !first) return Promise.resolve();
                    const count = monthsInclusive(first, value);
                    if (count < 1) return Promise.reject(new Error(t('dues.relief.reversed')));
                    if (reduction && maxMonths && count > maxMonths.value)
                      return Promise.reject(
                        new Error(t('dues.relief.tooLong', { count: maxMonths.value })),
                      );
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <MonthInput allowClear style={{ width: '100%' }} data-testid="relief-to" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="decision_number" label={label('decision_number')}>
              <Input maxLength={255} data-testid="relief-decision-number" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="decision_authority" label={label('decision_authority')}>
              <Input maxLength={255} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="decision_date" label={label('decision_date')}>
              <DateInput disabledAfterToday />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={label('reason')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Typography.Text type="secondary">{t('dues.relief.hint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
