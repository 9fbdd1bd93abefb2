// Opens an admission file in a cell: the person's main personal-history fields (checked as the
// server checks a member's) and whether they are a Youth Union member.
import { App, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { entryLabel, useCatalogs, useFieldLabel } from '@/lib/catalogs';
import { applyFieldErrors } from '@/lib/form-errors';
import { useToday } from '@/lib/today';
import * as check from '@/lib/person-checks';
import { useProblemText } from '@/lib/problem-text';
import type { CandidateDetail, CatalogEntry, ProblemFieldError } from '@/types';
import { useCreateCandidate, type CandidateInput } from '../api/candidates';

interface Values {
  full_name?: string;
  sex?: string;
  birth_date?: string | null;
  ethnicity?: string;
  religion?: string;
  citizen_id?: string;
  phone?: string;
  work_unit?: string;
  position?: string;
  youth_union_member?: boolean;
}

const fields = [
  'full_name',
  'sex',
  'birth_date',
  'ethnicity',
  'religion',
  'citizen_id',
  'phone',
  'work_unit',
  'position',
  'youth_union_member',
];

export function CandidateCreateModal({
  org,
  open,
  onClose,
  onCreated,
}: {
  org: number;
  open: boolean;
  onClose: () => void;
  onCreated: (file: CandidateDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const catalogs = useCatalogs().data;
  const fieldLabel = useFieldLabel();
  const text = useProblemText();
  const [form] = Form.useForm<Values>();
  const create = useCreateCandidate();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const options = (entries: CatalogEntry[] | undefined) =>
    (entries ?? []).map((entry) => ({
      value: entry.code,
      label: entryLabel(entry, i18n.language),
    }));
  const required = (name: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { label: fieldLabel(name) }),
  });
  const validate = (name: string, problemOf: (value: string) => check.Problem | null) => ({
    validator: async (_: unknown, value: unknown) => {
      const current = typeof value === 'string' ? value.trim() : '';
      if (!current) return;
      const problem = problemOf(current);
      if (problem)
        throw new Error(
          t(`validation.${problem.code}`, { label: fieldLabel(name), ...problem.params }),
        );
    },
  });

  async function submit(values: Values) {
    setRest([]);
    const input: CandidateInput = { org_id: org, youth_union_member: !!values.youth_union_member };
    for (const name of fields) {
      const value = values[name as keyof Values];
      if (typeof value === 'string' && value.trim()) input[name] = value.trim();
    }
    if (typeof input.citizen_id === 'string')
      input.citizen_id = check.citizenIdDigits(input.citizen_id);
    try {
      const file = await create.mutateAsync(input);
      message.success(t('admission.created', { name: file.full_name }));
      form.resetFields();
      onCreated(file);
    } catch (error) {
      if (isApiError(error)) setRest(applyFieldErrors(form, error.problem, fields, text));
    }
  }

  const provinces = check.provinceCodes(catalogs?.provinces);
  return (
    <Modal
      open={open}
      width={720}
      title={t('admission.create.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={create.error} rest={rest} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="candidate"
        data-testid="candidate-form"
        initialValues={{ ethnicity: '01', religion: 'none', youth_union_member: false }}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="full_name"
              label={fieldLabel('full_name')}
              rules={[required('full_name'), validate('full_name', check.checkName)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="sex" label={fieldLabel('sex')} rules={[required('sex')]}>
              <Select options={options(catalogs?.sexes)} placeholder={t('common.choose')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="birth_date"
              label={fieldLabel('birth_date')}
              rules={[
                required('birth_date'),
                validate('birth_date', (value) => check.checkBirthDate(value, today)),
              ]}
            >
              <DateInput disabledAfterToday />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="ethnicity"
              label={fieldLabel('ethnicity')}
              rules={[required('ethnicity')]}
            >
              <Select
                options={options(catalogs?.ethnicities)}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="religion"
              label={fieldLabel('religion')}
              rules={[required('religion')]}
            >
              <Select options={options(catalogs?.religions)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="citizen_id"
              label={fieldLabel('citizen_id')}
              dependencies={['sex', 'birth_date']}
              rules={[
                required('citizen_id'),
                validate('citizen_id', (value) =>
                  check.checkCitizenId(
                    value,
                    form.getFieldValue('sex') as string | undefined,
                    form.getFieldValue('birth_date') as string | undefined,
                    provinces,
                  ),
                ),
              ]}
            >
              <Input inputMode="numeric" autoComplete="off" placeholder="001198012345" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="phone"
              label={fieldLabel('phone')}
              rules={[validate('phone', check.checkPhone)]}
            >
              <Input inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="work_unit" label={fieldLabel('work_unit')}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="position" label={fieldLabel('position')}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="youth_union_member" valuePropName="checked">
          <Checkbox>{t('admission.create.youthUnion')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
