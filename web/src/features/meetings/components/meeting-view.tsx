// One meeting: when and where, the agenda and the documents from above, the absence notices
// (the secretary accepts or refuses them), then, once held, the attendance per member, the
// votes, the resolution and the minutes with the meeting's quality. The secretary records the
// result (on a phone too), approves the minutes (then they are locked: corrections are
// amendments, listed), downloads the minutes as DOCX or opens the print view.
import {
  CheckCircleOutlined,
  EditOutlined,
  FileWordOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  List,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { formatDate, formatDateTime } from '@/lib/format';
import { useToday } from '@/lib/today';
import type { Meeting } from '@/types';
import { useApproveMeeting, useMeeting } from '../api/meetings';
import { meetingActions, minutesDocxUrl, minutesPrintUrl } from '../lib/meetings';
import { AmendmentModal } from './amendment-modal';
import { AttendanceRecorder } from './attendance-recorder';
import { NoticeList } from './notice-list';
import { QualityPanel } from './quality-panel';
import { AttendanceTag, MeetingStateTag } from './tags';

export function MeetingView({ id }: { id: number }) {
  const meeting = useMeeting(id);
  if (meeting.isPending) return <LoadingState rows={8} />;
  if (meeting.isError) {
    return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />;
  }
  return <MeetingBody meeting={meeting.data} />;
}

function MeetingBody({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const today = useToday();
  const [recording, setRecording] = useState(false);
  const [amending, setAmending] = useState(false);
  const approve = useApproveMeeting(meeting.id);
  const actions = meetingActions(meeting);
  const canRecordNow = actions.record && meeting.held_on <= today;

  function confirmApprove() {
    modal.confirm({
      title: t('meeting.approve.title'),
      content: t('meeting.approve.text'),
      okText: t('meeting.approve.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'meeting-approve-confirm' } as never,
      onOk: async () => {
        await approve.mutateAsync();
        message.success(t('meeting.approve.done'));
      },
    });
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="meeting-view">
      <div>
        <Link
          to={paths.meetings({ org: meeting.org.id, year: Number(meeting.held_on.slice(0, 4)) })}
        >
          ← {meeting.org.name}
        </Link>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="meeting-title">
            {t(`meetings.kinds.${meeting.kind}`)} {formatDate(meeting.held_on)}
          </Typography.Title>
          <MeetingStateTag state={meeting.state} />
        </Flex>
      </div>
      <ProblemAlert error={approve.error} all />
      {!recording && (
        <Flex gap={8} wrap>
          {canRecordNow && (
            <Button
              type="primary"
              size="large"
              icon={<EditOutlined />}
              onClick={() => setRecording(true)}
              data-testid="meeting-record-open"
            >
              {meeting.state === 'scheduled' ? t('meeting.record.open') : t('meeting.record.again')}
            </Button>
          )}
          {actions.approve && (
            <Button
              size="large"
              icon={<CheckCircleOutlined />}
              onClick={confirmApprove}
              data-testid="meeting-approve"
            >
              {t('meeting.approve.ok')}
            </Button>
          )}
          {actions.minutes && (
            <>
              <Button
                size="large"
                icon={<FileWordOutlined />}
                href={minutesDocxUrl(meeting.id)}
                download
                data-testid="meeting-docx"
              >
                {t('meeting.minutes.docx')}
              </Button>
              <Button
                size="large"
                icon={<PrinterOutlined />}
                href={minutesPrintUrl(meeting.id)}
                target="_blank"
                rel="noopener"
                data-testid="meeting-print"
              >
                {t('meeting.minutes.print')}
              </Button>
            </>
          )}
          {actions.amend && (
            <Button size="large" onClick={() => setAmending(true)} data-testid="meeting-amend">
              {t('meeting.amend.open')}
            </Button>
          )}
        </Flex>
      )}
      {actions.record && meeting.held_on > today && (
        <Alert type="info" showIcon message={t('meeting.record.notYet')} />
      )}
      {meeting.state === 'approved' && (
        <Alert
          type="success"
          showIcon
          data-testid="meeting-locked"
          message={t('meeting.approve.locked', {
            at: formatDateTime(meeting.approved_at),
            by: meeting.approved_by,
          })}
        />
      )}

      {recording ? (
        <AttendanceRecorder meeting={meeting} onDone={() => setRecording(false)} />
      ) : (
        <>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('meeting.fields.held_on')}>
              {formatDate(meeting.held_on)} {meeting.starts_at}
            </Descriptions.Item>
            <Descriptions.Item label={t('meeting.fields.place')}>
              {meeting.place || '—'}
            </Descriptions.Item>
            {meeting.topic ? (
              <Descriptions.Item label={t('meeting.fields.topic')} span={2}>
                {meeting.topic}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('meeting.fields.chair')}>
              {meeting.chair?.full_name ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('meeting.fields.secretary')}>
              {meeting.secretary?.full_name ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('meeting.fields.agenda')}>
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {meeting.agenda.map((item, index) => (
                <li key={`${item.code}-${index}`}>
                  {item.title}
                  {item.note && <Typography.Text type="secondary"> — {item.note}</Typography.Text>}
                </li>
              ))}
            </ol>
            {(meeting.documents.length > 0 || meeting.directives.length > 0) && (
              <Space wrap style={{ marginTop: 8 }}>
                {meeting.documents.map((doc) => (
                  <Link key={`d${doc.id}`} to={paths.document(doc.id)}>
                    {doc.number} {doc.title}
                  </Link>
                ))}
                {meeting.directives.map((doc) => (
                  <Link key={`c${doc.id}`} to={paths.directive(doc.id)}>
                    {doc.number} {doc.title}
                  </Link>
                ))}
              </Space>
            )}
          </Card>
          {meeting.notices.length > 0 && <NoticeList meeting={meeting} />}
          {meeting.quality && <QualityPanel quality={meeting.quality} />}
          {meeting.state !== 'scheduled' && (
            <>
              <Card size="small" title={t('meeting.record.attendance')}>
                <List
                  size="small"
                  dataSource={meeting.roster}
                  data-testid="meeting-attendance"
                  renderItem={(line) => (
                    <List.Item data-member-id={line.member_id}>
                      <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }}>
                        <span>
                          {line.full_name}
                          {!line.counted && (
                            <Typography.Text type="secondary">
                              {' '}
                              ({t('meeting.notCounted')})
                            </Typography.Text>
                          )}
                        </span>
                        <span>
                          {line.attendance ? <AttendanceTag status={line.attendance} /> : '—'}
                          {line.reason && (
                            <Typography.Text type="secondary"> {line.reason}</Typography.Text>
                          )}
                        </span>
                      </Flex>
                    </List.Item>
                  )}
                />
              </Card>
              {meeting.votes.length > 0 && (
                <Table
                  size="small"
                  rowKey={(vote) => vote.subject}
                  pagination={false}
                  dataSource={meeting.votes}
                  scroll={{ x: 560 }}
                  columns={[
                    {
                      key: 'subject',
                      title: t('meeting.record.voteSubject'),
                      dataIndex: 'subject',
                    },
                    {
                      key: 'for',
                      title: t('meeting.votes.in_favour'),
                      dataIndex: 'in_favour',
                      align: 'right',
                    },
                    {
                      key: 'against',
                      title: t('meeting.votes.against'),
                      dataIndex: 'against',
                      align: 'right',
                    },
                    {
                      key: 'abstain',
                      title: t('meeting.votes.abstain'),
                      dataIndex: 'abstain',
                      align: 'right',
                    },
                    {
                      key: 'entitled',
                      title: t('meeting.votes.entitled'),
                      dataIndex: 'entitled',
                      align: 'right',
                    },
                    {
                      key: 'passed',
                      title: t('meeting.votes.result'),
                      render: (_, vote) => (
                        <Tag color={vote.passed ? 'green' : 'red'} title={vote.rule.source}>
                          {vote.passed ? t('meeting.votes.passed') : t('meeting.votes.failed')}
                        </Tag>
                      ),
                    },
                  ]}
                />
              )}
              <Card size="small" title={t('meeting.fields.resolution')}>
                <Typography.Paragraph
                  style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                  data-testid="meeting-resolution"
                >
                  {meeting.resolution || '—'}
                </Typography.Paragraph>
              </Card>
              <Card size="small" title={t('meeting.fields.minutes')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {meeting.minutes || '—'}
                </Typography.Paragraph>
              </Card>
            </>
          )}
          {meeting.amendments.length > 0 && (
            <Card size="small" title={t('meeting.amend.list')} data-testid="meeting-amendments">
              <List
                size="small"
                dataSource={meeting.amendments}
                renderItem={(item) => (
                  <List.Item>
                    <Space orientation="vertical" size={2}>
                      <Typography.Text strong>
                        {t(`meeting.amend.sections.${item.section}`, item.section)} ·{' '}
                        {formatDateTime(item.created_at)} · {item.created_by}
                      </Typography.Text>
                      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                        {item.text}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        {t('meeting.amend.reason')}: {item.reason}
                      </Typography.Text>
                      {item.changes.map((change) => (
                        <Typography.Text key={change.member_id} type="secondary">
                          {change.full_name}: {t(`meetings.attendance.${change.from}`)} →{' '}
                          {t(`meetings.attendance.${change.to}`)}
                        </Typography.Text>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          )}
        </>
      )}
      {amending && <AmendmentModal meeting={meeting} onClose={() => setAmending(false)} />}
    </Space>
  );
}
