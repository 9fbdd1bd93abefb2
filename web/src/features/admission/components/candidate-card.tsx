// One file on the board: the name (opens the file), what its phase still lacks, the latest
// step and the deadlines.
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import type { Candidate } from '@/types';
import { admissionSteps, type AdmissionStepCode } from '../lib/steps';
import { overdueNotices, useNoticeText, useStepLabel } from './labels';

export function CandidateCard({
  candidate,
  onOpen,
}: {
  candidate: Candidate;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  const noticeText = useNoticeText();
  const order = (step: string) => admissionSteps.indexOf(step as AdmissionStepCode);
  const last = candidate.steps.length
    ? candidate.steps.reduce((a, b) => (order(b.step) > order(a.step) ? b : a))
    : undefined;
  return (
    <Card
      size="small"
      data-testid="candidate-card"
      data-candidate-id={candidate.id}
      data-phase={candidate.phase}
      title={
        <Button
          type="link"
          style={{ paddingInline: 0, fontWeight: 600 }}
          onClick={() => onOpen(candidate.id)}
        >
          {candidate.full_name}
        </Button>
      }
      extra={<Typography.Text type="secondary">{candidate.birth_date.slice(0, 4)}</Typography.Text>}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <div data-testid="candidate-lacks">
          {candidate.missing.length > 0 ? (
            <>
              <Typography.Text type="secondary">{t('admission.lacks')}: </Typography.Text>
              {candidate.missing.map((step) => (
                <Tag key={step} data-step={step} style={{ marginBottom: 4 }}>
                  {stepLabel(step)}
                </Tag>
              ))}
            </>
          ) : (
            <Typography.Text type="success">{t('admission.nothingLacking')}</Typography.Text>
          )}
        </div>
        <Typography.Text type="secondary" data-testid="candidate-last-step">
          {last
            ? `${t('admission.lastStep')}: ${stepLabel(last.step)} (${formatDate(last.on)})`
            : t('admission.noSteps')}
        </Typography.Text>
        {candidate.notices.map((notice) => (
          <Typography.Text
            key={notice.code}
            type={overdueNotices.has(notice.code) ? 'danger' : 'warning'}
            style={{ fontSize: 12 }}
          >
            {noticeText(notice)}
          </Typography.Text>
        ))}
        <Space size={4} wrap>
          {candidate.youth_union_member && <Tag color="blue">{t('admission.youthUnion')}</Tag>}
          {candidate.readmission_of && <Tag color="purple">{t('admission.readmission')}</Tag>}
        </Space>
      </Space>
    </Card>
  );
}
