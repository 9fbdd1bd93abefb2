// A cell's meetings of a year, month by month: the regular and thematic meetings (and ad hoc
// ones) with their state, the months with no regular meeting recorded and the quarters with no
// thematic one flagged (the server's quality of the cell-year), the year's quality; scheduling
// a meeting; the pending absence notices of the coming meetings. For an organization above the
// cells, the cells missing a month's meeting are on their own page.
import { CalendarOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { formatMonth, lastEndedMonth } from '@/lib/months';
import { formatDate } from '@/lib/format';
import { orgQuery } from '@/lib/org-queries';
import { useCan } from '@/lib/session';
import { useToday } from '@/lib/today';
import type { YearParams } from '@/lib/months';
import { meetingQuery, useCellQuality, useOrgMeetings } from '../api/meetings';
import { calendarMonths, formatPercentValue, meetingWrite } from '../lib/meetings';
import { NoticeList } from './notice-list';
import { ScheduleModal } from './schedule-modal';
import { MeetingKindTag, MeetingStateTag } from './tags';

export function MeetingCalendar({
  params,
  onChange,
}: {
  params: YearParams;
  onChange: (params: YearParams) => void;
}) {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const canWrite = useCan(meetingWrite);
  const org = useQuery({ ...orgQuery(params.org ?? 0), enabled: !!params.org });
  const isCell = !!org.data?.holds_members;
  const meetings = useOrgMeetings(isCell ? params.org : undefined, params.year);
  const quality = useCellQuality(params.org, params.year, isCell);
  const [scheduling, setScheduling] = useState(false);
  const months = calendarMonths(params.year, meetings.data?.items ?? [], quality.data);
  const upcoming = (meetings.data?.items ?? []).filter(
    (item) => item.state === 'scheduled' && item.held_on >= today,
  );
  const details = useQueries({
    queries: upcoming.slice(0, 5).map((item) => meetingQuery(item.id)),
  });
  const pendingNotices = details
    .map((query) => query.data)
    .filter((meeting) => meeting && meeting.notices.some((notice) => notice.state === 'pending'));

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="meeting-calendar"
    >
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {org.data
            ? t('meetings.calendar.titleOf', { name: org.data.name, year: params.year })
            : t('meetings.calendar.title')}
        </Typography.Title>
        <Space wrap>
          <OrgPicker
            value={params.org}
            onChange={(next) => onChange({ ...params, org: next ?? undefined })}
            style={{ width: 360, maxWidth: '100%' }}
            aria-label={t('dues.org')}
            placeholder={t('meetings.chooseCell')}
          />
          <InputNumber<number>
            aria-label={t('dues.year')}
            value={params.year}
            min={2000}
            max={2100}
            precision={0}
            onChange={(year) => year && onChange({ ...params, year })}
          />
          {isCell && canWrite && org.data && (
            <Button
              type="primary"
              icon={<CalendarOutlined />}
              onClick={() => setScheduling(true)}
              data-testid="meeting-schedule"
            >
              {t('meetings.schedule.open')}
            </Button>
          )}
        </Space>
      </Flex>
      <Link to={paths.meetingsMissing({ org: params.org, month: lastEndedMonth(today) })}>
        {t('meetings.missing.link')}
      </Link>
      {!params.org ? (
        <EmptyState description={t('meetings.chooseCell')} />
      ) : org.data && !isCell ? (
        <Alert
          type="info"
          showIcon
          message={t('meetings.calendar.notCell')}
          action={
            <Link to={paths.meetingsMissing({ org: params.org, month: lastEndedMonth(today) })}>
              {t('meetings.missing.link')}
            </Link>
          }
        />
      ) : meetings.isPending ? (
        <LoadingState rows={6} />
      ) : meetings.isError ? (
        <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : (
        <>
          {quality.data && (
            <Card
              size="small"
              title={t('meetings.quality.yearTitle', { year: params.year })}
              extra={
                <Tag color={quality.data.meets ? 'green' : 'red'} data-testid="cell-quality">
                  {quality.data.meets ? t('meetings.quality.meets') : t('meetings.quality.fails')}
                </Tag>
              }
            >
              <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
                <Descriptions.Item label={t('meetings.quality.meetings')}>
                  {quality.data.meetings} ({quality.data.meetings_meeting_quality}{' '}
                  {t('meetings.quality.good')})
                </Descriptions.Item>
                <Descriptions.Item label={t('meetings.quality.attendance')}>
                  {formatPercentValue(quality.data.attendance_percent, i18n.language)}
                </Descriptions.Item>
                <Descriptions.Item label={t('meetings.quality.unexcused')}>
                  {quality.data.unexcused}
                </Descriptions.Item>
                <Descriptions.Item label={t('meetings.quality.missingMonths')}>
                  {quality.data.missing_months.length
                    ? quality.data.missing_months.map(formatMonth).join(', ')
                    : '—'}
                </Descriptions.Item>
              </Descriptions>
              {quality.data.failures.length > 0 && (
                <Space wrap>
                  {quality.data.failures.map((failure) => (
                    <Tag key={failure} color="red">
                      {t(`meetings.quality.failures.${failure}`)}
                    </Tag>
                  ))}
                </Space>
              )}
            </Card>
          )}
          {pendingNotices.map(
            (meeting) =>
              meeting && (
                <NoticeList
                  key={meeting.id}
                  meeting={meeting}
                  title={t('meetings.notices.pendingFor', { date: formatDate(meeting.held_on) })}
                />
              ),
          )}
          <div className="meeting-calendar">
            {months.map((month) => (
              <Card
                key={month.month}
                size="small"
                data-testid="calendar-month"
                data-month={month.month}
                data-missing={month.missing ? 'true' : 'false'}
                title={formatMonth(month.month)}
                extra={
                  month.missing ? (
                    <Tag color="red" icon={<WarningOutlined />}>
                      {t('meetings.calendar.missing')}
                    </Tag>
                  ) : undefined
                }
              >
                {month.meetings.length === 0 ? (
                  <Typography.Text type="secondary">{t('meetings.calendar.none')}</Typography.Text>
                ) : (
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    {month.meetings.map((item) => (
                      <Link
                        key={item.id}
                        to={paths.meeting(item.id)}
                        data-testid="calendar-meeting"
                      >
                        <Flex gap={4} wrap align="center">
                          <span>{formatDate(item.held_on)}</span>
                          <MeetingKindTag kind={item.kind} />
                          <MeetingStateTag state={item.state} />
                          {item.state !== 'scheduled' && item.counted > 0 && (
                            <Typography.Text type="secondary">
                              {item.present}/{item.counted}
                            </Typography.Text>
                          )}
                        </Flex>
                      </Link>
                    ))}
                  </Space>
                )}
                {month.missingThematicQuarter && (
                  <Tag color="orange" style={{ marginTop: 8 }}>
                    {t('meetings.calendar.missingThematic', {
                      quarter: month.missingThematicQuarter,
                    })}
                  </Tag>
                )}
              </Card>
            ))}
          </div>
        </>
      )}
      {scheduling && org.data && (
        <ScheduleModal
          org={org.data.id}
          orgName={org.data.name}
          defaultDate={today}
          onClose={() => setScheduling(false)}
        />
      )}
    </Space>
  );
}
