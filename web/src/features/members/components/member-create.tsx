// A new member: the scope's cell is filled in when the scope holds members directly.
import { useQuery } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { orgQuery } from '@/lib/org-queries';
import { useCan } from '@/lib/session';
import { useCreateMember } from '../api/save-member';
import { fieldNames } from '../lib/fields';
import { valuesToInput, type MemberValues } from '../lib/values';
import { MemberForm, type FormProblem } from './member-form';

export function MemberCreate({ org }: { org?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<MemberValues>();
  const create = useCreateMember();
  const restricted = useCan('member.restricted.write');
  const dirtyRef = useRef(false);
  const scope = useQuery({ ...orgQuery(org ?? 0), enabled: !!org });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const initialValues = useMemo<MemberValues>(
    () => ({
      status: 'probationary',
      ethnicity: '01',
      religion: 'none',
      aliases: [],
      org_id: scope.data?.holds_members ? scope.data.id : undefined,
    }),
    [scope.data],
  );

  if (org && scope.isPending) return <LoadingState rows={12} />;

  async function save(values: MemberValues) {
    setProblem(null);
    const input = valuesToInput(values, restricted);
    for (const key of Object.keys(input)) {
      const value = input[key];
      if (value === null || (Array.isArray(value) && value.length === 0)) delete input[key];
    }
    try {
      const created = await create.mutateAsync(input);
      dirtyRef.current = false;
      message.success(t('member.form.created', { name: created.full_name }));
      navigate(paths.member(created.id), { replace: true });
    } catch (error) {
      if (!isApiError(error)) throw error;
      const rest = applyFieldErrors(form, error.problem, fieldNames);
      const onFields = (error.problem.errors?.length ?? 0) - rest.length;
      setProblem({ title: error.problem.title, rest, onFields });
      const first = error.problem.errors?.find((item) => fieldNames.includes(item.field));
      if (first) form.scrollToField(first.field, { focus: true, block: 'center' });
    }
  }

  return (
    <MemberForm
      restricted={restricted}
      form={form}
      title={t('member.form.newTitle')}
      initialValues={initialValues}
      onFinish={(values) => void save(values)}
      onCancel={() => navigate(paths.membersOf(org))}
      dirtyRef={dirtyRef}
      saving={create.isPending}
      problem={problem}
    />
  );
}
