// The steps of a member's review and an organization's grade, each a small form: the member's
// self-assessment (score on 100 points, grade, text) and the cell's comments and proposal with
// its vote (review.write); the committee's decision for selected members and an organization's
// grade by the level above (review.decide). A refusal shows the server's message under its field
// or above the form, with the rule and its source (the band, the 20 % quota, the order): the
// browser does not re-check them.
import { App, Alert, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import type { ProblemFieldError, ReviewGrade, ReviewMemberLine, ReviewUnit } from '@/types';
import { useDecisions, useOrgGrade, useProposal, useSelfAssessment } from '../api/review';
import { decisionDefaults, grades } from '../lib/review';

function GradeSelect(props: {
  value?: ReviewGrade;
  onChange?: (value: ReviewGrade) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select<ReviewGrade>
      {...props}
      style={{ minWidth: 200 }}
      options={grades.map((grade) => ({ value: grade, label: t(`review.grade.${grade}`) }))}
    />
  );
}

/** Submits `input`, shows success or places the server's field errors. */
function useSubmit(fields: string[]) {
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  return {
    rest,
    async run(
      form: ReturnType<typeof Form.useForm>[0],
      send: () => Promise<unknown>,
      done: string,
    ) {
      setRest([]);
      try {
        await send();
        message.success(done);
        return true;
      } catch (error) {
        if (!isApiError(error)) throw error;
        setRest(applyFieldErrors(form, error.problem, fields, problemText));
        return false;
      }
    },
  };
}

const required = { required: true };

export function SelfAssessmentModal({
  campaign,
  line,
  onClose,
}: {
  campaign: number;
  line: ReviewMemberLine;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useSelfAssessment(campaign);
  const submit = useSubmit(['score', 'grade', 'text']);
  const name = line.full_name ?? '';
  const self = line.review?.self_assessment;
  return (
    <Modal
      open
      title={t('review.self.title', { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      cancelText={t('common.cancel')}
      okText={t('common.save')}
      confirmLoading={write.isPending}
      okButtonProps={{ 'data-testid': 'review-self-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={write.error} rest={submit.rest} />
      <Form
        form={form}
        layout="vertical"
        name="review-self"
        initialValues={{
          score: self?.score ?? undefined,
          grade: self?.grade ?? undefined,
          text: self?.text ?? '',
        }}
        onFinish={(values: { score: number; grade: ReviewGrade; text?: string }) =>
          void submit
            .run(
              form,
              () => write.mutateAsync({ member_id: line.member_id ?? 0, ...values }),
              t('review.self.done', { name }),
            )
            .then((ok) => ok && onClose())
        }
      >
        <Form.Item name="score" label={t('review.self.score')} rules={[required]}>
          <InputNumber min={0} max={100} step={0.5} />
        </Form.Item>
        <Form.Item name="grade" label={t('review.self.grade')} rules={[required]}>
          <GradeSelect />
        </Form.Item>
        <Form.Item name="text" label={t('review.self.text')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ProposalModal({
  campaign,
  line,
  entitled,
  onClose,
}: {
  campaign: number;
  line: ReviewMemberLine;
  /** The members who may vote (the cell's reviewed members), suggested. */
  entitled: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useProposal(campaign);
  const submit = useSubmit(['grade', 'comment', 'vote']);
  const name = line.full_name ?? '';
  const proposal = line.review?.proposal;
  return (
    <Modal
      open
      title={t('review.proposal.title', { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      cancelText={t('common.cancel')}
      okText={t('common.save')}
      confirmLoading={write.isPending}
      okButtonProps={{ 'data-testid': 'review-proposal-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={write.error} rest={submit.rest} />
      <Form
        form={form}
        layout="vertical"
        name="review-proposal"
        initialValues={{
          grade: proposal?.grade ?? line.review?.self_assessment?.grade ?? undefined,
          comment: proposal?.comment ?? '',
          vote: proposal?.vote ?? { in_favour: entitled, against: 0, entitled },
        }}
        onFinish={(values: {
          grade: ReviewGrade;
          comment: string;
          vote: { in_favour: number; against: number; entitled: number };
        }) =>
          void submit
            .run(
              form,
              () => write.mutateAsync({ member_id: line.member_id ?? 0, ...values }),
              t('review.proposal.done', { name }),
            )
            .then((ok) => ok && onClose())
        }
      >
        <Form.Item name="grade" label={t('review.proposal.grade')} rules={[required]}>
          <GradeSelect />
        </Form.Item>
        <Form.Item name="comment" label={t('review.proposal.comment')} rules={[required]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name={['vote', 'in_favour']}
            label={t('review.proposal.inFavour')}
            rules={[required]}
          >
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item
            name={['vote', 'against']}
            label={t('review.proposal.against')}
            rules={[required]}
          >
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item
            name={['vote', 'entitled']}
            label={t('review.proposal.entitled')}
            rules={[required]}
          >
            <InputNumber min={1} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

interface DecisionRow {
  member_id: number;
  name: string;
  score?: number;
  grade?: ReviewGrade;
  disciplined_in_year?: boolean;
}

export function DecisionModal({
  campaign,
  lines,
  onClose,
}: {
  campaign: number;
  lines: ReviewMemberLine[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useDecisions(campaign);
  const [rows, setRows] = useState<DecisionRow[]>(() =>
    lines.map((line) => ({
      member_id: line.member_id ?? 0,
      name: line.full_name ?? '',
      ...decisionDefaults(line),
    })),
  );
  const set = (index: number, patch: Partial<DecisionRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const complete = rows.every((row) => row.score !== undefined && row.score !== null && row.grade);

  async function send() {
    try {
      await write.mutateAsync({
        decisions: rows.map((row) => ({
          member_id: row.member_id,
          score: row.score ?? 0,
          grade: row.grade ?? 'completed',
          disciplined_in_year: !!row.disciplined_in_year,
        })),
      });
      message.success(t('review.decision.done', { count: rows.length }));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
    }
  }

  return (
    <Modal
      open
      width={760}
      title={t('review.decision.title', { count: rows.length })}
      onCancel={onClose}
      onOk={() => void send()}
      okText={t('review.decision.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={write.isPending}
      okButtonProps={{ disabled: !complete, 'data-testid': 'review-decision-submit' } as never}
      destroyOnHidden
    >
      <div data-testid="review-decision-problem">
        <ProblemAlert error={write.error} all />
      </div>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('review.decision.note')} />
      <Table<DecisionRow>
        size="small"
        rowKey="member_id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('review.campaign.member'), dataIndex: 'name' },
          {
            title: t('review.decision.score'),
            key: 'score',
            render: (_: unknown, row, index) => (
              <InputNumber
                aria-label={`${t('review.decision.score')} ${row.name}`}
                data-testid={`decision-score-${row.member_id}`}
                min={0}
                max={100}
                step={0.5}
                value={row.score}
                onChange={(value) => set(index, { score: value ?? undefined })}
              />
            ),
          },
          {
            title: t('review.decision.grade'),
            key: 'grade',
            render: (_: unknown, row, index) => (
              <Select<ReviewGrade>
                aria-label={`${t('review.decision.grade')} ${row.name}`}
                data-testid={`decision-grade-${row.member_id}`}
                style={{ minWidth: 200 }}
                value={row.grade}
                onChange={(value) => set(index, { grade: value })}
                options={grades.map((grade) => ({
                  value: grade,
                  label: t(`review.grade.${grade}`),
                }))}
              />
            ),
          },
          {
            title: t('review.decision.disciplined'),
            key: 'disciplined',
            render: (_: unknown, row, index) => (
              <Checkbox
                aria-label={`${t('review.decision.disciplined')} ${row.name}`}
                checked={!!row.disciplined_in_year}
                onChange={(event) => set(index, { disciplined_in_year: event.target.checked })}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}

export function OrgGradeModal({
  campaign,
  unit,
  onClose,
}: {
  campaign: number;
  unit: ReviewUnit;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useOrgGrade(campaign);
  const submit = useSubmit(['score', 'grade', 'tasks_on_time_pct', 'tasks_late_pct', 'note']);
  const name = unit.name ?? '';
  return (
    <Modal
      open
      title={t('review.orgGrade.title', { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      cancelText={t('common.cancel')}
      okText={t('common.save')}
      confirmLoading={write.isPending}
      okButtonProps={{ 'data-testid': 'review-org-grade-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={write.error} rest={submit.rest} />
      <Form
        form={form}
        layout="vertical"
        name="review-org-grade"
        initialValues={{
          score: unit.score ?? undefined,
          grade: unit.grade ?? undefined,
          note: unit.note ?? '',
        }}
        onFinish={(values: {
          score: number;
          grade: ReviewGrade;
          tasks_on_time_pct?: number;
          tasks_late_pct?: number;
          note?: string;
        }) =>
          void submit
            .run(
              form,
              () => write.mutateAsync({ org_id: unit.org_id ?? 0, ...values }),
              t('review.orgGrade.done', { name }),
            )
            .then((ok) => ok && onClose())
        }
      >
        <Form.Item name="score" label={t('review.orgGrade.score')} rules={[required]}>
          <InputNumber min={0} max={100} step={0.5} />
        </Form.Item>
        <Form.Item name="grade" label={t('review.orgGrade.grade')} rules={[required]}>
          <GradeSelect />
        </Form.Item>
        <Space wrap>
          <Form.Item name="tasks_on_time_pct" label={t('review.orgGrade.onTime')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="tasks_late_pct" label={t('review.orgGrade.late')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('review.orgGrade.note')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
