// Dissolve an organization on a date, after confirmation. The server refuses while members
// are still on its roll and names them; they are listed here.
import { App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDate, formatNumber } from '@/lib/format';
import { useToday } from '@/lib/today';
import type { OrgDetail, ProblemFieldError } from '@/types';
import { useDissolveOrg } from '../api/change-org';

export function OrgDissolveModal({
  org,
  open,
  onClose,
  onDone,
}: {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ dissolved_on?: string | null }>();
  const dissolve = useDissolveOrg(org.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);

  function submit(values: { dissolved_on?: string | null }) {
    const on = values.dissolved_on || today;
    modal.confirm({
      title: t('org.dissolve.confirmTitle'),
      content: t('org.dissolve.confirmBody', { name: org.name, date: formatDate(on) }),
      okText: t('org.dissolve.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await dissolve.mutateAsync({ dissolved_on: on, version: org.version });
          onDone();
        } catch (error) {
          if (isApiError(error)) setRest(applyFieldErrors(form, error.problem, ['dissolved_on']));
        }
      },
    });
  }

  return (
    <Modal
      open={open}
      title={t('org.dissolve.title', { name: org.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('org.dissolve.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={dissolve.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={dissolve.error} rest={rest} />
      {org.counts.on_roll > 0 && (
        <Typography.Paragraph type="warning">
          {t('org.dissolve.hasMembers', {
            count: org.counts.on_roll,
            n: formatNumber(org.counts.on_roll, i18n.language),
          })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ dissolved_on: today }}>
        <Form.Item name="dissolved_on" label={t('org.dissolve.date')}>
          <DateInput disabledAfterToday />
        </Form.Item>
      </Form>
    </Modal>
  );
}
