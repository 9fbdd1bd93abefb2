// Recording a member's dues basis: the category of income as the API knows it (a salary, a
// benefit, a pension, an allowance a rate applies to; a student's or a chosen fixed amount), the
// amount in whole đồng when the category takes one, the month it applies from (until the next
// basis). The server checks it against the rules in force that month; a refusal shows under its
// field.
import { Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { MonthInput } from '@/components/month-input';
import { useToday } from '@/lib/today';
import { useRecordBasis } from '../api/dues';
import {
  basisAliases,
  basisFields,
  basisInput,
  categoryAmount,
  duesCategories,
  monthOf,
  type BasisValues,
} from '../lib/dues';
import { useRecordForm } from '../hooks/use-record-form';
import { MoneyInput } from './money-input';

export function BasisModal({
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
  const record = useRecordBasis(member);
  const { form, rest, send } = useRecordForm<BasisValues>({
    fields: basisFields,
    aliases: basisAliases,
    onDone: onClose,
  });
  const category = Form.useWatch('category', form);
  const amountKind = categoryAmount(category);

  const label = (field: string) => t(`dues.basis.fields.${field}`);
  const required = (field: string) => ({
    required: true,
    message: t('validation.required', { label: label(field) }),
  });

  return (
    <Modal
      open
      width={560}
      title={t('dues.basis.title', { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('dues.basis.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'basis-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={record.error} rest={rest} />
      <Form<BasisValues>
        form={form}
        name="dues-basis"
        layout="vertical"
        initialValues={{ valid_from: monthOf(today), category: 'bhxh_salary' }}
        onFinish={(values) =>
          void send(() => record.mutateAsync(basisInput(values)), t('dues.basis.done', { name }))
        }
        data-testid="basis-form"
      >
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item name="category" label={label('category')} rules={[required('category')]}>
              <Select
                data-testid="basis-category"
                options={duesCategories.map((value) => ({
                  value,
                  label: t(`dues.categories.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="valid_from"
              label={label('valid_from')}
              rules={[required('valid_from')]}
            >
              <MonthInput style={{ width: '100%' }} data-testid="basis-from" />
            </Form.Item>
          </Col>
        </Row>
        {amountKind !== 'none' ? (
          <Form.Item
            name="amount"
            label={amountKind === 'income' ? label('income') : label('fixed_amount')}
            extra={amountKind === 'income' ? t('dues.basis.incomeHint') : t('dues.basis.fixedHint')}
            rules={[
              {
                required: true,
                message: t('validation.required', {
                  label: amountKind === 'income' ? label('income') : label('fixed_amount'),
                }),
              },
            ]}
          >
            <MoneyInput min={0} aria-required data-testid="basis-amount" />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">{t('dues.basis.noAmount')}</Typography.Paragraph>
        )}
        <Form.Item name="note" label={label('note')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
