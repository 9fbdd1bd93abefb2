// The inbox: the user's notifications, unread first (or only those), each with its kind, text,
// time and the page it is about; opening one marks it read; one or all can be marked read.
import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Pagination, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { formatDateTime } from '@/lib/format';
import type { Notification, NotificationKind } from '@/types';
import { inboxPageSize, useInbox, useMarkAllRead, useMarkRead } from '../api/inbox';
import { safeLink } from '../lib/links';

const kindColor: Record<NotificationKind, string> = {
  reminder: 'processing',
  due_today: 'warning',
  overdue: 'error',
  escalation: 'magenta',
  info: 'default',
};

export function InboxList({
  unreadOnly,
  page,
  onChange,
}: {
  unreadOnly: boolean;
  page: number;
  onChange: (next: { unreadOnly: boolean; page: number }) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const inbox = useInbox(unreadOnly, page);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = inbox.data?.unread ?? 0;

  const open = (item: Notification) => {
    if (!item.read_at) markRead.mutate(item.id);
    const link = safeLink(item.link);
    if (link) navigate(link);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="inbox-page">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space align="baseline">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('inbox.title')}
          </Typography.Title>
          {inbox.data && (
            <Typography.Text type="secondary" data-testid="inbox-unread">
              {t('inbox.unread', { count: unread })}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          <Checkbox
            checked={unreadOnly}
            onChange={(event) => onChange({ unreadOnly: event.target.checked, page: 1 })}
          >
            {t('inbox.unreadOnly')}
          </Checkbox>
          <Button
            icon={<CheckOutlined />}
            disabled={unread === 0}
            loading={markAll.isPending}
            data-testid="inbox-read-all"
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: (result) =>
                  message.success(t('inbox.allRead', { count: result.marked })),
              })
            }
          >
            {t('inbox.markAllRead')}
          </Button>
        </Space>
      </Flex>
      {inbox.isPending ? (
        <LoadingState rows={6} />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <>
          {inbox.data.items.length === 0 ? (
            <EmptyState description={t('inbox.empty')} />
          ) : (
            <ul className="plain-list inbox-list" data-testid="inbox-list">
              {inbox.data.items.map((item) => {
                const link = safeLink(item.link);
                return (
                  <li
                    key={item.id}
                    data-testid="inbox-item"
                    data-kind={item.kind}
                    data-read={item.read_at ? 'true' : 'false'}
                    className={item.read_at ? 'inbox-read' : 'inbox-unread'}
                  >
                    <Flex justify="space-between" align="flex-start" wrap gap={8}>
                      <Space orientation="vertical" size={2} style={{ minWidth: 0, flex: 1 }}>
                        <Space wrap size={8}>
                          <Tag color={kindColor[item.kind]}>{t(`inbox.kinds.${item.kind}`)}</Tag>
                          {link ? (
                            <a
                              href={link}
                              onClick={(event) => {
                                event.preventDefault();
                                open(item);
                              }}
                              data-testid="inbox-item-title"
                            >
                              {item.title}
                            </a>
                          ) : (
                            <span data-testid="inbox-item-title">{item.title}</span>
                          )}
                        </Space>
                        <Typography.Text style={{ whiteSpace: 'pre-line' }}>
                          {item.body}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(item.created_at)}
                        </Typography.Text>
                      </Space>
                      {!item.read_at && (
                        <Button
                          size="small"
                          type="link"
                          onClick={() => markRead.mutate(item.id)}
                          data-testid="inbox-mark-read"
                        >
                          {t('inbox.markRead')}
                        </Button>
                      )}
                    </Flex>
                  </li>
                );
              })}
            </ul>
          )}
          {inbox.data.total > inboxPageSize && (
            <Pagination
              current={page}
              pageSize={inboxPageSize}
              total={inbox.data.total}
              showSizeChanger={false}
              onChange={(next) => onChange({ unreadOnly, page: next })}
            />
          )}
        </>
      )}
    </Space>
  );
}
