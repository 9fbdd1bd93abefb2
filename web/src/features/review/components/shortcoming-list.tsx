// Shortcomings of a subtree with their remediation: open / overdue / closed filters (overdue
// ones highlighted), recording one (a member's or an organization's: the action, the owner, the
// due date) in a campaign covering the subtree, and closing one with its evidence.
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ErrorState } from '@/components/page-state';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-text';
import { useCan } from '@/lib/session';
import { useToday } from '@/lib/today';
import type { ProblemFieldError, ReviewShortcoming } from '@/types';
import {
  useCampaign,
  useCampaigns,
  useCloseShortcoming,
  useRecordShortcoming,
  useShortcomings,
  type ShortcomingFilter,
} from '../api/review';
import { reviewWrite } from '../lib/review';

type FilterKey = 'all' | 'open' | 'overdue' | 'closed';

const filters: Record<FilterKey, ShortcomingFilter> = {
  all: {},
  open: { state: 'open' },
  overdue: { overdue: true },
  closed: { state: 'closed' },
};

interface RecordValues {
  campaign_id: number;
  subject: 'member' | 'org';
  member_id?: number;
  kind: 'limitation' | 'fault';
  description: string;
  action: string;
  owner: string;
  due_on: string;
}

const recordFields = [
  'campaign_id',
  'member_id',
  'org_id',
  'kind',
  'description',
  'action',
  'owner',
  'due_on',
];

