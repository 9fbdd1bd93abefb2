// A meeting's quality per the guidance: attendance above the threshold, no unexcused absence,
// nobody absent with reason too many times in a row in the year; each rule with its source.
import { Card, Descriptions, List, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingQuality } from '@/types';
import { formatPercentValue } from '../lib/meetings';

export function QualityPanel({ quality }: { quality: MeetingQuality }) {
  const { t, i18n } = useTranslation();
  const ok = (value: boolean) => (
    <Tag color={value ? 'green' : 'red'}>
      {value ? t('meetings.quality.ok') : t('meetings.quality.notOk')}
    </Tag>
  );
  return (
    <Card
      size="small"
      title={t('meetings.quality.title')}
      extra={
        <Tag color={quality.meets ? 'green' : 'red'} data-testid="meeting-quality">
          {quality.meets ? t('meetings.quality.meets') : t('meetings.quality.fails')}
        </Tag>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('meetings.quality.attendance')}>
          {quality.present}/{quality.counted} (
          {formatPercentValue(quality.attendance_percent, i18n.language)}){' '}
          {ok(quality.attendance_ok)}
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.quality.unexcused')}>
          {quality.absent_unexcused} {ok(quality.no_unexcused)}
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.quality.longExcused')}>
          {quality.long_excused.length === 0
            ? ok(true)
            : quality.long_excused.map((item) => (
                <Tag key={item.member_id} color="red">
                  {item.full_name} ({item.streak})
                </Tag>
              ))}
        </Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        dataSource={quality.rules}
        renderItem={(rule) => (
          <List.Item>
            <Tooltip title={rule.key}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {rule.key} = {rule.value} — {rule.source}
              </Typography.Text>
            </Tooltip>
          </List.Item>
        )}
      />
    </Card>
  );
}
