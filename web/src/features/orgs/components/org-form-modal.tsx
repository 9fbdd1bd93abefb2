// Create an organization (under a parent, or the first root) or edit one's name, short name,
// code, kind and founding date. Checks mirror domain/org/org_rules.cpp; the server decides.
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { entryLabel, useCatalogs } from '@/lib/catalogs';
import { applyFieldErrors } from '@/lib/form-errors';
import type { Org, OrgDetail, ProblemFieldError } from '@/types';
import { useCreateOrg, useUpdateOrg, type OrgFields } from '../api/change-org';
import { childKinds } from '../lib/kinds';

const formFields = ['kind', 'name', 'short_name', 'code', 'established_on', 'parent_id'];

interface Values {
  kind?: OrgFields['kind'];
  name?: string;
  short_name?: string;
  code?: string;
  established_on?: string | null;
}

type Props =
  | {
      mode: 'create';
      parent: Org | null;
      org?: undefined;
      open: boolean;
      onClose: () => void;
      onDone: (org: Org) => void;
    }
  | {
      mode: 'edit';
      org: OrgDetail;
      parent?: undefined;
      open: boolean;
      onClose: () => void;
      onDone: (org: Org) => void;
      onReload: () => void;
    };

function initialValues(props: Props, kinds: NonNullable<Values['kind']>[]): Values {
  if (props.mode === 'edit') {
    const org = props.org;
    return {
      kind: org.kind,
      name: org.name,
      short_name: org.short_name ?? '',
      code: org.code ?? '',
      established_on: org.established_on,
    };
  }
  return { kind: kinds[0], name: '', short_name: '', code: '', established_on: null };
}

export function OrgFormModal(props: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const catalogs = useCatalogs().data;
  const create = useCreateOrg();
  const update = useUpdateOrg(props.org?.id ?? 0);
  const mutation = props.mode === 'create' ? create : update;
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const parentKind =
    props.mode === 'create'
      ? (props.parent?.kind ?? null)
      : (props.org.ancestors[props.org.ancestors.length - 1]?.kind ?? null);
  const kinds = useMemo(() => childKinds(catalogs, parentKind), [catalogs, parentKind]);
  const { open } = props;
  // Suggest the kind most often created: one that holds members (a cell), else the only one.
  const suggested =
    kinds.find((kind) => kind.holds_members) ?? (kinds.length === 1 ? kinds[0] : undefined);
  const initial = initialValues(props, suggested ? [suggested.code] : []);
  const conflict = isApiError(mutation.error) && mutation.error.problem.code === 'version_conflict';

  async function submit(values: Values) {
    setRest([]);
    const fields: OrgFields = {
      kind: values.kind,
      name: values.name?.trim(),
      short_name: values.short_name?.trim() || null,
      code: values.code?.trim() || null,
      established_on: values.established_on || null,
    };
    try {
      let saved: Org;
      if (props.mode === 'create') {
        saved = await create.mutateAsync({ ...fields, parent_id: props.parent?.id ?? null });
      } else {
        const before = initialValues(props, []);
        const changes: OrgFields = {};
        for (const key of Object.keys(fields) as (keyof OrgFields)[]) {
          const was = (before[key] ?? '') || null;
          const now = (fields[key] ?? '') || null;
          if (was !== now) changes[key] = now as never;
        }
        if (Object.keys(changes).length === 0) {
          props.onClose();
          return;
        }
        saved = await update.mutateAsync({ ...changes, version: props.org.version });
      }
      props.onDone(saved);
    } catch (error) {
      if (isApiError(error)) setRest(applyFieldErrors(form, error.problem, formFields));
    }
  }

  const title =
    props.mode === 'edit'
      ? t('org.form.editTitle', { name: props.org.name })
      : props.parent
        ? t('org.form.createTitle', { parent: props.parent.name })
        : t('org.form.createRootTitle');

  return (
    <Modal
      open={open}
      title={title}
      onCancel={props.onClose}
      okText={props.mode === 'edit' ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={560}
    >
      {conflict && props.mode === 'edit' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('conflict.title')}
          description={t('org.form.conflict')}
          action={
            <Button
              size="small"
              onClick={() => {
                props.onReload();
                props.onClose();
              }}
            >
              {t('common.reload')}
            </Button>
          }
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
      >
        <Form.Item
          name="kind"
          label={t('org.fields.kind')}
          rules={[
            { required: true, message: t('validation.required', { label: t('org.fields.kind') }) },
          ]}
          extra={parentKind ? t('org.form.kindHint') : undefined}
        >
          <Select
            options={kinds.map((kind) => ({
              value: kind.code,
              label: entryLabel(kind, i18n.language),
            }))}
            notFoundContent={t('org.form.noKinds')}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('org.fields.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { label: t('org.fields.name') }),
            },
            {
              max: 255,
              message: t('validation.too_long', { label: t('org.fields.name'), max: 255 }),
            },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item
          name="short_name"
          label={t('org.fields.short_name')}
          rules={[
            {
              max: 100,
              message: t('validation.too_long', { label: t('org.fields.short_name'), max: 100 }),
            },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('org.fields.code')}
          rules={[
            {
              max: 32,
              message: t('validation.too_long', { label: t('org.fields.code'), max: 32 }),
            },
            {
              pattern: /^[A-Za-z0-9._-]*$/,
              message: t('validation.code_charset', { label: t('org.fields.code') }),
            },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="established_on" label={t('org.fields.established_on')}>
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
