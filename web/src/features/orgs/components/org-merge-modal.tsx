// Merge an organization into another: its members and children go to the target and it
// stops being active. Destructive, so it asks for confirmation.
import { App, Form, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { OrgPicker } from '@/components/org-picker';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import { useToday } from '@/lib/today';
import type { Org, OrgDetail, ProblemFieldError } from '@/types';
import { useMergeOrg } from '../api/change-org';

interface Values {
  target_id?: number;
  merged_on?: string | null;
}

export function OrgMergeModal({
  org,
  open,
  onClose,
  onDone,
}: {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
  onDone: (target: number) => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const merge = useMergeOrg(org.id);
  const [target, setTarget] = useState<Org | undefined>();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  // A cell's members need a target that holds members: the server filters for that.
  const accept = useCallback((candidate: Org) => candidate.id !== org.id, [org.id]);

  function submit(values: Values) {
    if (!values.target_id) return;
    const on = values.merged_on || today;
    modal.confirm({
      title: t('org.merge.confirmTitle'),
      content: t('org.merge.confirmBody', {
        name: org.name,
        target: target?.name ?? '',
        date: formatDate(on),
      }),
      okText: t('org.merge.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await merge.mutateAsync({
            target_id: values.target_id!,
            merged_on: on,
            version: org.version,
          });
          onDone(values.target_id!);
        } catch (error) {
          if (isApiError(error))
            setRest(applyFieldErrors(form, error.problem, ['target_id', 'merged_on']));
        }
      },
    });
  }

  return (
    <Modal
      open={open}
      title={t('org.merge.title', { name: org.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('org.merge.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={merge.error} rest={rest} />
      <Typography.Paragraph type="secondary">{t('org.merge.help')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ merged_on: today }}
      >
        <Form.Item
          name="target_id"
          label={t('org.merge.target')}
          rules={[
            { required: true, message: t('validation.required', { label: t('org.merge.target') }) },
          ]}
        >
          <OrgPicker
            holdsMembers={org.holds_members || undefined}
            excludePath={org.path}
            accept={accept}
            onChange={(_, picked) => setTarget(picked)}
          />
        </Form.Item>
        <Form.Item name="merged_on" label={t('org.merge.date')}>
          <DateInput disabledAfterToday />
        </Form.Item>
      </Form>
    </Modal>
  );
}
