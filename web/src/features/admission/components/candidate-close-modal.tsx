// Closes a file that will not go on (the person withdrew, the cell or a committee did not
// propose them), with the day and the reason.
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useToday } from '@/lib/today';
import { useProblemText } from '@/lib/problem-text';
import type { CandidateDetail, ProblemFieldError } from '@/types';
import { useCloseCandidate } from '../api/candidates';

export function CandidateCloseModal({
  file,
  open,
  onClose,
}: {
  file: CandidateDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const text = useProblemText();
  const [form] = Form.useForm<{ on: string; reason: string }>();
  const close = useCloseCandidate(file.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);

  async function submit(values: { on: string; reason: string }) {
    try {
      await close.mutateAsync({
        version: file.version,
        on: values.on,
        reason: values.reason.trim(),
      });
      message.success(t('admission.close.done'));
      onClose();
    } catch (error) {
      if (isApiError(error)) setRest(applyFieldErrors(form, error.problem, ['on', 'reason'], text));
    }
  }

  return (
    <Modal
      open={open}
      title={t('admission.close.title', { name: file.full_name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admission.close.button')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={close.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={close.error} rest={rest} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ on: today }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="on" label={t('admission.close.on')} rules={[{ required: true }]}>
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('admission.close.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { label: t('admission.close.reason') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
