// A directive's study sessions (học tập, quán triệt): one record per organization, with how many
// of its members attended, and recording one (again: the record is replaced, with its version).
import { BookOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { OrgPicker } from '@/components/org-picker';
import { ProblemAlert } from '@/components/problem-alert';
import { ErrorState, LoadingState } from '@/components/page-state';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDate, formatNumber } from '@/lib/format';
import { useProblemText } from '@/lib/problem-text';
import { useCan } from '@/lib/session';
import { useToday } from '@/lib/today';
import type { Directive, ProblemFieldError, Study } from '@/types';
import { useRecordStudy, useStudies } from '../api/directives';
import { directiveReport } from '../lib/directives';
import { formatShare, percentOf } from '../lib/rollup';

interface StudyValues {
  org_id?: number | null;
  held_on?: string | null;
  attendees?: number | null;
  note?: string;
}

function StudyModal({
  directive,
  org,
  studies,
  onClose,
}: {
  directive: Directive;
  org?: number;
  studies: Study[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const text = useProblemText();
  const [form] = Form.useForm<StudyValues>();
  const record = useRecordStudy(directive.id);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const required = (label: string) => [
    { required: true, message: t('validation.required', { label }) },
  ];

  async function submit(values: StudyValues) {
    setRest([]);
    const existing = studies.find((study) => study.org.id === values.org_id);
    try {
      await record.mutateAsync({
        org_id: values.org_id ?? 0,
        held_on: values.held_on ?? '',
        attendees: values.attendees ?? 0,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(existing ? { version: existing.version } : {}),
      });
      message.success(t('studies.done'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(
        applyFieldErrors(form, error.problem, ['org_id', 'held_on', 'attendees', 'note'], text),
      );
    }
  }

  return (
    <Modal
      open
      width={560}
      title={t('studies.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={record.error} rest={rest} />
      <Form<StudyValues>
        form={form}
        name="study"
        layout="vertical"
        initialValues={{ org_id: org, held_on: today }}
        onFinish={(values) => void submit(values)}
        data-testid="study-form"
      >
        <Form.Item name="org_id" label={t('studies.org')} rules={required(t('studies.org'))}>
          <OrgPicker />
        </Form.Item>
        <Form.Item
          name="held_on"
          label={t('studies.held_on')}
          rules={required(t('studies.held_on'))}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item
          name="attendees"
          label={t('studies.attendees')}
          rules={required(t('studies.attendees'))}
        >
          <InputNumber min={0} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="note" label={t('studies.note')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function StudyPanel({ directive, org }: { directive: Directive; org?: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const canRecord = useCan(directiveReport);
  const studies = useStudies(directive.id);
  const [open, setOpen] = useState(false);
  const items = studies.data?.items ?? [];

  const columns: TableColumnsType<Study> = [
    { key: 'org', title: t('studies.org'), render: (_, study) => study.org.name },
    {
      key: 'held_on',
      title: t('studies.held_on'),
      width: 120,
      render: (_, study) => formatDate(study.held_on),
    },
    {
      key: 'attendees',
      title: t('studies.attendees'),
      width: 150,
      render: (_, study) =>
        `${formatNumber(study.attendees, lang)}/${formatNumber(study.members, lang)}`,
    },
    {
      key: 'share',
      title: t('studies.share'),
      width: 90,
      render: (_, study) => formatShare(percentOf(study.attendees, study.members), lang),
    },
    { key: 'note', title: t('studies.note'), render: (_, study) => study.note },
  ];

  return (
    <Card
      size="small"
      title={t('studies.title')}
      data-testid="study-panel"
      extra={
        canRecord && (
          <Button size="small" icon={<BookOutlined />} onClick={() => setOpen(true)}>
            {t('studies.record')}
          </Button>
        )
      }
    >
      {studies.isPending ? (
        <LoadingState rows={2} />
      ) : studies.isError ? (
        <ErrorState error={studies.error} onRetry={() => void studies.refetch()} compact />
      ) : (
        <Table<Study>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={items}
          pagination={items.length > 10 ? { pageSize: 10 } : false}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('studies.empty') }}
        />
      )}
      {open && (
        <StudyModal
          directive={directive}
          org={org}
          studies={items}
          onClose={() => setOpen(false)}
        />
      )}
    </Card>
  );
}
