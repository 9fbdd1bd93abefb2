// Closing a violation or recommendation: the evidence and the day it was fixed (not before the
// conclusion, not after today).
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import { useToday } from '@/lib/today';
import type { InspectionItem, ProblemFieldError } from '@/types';
import { useCloseItem } from '../api/inspections';

interface CloseValues {
  evidence: string;
  closed_on: string;
}

export function CloseItemModal({ item, onClose }: { item: InspectionItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useToday();
  const problemText = useProblemText();
  const [form] = Form.useForm<CloseValues>();
  const close = useCloseItem();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);

  async function send(values: CloseValues) {
    setRest([]);
    try {
      await close.mutateAsync({
        id: item.id,
        input: {
          version: item.version,
          evidence: values.evidence.trim(),
          closed_on: values.closed_on,
        },
      });
      message.success(t('inspections.items.closed'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, ['evidence', 'closed_on'], problemText));
    }
  }

  const label = (field: string) => t(`inspections.fields.${field}`);
  return (
    <Modal
      open
      title={t('inspections.items.closeTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inspections.items.close')}
      cancelText={t('common.cancel')}
      confirmLoading={close.isPending}
      okButtonProps={{ 'data-testid': 'close-submit' } as never}
      destroyOnHidden
    >
      <p>{item.description}</p>
      <ProblemAlert error={close.error} rest={rest} />
      <Form<CloseValues>
        form={form}
        name="close-item"
        layout="vertical"
        initialValues={{ closed_on: today }}
        onFinish={(values) => void send(values)}
      >
        <Form.Item
          name="evidence"
          label={label('evidence')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { label: label('evidence') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid="close-evidence" />
        </Form.Item>
        <Form.Item
          name="closed_on"
          label={label('closed_on')}
          rules={[
            { required: true, message: t('validation.required', { label: label('closed_on') }) },
          ]}
        >
          <DateInput disabledAfterToday aria-required />
        </Form.Item>
      </Form>
    </Modal>
  );
}
