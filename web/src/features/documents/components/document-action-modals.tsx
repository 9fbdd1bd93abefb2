// The document page's dialogs: withdrawing a document (its date and reason; the number stays in
// the register and is never given again) and passing an incoming one down to organizations under
// the receiving one. Refusals show under their fields.
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import { useToday } from '@/lib/today';
import type { PartyDocument, ProblemFieldError } from '@/types';
import { useForwardDocument, useWithdrawDocument } from '../api/documents';
import { OrgMultiPicker } from '@/components/org-multi-picker';

function symbolOf(doc: PartyDocument): string {
  return doc.symbol || doc.type_name;
}

export function WithdrawModal({ doc, onClose }: { doc: PartyDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const text = useProblemText();
  const [form] = Form.useForm<{ on: string; reason: string }>();
  const withdraw = useWithdrawDocument(doc.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const label = t('document.withdraw.reason');

  async function submit(values: { on: string; reason: string }) {
    setRest([]);
    try {
      await withdraw.mutateAsync({
        version: doc.version,
        on: values.on,
        reason: values.reason.trim(),
      });
      message.success(t('document.withdraw.done', { symbol: symbolOf(doc) }));
      onClose();
    } catch (error) {
      if (isApiError(error)) {
        setRest(applyFieldErrors(form, error.problem, ['on', 'reason'], text));
      }
    }
  }

  return (
    <Modal
      open
      width={560}
      title={t('document.withdraw.title', { symbol: symbolOf(doc) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('document.withdraw.confirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={withdraw.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('document.withdraw.body', { symbol: symbolOf(doc) })}
      </Typography.Paragraph>
      <ProblemAlert error={withdraw.error} rest={rest} />
      <Form
        form={form}
        name="document_withdraw"
        layout="vertical"
        initialValues={{ on: today }}
        onFinish={(values) => void submit(values)}
        data-testid="document-withdraw-form"
      >
        <Form.Item
          name="on"
          label={t('document.fields.withdrawn_on')}
          rules={[
            {
              required: true,
              message: t('validation.required', { label: t('document.fields.withdrawn_on') }),
            },
          ]}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item
          name="reason"
          label={label}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { label }) },
          ]}
        >
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ForwardValues {
  org_ids: number[];
  on: string;
  note?: string;
}

export function ForwardModal({
  doc,
  within,
  onClose,
}: {
  doc: PartyDocument;
  /** The receiving organization's path: only its subtree may be chosen. */
  within?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const text = useProblemText();
  const [form] = Form.useForm<ForwardValues>();
  const forward = useForwardDocument(doc.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const label = t('document.fields.forwarded_to');

  async function submit(values: ForwardValues) {
    setRest([]);
    try {
      await forward.mutateAsync({
        org_ids: values.org_ids,
        on: values.on,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
      message.success(t('document.forwards.done'));
      onClose();
    } catch (error) {
      if (isApiError(error)) {
        setRest(applyFieldErrors(form, error.problem, ['org_ids', 'on', 'note'], text));
      }
    }
  }

  return (
    <Modal
      open
      width={640}
      title={t('document.forwards.action')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('document.forwards.action')}
      cancelText={t('common.cancel')}
      confirmLoading={forward.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={forward.error} rest={rest} />
      <Form<ForwardValues>
        form={form}
        name="document_forward"
        layout="vertical"
        initialValues={{ on: today, org_ids: [] }}
        onFinish={(values) => void submit(values)}
        data-testid="document-forward-form"
      >
        <Form.Item
          name="org_ids"
          label={label}
          rules={[{ required: true, message: t('validation.required', { label }) }]}
        >
          <OrgMultiPicker within={within} testId="forward-orgs" />
        </Form.Item>
        <Form.Item
          name="on"
          label={t('document.forwards.on')}
          rules={[
            {
              required: true,
              message: t('validation.required', { label: t('document.forwards.on') }),
            },
          ]}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item name="note" label={t('document.forwards.note')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
