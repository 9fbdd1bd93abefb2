// Violations and recommendations with their action, owner, due date, state (overdue in red)
// and closing; the open list of a subtree and an inspection's own list share it.
import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import type { InspectionItem } from '@/types';
import { CloseItemModal } from './close-item-modal';
import { ItemStateTag } from './tags';

export function ItemTable({
  items,
  loading,
  mayClose,
  showSubject,
}: {
  items: InspectionItem[];
  loading?: boolean;
  mayClose: boolean;
  showSubject?: boolean;
}) {
  const { t } = useTranslation();
  const [closing, setClosing] = useState<InspectionItem | null>(null);
  return (
    <>
      <Table<InspectionItem>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={items}
        scroll={{ x: 760 }}
        rowClassName={(row) => (row.overdue ? 'row-overdue' : '')}
        data-testid="item-table"
        columns={[
          ...(showSubject
            ? [
                {
                  title: t('inspections.fields.subject'),
                  key: 'subject',
                  render: (_: unknown, row: InspectionItem) => (
                    <Link to={paths.inspection(row.inspection_id)}>{row.subject_name}</Link>
                  ),
                },
              ]
            : []),
          {
            title: t('inspections.fields.itemKind'),
            key: 'kind',
            render: (_, row) => t(`inspections.items.kinds.${row.kind}`),
          },
          { title: t('inspections.fields.description'), dataIndex: 'description' },
          { title: t('inspections.fields.action'), dataIndex: 'action' },
          { title: t('inspections.fields.owner'), dataIndex: 'owner' },
          {
            title: t('inspections.fields.due_on'),
            key: 'due_on',
            render: (_, row) => formatDate(row.due_on),
          },
          {
            title: t('inspections.fields.state'),
            key: 'state',
            render: (_, row) =>
              row.state === 'closed' ? (
                <>
                  <ItemStateTag item={row} />
                  <Typography.Text type="secondary">
                    {formatDate(row.closed_on)} · {row.evidence}
                  </Typography.Text>
                </>
              ) : (
                <ItemStateTag item={row} />
              ),
          },
          ...(mayClose
            ? [
                {
                  title: '',
                  key: 'close',
                  render: (_: unknown, row: InspectionItem) =>
                    row.state === 'open' && (
                      <Button size="small" onClick={() => setClosing(row)} data-testid="item-close">
                        {t('inspections.items.close')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {closing && <CloseItemModal item={closing} onClose={() => setClosing(null)} />}
    </>
  );
}
