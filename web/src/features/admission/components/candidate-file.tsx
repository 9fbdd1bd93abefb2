// One admission file: the person, the deadlines, every step with its date and deciding
// document (the ones still to go greyed), and the actions the user may take on it: record the
// next step, withdraw the latest one, close the file.
import {
  Alert,
  App,
  Button,
  Descriptions,
  Flex,
  Popconfirm,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { useCatalogLabel, useCatalogs } from '@/lib/catalogs';
import { formatDate, formatDateTime } from '@/lib/format';
import { orgQuery } from '@/lib/org-queries';
import { useMe } from '@/lib/session';
import { useQuery } from '@tanstack/react-query';
import type { AdmissionStep, CandidateDetail } from '@/types';
import { useCandidate, useUndoStep } from '../api/candidates';
import { admissionSteps, baseOrgOf, canRecordStep, undoableStep } from '../lib/steps';
import { CandidateCloseModal } from './candidate-close-modal';
import { overdueNotices, useNoticeText, usePhaseLabel, useStepLabel } from './labels';
import { StepForm } from './step-form';

function StepDetails({ step, file }: { step: AdmissionStep; file: CandidateDetail }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  const document = [step.document?.number, step.document?.authority].filter(Boolean).join(', ');
  if (document) lines.push(`${t('admission.file.document')}: ${document}`);
  if (step.vote)
    lines.push(
      t('admission.file.vote', {
        in_favour: step.vote.in_favour ?? '—',
        against: step.vote.against ?? '—',
        entitled: step.vote.entitled ?? '—',
      }),
    );
  for (const introducer of step.introducers) {
    const name = file.introducer_names[String(introducer.member_id)] ?? `#${introducer.member_id}`;
    lines.push(
      `${t('admission.file.introducers')}: ${name}${
        introducer.known_since
          ? `, ${t('admission.file.knownSince', { date: formatDate(introducer.known_since) })}`
          : ''
      }`,
    );
  }
  if (step.youth_union) lines.push(t('admission.file.youthUnion'));
  if (step.received_on)
    lines.push(t('admission.file.receivedOn', { date: formatDate(step.received_on) }));
  if (step.place) lines.push(t('admission.file.place', { place: step.place }));
  if (step.note) lines.push(step.note);
  return (
    <Space orientation="vertical" size={0}>
      {lines.map((line, index) => (
        <Typography.Text key={index}>{line}</Typography.Text>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('admission.file.recordedBy', {
          actor: step.recorded_by,
          at: formatDateTime(step.recorded_at),
        })}
      </Typography.Text>
    </Space>
  );
}

export function CandidateFile({ id }: { id: number }) {
  const file = useCandidate(id);
  if (file.isPending) return <LoadingState rows={8} />;
  if (file.isError) return <ErrorState error={file.error} onRetry={() => void file.refetch()} />;
  return <CandidateFileView file={file.data} />;
}

function CandidateFileView({ file }: { file: CandidateDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const permissions = me?.permissions ?? [];
  const stepLabel = useStepLabel();
  const phaseLabel = usePhaseLabel();
  const noticeText = useNoticeText();
  const label = useCatalogLabel();
  const kinds = useCatalogs().data?.org_kinds ?? [];
  const cell = useQuery(orgQuery(file.org_id));
  const baseOrg = cell.data ? baseOrgOf(cell.data, kinds) : undefined;
  const undo = useUndoStep(file.id);
  const [closing, setClosing] = useState(false);
  const undoable = undoableStep(file);
  const recorded = new Map(file.steps.map((step) => [step.step, step]));
  const shown = admissionSteps.filter(
    (step) => recorded.has(step) || file.steps_to_go.includes(step),
  );
  const open = file.status === 'open';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="candidate-file">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="candidate-name">
            {file.full_name}
          </Typography.Title>
          <Space wrap style={{ marginTop: 4 }}>
            <Tag color="blue" data-testid="candidate-phase">
              {phaseLabel(file.phase)}
            </Tag>
            {file.member_id && (
              <Link to={paths.member(file.member_id)}>{t('admission.file.member')}</Link>
            )}
          </Space>
        </div>
        {open && (
          <Space wrap>
            {undoable && canRecordStep(permissions, undoable) && (
              <Popconfirm
                title={t('admission.undo.confirm', { step: stepLabel(undoable) })}
                okText={t('admission.undo.ok')}
                cancelText={t('common.cancel')}
                onConfirm={async () => {
                  await undo.mutateAsync(undoable);
                  message.success(t('admission.undo.done', { step: stepLabel(undoable) }));
                }}
              >
                <Button loading={undo.isPending}>
                  {t('admission.undo.button', { step: stepLabel(undoable) })}
                </Button>
              </Popconfirm>
            )}
            {permissions.includes('member.write') && (
              <Button danger onClick={() => setClosing(true)}>
                {t('admission.close.button')}
              </Button>
            )}
          </Space>
        )}
      </Flex>
      <ProblemAlert error={undo.error} all />
      <Descriptions
        size="small"
        column={2}
        items={[
          {
            key: 'birth',
            label: t('admission.file.birthDate'),
            children: formatDate(file.birth_date),
          },
          { key: 'sex', label: t('admission.file.sex'), children: label('sexes', file.sex) },
          { key: 'cccd', label: t('admission.file.citizenId'), children: file.citizen_id },
          { key: 'cell', label: t('admission.cell'), children: file.org_name },
        ]}
      />
      {file.closed_on && (
        <Alert
          type="info"
          title={t('admission.file.closedOn', {
            date: formatDate(file.closed_on),
            reason: file.close_reason ?? '',
          })}
        />
      )}
      {file.notices.length > 0 && (
        <Space orientation="vertical" size={4} data-testid="candidate-notices">
          {file.notices.map((notice) => (
            <Alert
              key={notice.code}
              type={overdueNotices.has(notice.code) ? 'error' : 'warning'}
              showIcon
              title={noticeText(notice)}
            />
          ))}
        </Space>
      )}
      <div>
        <Typography.Title level={5}>{t('admission.file.steps')}</Typography.Title>
        <Timeline
          data-testid="candidate-steps"
          items={shown.map((code) => {
            const step = recorded.get(code);
            return {
              key: code,
              color: step ? 'green' : 'gray',
              content: (
                <div data-step={code} data-done={step ? 'true' : 'false'}>
                  <Typography.Text strong={!!step} type={step ? undefined : 'secondary'}>
                    {stepLabel(code)}
                    {step ? ` · ${formatDate(step.on)}` : ` · ${t('admission.file.pending')}`}
                  </Typography.Text>
                  {step && (
                    <div>
                      <StepDetails step={step} file={file} />
                    </div>
                  )}
                </div>
              ),
            };
          })}
        />
      </div>
      {open && (
        <StepForm key={file.version} candidate={file} baseOrg={baseOrg} permissions={permissions} />
      )}
      {open && <CandidateCloseModal file={file} open={closing} onClose={() => setClosing(false)} />}
    </Space>
  );
}
