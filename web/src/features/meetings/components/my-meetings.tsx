// The meetings part of "Chi bộ của tôi" (the member's own page, app/routes/my-cell.tsx): the
// cell's coming meetings (with an absence notice to send, and its answer) and the member's own
// attendance in the year.
import { App, Button, Card, Form, Input, List, Modal, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/page-state';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-text';
import { useToday } from '@/lib/today';
import type { MeetingItem, MyMeetings, ProblemFieldError } from '@/types';
import { useMyMeetings, useSendAbsenceNotice } from '../api/meetings';
import { NoticeState } from './notice-list';
import { AttendanceTag, MeetingKindTag } from './tags';

function AbsenceModal({ meeting, onClose }: { meeting: MeetingItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<{ reason?: string }>();
  const send = useSendAbsenceNotice();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const label = t('myCell.absence.reason');

  async function submit(values: { reason?: string }) {
    setRest([]);
    try {
      await send.mutateAsync({
        meeting: meeting.id,
        input: { reason: (values.reason ?? '').trim() },
      });
      message.success(t('myCell.absence.done'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, ['reason'], problemText));
    }
  }

  return (
    <Modal
      open
      title={t('myCell.absence.title', { date: formatDate(meeting.held_on) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('myCell.absence.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={send.isPending}
      okButtonProps={{ 'data-testid': 'absence-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={send.error} rest={rest} />
      <Form form={form} name="absence" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={label}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { label }) },
          ]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Meetings({ data }: { data: MyMeetings }) {
  const { t } = useTranslation();
  const today = useToday();
  const [absent, setAbsent] = useState<MeetingItem | undefined>();
  const noticeFor = (id: number) => data.notices.find((notice) => notice.meeting_id === id);
  return (
    <>
      <Card size="small" title={t('myCell.upcoming', { name: data.org.name })}>
        <List
          dataSource={data.upcoming}
          locale={{ emptyText: t('myCell.noUpcoming') }}
          data-testid="my-upcoming"
          renderItem={(item) => {
            const notice = noticeFor(item.id);
            return (
              <List.Item
                actions={[
                  notice ? (
                    <NoticeState key="state" notice={notice} />
                  ) : (
                    item.held_on >= today && (
                      <Button
                        key="absent"
                        onClick={() => setAbsent(item)}
                        data-testid="absence-open"
                      >
                        {t('myCell.absence.open')}
                      </Button>
                    )
                  ),
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      {formatDate(item.held_on)} {item.starts_at}
                      <MeetingKindTag kind={item.kind} />
                    </Space>
                  }
                  description={[item.place, item.topic].filter(Boolean).join(' · ')}
                />
              </List.Item>
            );
          }}
        />
      </Card>
      <Card size="small" title={t('myCell.attendance')}>
        <Table
          size="small"
          rowKey="meeting_id"
          pagination={false}
          dataSource={data.attendance}
          locale={{ emptyText: t('myCell.noAttendance') }}
          scroll={{ x: 420 }}
          columns={[
            {
              key: 'date',
              title: t('meeting.fields.held_on'),
              render: (_, row) => formatDate(row.held_on),
            },
            {
              key: 'kind',
              title: t('meeting.fields.kind'),
              render: (_, row) => <MeetingKindTag kind={row.kind} />,
            },
            {
              key: 'status',
              title: t('myCell.status'),
              render: (_, row) => (
                <Space wrap>
                  <AttendanceTag status={row.status} />
                  {row.reason && <Typography.Text type="secondary">{row.reason}</Typography.Text>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {absent && <AbsenceModal meeting={absent} onClose={() => setAbsent(undefined)} />}
    </>
  );
}

/** The coming meetings and own attendance; `null` while the account has no member record. */
export function MyMeetingsPanel({ onNotLinked }: { onNotLinked: () => void }) {
  const today = useToday();
  const meetings = useMyMeetings(Number(today.slice(0, 4)));
  const unlinked =
    isApiError(meetings.error) &&
    String(meetings.error.problem.code) === 'account_not_linked_to_member';
  useEffect(() => {
    if (unlinked) onNotLinked();
  }, [unlinked, onNotLinked]);
  if (unlinked) return null;
  if (meetings.isPending) return <LoadingState rows={4} />;
  if (meetings.isError) {
    return <ErrorState error={meetings.error} compact onRetry={() => void meetings.refetch()} />;
  }
  return <Meetings data={meetings.data} />;
}
