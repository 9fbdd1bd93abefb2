// Opening a discipline case in an organization: against one of its members (official or
// probationary: the sanctions offered are those the Charter allows) or the organization itself;
// the breach, its date and category, the proposed sanction, the competent level. A refusal shows
// under its field.
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import type { DisciplineSubject, ProblemFieldError } from '@/types';
import { useOpenCase, useOrgMembers } from '../api/discipline';
import {
  categories,
  openCaseFields,
  openCaseInput,
  sanctionsFor,
  type OpenCaseValues,
} from '../lib/discipline';

export function OpenCaseModal({ org, onClose }: { org: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const problemText = useProblemText();
  const [form] = Form.useForm<OpenCaseValues>();
  const open = useOpenCase();
  const members = useOrgMembers(org, true);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const memberId = Form.useWatch('member_id', form);
  const member = members.data?.items.find((item) => item.id === memberId);
  const subject: DisciplineSubject = !memberId
    ? 'organization'
    : member?.status === 'probationary'
      ? 'probationary'
      : 'official';

  async function send(values: OpenCaseValues) {
    setRest([]);
    try {
      const opened = await open.mutateAsync(openCaseInput(values, org));
      message.success(t('discipline.open.done'));
      onClose();
      navigate(paths.disciplineCase(opened.id));
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, openCaseFields, problemText));
    }
  }

  const label = (field: string) => t(`discipline.fields.${field}`);
  return (
    <Modal
      open
      title={t('discipline.open.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('discipline.open.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={open.isPending}
      okButtonProps={{ 'data-testid': 'discipline-open-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={open.error} rest={rest} />
      <Form<OpenCaseValues>
        form={form}
        name="discipline-open"
        layout="vertical"
        initialValues={{ category: 'ordinary', sanction: 'reprimand' }}
        onFinish={(values) => void send(values)}
        data-testid="discipline-open-form"
      >
        <Form.Item name="member_id" label={label('subject')} extra={t('discipline.open.orgItself')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={members.isPending}
            placeholder={t('discipline.open.chooseMember')}
            options={(members.data?.items ?? []).map((item) => ({
              value: item.id,
              label: item.full_name,
            }))}
            onChange={() => form.setFieldValue('sanction', 'reprimand')}
            data-testid="discipline-member"
          />
        </Form.Item>
        <Form.Item
          name="breach_summary"
          label={label('breach_summary')}
          rules={[{ required: true, whitespace: true, message: t('discipline.open.required') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid="discipline-breach" />
        </Form.Item>
        <Form.Item
          name="breach_date"
          label={label('breach_date')}
          rules={[{ required: true, message: t('discipline.open.required') }]}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
        <Form.Item name="category" label={label('category')}>
          <Select
            options={categories.map((value) => ({
              value,
              label: t(`discipline.categories.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="sanction" label={label('sanction')}>
          <Select
            options={sanctionsFor(subject).map((value) => ({
              value,
              label: t(`discipline.sanctions.${value}`),
            }))}
            data-testid="discipline-sanction"
          />
        </Form.Item>
        <Form.Item
          name="competent_level"
          label={label('competent_level')}
          rules={[{ required: true, whitespace: true, message: t('discipline.open.required') }]}
        >
          <Input maxLength={500} data-testid="discipline-level" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
