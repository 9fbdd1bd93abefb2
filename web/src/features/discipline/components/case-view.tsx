// One discipline case: the subject, the breach, the proposed sanction; the clocks (limitation end
// or "không giới hạn" with the deferred days, the appeal deadline from the decision's receipt,
// the state body's notice), each with its rule; the vote with the threshold the sanction needs
// (counted against all entitled); forms to record the vote and the decision, to edit the facts
// (deferrals too) and to record the appeal and its resolution (case-modals.tsx) for holders of
// discipline.write. A refusal shows under its field, naming the rule.
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateInput } from '@/components/date-input';
import { ErrorState, LoadingState } from '@/components/page-state';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-text';
import type { DisciplineCase, ProblemFieldError } from '@/types';
import { useCase, useDecide, useRecordVote } from '../api/discipline';
import { AppealModal, CloseCaseModal, EditCaseModal, SuspensionModal } from './case-modals';
import {
  decisionFields,
  decisionInput,
  voteFields,
  voteInput,
  type DecisionValues,
  type VoteValues,
} from '../lib/discipline';
import { ClockTag } from './clock-tag';

function RuleText({ rule }: { rule?: { key: string; source: string } | null }) {
  if (!rule) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {rule.key}: {rule.source}
    </Typography.Text>
  );
}

