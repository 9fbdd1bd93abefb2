// The member's history, newest first: who changed which fields from what to what.
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFieldLabel } from '@/lib/catalogs';
import { formatDateTime } from '@/lib/format';
import type { MemberEvent } from '@/types';
import { useFieldText } from './field-value';

const colors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  import: 'gray',
  demo: 'gray',
};

export function MemberHistory({ events }: { events: MemberEvent[] }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const text = useFieldText();
  if (events.length === 0) {
    return <Typography.Text type="secondary">{t('member.history.none')}</Typography.Text>;
  }
  const ordered = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  return (
    <Timeline
      data-testid="member-history"
      items={ordered.map((event) => ({
        key: event.id,
        color: colors[event.action] ?? 'blue',
        content: (
          <div>
            <Typography.Text strong style={{ display: 'block' }}>
              {t(`member.history.action.${event.action}`, { defaultValue: event.action })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(event.at)} · {event.actor}
            </Typography.Text>
            {event.changes.length > 0 && (
              <ul className="history-changes">
                {event.changes.map((change) => (
                  <li key={change.field}>
                    <span className="history-field">{fieldLabel(change.field)}:</span>{' '}
                    <del>{text(change.field, change.before) || t('member.history.empty')}</del> →{' '}
                    <ins>{text(change.field, change.after) || t('member.history.empty')}</ins>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ),
      }))}
    />
  );
}
