// A meeting's absence notices: who, why, when sent and how decided. Those who may write accept
// or refuse a pending one (an accepted notice makes the member "absent with reason" when the
// attendance is recorded).
import { App, Button, Card, Flex, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { formatDateTime } from '@/lib/format';
import type { Meeting, MeetingAbsenceNotice } from '@/types';
import { useDecideAbsenceNotice } from '../api/meetings';

const noticeColors = { pending: 'orange', accepted: 'green', refused: 'red' } as const;

export function NoticeState({ notice }: { notice: Pick<MeetingAbsenceNotice, 'state'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={noticeColors[notice.state]} data-testid="notice-state">
      {t(`meetings.noticeStates.${notice.state}`)}
    </Tag>
  );
}

export function NoticeList({
  meeting,
  title,
}: {
  meeting: Pick<Meeting, 'id' | 'notices' | 'may_write' | 'state'>;
  title?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideAbsenceNotice();
  const mayDecide = meeting.may_write && meeting.state === 'scheduled';

  async function send(notice: MeetingAbsenceNotice, decision: 'accepted' | 'refused') {
    await decide.mutateAsync({ meeting: meeting.id, notice: notice.id, input: { decision } });
    message.success(t(`meetings.notices.done.${decision}`, { name: notice.full_name }));
  }

  return (
    <Card size="small" title={title ?? t('meetings.notices.title')} data-testid="notice-list">
      <ProblemAlert error={decide.error} all />
      <List
        size="small"
        dataSource={meeting.notices}
        renderItem={(notice) => (
          <List.Item data-testid="notice-row" data-notice-id={notice.id}>
            <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }}>
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{notice.full_name}</Typography.Text>
                <Typography.Text>{notice.reason}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(notice.sent_at)}
                  {notice.decided_by && ` · ${notice.decided_by}`}
                  {notice.decision_note && ` · ${notice.decision_note}`}
                </Typography.Text>
              </Space>
              {mayDecide && notice.state === 'pending' ? (
                <Space>
                  <Button
                    size="large"
                    type="primary"
                    loading={decide.isPending}
                    onClick={() => void send(notice, 'accepted').catch(() => undefined)}
                    data-testid="notice-accept"
                  >
                    {t('meetings.notices.accept')}
                  </Button>
                  <Button
                    size="large"
                    danger
                    loading={decide.isPending}
                    onClick={() => void send(notice, 'refused').catch(() => undefined)}
                    data-testid="notice-refuse"
                  >
                    {t('meetings.notices.refuse')}
                  </Button>
                </Space>
              ) : (
                <NoticeState notice={notice} />
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
