// Move an organization (with its subtree and members) under another parent, after a
// confirmation. Only parents whose kind may hold this kind are offered.
import { App, Form, Modal, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgPicker } from '@/components/org-picker';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { useCatalogs } from '@/lib/catalogs';
import { applyFieldErrors } from '@/lib/form-errors';
import type { Org, OrgDetail, ProblemFieldError } from '@/types';
import { useMoveOrg } from '../api/change-org';
import { mayBeChildOf } from '../lib/kinds';

export function OrgMoveModal({
  org,
  open,
  onClose,
  onDone,
}: {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
  onDone: (org: Org) => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ parent_id?: number }>();
  const catalogs = useCatalogs().data;
  const move = useMoveOrg(org.id);
  const [target, setTarget] = useState<Org | undefined>();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  // The server offers only the kinds that may hold this one; the rest is checked here.
  const parentKinds = useMemo(
    () => catalogs?.org_kinds.find((kind) => kind.code === org.kind)?.parents,
    [catalogs, org.kind],
  );
  const accept = useCallback(
    (candidate: Org) =>
      candidate.id !== org.parent_id && mayBeChildOf(catalogs, org.kind, candidate.kind),
    [catalogs, org.kind, org.parent_id],
  );

  function submit(values: { parent_id?: number }) {
    if (!values.parent_id) return;
    modal.confirm({
      title: t('org.move.confirmTitle'),
      content: t('org.move.confirmBody', { name: org.name, target: target?.name ?? '' }),
      okText: t('org.move.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const moved = await move.mutateAsync({
            parent_id: values.parent_id!,
            version: org.version,
          });
          onDone(moved);
        } catch (error) {
          if (isApiError(error)) setRest(applyFieldErrors(form, error.problem, ['parent_id']));
        }
      },
    });
  }

  return (
    <Modal
      open={open}
      title={t('org.move.title', { name: org.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('org.move.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={move.error} rest={rest} />
      <Typography.Paragraph type="secondary">{t('org.move.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="parent_id"
          label={t('org.move.newParent')}
          rules={[
            {
              required: true,
              message: t('validation.required', { label: t('org.move.newParent') }),
            },
          ]}
        >
          <OrgPicker
            kinds={parentKinds}
            excludePath={org.path}
            accept={accept}
            onChange={(_, picked) => setTarget(picked)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
