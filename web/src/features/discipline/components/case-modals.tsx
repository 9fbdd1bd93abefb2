// The forms of a case beyond the vote and the decision, for holders of discipline.write: editing
// its facts (PATCH /discipline-cases/{id}: before the decision the breach, its date and category,
// a new breach, the sanction proposed, the competent level and the deferral periods, which move
// the limitation clock; after it only the decision's receipt, which starts the appeal period, and
// the state body's dates), and the appeal (its receipt within the period and the body it went to,
// then its resolution with the outcome; after an outcome that was not final, a further appeal to a
// body at least as high), and the suspension of activities while the case is considered (a new one before
// the decision, its extension, or lifting it early), and closing an undecided case without a
// sanction (the limitation has run, or the competent body concluded none is due). A refusal shows
// under its field; the clocks come back recomputed by the server.
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import type { DisciplineCase, Problem, ProblemFieldError } from '@/types';
import { useAppeal, useCloseCase, useSuspension, useUpdateCase } from '../api/discipline';
import {
  appealBodiesFor,
  appealFields,
  appealInput,
  appealOutcomes,
  appealPending,
  caseToEditValues,
  categories,
  closureFields,
  closureGrounds,
  closureInput,
  deferralReasons,
  editableFields,
  editInput,
  sanctionsFor,
  suspensionBases,
  suspensionFields,
  suspensionInput,
  suggestedGround,
  type AppealValues,
  type ClosureValues,
  type EditValues,
  type SuspensionValues,
} from '../lib/discipline';

/** Errors of the deferral periods ("deferrals[1].to") go under that period's own input. */
function deferralErrors(
  form: ReturnType<typeof Form.useForm<EditValues>>[0],
  problem: Problem,
  format: (error: ProblemFieldError) => string,
): Problem {
  const rest: ProblemFieldError[] = [];
  const fields: { name: ['deferrals', number, 'from' | 'to' | 'reason']; errors: string[] }[] = [];
  for (const error of problem.errors ?? []) {
    const match = /^deferrals\[(\d+)\]\.(from|to|reason)$/.exec(error.field);
    if (match) {
      const part = match[2] as 'from' | 'to' | 'reason';
      fields.push({ name: ['deferrals', Number(match[1]), part], errors: [format(error)] });
    } else rest.push(error);
  }
  form.setFields(fields);
  return { ...problem, errors: rest };
}

