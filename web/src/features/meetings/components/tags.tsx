// A meeting's state, kind and a member's attendance as coloured tags.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, MeetingKind, MeetingState } from '@/types';

const stateColors: Record<MeetingState, string> = {
  scheduled: 'blue',
  held: 'orange',
  approved: 'green',
};

export function MeetingStateTag({ state }: { state: MeetingState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColors[state]} data-testid="meeting-state">
      {t(`meetings.states.${state}`)}
    </Tag>
  );
}

const kindColors: Record<MeetingKind, string> = {
  regular: 'default',
  thematic: 'purple',
  ad_hoc: 'cyan',
};

export function MeetingKindTag({ kind }: { kind: MeetingKind }) {
  const { t } = useTranslation();
  return <Tag color={kindColors[kind]}>{t(`meetings.kinds.${kind}`)}</Tag>;
}

const attendanceColors: Record<AttendanceStatus, string> = {
  present: 'green',
  absent_excused: 'gold',
  absent_unexcused: 'red',
  special_duty: 'default',
};

export function AttendanceTag({ status }: { status: AttendanceStatus }) {
  const { t } = useTranslation();
  return <Tag color={attendanceColors[status]}>{t(`meetings.attendance.${status}`)}</Tag>;
}
