// /meetings/:meetingId: one meeting (recording it, approving it, its minutes).
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { paths } from '@/config/paths';
import { MeetingView } from '@/features/meetings/components/meeting-view';
import { meetingRead } from '@/features/meetings/lib/meetings';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';

function positiveId(text: string | undefined): number | undefined {
  const id = Number(text);
  return text && /^\d{1,15}$/.test(text) && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export default function MeetingPage() {
  const { t } = useTranslation();
  const { meetingId } = useParams();
  const id = positiveId(meetingId);
  useDocumentTitle(t('meeting.title'));
  if (!id) return <Navigate to={paths.meetings()} replace />;
  return (
    <RequirePermission permission={meetingRead}>
      <MeetingView id={id} />
    </RequirePermission>
  );
}