export function EditCaseModal({ item, onClose }: { item: DisciplineCase; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateCase(item.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const editable = editableFields(item);
  const shown = (field: keyof EditValues) => editable.includes(field);
  const label = (field: string) => t(`discipline.fields.${field}`);

  async function send(values: EditValues) {
    setRest([]);
    const input = editInput(values, item);
    if (Object.keys(input).length === 1) {
      onClose();
      return;
    }
    try {
      await update.mutateAsync(input);
      message.success(t('discipline.edit.done'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      const others = deferralErrors(form, error.problem, problemText);
      setRest(applyFieldErrors(form, others, [...editable, 'vote'], problemText));
    }
  }

  return (
    <Modal
      open
      title={t('discipline.edit.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('discipline.edit.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'discipline-edit-submit' } as never}
      width={640}
      destroyOnHidden
    >
      <ProblemAlert error={update.error} rest={rest} />
      <Form<EditValues>
        form={form}
        name="discipline-edit"
        layout="vertical"
        initialValues={caseToEditValues(item)}
        onFinish={(values) => void send(values)}
        data-testid="discipline-edit-form"
      >
        {shown('breach_summary') && (
          <Form.Item
            name="breach_summary"
            label={label('breach_summary')}
            rules={[{ required: true, whitespace: true, message: t('discipline.open.required') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        )}
        <Space wrap size={16}>
          {shown('breach_date') && (
            <Form.Item name="breach_date" label={label('breach_date')}>
              <DateInput disabledAfterToday />
            </Form.Item>
          )}
          {shown('new_breach_date') && (
            <Form.Item name="new_breach_date" label={label('new_breach_date')}>
              <DateInput disabledAfterToday />
            </Form.Item>
          )}
        </Space>
        {shown('category') && (
          <Form.Item name="category" label={label('category')}>
            <Select
              options={categories.map((value) => ({
                value,
                label: t(`discipline.categories.${value}`),
              }))}
            />
          </Form.Item>
        )}
        {shown('sanction') && (
          <Form.Item
            name="sanction"
            label={label('sanction')}
            extra={item.vote ? t('discipline.edit.newVote') : undefined}
          >
            <Select
              options={sanctionsFor(item.subject).map((value) => ({
                value,
                label: t(`discipline.sanctions.${value}`),
              }))}
            />
          </Form.Item>
        )}
        {shown('competent_level') && (
          <Form.Item
            name="competent_level"
            label={label('competent_level')}
            rules={[{ required: true, whitespace: true, message: t('discipline.open.required') }]}
          >
            <Input maxLength={500} />
          </Form.Item>
        )}
        {shown('deferrals') && (
          <Form.Item label={label('deferrals')} extra={t('discipline.edit.deferralsHint')}>
            <Form.List name="deferrals">
              {(periods, { add, remove }) => (
                <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                  {periods.map((period) => (
                    <Space key={period.key} align="baseline" wrap data-testid="discipline-deferral">
                      <Form.Item
                        name={[period.name, 'from']}
                        label={label('deferral_from')}
                        rules={[{ required: true, message: t('discipline.open.required') }]}
                      >
                        <DateInput disabledAfterToday style={{ width: 150 }} />
                      </Form.Item>
                      <Form.Item
                        name={[period.name, 'to']}
                        label={label('deferral_to')}
                        rules={[{ required: true, message: t('discipline.open.required') }]}
                      >
                        <DateInput style={{ width: 150 }} />
                      </Form.Item>
                      <Form.Item
                        name={[period.name, 'reason']}
                        label={label('deferral_reason')}
                        rules={[{ required: true, message: t('discipline.open.required') }]}
                      >
                        <Select
                          style={{ width: 190 }}
                          options={deferralReasons.map((value) => ({
                            value,
                            label: t(`discipline.deferralReasons.${value}`),
                          }))}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('discipline.edit.removeDeferral')}
                        onClick={() => remove(period.name)}
                      />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({})}
                    data-testid="discipline-add-deferral"
                  >
                    {t('discipline.edit.addDeferral')}
                  </Button>
                </Space>
              )}
            </Form.List>
          </Form.Item>
        )}
        <Space wrap size={16}>
          {shown('received_on') && (
            <Form.Item
              name="received_on"
              label={label('received_on')}
              extra={t('discipline.edit.receivedHint')}
            >
              <DateInput disabledAfterToday />
            </Form.Item>
          )}
          <Form.Item name="state_decided_on" label={label('state_decided_on')}>
            <DateInput disabledAfterToday />
          </Form.Item>
          <Form.Item name="state_notified_on" label={label('state_notified_on')}>
            <DateInput disabledAfterToday />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

export function AppealModal({ item, onClose }: { item: DisciplineCase; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<AppealValues>();
  const appeal = useAppeal(item.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  // First the appeal's receipt; once received, its resolution. After a settled appeal that was
  // not final, the next one up.
  const resolving = appealPending(item);
  const further = !resolving && !!item.appeal;
  const title = resolving
    ? 'discipline.appeal.resolveTitle'
    : further
      ? 'discipline.appeal.furtherTitle'
      : 'discipline.appeal.recordTitle';
  const label = (field: string) => t(`discipline.fields.appeal_${field}`);

  async function send(values: AppealValues) {
    setRest([]);
    try {
      await appeal.mutateAsync(appealInput(values, item));
      message.success(t(resolving ? 'discipline.appeal.resolved' : 'discipline.appeal.recorded'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, appealFields, problemText));
    }
  }

  return (
    <Modal
      open
      title={t(title)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('discipline.appeal.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={appeal.isPending}
      okButtonProps={{ 'data-testid': 'discipline-appeal-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={appeal.error} rest={rest} />
      <Form<AppealValues>
        form={form}
        name="discipline-appeal"
        layout="vertical"
        onFinish={(values) => void send(values)}
        data-testid="discipline-appeal-form"
      >
        {!resolving && (
          <Form.Item
            name="received_on"
            label={label('received_on')}
            extra={t('discipline.appeal.receivedHint')}
            rules={[{ required: true, message: t('discipline.open.required') }]}
          >
            <DateInput disabledAfterToday />
          </Form.Item>
        )}
        {!resolving && (
          <Form.Item
            name="body"
            label={t('discipline.appeal.body')}
            extra={further ? t('discipline.appeal.bodyHint') : undefined}
            rules={further ? [{ required: true, message: t('discipline.open.required') }] : []}
          >
            <Select
              allowClear
              options={appealBodiesFor(item).map((value) => ({
                value,
                label: t(`discipline.appeal.bodies.${value}`),
              }))}
              data-testid="discipline-appeal-body"
            />
          </Form.Item>
        )}
        <Form.Item
          name="decided_on"
          label={label('decided_on')}
          rules={resolving ? [{ required: true, message: t('discipline.open.required') }] : []}
          extra={resolving ? undefined : t('discipline.appeal.laterHint')}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item
          name="outcome"
          label={label('outcome')}
          rules={resolving ? [{ required: true, message: t('discipline.open.required') }] : []}
        >
          <Select
            allowClear
            options={appealOutcomes.map((value) => ({
              value,
              label: t(`discipline.outcomes.${value}`),
            }))}
            data-testid="discipline-appeal-outcome"
          />
        </Form.Item>
        <Form.Item
          name="outcome_received_on"
          label={t('discipline.appeal.outcomeReceived')}
          extra={t('discipline.appeal.outcomeReceivedHint')}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SuspensionModal({ item, onClose }: { item: DisciplineCase; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<SuspensionValues>();
  const suspension = useSuspension(item.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const recorded = item.suspension;
  // A recorded suspension is extended (before the decision) or lifted; a new one needs all three.
  const [lifting, setLifting] = useState(!!recorded && !!item.decision);
  const label = (field: string) => t(`discipline.suspension.fields.${field}`);
  const required = [{ required: true, message: t('discipline.open.required') }];

  async function send(values: SuspensionValues) {
    setRest([]);
    try {
      await suspension.mutateAsync(suspensionInput(values, item, lifting));
      message.success(t(lifting ? 'discipline.suspension.lifted' : 'discipline.suspension.saved'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, suspensionFields, problemText));
    }
  }

  return (
    <Modal
      open
      title={t(recorded ? 'discipline.suspension.change' : 'discipline.suspension.open')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('discipline.suspension.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={suspension.isPending}
      okButtonProps={{ 'data-testid': 'discipline-suspension-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={suspension.error} rest={rest} />
      {recorded && !item.decision && (
        <Select
          value={lifting ? 'lift' : 'extend'}
          onChange={(value) => setLifting(value === 'lift')}
          options={[
            { value: 'extend', label: t('discipline.suspension.extend') },
            { value: 'lift', label: t('discipline.suspension.lift') },
          ]}
          style={{ width: '100%', marginBottom: 16 }}
          data-testid="discipline-suspension-mode"
        />
      )}
      <Form<SuspensionValues>
        form={form}
        name="discipline-suspension"
        layout="vertical"
        initialValues={recorded ? { until: recorded.until } : { basis: 'investigation' }}
        onFinish={(values) => void send(values)}
        data-testid="discipline-suspension-form"
      >
        {lifting ? (
          <Form.Item name="lifted_on" label={label('lifted_on')} rules={required}>
            <DateInput disabledAfterToday />
          </Form.Item>
        ) : (
          <>
            {!recorded && (
              <>
                <Form.Item name="basis" label={label('basis')} rules={required}>
                  <Select
                    options={suspensionBases(item.subject).map((value) => ({
                      value,
                      label: t(`discipline.suspension.bases.${value}`),
                    }))}
                    data-testid="discipline-suspension-basis"
                  />
                </Form.Item>
                <Form.Item name="from" label={label('from')} rules={required}>
                  <DateInput disabledAfterToday />
                </Form.Item>
              </>
            )}
            <Form.Item
              name="until"
              label={label('until')}
              rules={required}
              extra={t('discipline.suspension.untilHint')}
            >
              <DateInput />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export function CloseCaseModal({ item, onClose }: { item: DisciplineCase; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<ClosureValues>();
  const close = useCloseCase(item.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const ground = Form.useWatch('ground', form);
  const label = (field: string) => t(`discipline.closure.fields.${field}`);
  const required = [{ required: true, message: t('discipline.open.required') }];

  async function send(values: ClosureValues) {
    setRest([]);
    try {
      await close.mutateAsync(closureInput(values, item.version));
      message.success(t('discipline.closure.done'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, closureFields, problemText));
    }
  }

  return (
    <Modal
      open
      title={t('discipline.closure.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('discipline.closure.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={close.isPending}
      okButtonProps={{ 'data-testid': 'discipline-close-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={close.error} rest={rest} />
      <Form<ClosureValues>
        form={form}
        name="discipline-close"
        layout="vertical"
        initialValues={{ ground: suggestedGround(item) }}
        onFinish={(values) => void send(values)}
        data-testid="discipline-close-form"
      >
        <Form.Item name="ground" label={label('ground')} rules={required}>
          <Select
            options={closureGrounds.map((value) => ({
              value,
              label: t(`discipline.closure.grounds.${value}`),
            }))}
            data-testid="discipline-close-ground"
          />
        </Form.Item>
        <Form.Item name="closed_on" label={label('closed_on')} rules={required}>
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item
          name="note"
          label={label('note')}
          rules={
            ground === 'not_disciplined'
              ? [{ required: true, whitespace: true, message: t('discipline.open.required') }]
              : []
          }
          extra={t('discipline.closure.hint')}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
