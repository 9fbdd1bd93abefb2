// Issuing a directive: the issuing organization (?org= or the scope), its kind, title and date,
// the document it is (one of the register's, or the number and symbol of one from above typed
// in), and its tasks, each due on a date or in a number of working days. A refusal puts each
// problem under its field, a task's under that task's field ("tasks[1].due_on"). The tasks are
// assigned down the tree from the directive's page, where this form leads.
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateInput } from '@/components/date-input';
import { OrgPicker } from '@/components/org-picker';
import { paths } from '@/config/paths';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { isApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-text';
import { useToday } from '@/lib/today';
import type { ProblemFieldError } from '@/types';
import { useIssueDirective, useRegisterSearch } from '../api/directives';
import {
  directiveKinds,
  formPath,
  issueFields,
  issueInput,
  reportCadences,
  type IssueValues,
} from '../lib/directives';

/** The register's documents of the organization, searched by number, symbol or summary. */
function RegisterDocumentSelect({
  org,
  value,
  onChange,
  id,
}: {
  org: number | undefined;
  value?: number | null;
  onChange?: (id: number | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const search = useRegisterSearch(org, q);
  const options = (search.data ?? []).map((doc) => ({
    value: doc.id,
    label: [doc.symbol, formatDate(doc.issued_on), doc.summary].filter(Boolean).join(' · '),
  }));
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={value ?? undefined}
      options={options}
      loading={search.isFetching}
      allowClear
      disabled={!org}
      placeholder={t('directive.documentHint')}
      popupMatchSelectWidth={false}
      data-testid="directive-document-select"
      onChange={(next: number | undefined) => onChange?.(next ?? null)}
    />
  );
}

export function DirectiveCreate({ org }: { org?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const today = useToday();
  const text = useProblemText();
  const [form] = Form.useForm<IssueValues>();
  const issue = useIssueDirective();
  const [problem, setProblem] = useState<{ title: string; rest: ProblemFieldError[] } | null>(null);
  const orgId = Form.useWatch('org_id', form);
  const source = Form.useWatch('source', form);
  const initialValues = useMemo<IssueValues>(
    () => ({
      org_id: org,
      kind: 'directive',
      issued_on: today,
      source: 'text',
      tasks: [{ due_mode: 'date', report_schedule: { cadence: 'none' } }],
    }),
    [org, today],
  );
  const required = (key: string) => [
    { required: true, message: t('validation.required', { label: t(`directive.fields.${key}`) }) },
  ];

  async function save(values: IssueValues) {
    setProblem(null);
    try {
      const directive = await issue.mutateAsync(issueInput(values));
      message.success(t('directive.form.created', { title: directive.title }));
      navigate(paths.directive(directive.id), { replace: true });
    } catch (error) {
      if (!isApiError(error)) throw error;
      const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
      const rest: ProblemFieldError[] = [];
      for (const item of error.problem.errors ?? []) {
        let name = formPath(item.field);
        // "tasks[1]" (one of a due date and working days): under the task's due field.
        if (name.length === 2 && name[0] === 'tasks' && typeof name[1] === 'number') {
          const mode = form.getFieldValue(['tasks', name[1], 'due_mode']);
          name = [...name, mode === 'working_days' ? 'due_working_days' : 'due_on'];
        }
        const known = (issueFields as readonly string[]).includes(String(name[0]));
        // A task's field, or a field of the form; "tasks" itself has no place of its own.
        if (!known || (name[0] === 'tasks' && name.length < 3)) {
          rest.push(item);
          continue;
        }
        const key = name.join('.');
        const entry = byField.get(key) ?? { name, errors: [] };
        entry.errors.push(text(item));
        byField.set(key, entry);
      }
      form.setFields([...byField.values()] as Parameters<typeof form.setFields>[0]);
      const first = [...byField.values()][0];
      if (first) form.scrollToField(first.name as never, { focus: true, block: 'center' });
      setProblem({ title: error.problem.title, rest });
    }
  }

  return (
    <Form<IssueValues>
      form={form}
      name="directive"
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void save(values)}
      scrollToFirstError={{ focus: true, block: 'center' }}
      data-testid="directive-form"
    >
      <Flex justify="space-between" align="center" wrap gap={12} className="form-header">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('directive.form.title')}
        </Typography.Title>
        <Space>
          <Button onClick={() => navigate(paths.directivesOf(org))}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={issue.isPending}
          >
            {t('common.save')}
          </Button>
        </Space>
      </Flex>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={problem.title}
          data-testid="directive-problem"
          description={
            problem.rest.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problem.rest.map((item, index) => (
                  <li key={index}>{text(item)}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Form.Item name="org_id" label={t('directive.fields.org_id')} rules={required('org_id')}>
            <OrgPicker />
          </Form.Item>
          <Flex wrap gap={16}>
            <Form.Item
              name="kind"
              label={t('directive.fields.kind')}
              rules={required('kind')}
              style={{ minWidth: 240 }}
            >
              <Select
                options={directiveKinds.map((kind) => ({
                  value: kind,
                  label: t(`directives.kinds.${kind}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="issued_on"
              label={t('directive.fields.issued_on')}
              rules={required('issued_on')}
              style={{ width: 200 }}
            >
              <DateInput disabledAfterToday />
            </Form.Item>
          </Flex>
          <Form.Item name="title" label={t('directive.fields.title')} rules={required('title')}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Form.Item name="source" label={t('directive.fields.source')}>
            <Radio.Group
              options={(['text', 'register'] as const).map((value) => ({
                value,
                label: t(`directive.source.${value}`),
              }))}
            />
          </Form.Item>
          {source === 'register' ? (
            <Form.Item
              name="document_id"
              label={t('directive.fields.document_id')}
              rules={required('document_id')}
            >
              <RegisterDocumentSelect org={orgId} />
            </Form.Item>
          ) : (
            <Form.Item
              name="number_symbol"
              label={t('directive.fields.number_symbol')}
              extra={t('directive.numberHint')}
            >
              <Input maxLength={100} style={{ maxWidth: 320 }} />
            </Form.Item>
          )}
          <Form.Item name="summary" label={t('directive.fields.summary')}>
            <Input.TextArea maxLength={8000} autoSize={{ minRows: 2, maxRows: 10 }} />
          </Form.Item>
        </Card>
        <Form.List name="tasks">
          {(items, { add, remove }) => (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {items.map((item, index) => (
                <Card
                  key={item.key}
                  size="small"
                  title={t('directive.taskN', { n: index + 1 })}
                  data-testid="directive-task"
                  extra={
                    items.length > 1 && (
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('directive.removeTask')}
                        onClick={() => remove(item.name)}
                      />
                    )
                  }
                >
                  <Form.Item
                    name={[item.name, 'title']}
                    label={t('directive.fields.task_title')}
                    rules={required('task_title')}
                  >
                    <Input maxLength={500} />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'description']}
                    label={t('directive.fields.task_description')}
                  >
                    <Input.TextArea maxLength={4000} autoSize={{ minRows: 1, maxRows: 6 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'due_mode']} label={t('directive.fields.due')}>
                    <Radio.Group
                      options={(['date', 'working_days'] as const).map((value) => ({
                        value,
                        label: t(`directive.due.${value}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    noStyle
                    shouldUpdate={(before, after) =>
                      before.tasks?.[index]?.due_mode !== after.tasks?.[index]?.due_mode
                    }
                  >
                    {({ getFieldValue }) =>
                      getFieldValue(['tasks', item.name, 'due_mode']) === 'working_days' ? (
                        <Form.Item
                          name={[item.name, 'due_working_days']}
                          label={t('directive.fields.due_working_days')}
                          extra={t('directive.workingDaysHint')}
                          rules={required('due_working_days')}
                        >
                          <InputNumber min={1} max={1000} precision={0} style={{ width: 160 }} />
                        </Form.Item>
                      ) : (
                        <Form.Item
                          name={[item.name, 'due_on']}
                          label={t('directive.fields.due_on')}
                          rules={required('due_on')}
                          style={{ maxWidth: 220 }}
                        >
                          <DateInput />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <Flex wrap gap={12}>
                    <Form.Item
                      name={[item.name, 'report_schedule', 'cadence']}
                      label={t('periodic.schedule')}
                      extra={t('periodic.scheduleHint')}
                      style={{ minWidth: 200 }}
                    >
                      <Select
                        options={(['none', ...reportCadences] as const).map((value) => ({
                          value,
                          label: t(`periodic.cadence.${value}`),
                        }))}
                        data-testid="directive-task-cadence"
                      />
                    </Form.Item>
                    <Form.Item
                      noStyle
                      shouldUpdate={(before, after) =>
                        before.tasks?.[index]?.report_schedule?.cadence !==
                        after.tasks?.[index]?.report_schedule?.cadence
                      }
                    >
                      {({ getFieldValue }) =>
                        (getFieldValue(['tasks', item.name, 'report_schedule', 'cadence']) ??
                          'none') !== 'none' && (
                          <Form.Item
                            name={[item.name, 'report_schedule', 'final_due_on']}
                            label={t('periodic.finalDueOn')}
                            extra={t('periodic.finalDueHint')}
                            style={{ maxWidth: 220 }}
                          >
                            <DateInput />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              {items.length < 100 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ due_mode: 'date', report_schedule: { cadence: 'none' } })}
                  data-testid="directive-add-task"
                >
                  {t('directive.addTask')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      </Space>
    </Form>
  );
}
