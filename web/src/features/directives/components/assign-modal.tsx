// Assigning tasks down the tree: from the issuing level (which of the directive's tasks) or from
// a received assignment (further down, with the organization's own implementation plan). The
// target is every subordinate organization, every organization of a kind in the subtree, chosen
// organizations of the subtree, or one member. A refusal shows under its field.
import { useQuery } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { OrgMultiPicker } from '@/components/org-multi-picker';
import { ProblemAlert } from '@/components/problem-alert';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { api, isApiError } from '@/lib/api-client';
import { entryLabel, useCatalogs } from '@/lib/catalogs';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import { orgQuery } from '@/lib/org-queries';
import { useProblemText } from '@/lib/problem-text';
import type {
  AssignmentBatch,
  AssignmentDetail,
  Directive,
  MemberPage,
  ProblemFieldError,
} from '@/types';
import { useAssignTasks, useSubAssign } from '../api/directives';
import { targetInput, targetModes, type TargetValues } from '../lib/directives';

interface AssignValues extends TargetValues {
  task_ids?: number[];
  due_on?: string | null;
  note?: string;
  plan_number?: string;
}

const fields = [
  'task_ids',
  'mode',
  'kind',
  'org_ids',
  'member_id',
  'due_on',
  'note',
  'plan_number',
] as const;
const aliases = {
  target: 'mode',
  'target.mode': 'mode',
  'target.kind': 'kind',
  'target.org_ids': 'org_ids',
  'target.org_ids[]': 'org_ids',
  'target.member_id': 'member_id',
};

/** A member of an organization's subtree, picked by name. */
function MemberSelect({
  org,
  value,
  onChange,
  id,
}: {
  org: number;
  value?: number | null;
  onChange?: (id: number | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q.trim(), 250);
  const search = useQuery({
    queryKey: ['directives', 'members', org, debounced],
    queryFn: ({ signal }) =>
      api<MemberPage>('/members', { params: { org, q: debounced, page_size: 20 }, signal }),
    enabled: debounced.length > 0,
    staleTime: 30_000,
  });
  const [chosen, setChosen] = useState<{ value: number; label: string }[]>([]);
  const options = (search.data?.items ?? []).map((member) => ({
    value: member.id,
    label: `${member.full_name} · ${member.org_name ?? ''}`,
  }));
  const all = [...chosen.filter((c) => !options.some((o) => o.value === c.value)), ...options];
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={t('assign.searchMember')}
      options={all}
      loading={search.isFetching}
      allowClear
      popupMatchSelectWidth={false}
      onChange={(next: number | undefined) => {
        const option = all.find((item) => item.value === next);
        if (option) setChosen([option]);
        onChange?.(next ?? null);
      }}
    />
  );
}

export function AssignModal({
  directive,
  assignment,
  onClose,
}: {
  /** Assigning from the issuing level. */
  directive?: Directive;
  /** Or further down from a received assignment. */
  assignment?: AssignmentDetail;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const text = useProblemText();
  const [form] = Form.useForm<AssignValues>();
  const mode = Form.useWatch('mode', form) ?? 'children';
  const from = assignment ? assignment.org.id : (directive?.org.id ?? 0);
  const fromOrg = useQuery(orgQuery(from));
  const kinds = useCatalogs().data?.org_kinds ?? [];
  const assignTasks = useAssignTasks(directive?.id ?? 0);
  const subAssign = useSubAssign(assignment?.id ?? 0);
  const mutation = assignment ? subAssign : assignTasks;
  const [rest, setRest] = useState<ProblemFieldError[]>([]);

  async function submit(values: AssignValues) {
    setRest([]);
    const target = targetInput(values);
    const common = {
      target,
      ...(values.due_on ? { due_on: values.due_on } : {}),
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
    };
    try {
      let batch: AssignmentBatch;
      if (assignment) {
        batch = await subAssign.mutateAsync({
          ...common,
          ...(values.plan_number?.trim() ? { plan_number: values.plan_number.trim() } : {}),
        });
      } else {
        batch = await assignTasks.mutateAsync({ ...common, task_ids: values.task_ids ?? [] });
      }
      message.success(
        batch.fanout
          ? t('assignment.done.fanout', { total: batch.fanout.total })
          : t('assignment.done.assigned', { created: batch.created, skipped: batch.skipped }),
      );
      onClose();
    } catch (error) {
      if (isApiError(error)) {
        setRest(applyFieldErrors(form, error.problem, fields, text, aliases));
      } else {
        throw error;
      }
    }
  }

  return (
    <Modal
      open
      width={680}
      title={assignment ? t('assign.subTitle', { task: assignment.task_title }) : t('assign.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('assign.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'assign-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={mutation.error} rest={rest} />
      <Form<AssignValues>
        form={form}
        name="assign"
        layout="vertical"
        initialValues={{
          mode: 'children',
          task_ids: directive?.tasks.map((task) => task.id) ?? [],
          org_ids: [],
        }}
        onFinish={(values) => void submit(values)}
        data-testid="assign-form"
      >
        {directive && (
          <Form.Item
            name="task_ids"
            label={t('assign.tasks')}
            rules={[
              {
                required: true,
                message: t('validation.required', { label: t('assign.tasks') }),
              },
            ]}
          >
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              {directive.tasks.map((task) => (
                <Checkbox key={task.id} value={task.id}>
                  {task.title}{' '}
                  <Typography.Text type="secondary">· {formatDate(task.due_on)}</Typography.Text>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        )}
        <Form.Item name="mode" label={t('assign.target')}>
          <Radio.Group>
            <Space orientation="vertical">
              {targetModes.map((value) => (
                <Radio key={value} value={value} data-testid={`assign-mode-${value}`}>
                  {t(`assign.modes.${value}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {mode === 'kind' && (
          <Form.Item
            name="kind"
            label={t('assign.kind')}
            rules={[
              { required: true, message: t('validation.required', { label: t('assign.kind') }) },
            ]}
          >
            <Select
              options={kinds.map((kind) => ({
                value: kind.code,
                label: entryLabel(kind, i18n.language),
              }))}
            />
          </Form.Item>
        )}
        {mode === 'orgs' && (
          <Form.Item
            name="org_ids"
            label={t('assign.orgs')}
            rules={[
              { required: true, message: t('validation.required', { label: t('assign.orgs') }) },
            ]}
          >
            <OrgMultiPicker within={fromOrg.data?.path} testId="assign-orgs" />
          </Form.Item>
        )}
        {mode === 'member' && (
          <Form.Item
            name="member_id"
            label={t('assign.member')}
            rules={[
              { required: true, message: t('validation.required', { label: t('assign.member') }) },
            ]}
          >
            <MemberSelect org={from} />
          </Form.Item>
        )}
        <Form.Item name="due_on" label={t('assign.due_on')} extra={t('assign.dueHint')}>
          <DateInput />
        </Form.Item>
        {assignment && (
          <Form.Item
            name="plan_number"
            label={t('assign.plan_number')}
            extra={t('assign.planHint')}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('assign.note')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
