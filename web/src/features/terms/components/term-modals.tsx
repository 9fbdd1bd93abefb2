// The forms of the committee tab: recording a congress (which opens the next term), appointing
// a member to a seat with the appointing decision, ending a seat. Refusals show under their
// fields; anything else above the form.
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { SeatMemberSelect } from './member-select';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import { useToday } from '@/lib/today';
import type { CommitteeSeat, ProblemFieldError, Term } from '@/types';
import { useAppointSeat, useEndSeat, useRecordCongress } from '../api/terms';
import { positionsOf } from '../lib/positions';

function useSubmit() {
  const text = useProblemText();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  return {
    rest,
    async run(
      form: Parameters<typeof applyFieldErrors>[0],
      fields: readonly string[],
      work: () => Promise<unknown>,
      aliases?: Record<string, string>,
    ): Promise<boolean> {
      setRest([]);
      try {
        await work();
        return true;
      } catch (error) {
        if (isApiError(error))
          setRest(applyFieldErrors(form, error.problem, fields, text, aliases));
        return false;
      }
    },
  };
}

interface CongressValues {
  name?: string;
  opened_on?: string | null;
  closed_on: string;
  delegates?: number | null;
  approved_committee_size?: number | null;
  approved_standing_size?: number | null;
  note?: string;
}
const congressFields = [
  'name',
  'opened_on',
  'closed_on',
  'delegates',
  'approved_committee_size',
  'approved_standing_size',
  'note',
];

export function CongressModal({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CongressValues>();
  const call = useRecordCongress(orgId);
  const submit = useSubmit();

  async function finish(values: CongressValues) {
    const body = {
      closed_on: values.closed_on,
      ...(values.name?.trim() ? { name: values.name.trim() } : {}),
      ...(values.opened_on ? { opened_on: values.opened_on } : {}),
      ...(values.delegates != null ? { delegates: values.delegates } : {}),
      ...(values.approved_committee_size != null
        ? { approved_committee_size: values.approved_committee_size }
        : {}),
      ...(values.approved_standing_size != null
        ? { approved_standing_size: values.approved_standing_size }
        : {}),
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
    };
    if (await submit.run(form, congressFields, () => call.mutateAsync(body))) {
      message.success(t('terms.congress.done'));
      onClose();
    }
  }

  const required = (label: string) => [
    { required: true, message: t('validation.required', { label }) },
  ];
  return (
    <Modal
      open
      width={600}
      title={t('terms.congress.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('terms.congress.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={call.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={call.error} rest={submit.rest} />
      <Form<CongressValues>
        form={form}
        name="congress"
        layout="vertical"
        onFinish={(values) => void finish(values)}
        data-testid="congress-form"
      >
        <Form.Item
          name="closed_on"
          label={t('terms.fields.closedOn')}
          rules={required(t('terms.fields.closedOn'))}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item name="opened_on" label={t('terms.fields.openedOn')}>
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item name="name" label={t('terms.fields.name')} extra={t('terms.congress.nameHint')}>
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item name="delegates" label={t('terms.fields.delegates')}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="approved_committee_size" label={t('terms.fields.approvedCommittee')}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="approved_standing_size" label={t('terms.fields.approvedStanding')}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('terms.fields.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface SeatValues {
  member_id: number | null;
  position: string;
  started_on: string;
  decision_number?: string;
  decision_authority?: string;
  decision_date?: string | null;
}
const seatFields = [
  'member_id',
  'position',
  'started_on',
  'decision_number',
  'decision_authority',
  'decision_date',
];
const seatAliases = {
  'decision.number': 'decision_number',
  'decision.authority': 'decision_authority',
};

export function SeatModal({
  orgId,
  orgKind,
  term,
  onClose,
}: {
  orgId: number;
  orgKind: string;
  term: Term;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useToday();
  const [form] = Form.useForm<SeatValues>();
  const call = useAppointSeat(term.id);
  const submit = useSubmit();

  async function finish(values: SeatValues) {
    const decision = {
      ...(values.decision_number?.trim() ? { number: values.decision_number.trim() } : {}),
      ...(values.decision_authority?.trim() ? { authority: values.decision_authority.trim() } : {}),
    };
    const body = {
      member_id: values.member_id ?? 0,
      position: values.position,
      started_on: values.started_on,
      ...(Object.keys(decision).length ? { decision } : {}),
      ...(values.decision_date ? { decision_date: values.decision_date } : {}),
    };
    if (await submit.run(form, seatFields, () => call.mutateAsync(body), seatAliases)) {
      message.success(t('terms.seat.done'));
      onClose();
    }
  }

  const required = (label: string) => [
    { required: true, message: t('validation.required', { label }) },
  ];
  return (
    <Modal
      open
      width={600}
      title={t('terms.seat.title', { term: term.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('terms.seat.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={call.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={call.error} rest={submit.rest} />
      <Form<SeatValues>
        form={form}
        name="seat"
        layout="vertical"
        initialValues={{ started_on: term.ends_on ? term.starts_on : today }}
        onFinish={(values) => void finish(values)}
        data-testid="seat-form"
      >
        <Form.Item
          name="member_id"
          label={t('terms.fields.member')}
          rules={required(t('terms.fields.member'))}
        >
          <SeatMemberSelect org={orgId} aria-label={t('terms.fields.member')} />
        </Form.Item>
        <Form.Item
          name="position"
          label={t('terms.fields.position')}
          rules={required(t('terms.fields.position'))}
        >
          <Select
            data-testid="position-select"
            options={positionsOf(orgKind).map((code) => ({
              value: code,
              label: t(`terms.positions.${code}`, { defaultValue: code }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="started_on"
          label={t('terms.fields.startedOn')}
          rules={required(t('terms.fields.startedOn'))}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item name="decision_number" label={t('terms.fields.decisionNumber')}>
          <Input maxLength={255} placeholder="125-QĐ/ĐU" />
        </Form.Item>
        <Form.Item name="decision_authority" label={t('terms.fields.decisionAuthority')}>
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item name="decision_date" label={t('terms.fields.decisionDate')}>
          <DateInput disabledAfterToday />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EndValues {
  on: string;
  reason: string;
}

export function EndSeatModal({ seat, onClose }: { seat: CommitteeSeat; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useToday();
  const [form] = Form.useForm<EndValues>();
  const call = useEndSeat(seat.id);
  const submit = useSubmit();
  const position = t(`terms.positions.${seat.position}`, { defaultValue: seat.position });

  async function finish(values: EndValues) {
    const body = { version: seat.version, on: values.on, reason: values.reason.trim() };
    if (await submit.run(form, ['on', 'reason'], () => call.mutateAsync(body))) {
      message.success(t('terms.end.done'));
      onClose();
    }
  }

  return (
    <Modal
      open
      width={520}
      title={t('terms.end.title', { name: seat.member_name, position })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('terms.end.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={call.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={call.error} rest={submit.rest} />
      <Form<EndValues>
        form={form}
        name="seat_end"
        layout="vertical"
        initialValues={{ on: today }}
        onFinish={(values) => void finish(values)}
        data-testid="seat-end-form"
      >
        <Form.Item
          name="on"
          label={t('terms.end.on')}
          rules={[
            { required: true, message: t('validation.required', { label: t('terms.end.on') }) },
          ]}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('terms.end.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { label: t('terms.end.reason') }),
            },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