function RecordModal({ org, onClose }: { org: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<RecordValues>();
  const campaigns = useCampaigns(org);
  const campaignId = Form.useWatch('campaign_id', form);
  const subject = Form.useWatch('subject', form);
  const campaign = useCampaign(campaignId ?? campaigns.data?.items?.[0]?.id ?? 0, org);
  const record = useRecordShortcoming();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const members = campaign.data?.members ?? [];

  async function send(values: RecordValues) {
    setRest([]);
    const { subject: who, member_id, ...input } = values;
    try {
      await record.mutateAsync({
        ...input,
        ...(who === 'member' ? { member_id } : { org_id: org }),
      });
      message.success(t('review.shortcomings.recorded'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, recordFields, problemText));
    }
  }

  return (
    <Modal
      open
      title={t('review.shortcomings.recordTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'shortcoming-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={record.error} rest={rest} />
      <Form<RecordValues>
        form={form}
        layout="vertical"
        name="review-shortcoming"
        initialValues={{
          campaign_id: campaigns.data?.items?.[0]?.id,
          subject: members.length > 0 ? 'member' : 'org',
          kind: 'limitation',
        }}
        onFinish={(values) => void send(values)}
      >
        <Form.Item
          name="campaign_id"
          label={t('review.shortcomings.campaign')}
          rules={[{ required: true }]}
        >
          <Select
            options={(campaigns.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.year} — ${c.title}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="subject" label={t('review.shortcomings.subject')}>
          <Radio.Group
            options={[
              {
                value: 'member',
                label: t('review.shortcomings.forMember'),
                disabled: members.length === 0,
              },
              { value: 'org', label: t('review.shortcomings.forOrg') },
            ]}
          />
        </Form.Item>
        {subject === 'member' && (
          <Form.Item
            name="member_id"
            label={t('review.shortcomings.member')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={members.map((line) => ({ value: line.member_id, label: line.full_name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('review.shortcomings.kind')}>
          <Radio.Group
            options={[
              { value: 'limitation', label: t('review.shortcomings.kinds.limitation') },
              { value: 'fault', label: t('review.shortcomings.kinds.fault') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('review.shortcomings.description')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="action"
          label={t('review.shortcomings.action')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="owner" label={t('review.shortcomings.owner')} rules={[{ required: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="due_on" label={t('review.shortcomings.due')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CloseModal({ item, onClose }: { item: ReviewShortcoming; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const today = useToday();
  const [form] = Form.useForm<{ evidence: string; closed_on: string }>();
  const close = useCloseShortcoming();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);

  async function send(values: { evidence: string; closed_on: string }) {
    setRest([]);
    try {
      await close.mutateAsync({
        id: item.id ?? 0,
        input: { version: item.version ?? 0, ...values },
      });
      message.success(t('review.shortcomings.closed'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, ['evidence', 'closed_on'], problemText));
    }
  }

  return (
    <Modal
      open
      title={t('review.shortcomings.closeTitle', { subject: item.subject_name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('review.shortcomings.close')}
      cancelText={t('common.cancel')}
      confirmLoading={close.isPending}
      okButtonProps={{ 'data-testid': 'shortcoming-close-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={close.error} rest={rest} />
      <Form
        form={form}
        layout="vertical"
        name="review-shortcoming-close"
        initialValues={{ closed_on: today }}
        onFinish={(values) => void send(values)}
      >
        <Form.Item
          name="evidence"
          label={t('review.shortcomings.evidence')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="closed_on"
          label={t('review.shortcomings.closedOn')}
          rules={[{ required: true }]}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ShortcomingList({ org }: { org: number }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<FilterKey>('open');
  const list = useShortcomings(org, filters[filter]);
  const mayWrite = useCan(reviewWrite);
  const [recording, setRecording] = useState(false);
  const [closing, setClosing] = useState<ReviewShortcoming | null>(null);

  return (
    <Space
      orientation="vertical"
      size={12}
      style={{ width: '100%' }}
      data-testid="review-shortcomings"
    >
      <Flex justify="space-between" wrap gap={8}>
        <Segmented<FilterKey>
          value={filter}
          onChange={setFilter}
          aria-label={t('review.shortcomings.filter')}
          options={[
            { value: 'open', label: t('review.shortcomings.open') },
            { value: 'overdue', label: t('review.shortcomings.overdue') },
            { value: 'closed', label: t('review.shortcomings.closedState') },
            { value: 'all', label: t('review.shortcomings.all') },
          ]}
        />
        {mayWrite && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setRecording(true)}
            data-testid="shortcoming-record"
          >
            {t('review.shortcomings.record')}
          </Button>
        )}
      </Flex>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ReviewShortcoming>
          size="small"
          rowKey="id"
          loading={list.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('review.shortcomings.none') }}
          scroll={{ x: true }}
          rowClassName={(item) => (item.overdue ? 'row-overdue' : '')}
          onRow={(item) => ({ 'data-overdue': item.overdue ? 'true' : 'false' }) as never}
          columns={[
            { title: t('review.shortcomings.subject'), dataIndex: 'subject_name' },
            { title: t('review.year'), dataIndex: 'year', width: 70 },
            {
              title: t('review.shortcomings.kind'),
              dataIndex: 'kind',
              render: (kind: 'limitation' | 'fault') => t(`review.shortcomings.kinds.${kind}`),
            },
            { title: t('review.shortcomings.description'), dataIndex: 'description' },
            { title: t('review.shortcomings.action'), dataIndex: 'action' },
            { title: t('review.shortcomings.owner'), dataIndex: 'owner' },
            {
              title: t('review.shortcomings.due'),
              dataIndex: 'due_on',
              render: (due: string) => formatDate(due),
            },
            {
              title: t('review.shortcomings.state'),
              key: 'state',
              render: (_: unknown, item) =>
                item.state === 'closed' ? (
                  <Tag color="success">
                    {t('review.shortcomings.closedState')} {formatDate(item.closed_on)}
                  </Tag>
                ) : item.overdue ? (
                  <Tag color="error">{t('review.shortcomings.overdue')}</Tag>
                ) : (
                  <Tag color="processing">{t('review.shortcomings.open')}</Tag>
                ),
            },
            ...(mayWrite
              ? [
                  {
                    title: '',
                    key: 'close',
                    render: (_: unknown, item: ReviewShortcoming) =>
                      item.state === 'open' ? (
                        <Button size="small" onClick={() => setClosing(item)}>
                          {t('review.shortcomings.close')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
      {recording && <RecordModal org={org} onClose={() => setRecording(false)} />}
      {closing && <CloseModal item={closing} onClose={() => setClosing(null)} />}
    </Space>
  );
}
