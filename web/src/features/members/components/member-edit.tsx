// Editing a member: only changed fields are sent, with the version the edit started from. The
// status and the exit fields are shown but never sent: only the procedures change them.
// If someone else saved first (409 version_conflict) the user is told and offered a reload,
// either dropping their changes or keeping them on top of the latest record.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useCan } from '@/lib/session';
import type { MemberDetail } from '@/types';
import { memberQuery, useMember } from '../api/get-member';
import { useUpdateMember } from '../api/save-member';
import { fieldNames } from '../lib/fields';
import { changedFields, memberToValues, valuesToInput, type MemberValues } from '../lib/values';
import { MemberForm, type FormProblem } from './member-form';

export function MemberEdit({ id }: { id: number }) {
  const member = useMember(id);
  if (member.isPending) return <LoadingState rows={12} />;
  if (member.isError)
    return <ErrorState error={member.error} onRetry={() => void member.refetch()} />;
  return <MemberEditForm key={member.data.id} initial={member.data} />;
}

function MemberEditForm({ initial }: { initial: MemberDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [form] = Form.useForm<MemberValues>();
  // The record the edit is based on: its version goes with the PATCH.
  const [base, setBase] = useState(initial);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const update = useUpdateMember(base.id);
  // Restricted input fields are edited only when the server showed them and the user may write
  // them. (None is left: the discipline is the view of the discipline cases, never typed in.)
  const restricted = useCan('member.restricted.write') && 'discipline' in base;
  const dirtyRef = useRef(false);

  const leave = () => navigate(paths.member(base.id), { state: location.state, replace: true });

  async function save(values: MemberValues) {
    setProblem(null);
    const changes = changedFields(
      valuesToInput(memberToValues(base, restricted), restricted, 'edit'),
      valuesToInput(values, restricted, 'edit'),
    );
    if (Object.keys(changes).length === 0) {
      dirtyRef.current = false;
      message.info(t('member.form.noChanges'));
      return;
    }
    try {
      await update.mutateAsync({ version: base.version, changes });
      dirtyRef.current = false;
      message.success(t('member.form.saved'));
      leave();
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (error.problem.code === 'version_conflict') {
        setConflict(true);
        return;
      }
      const rest = applyFieldErrors(form, error.problem, fieldNames);
      const onFields = (error.problem.errors?.length ?? 0) - rest.length;
      setProblem({ title: error.problem.title, rest, onFields });
      const first = error.problem.errors?.find((item) => fieldNames.includes(item.field));
      if (first) form.scrollToField(first.field, { focus: true, block: 'center' });
    }
  }

  async function reload(keepMine: boolean) {
    setReloading(true);
    try {
      const mine = changedFields(
        valuesToInput(memberToValues(base, restricted), restricted, 'edit'),
        valuesToInput(form.getFieldsValue(true), restricted, 'edit'),
      );
      const latest = await client.fetchQuery({ ...memberQuery(base.id), staleTime: 0 });
      setBase(latest);
      const values = memberToValues(latest, restricted);
      form.resetFields();
      form.setFieldsValue(keepMine ? { ...values, ...mine } : values);
      setConflict(false);
      setProblem(null);
    } finally {
      setReloading(false);
    }
  }

  const banner = conflict ? (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('conflict.title')}
      description={t('member.conflict.body')}
      data-testid="conflict-alert"
      action={
        <Space orientation="vertical">
          <Button size="small" type="primary" loading={reloading} onClick={() => void reload(true)}>
            {t('member.conflict.reloadKeep')}
          </Button>
          <Button size="small" loading={reloading} onClick={() => void reload(false)}>
            {t('member.conflict.reload')}
          </Button>
        </Space>
      }
    />
  ) : null;

  return (
    <MemberForm
      form={form}
      title={t('member.form.editTitle', { name: base.full_name })}
      initialValues={memberToValues(base, restricted)}
      restricted={restricted}
      mode="edit"
      onFinish={(values) => void save(values)}
      onCancel={leave}
      dirtyRef={dirtyRef}
      saving={update.isPending}
      problem={problem}
      banner={banner}
    />
  );
}
