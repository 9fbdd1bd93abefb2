// Ending an open transfer: completing it (the receiving side's confirmation, or the end of a
// temporary one) with a note, or cancelling it with its reason; both on a date not before the
// letter. Refusals show under their fields with the rule and its source.
import { App, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import { useToday } from '@/lib/today';
import { useProblemText } from '@/lib/problem-text';
import type { ProblemFieldError, Transfer } from '@/types';
import { useTransferAction } from '../api/transfers';
import { transferEnds, type TransferAction } from '../lib/transfers';

interface Values {
  on: string;
  text?: string;
}

const fields = ['on', 'text'];
// The server names the text field by what it is: a note on completing, a reason on cancelling.
const aliases = { note: 'text', reason: 'text' };

export function TransferActionModal({
  transfer,
  action,
  onClose,
}: {
  transfer: Transfer;
  action: TransferAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const text = useProblemText();
  const [form] = Form.useForm<Values>();
  const call = useTransferAction(transfer.id, action);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const ends = transferEnds(transfer);
  const label = t(`transfers.${action}.text`);

  async function submit(values: Values) {
    setRest([]);
    const body = {
      version: transfer.version,
      on: values.on,
      ...(action === 'complete' ? { note: values.text ?? '' } : { reason: values.text ?? '' }),
    };
    try {
      await call.mutateAsync(body);
      message.success(t(`transfers.${action}.done`));
      onClose();
    } catch (error) {
      if (isApiError(error)) setRest(applyFieldErrors(form, error.problem, fields, text, aliases));
    }
  }

  return (
    <Modal
      open
      width={560}
      title={t(`transfers.${action}.title`, { name: transfer.member_name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`transfers.${action}.ok`)}
      okButtonProps={{ danger: action === 'cancel' }}
      cancelText={t('common.cancel')}
      confirmLoading={call.isPending}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'route',
            label: t('transfers.columns.route'),
            children: `${ends.from} → ${ends.to}`,
          },
          {
            key: 'letter',
            label: t('transfers.columns.letter'),
            children: [formatDate(transfer.letter_date), transfer.letter?.number]
              .filter(Boolean)
              .join(' · '),
          },
        ]}
      />
      <ProblemAlert error={call.error} rest={rest} />
      <Form<Values>
        form={form}
        name={`transfer_${action}`}
        layout="vertical"
        initialValues={{ on: today }}
        onFinish={(values) => void submit(values)}
        data-testid={`transfer-${action}-form`}
      >
        <Form.Item
          name="on"
          label={t(`transfers.${action}.on`)}
          rules={[
            {
              required: true,
              message: t('validation.required', { label: t(`transfers.${action}.on`) }),
            },
          ]}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item
          name="text"
          label={label}
          rules={
            action === 'cancel'
              ? [{ required: true, whitespace: true, message: t('validation.required', { label }) }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
