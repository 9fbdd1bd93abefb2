// Recording a held meeting, made for a secretary's phone (390 px): the day and place, the chair
// and secretary, then one member per row with the attendance as a segmented control (large tap
// targets) and the reason under an absence; the votes, the resolution, the minutes. Members on
// an accepted absence notice start as absent with reason. A refusal shows under its field, or
// under the member's row for an attendance line.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Segmented,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import type { AttendanceStatus, Meeting, ProblemFieldError } from '@/types';
import { useRecordMeeting } from '../api/meetings';
import {
  attendanceCount,
  attendanceStatuses,
  formatPercentValue,
  initialAttendance,
  needsReason,
  recordFields,
  recordInput,
  type AttendanceValue,
  type RecordValues,
} from '../lib/meetings';

/** "attendance[3].reason" -> 3 (the line's index in the roster). */
function attendanceIndex(field: string): number | undefined {
  const match = /^attendance\[(\d+)\]/.exec(field);
  return match ? Number(match[1]) : undefined;
}

export function AttendanceRecorder({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<RecordValues>();
  const record = useRecordMeeting(meeting.id);
  const roster = meeting.roster;
  const [attendance, setAttendance] = useState<Record<number, AttendanceValue>>(() =>
    initialAttendance(roster),
  );
  const [rowErrors, setRowErrors] = useState<Record<number, string[]>>({});
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const count = attendanceCount(roster, attendance);
  const memberOptions = useMemo(
    () => roster.map((line) => ({ value: line.member_id, label: line.full_name })),
    [roster],
  );

  function set(member: number, patch: Partial<AttendanceValue>) {
    setAttendance((current) => ({
      ...current,
      [member]: { ...(current[member] ?? { status: 'present' }), ...patch },
    }));
    setRowErrors((current) => ({ ...current, [member]: [] }));
  }

  async function send(values: RecordValues) {
    setRest([]);
    setRowErrors({});
    try {
      await record.mutateAsync(recordInput(values, roster, attendance));
      message.success(t('meeting.record.done'));
      onDone();
    } catch (error) {
      if (!isApiError(error)) throw error;
      const rows: Record<number, string[]> = {};
      const others = (error.problem.errors ?? []).filter((item) => {
        const index = attendanceIndex(item.field);
        if (index === undefined || !roster[index]) return true;
        const id = roster[index].member_id;
        rows[id] = [...(rows[id] ?? []), problemText(item)];
        return false;
      });
      setRowErrors(rows);
      setRest(
        applyFieldErrors(form, { ...error.problem, errors: others }, recordFields, problemText),
      );
    }
  }

  const statusLabel = (status: AttendanceStatus) => (
    <span className="attendance-option" title={t(`meetings.attendance.${status}`)}>
      {t(`meetings.attendanceShort.${status}`)}
    </span>
  );
  const required = (label: string) => ({
    required: true,
    message: t('validation.required', { label }),
  });

  return (
    <div className="meeting-recorder" data-testid="meeting-record-form">
      <ProblemAlert error={record.error} rest={rest} />
      <Form<RecordValues>
        form={form}
        name="record"
        layout="vertical"
        size="large"
        initialValues={{
          held_on: meeting.held_on,
          place: meeting.place,
          chair_id: meeting.chair?.member_id,
          secretary_id: meeting.secretary?.member_id,
          votes: meeting.votes.map((vote) => ({
            subject: vote.subject,
            in_favour: vote.in_favour,
            against: vote.against,
            abstain: vote.abstain,
          })),
          resolution: meeting.resolution,
          minutes: meeting.minutes,
        }}
        onFinish={(values) => void send(values)}
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="held_on"
            label={t('meeting.fields.held_on')}
            rules={[required(t('meeting.fields.held_on'))]}
            style={{ flex: '1 1 160px' }}
          >
            <DateInput disabledAfterToday aria-required />
          </Form.Item>
          <Form.Item name="place" label={t('meeting.fields.place')} style={{ flex: '2 1 200px' }}>
            <Input maxLength={300} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="chair_id"
            label={t('meeting.fields.chair')}
            rules={[required(t('meeting.fields.chair'))]}
            style={{ flex: '1 1 200px' }}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={memberOptions}
              data-testid="record-chair"
            />
          </Form.Item>
          <Form.Item
            name="secretary_id"
            label={t('meeting.fields.secretary')}
            rules={[required(t('meeting.fields.secretary'))]}
            style={{ flex: '1 1 200px' }}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={memberOptions}
              data-testid="record-secretary"
            />
          </Form.Item>
        </Flex>

        <Flex justify="space-between" align="baseline" wrap gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('meeting.record.attendance')}
          </Typography.Title>
          <Typography.Text data-testid="record-count">
            {t('meeting.record.count', {
              present: count.present,
              counted: count.counted,
              percent: count.counted
                ? formatPercentValue(
                    Math.round((count.present * 1000) / count.counted) / 10,
                    i18n.language,
                  )
                : '—',
            })}
          </Typography.Text>
        </Flex>
        <ol className="attendance-list" data-testid="attendance-list">
          {roster.map((line) => {
            const value = attendance[line.member_id] ?? { status: 'present' };
            const errors = rowErrors[line.member_id] ?? [];
            return (
              <li
                key={line.member_id}
                className="attendance-row"
                data-testid="attendance-row"
                data-member-id={line.member_id}
                data-status={value.status}
              >
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <Typography.Text strong>{line.full_name}</Typography.Text>
                  <span>
                    {line.member_status === 'exempted' && (
                      <Tag color="gold">{t('meeting.record.exempted')}</Tag>
                    )}
                    {line.notice && (
                      <Tag color={line.notice.state === 'accepted' ? 'green' : 'orange'}>
                        {t(`meetings.noticeStates.${line.notice.state}`)}
                      </Tag>
                    )}
                  </span>
                </Flex>
                <Segmented<AttendanceStatus>
                  block
                  size="large"
                  className="attendance-segmented"
                  aria-label={t('meeting.record.statusOf', { name: line.full_name })}
                  value={value.status}
                  onChange={(status) => set(line.member_id, { status })}
                  options={attendanceStatuses.map((status) => ({
                    value: status,
                    label: statusLabel(status),
                  }))}
                />
                {needsReason(value.status) && (
                  <Input
                    size="large"
                    maxLength={500}
                    placeholder={t('meeting.record.reason')}
                    aria-label={t('meeting.record.reasonOf', { name: line.full_name })}
                    value={value.reason ?? ''}
                    status={errors.length ? 'error' : undefined}
                    onChange={(event) => set(line.member_id, { reason: event.target.value })}
                    data-testid="attendance-reason"
                  />
                )}
                {errors.map((text) => (
                  <Typography.Text key={text} type="danger" role="alert">
                    {text}
                  </Typography.Text>
                ))}
              </li>
            );
          })}
        </ol>

        <Form.List name="votes">
          {(items, { add, remove }) => (
            <Form.Item label={t('meeting.record.votes')}>
              {items.map((item) => (
                <div key={item.key} className="vote-row" data-testid="vote-row">
                  <Flex gap={8} align="baseline">
                    <Form.Item name={[item.name, 'subject']} style={{ flex: 1 }}>
                      <Input placeholder={t('meeting.record.voteSubject')} maxLength={500} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('meeting.record.removeVote')}
                      onClick={() => remove(item.name)}
                    />
                  </Flex>
                  <Flex gap={8}>
                    {(['in_favour', 'against', 'abstain'] as const).map((field) => (
                      <Form.Item
                        key={field}
                        name={[item.name, field]}
                        label={t(`meeting.votes.${field}`)}
                        style={{ flex: 1 }}
                      >
                        <InputNumber<number>
                          min={0}
                          precision={0}
                          inputMode="numeric"
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    ))}
                  </Flex>
                </div>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ in_favour: count.present, against: 0, abstain: 0 })}
                data-testid="vote-add"
              >
                {t('meeting.record.addVote')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="resolution" label={t('meeting.fields.resolution')}>
          <Input.TextArea maxLength={20000} autoSize={{ minRows: 3, maxRows: 12 }} />
        </Form.Item>
        <Form.Item name="minutes" label={t('meeting.fields.minutes')}>
          <Input.TextArea maxLength={50000} autoSize={{ minRows: 4, maxRows: 16 }} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={record.isPending}
            data-testid="record-submit"
            style={{ flex: '2 1 200px' }}
          >
            {t('meeting.record.submit')}
          </Button>
          <Button block onClick={onDone} style={{ flex: '1 1 120px' }}>
            {t('common.cancel')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
