// Creating a user (username, name, grants, optionally the member record they are) or editing
// one (name, grants, member record). Edits carry the version read: if someone else saved the
// user meanwhile the server answers 409 and the form offers to reload.
import { Alert, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { useCatalogs } from '@/lib/catalogs';
import type { ProblemFieldError, User, UserChanges, UserWithPassword } from '@/types';
import { useCreateUser, useUpdateUser } from '../api/users';
import {
  fieldPath,
  grantInputs,
  grantRows,
  sameGrants,
  usernamePattern,
  type GrantRow,
} from '../lib/user-params';
import { GrantsField } from './grants-field';

interface Values {
  username?: string;
  display_name?: string;
  grants?: GrantRow[];
  member_id?: number | null;
}

type Props =
  | {
      mode: 'create';
      user?: undefined;
      onClose: () => void;
      onCreated: (r: UserWithPassword) => void;
    }
  | {
      mode: 'edit';
      user: User;
      onClose: () => void;
      onSaved: (user: User) => void;
      onReload: () => void;
    };

const knownFields = ['username', 'display_name', 'grants', 'member_id'];

export function UserFormModal(props: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const roles = useCatalogs().data?.roles;
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = props.mode === 'create' ? create : update;
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const conflict = isApiError(update.error) && update.error.status === 409;

  const initial: Values =
    props.mode === 'edit'
      ? {
          display_name: props.user.display_name,
          grants: grantRows(props.user.grants),
          member_id: props.user.member_id,
        }
      : { username: '', display_name: '', grants: [{ scope_org_id: null }], member_id: null };

  function showFieldErrors(errors: ProblemFieldError[]) {
    const shown: ProblemFieldError[] = [];
    const left: ProblemFieldError[] = [];
    for (const error of errors) {
      if (knownFields.includes(String(fieldPath(error.field)[0]))) shown.push(error);
      else left.push(error);
    }
    form.setFields(
      shown.map((error) => ({
        name: fieldPath(error.field) as never,
        errors: [error.message],
      })),
    );
    setRest(left);
  }

  async function submit(values: Values) {
    setRest([]);
    const grants = grantInputs(values.grants, roles);
    const memberId = values.member_id ?? null;
    try {
      if (props.mode === 'create') {
        const created = await create.mutateAsync({
          username: (values.username ?? '').trim(),
          display_name: (values.display_name ?? '').trim(),
          grants,
          ...(memberId ? { member_id: memberId } : {}),
        });
        props.onCreated(created);
        return;
      }
      const user = props.user;
      const changes: UserChanges = { version: user.version };
      const name = (values.display_name ?? '').trim();
      if (name !== user.display_name) changes.display_name = name;
      if (!sameGrants(grants, grantInputs(grantRows(user.grants), roles))) changes.grants = grants;
      if (memberId !== (user.member_id ?? null)) changes.member_id = memberId;
      if (Object.keys(changes).length === 1) {
        props.onClose();
        return;
      }
      props.onSaved(await update.mutateAsync({ id: user.id, ...changes }));
    } catch (error) {
      if (isApiError(error)) showFieldErrors(error.problem.errors ?? []);
    }
  }

  return (
    <Modal
      open
      title={
        props.mode === 'edit'
          ? t('users.form.editTitle', { name: props.user.username })
          : t('users.form.createTitle')
      }
      onCancel={props.onClose}
      okText={props.mode === 'edit' ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={720}
    >
      {conflict && props.mode === 'edit' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('conflict.title')}
          description={t('users.form.conflict')}
          action={
            <Button size="small" onClick={props.onReload}>
              {t('common.reload')}
            </Button>
          }
          data-testid="user-conflict"
        />
      ) : (
        <ProblemAlert error={mutation.error} rest={rest} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        requiredMark
        scrollToFirstError={{ focus: true }}
        data-testid="user-form"
      >
        {props.mode === 'create' && (
          <Form.Item
            name="username"
            label={t('auth.fields.username')}
            extra={t('users.form.usernameHint')}
            rules={[
              {
                required: true,
                message: t('validation.required', { label: t('auth.fields.username') }),
              },
              { pattern: usernamePattern, message: t('users.form.usernameFormat') },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus />
          </Form.Item>
        )}
        <Form.Item
          name="display_name"
          label={t('users.fields.display_name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { label: t('users.fields.display_name') }),
            },
            {
              max: 200,
              message: t('validation.too_long', {
                label: t('users.fields.display_name'),
                max: 200,
              }),
            },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('users.fields.grants')} required>
          <GrantsField />
        </Form.Item>
        <Form.Item
          name="member_id"
          label={t('users.fields.member_id')}
          extra={t('users.form.memberHint')}
        >
          <InputNumber min={1} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
