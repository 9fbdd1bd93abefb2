// Scheduling a cell's meeting: the day (and time), the place, the kind (regular, thematic with
// its topic, ad hoc); the agenda is the template's. A refusal shows under its field.
import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import type { ProblemFieldError } from '@/types';
import { useScheduleMeeting } from '../api/meetings';
import { meetingKinds, scheduleFields, scheduleInput, type ScheduleValues } from '../lib/meetings';

export function ScheduleModal({
  org,
  orgName,
  defaultDate,
  onClose,
}: {
  org: number;
  orgName: string;
  defaultDate?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const problemText = useProblemText();
  const [form] = Form.useForm<ScheduleValues>();
  const schedule = useScheduleMeeting(org);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const kind = Form.useWatch('kind', form);

  async function send(values: ScheduleValues) {
    setRest([]);
    try {
      const meeting = await schedule.mutateAsync(scheduleInput(values));
      message.success(t('meetings.schedule.done'));
      onClose();
      navigate(paths.meeting(meeting.id));
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, scheduleFields, problemText));
    }
  }

  const label = (field: string) => t(`meeting.fields.${field}`);
  return (
    <Modal
      open
      title={t('meetings.schedule.title', { name: orgName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('meetings.schedule.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={schedule.isPending}
      okButtonProps={{ 'data-testid': 'schedule-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={schedule.error} rest={rest} />
      <Form<ScheduleValues>
        form={form}
        name="schedule"
        layout="vertical"
        initialValues={{ kind: 'regular', held_on: defaultDate, starts_at: '14:00' }}
        onFinish={(values) => void send(values)}
        data-testid="schedule-form"
      >
        <Form.Item name="kind" label={label('kind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={meetingKinds.map((value) => ({ value, label: t(`meetings.kinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="held_on"
          label={label('held_on')}
          rules={[
            { required: true, message: t('validation.required', { label: label('held_on') }) },
          ]}
        >
          <DateInput aria-required />
        </Form.Item>
        <Form.Item
          name="starts_at"
          label={label('starts_at')}
          rules={[
            {
              pattern: /^([01][0-9]|2[0-3]):[0-5][0-9]$/,
              message: t('meetings.schedule.timeFormat'),
            },
          ]}
        >
          <Input maxLength={5} placeholder="14:00" inputMode="numeric" />
        </Form.Item>
        <Form.Item name="place" label={label('place')}>
          <Input maxLength={300} />
        </Form.Item>
        {kind === 'thematic' && (
          <Form.Item
            name="topic"
            label={label('topic')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('validation.required', { label: label('topic') }),
              },
            ]}
          >
            <Input maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
