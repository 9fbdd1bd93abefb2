// An amendment to approved minutes: the part corrected, the correction, the reason; for the
// attendance, the members whose status changes (the old one is kept with the amendment).
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import type { AttendanceStatus, Meeting, MeetingAmendmentNew, ProblemFieldError } from '@/types';
import { useAmendMeeting } from '../api/meetings';
import { attendanceStatuses } from '../lib/meetings';

const sections: MeetingAmendmentNew['section'][] = [
  'attendance',
  'votes',
  'resolution',
  'minutes',
  'other',
];

interface AmendValues {
  section?: MeetingAmendmentNew['section'];
  text?: string;
  reason?: string;
  member_id?: number;
  status?: AttendanceStatus;
}

export function AmendmentModal({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<AmendValues>();
  const amend = useAmendMeeting(meeting.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const section = Form.useWatch('section', form);

  async function send(values: AmendValues) {
    setRest([]);
    const input: MeetingAmendmentNew = {
      section: values.section ?? 'other',
      text: (values.text ?? '').trim(),
      reason: (values.reason ?? '').trim(),
    };
    if (input.section === 'attendance' && values.member_id && values.status) {
      input.attendance = [{ member_id: values.member_id, status: values.status }];
    }
    try {
      await amend.mutateAsync(input);
      message.success(t('meeting.amend.done'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(
        applyFieldErrors(
          form,
          error.problem,
          ['section', 'text', 'reason', 'attendance'],
          problemText,
          {
            'attendance[].member_id': 'member_id',
            'attendance[].status': 'status',
          },
        ),
      );
    }
  }

  const required = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { label }),
  });

  return (
    <Modal
      open
      title={t('meeting.amend.open')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('meeting.amend.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={amend.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={amend.error} rest={rest} />
      <Form<AmendValues>
        form={form}
        name="amend"
        layout="vertical"
        initialValues={{ section: 'minutes' }}
        onFinish={(values) => void send(values)}
      >
        <Form.Item name="section" label={t('meeting.amend.section')}>
          <Select
            options={sections.map((value) => ({
              value,
              label: t(`meeting.amend.sections.${value}`),
            }))}
          />
        </Form.Item>
        {section === 'attendance' && (
          <>
            <Form.Item name="member_id" label={t('meeting.amend.member')}>
              <Select
                showSearch
                optionFilterProp="label"
                options={meeting.roster.map((line) => ({
                  value: line.member_id,
                  label: line.full_name,
                }))}
              />
            </Form.Item>
            <Form.Item name="status" label={t('meeting.amend.newStatus')}>
              <Select
                options={attendanceStatuses.map((value) => ({
                  value,
                  label: t(`meetings.attendance.${value}`),
                }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="text"
          label={t('meeting.amend.text')}
          rules={[required(t('meeting.amend.text'))]}
        >
          <Input.TextArea maxLength={20000} autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('meeting.amend.reason')}
          rules={[required(t('meeting.amend.reason'))]}
        >
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
