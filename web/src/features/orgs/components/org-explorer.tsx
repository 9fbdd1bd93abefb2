// The organization screen: the searchable tree on the left, the selected organization's
// dashboard on the right (stacked on narrow screens).
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/page-state';
import { useCan } from '@/lib/session';
import { OrgDashboard, type CommitteeTab } from './org-dashboard';
import { OrgSearchBox, OrgSearchResults } from './org-search';
import { OrgTree } from './org-tree';

const OrgFormModal = lazy(() =>
  import('./org-form-modal').then((module) => ({ default: module.OrgFormModal })),
);

export function OrgExplorer({
  selectedId,
  onSelect,
  committee,
}: {
  selectedId?: number;
  onSelect: (id: number) => void;
  committee?: CommitteeTab;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [creatingRoot, setCreatingRoot] = useState(false);
  const canWrite = useCan('org.write');
  const searching = text.trim().length > 0;

  const empty = (
    <EmptyState
      description={t('org.tree.empty')}
      action={
        canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreatingRoot(true)}>
            {t('org.tree.createRoot')}
          </Button>
        ) : undefined
      }
    />
  );

  return (
    <Row gutter={[16, 16]} className="org-explorer">
      <Col xs={24} lg={9} xl={8} xxl={6}>
        <Card
          size="small"
          className="org-tree-card"
          title={<Typography.Text strong>{t('org.tree.title')}</Typography.Text>}
        >
          <OrgSearchBox value={text} onChange={setText} />
          <div className="org-tree-panel">
            {searching ? (
              <OrgSearchResults
                text={text}
                onPick={(id) => {
                  setText('');
                  onSelect(id);
                }}
              />
            ) : (
              <OrgTree selectedId={selectedId} onSelect={onSelect} empty={empty} />
            )}
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={16} xxl={18}>
        {selectedId ? (
          <OrgDashboard orgId={selectedId} committee={committee} />
        ) : (
          <Card>
            <EmptyState description={t('org.dashboard.pick')} />
          </Card>
        )}
      </Col>
      {creatingRoot && (
        <Suspense fallback={null}>
          <OrgFormModal
            mode="create"
            parent={null}
            open={creatingRoot}
            onClose={() => setCreatingRoot(false)}
            onDone={(org) => {
              setCreatingRoot(false);
              message.success(t('org.form.created', { name: org.name }));
              onSelect(org.id);
            }}
          />
        </Suspense>
      )}
    </Row>
  );
}
