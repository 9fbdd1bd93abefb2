// The header's bell: the number of unread notifications (asked every minute and when the window
// regains focus), opening the inbox. Nothing shows while the count is unknown.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { useUnreadCount } from '../api/inbox';

export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount().data?.unread;
  const label = unread ? t('inbox.bell', { count: unread }) : t('inbox.bellNone');
  return (
    <Button
      type="text"
      aria-label={label}
      title={label}
      data-testid="inbox-bell"
      data-unread={unread ?? ''}
      onClick={() => navigate(paths.inbox())}
    >
      <Badge count={unread ?? 0} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 18 }} aria-hidden />
      </Badge>
    </Button>
  );
}