function Clocks({ item }: { item: DisciplineCase }) {
  const { t } = useTranslation();
  const { limitation, appeal, appeal_resolve: resolve, state_notice: notice } = item.clocks;
  return (
    <Card title={t('discipline.clock.title')} size="small" data-testid="discipline-clocks">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('discipline.clock.limitation')}>
          <Space orientation="vertical" size={0}>
            <ClockTag
              unlimited={limitation?.unlimited}
              due={limitation?.ends_on}
              daysLeft={limitation?.days_left}
              overdue={limitation?.expired}
              testId="discipline-limitation"
            />
            {limitation && !limitation.unlimited && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('discipline.clock.countedFrom', {
                  date: formatDate(limitation.counted_from),
                  days: limitation.deferred_days,
                })}
              </Typography.Text>
            )}
            {limitation?.unlimited && limitation.unlimited_reason && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`discipline.clock.reasons.${limitation.unlimited_reason}`)}
              </Typography.Text>
            )}
            <RuleText rule={limitation?.rule} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('discipline.clock.appeal')}>
          <Space orientation="vertical" size={0}>
            <ClockTag
              due={appeal?.due}
              daysLeft={appeal?.days_left}
              overdue={appeal?.overdue}
              testId="discipline-appeal"
            />
            <RuleText rule={appeal?.rule} />
          </Space>
        </Descriptions.Item>
        {resolve && (
          <Descriptions.Item label={t('discipline.clock.appealResolve')}>
            <Space orientation="vertical" size={0}>
              <ClockTag
                due={resolve.due}
                daysLeft={resolve.days_left}
                overdue={resolve.overdue}
                testId="discipline-appeal-resolve"
              />
              <RuleText rule={resolve.rule} />
            </Space>
          </Descriptions.Item>
        )}
        {notice && (
          <Descriptions.Item label={t('discipline.clock.stateNotice')}>
            <Space orientation="vertical" size={0}>
              <ClockTag due={notice.due} daysLeft={notice.days_left} overdue={notice.overdue} />
              <RuleText rule={notice.rule} />
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function VoteCard({ item }: { item: DisciplineCase }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<VoteValues>();
  const record = useRecordVote(item.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const threshold = item.threshold;

  async function send(values: VoteValues) {
    setRest([]);
    try {
      await record.mutateAsync(voteInput(values, item.version));
      message.success(t('discipline.vote.done'));
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, voteFields, problemText));
    }
  }

  return (
    <Card title={t('discipline.vote.title')} size="small" data-testid="discipline-vote">
      {threshold && (
        <Space orientation="vertical" size={0} style={{ marginBottom: 12 }}>
          <Typography.Text data-testid="discipline-threshold">
            {t('discipline.vote.threshold', {
              share: `${threshold.numerator}/${threshold.denominator}`,
              needed: threshold.needed,
              entitled: item.vote?.entitled ?? '…',
            })}
          </Typography.Text>
          <RuleText rule={threshold.rule} />
        </Space>
      )}
      {item.vote && (
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('discipline.fields.in_favour')}>
            {item.vote.in_favour}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.fields.against')}>
            {item.vote.against}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.fields.abstain')}>
            {item.vote.abstain}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.fields.entitled')}>
            {item.vote.entitled}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.vote.result')}>
            <Tag color={threshold?.passes ? 'green' : 'red'} data-testid="discipline-passes">
              {threshold?.passes ? t('discipline.vote.passes') : t('discipline.vote.fails')}
            </Tag>
          </Descriptions.Item>
        </Descriptions>
      )}
      {item.may_write && !item.decision && !item.closure && (
        <>
          <ProblemAlert error={record.error} rest={rest} />
          <Form<VoteValues>
            form={form}
            layout="inline"
            onFinish={(values) => void send(values)}
            data-testid="discipline-vote-form"
          >
            {(['in_favour', 'against', 'abstain', 'entitled'] as const).map((field) => (
              <Form.Item key={field} name={field} label={t(`discipline.fields.${field}`)}>
                <InputNumber<number> min={0} precision={0} style={{ width: 80 }} />
              </Form.Item>
            ))}
            <Form.Item name="voted_on" label={t('discipline.fields.voted_on')}>
              <DateInput disabledAfterToday style={{ width: 150 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending}>
              {t('discipline.vote.submit')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

function DecisionCard({ item }: { item: DisciplineCase }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<DecisionValues>();
  const decide = useDecide(item.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);

  async function send(values: DecisionValues) {
    setRest([]);
    try {
      await decide.mutateAsync(decisionInput(values, item.version));
      message.success(t('discipline.decision.done'));
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, decisionFields, problemText));
    }
  }

  return (
    <Card title={t('discipline.decision.title')} size="small" data-testid="discipline-decision">
      {item.decision ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('discipline.fields.decided_on')}>
            {formatDate(item.decision.decided_on)}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.fields.decision_number')}>
            {item.decision.number ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.fields.received_on')}>
            {formatDate(item.decision.received_on)}
          </Descriptions.Item>
        </Descriptions>
      ) : item.may_write && !item.closure ? (
        <>
          <ProblemAlert error={decide.error} rest={rest} />
          <Form<DecisionValues>
            form={form}
            layout="vertical"
            onFinish={(values) => void send(values)}
            data-testid="discipline-decision-form"
          >
            <Form.Item name="decided_on" label={t('discipline.fields.decided_on')}>
              <DateInput disabledAfterToday />
            </Form.Item>
            <Form.Item name="decision_number" label={t('discipline.fields.decision_number')}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="received_on" label={t('discipline.fields.received_on')}>
              <DateInput disabledAfterToday />
            </Form.Item>
            <Form.Item name="vote" hidden>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={decide.isPending}>
              {t('discipline.decision.submit')}
            </Button>
          </Form>
        </>
      ) : (
        <Typography.Text type="secondary">
          {t(item.closure ? 'discipline.closure.closedHint' : 'discipline.decision.none')}
        </Typography.Text>
      )}
    </Card>
  );
}

// Every level of appeal, the last one's fields carrying the test ids the forms are checked by;
// under them, why no further appeal may be lodged (annulled, or the last body was final).
function AppealCard({ item }: { item: DisciplineCase }) {
  const { t } = useTranslation();
  const next = item.next_appeal;
  const many = item.appeals.length > 1;
  return (
    <Card title={t('discipline.appeal.title')} size="small" data-testid="discipline-appeal-card">
      {item.appeals.length === 0 && (
        <Typography.Text type="secondary">{t('discipline.appeal.none')}</Typography.Text>
      )}
      {item.appeals.map((appeal, index) => {
        const last = index === item.appeals.length - 1;
        return (
          <Descriptions
            key={appeal.level}
            column={1}
            size="small"
            title={many ? t('discipline.appeal.level', { level: appeal.level }) : undefined}
            data-testid="discipline-appeal-level"
          >
            <Descriptions.Item label={t('discipline.appeal.body')}>
              {appeal.body
                ? t(`discipline.appeal.bodies.${appeal.body}`)
                : t('discipline.appeal.bodyUnknown')}
            </Descriptions.Item>
            <Descriptions.Item label={t('discipline.fields.appeal_received_on')}>
              <span data-testid={last ? 'discipline-appeal-received' : undefined}>
                {formatDate(appeal.received_on)}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('discipline.fields.appeal_decided_on')}>
              {formatDate(appeal.decided_on)}
            </Descriptions.Item>
            <Descriptions.Item label={t('discipline.fields.appeal_outcome')}>
              <span data-testid={last ? 'discipline-appeal-outcome-shown' : undefined}>
                {appeal.outcome ? t(`discipline.outcomes.${appeal.outcome}`) : '—'}
              </span>
            </Descriptions.Item>
            {appeal.outcome_received_on && (
              <Descriptions.Item label={t('discipline.appeal.outcomeReceived')}>
                {formatDate(appeal.outcome_received_on)}
              </Descriptions.Item>
            )}
          </Descriptions>
        );
      })}
      {next?.closed === 'final' && (
        <Typography.Paragraph type="secondary" data-testid="discipline-appeal-final">
          {t('discipline.appeal.final')} <RuleText rule={next.rule} />
        </Typography.Paragraph>
      )}
      {next?.closed === 'annulled' && (
        <Typography.Paragraph type="secondary">
          {t('discipline.appeal.annulled')}
        </Typography.Paragraph>
      )}
      {next?.open && item.appeals.length > 0 && next.from && (
        <Typography.Paragraph type="secondary" data-testid="discipline-appeal-further-from">
          {t('discipline.appeal.furtherFrom', { date: formatDate(next.from) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function SuspensionCard({ item }: { item: DisciplineCase }) {
  const { t } = useTranslation();
  const s = item.suspension;
  const title = t(
    item.subject === 'organization'
      ? 'discipline.suspension.titleOrg'
      : 'discipline.suspension.title',
  );
  return (
    <Card title={title} size="small" data-testid="discipline-suspension-card">
      {s ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('discipline.suspension.fields.basis')}>
            {t(`discipline.suspension.bases.${s.basis}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.suspension.fields.from')}>
            {formatDate(s.from)}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.suspension.fields.until')}>
            <Space orientation="vertical" size={0}>
              <span data-testid="discipline-suspension-until">{formatDate(s.until)}</span>
              {s.rule ? (
                <RuleText rule={s.rule} />
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('discipline.suspension.byLaw')}
                </Typography.Text>
              )}
            </Space>
          </Descriptions.Item>
          {s.lifted_on && (
            <Descriptions.Item label={t('discipline.suspension.fields.lifted_on')}>
              {formatDate(s.lifted_on)}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('discipline.fields.state')}>
            <Tag color={s.in_force ? 'red' : undefined} data-testid="discipline-suspension-state">
              {t(s.in_force ? 'discipline.suspension.inForce' : 'discipline.suspension.ended')}
            </Tag>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('discipline.suspension.none')}</Typography.Text>
      )}
    </Card>
  );
}

function ClosureCard({ closure }: { closure: NonNullable<DisciplineCase['closure']> }) {
  const { t } = useTranslation();
  return (
    <Card title={t('discipline.closure.title')} size="small" data-testid="discipline-closure">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('discipline.closure.fields.ground')}>
          {t(`discipline.closure.grounds.${closure.ground}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('discipline.closure.fields.closed_on')}>
          {formatDate(closure.closed_on)}
        </Descriptions.Item>
        {closure.note && (
          <Descriptions.Item label={t('discipline.closure.fields.note')}>
            {closure.note}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

export function CaseView({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useCase(id);
  const [modal, setModal] = useState<'edit' | 'appeal' | 'suspension' | 'close' | null>(null);
  if (query.isPending) return <LoadingState rows={8} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="discipline-case">
      <Space orientation="vertical" size={0}>
        <Link to={paths.discipline({ org: item.org_id })}>{t('discipline.list.title')}</Link>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="discipline-case-title">
          {item.subject_name}
        </Typography.Title>
        <Space size={[4, 4]} wrap>
          <Tag>{t(`discipline.subjects.${item.subject}`)}</Tag>
          <Tag color="volcano">{t(`discipline.sanctions.${item.sanction}`)}</Tag>
          <Tag data-testid="discipline-state">{t(`discipline.states.${item.state}`)}</Tag>
        </Space>
        {item.may_write && !item.closure && (
          <Space wrap style={{ marginTop: 8 }}>
            <Button onClick={() => setModal('edit')} data-testid="discipline-edit">
              {t('discipline.edit.open')}
            </Button>
            {(item.suspension ? !item.suspension.lifted_on : !item.decision) && (
              <Button
                onClick={() => setModal('suspension')}
                data-testid="discipline-suspension-open"
              >
                {t(item.suspension ? 'discipline.suspension.change' : 'discipline.suspension.open')}
              </Button>
            )}
            {item.decision && !item.appeal?.decided_on && (
              <Button onClick={() => setModal('appeal')} data-testid="discipline-appeal-open">
                {t(
                  item.appeal ? 'discipline.appeal.resolveTitle' : 'discipline.appeal.recordTitle',
                )}
              </Button>
            )}
            {!item.decision && (
              <Button danger onClick={() => setModal('close')} data-testid="discipline-close-open">
                {t('discipline.closure.open')}
              </Button>
            )}
            {item.appeal?.decided_on && item.next_appeal?.open && (
              <Button onClick={() => setModal('appeal')} data-testid="discipline-appeal-further">
                {t('discipline.appeal.furtherTitle')}
              </Button>
            )}
          </Space>
        )}
      </Space>
      <Card size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('discipline.fields.breach_summary')}>
            {item.breach_summary}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.fields.breach_date')}>
            {formatDate(item.breach_date)}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.fields.category')}>
            {t(`discipline.categories.${item.category}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('discipline.fields.competent_level')}>
            {item.competent_level}
          </Descriptions.Item>
          {item.new_breach_date && (
            <Descriptions.Item label={t('discipline.fields.new_breach_date')}>
              {formatDate(item.new_breach_date)}
            </Descriptions.Item>
          )}
          {(item.deferrals ?? []).length > 0 && (
            <Descriptions.Item label={t('discipline.fields.deferrals')}>
              <Space orientation="vertical" size={0} data-testid="discipline-deferrals">
                {(item.deferrals ?? []).map((d) => (
                  <span key={`${d.from}-${d.to}`}>
                    {formatDate(d.from)} – {formatDate(d.to)}:{' '}
                    {t(`discipline.deferralReasons.${d.reason}`)}
                  </span>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {item.closure && <ClosureCard closure={item.closure} />}
      <Clocks item={item} />
      <SuspensionCard item={item} />
      <VoteCard item={item} />
      <DecisionCard item={item} />
      {item.decision && <AppealCard item={item} />}
      {modal === 'edit' && <EditCaseModal item={item} onClose={() => setModal(null)} />}
      {modal === 'appeal' && <AppealModal item={item} onClose={() => setModal(null)} />}
      {modal === 'suspension' && <SuspensionModal item={item} onClose={() => setModal(null)} />}
      {modal === 'close' && <CloseCaseModal item={item} onClose={() => setModal(null)} />}
    </Space>
  );
}
