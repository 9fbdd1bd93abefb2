// A cell's admission board: its open files in columns by phase, each card saying what its
// phase still lacks; a file opens in a drawer (bookmarkable as ?candidate=). The cell is chosen
// with the organization picker (only organizations that hold members).
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Col, Drawer, Flex, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { orgQuery } from '@/lib/org-queries';
import { useCan } from '@/lib/session';
import { useCellCandidates } from '../api/candidates';
import { boardPhases, groupByPhase } from '../lib/steps';
import { CandidateCard } from './candidate-card';
import { CandidateCreateModal } from './candidate-create-modal';
import { CandidateFile } from './candidate-file';
import { usePhaseLabel } from './labels';

export function AdmissionBoard({
  org,
  candidate,
  onOrgChange,
  onOpen,
}: {
  org: number | undefined;
  candidate: number | undefined;
  onOrgChange: (org: number | undefined) => void;
  onOpen: (candidate: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const phaseLabel = usePhaseLabel();
  const canWrite = useCan('member.write');
  const [creating, setCreating] = useState(false);
  const cell = useQuery({ ...orgQuery(org ?? 0), enabled: !!org });
  const holds = !!cell.data?.holds_members;
  const files = useCellCandidates(holds ? org : undefined);
  const columns = groupByPhase(files.data?.items ?? []);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="admission-board">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {cell.data && holds
            ? t('admission.boardOf', { name: cell.data.name })
            : t('admission.title')}
        </Typography.Title>
        <Space wrap>
          <OrgPicker
            holdsMembers
            value={org}
            onChange={(next) => onOrgChange(next ?? undefined)}
            style={{ width: 360 }}
            aria-label={t('admission.cell')}
            placeholder={t('admission.chooseCell')}
          />
          {canWrite && holds && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('admission.newCandidate')}
            </Button>
          )}
        </Space>
      </Flex>
      {!org ? (
        <EmptyState description={t('admission.chooseCell')} />
      ) : cell.isPending ? (
        <LoadingState />
      ) : cell.isError ? (
        <ErrorState error={cell.error} onRetry={() => void cell.refetch()} />
      ) : !holds ? (
        <EmptyState description={t('admission.notACell')} />
      ) : files.isPending ? (
        <LoadingState rows={8} />
      ) : files.isError ? (
        <ErrorState error={files.error} onRetry={() => void files.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="admission-total">
            {t('admission.total', { count: files.data.total })}
          </Typography.Text>
          <Row gutter={[12, 12]} wrap>
            {boardPhases.map((phase) => (
              <Col key={phase} xs={24} md={12} xl={6}>
                <Card
                  size="small"
                  data-testid={`phase-${phase}`}
                  title={
                    <Space>
                      {phaseLabel(phase)}
                      <Badge count={columns[phase].length} showZero color="#8c8c8c" />
                    </Space>
                  }
                  styles={{ body: { background: '#fafafa', minHeight: 120 } }}
                >
                  <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                    {columns[phase].length === 0 ? (
                      <Typography.Text type="secondary">{t('admission.none')}</Typography.Text>
                    ) : (
                      columns[phase].map((item) => (
                        <CandidateCard key={item.id} candidate={item} onOpen={onOpen} />
                      ))
                    )}
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
      <Drawer
        open={!!candidate}
        size={720}
        title={t('admission.file.title')}
        onClose={() => onOpen(undefined)}
        destroyOnHidden
      >
        {candidate && <CandidateFile id={candidate} />}
      </Drawer>
      {org && holds && (
        <CandidateCreateModal
          org={org}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(file) => {
            setCreating(false);
            onOpen(file.id);
          }}
        />
      )}
    </Space>
  );
}
