// Records the file's next step: a form whose inputs are the step's (dates, the document's
// number and authority, the introducers picked from the registry, the vote of a resolution).
// The server checks it under the rules in force on its date; a refusal shows under the field
// it concerns, with the rule broken and its source.
import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { formFieldOf } from '@/lib/form-errors';
import { useToday } from '@/lib/today';
import { useProblemText } from '@/lib/problem-text';
import type { CandidateDetail, Permission, ProblemFieldError } from '@/types';
import { useRecordStep } from '../api/candidates';
import {
  canRecordStep,
  nextSteps,
  stepFieldAliases,
  stepFormFields,
  stepInput,
  stepInputs,
  type StepValues,
} from '../lib/steps';
import { useStepLabel } from './labels';
import { MemberSelect } from './member-select';

/** Where a server field lands: introducers[i].x on that introducer's input, else a form field. */
function namePathOf(field: string): NamePath | undefined {
  const introducer = /^introducers\[(\d+)\]\.(member_id|known_since)$/.exec(field);
  if (introducer) return ['introducers', Number(introducer[1]), introducer[2]];
  return formFieldOf(field, stepFormFields, stepFieldAliases);
}

export function StepForm({
  candidate,
  baseOrg,
  permissions,
}: {
  candidate: CandidateDetail;
  baseOrg: number | undefined;
  permissions: readonly Permission[];
}) {
  const { t } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const stepLabel = useStepLabel();
  const problemText = useProblemText();
  const [form] = Form.useForm<StepValues>();
  const record = useRecordStep(candidate.id);
  // When every problem shows under its field, no banner repeats them.
  const hasFieldErrors = isApiError(record.error) && !!record.error.problem.errors?.length;
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const choices = nextSteps(candidate).filter((step) => canRecordStep(permissions, step));
  const step = Form.useWatch('step', form) ?? choices[0];
  const inputs = stepInputs(step ?? '');

  if (choices.length === 0) return null;
  const requiredRule = (key: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { label: t(key) }),
  });

  async function submit(values: StepValues) {
    setRest([]);
    try {
      await record.mutateAsync(stepInput(values));
      message.success(t('admission.record.recorded', { step: stepLabel(values.step) }));
      form.resetFields();
    } catch (error) {
      if (!isApiError(error)) throw error;
      const byField = new Map<string, { name: NamePath; errors: string[] }>();
      const left: ProblemFieldError[] = [];
      for (const item of error.problem.errors ?? []) {
        const name = namePathOf(item.field);
        if (!name) {
          left.push(item);
          continue;
        }
        const key = JSON.stringify(name);
        const entry = byField.get(key) ?? { name, errors: [] };
        entry.errors.push(problemText(item));
        byField.set(key, entry);
      }
      form.setFields([...byField.values()]);
      setRest(left);
    }
  }

  return (
    <Card size="small" title={t('admission.record.title')} data-testid="step-form">
      <ProblemAlert
        error={record.error && (rest.length > 0 || !hasFieldErrors) ? record.error : null}
        rest={rest}
      />
      <Form<StepValues>
        form={form}
        name="admission_step"
        layout="vertical"
        initialValues={{
          step: choices[0],
          on: today,
          introducers: [{}, {}],
        }}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed) => {
          if ('step' in changed) setRest([]);
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="step" label={t('admission.record.step')} rules={[{ required: true }]}>
              <Select
                options={choices.map((code) => ({ value: code, label: stepLabel(code) }))}
                data-testid="step-select"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="on"
              label={t('admission.record.on')}
              rules={[
                {
                  required: true,
                  message: t('validation.required', { label: t('admission.record.on') }),
                },
              ]}
            >
              <DateInput disabledAfterToday />
            </Form.Item>
          </Col>
        </Row>
        {inputs.document && (
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item
                name="document_number"
                label={t('admission.record.documentNumber')}
                rules={
                  inputs.numberRequired ? [requiredRule('admission.record.documentNumber')] : []
                }
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name="document_authority"
                label={t('admission.record.documentAuthority')}
                rules={
                  inputs.authorityRequired
                    ? [requiredRule('admission.record.documentAuthority')]
                    : []
                }
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {inputs.vote && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="in_favour" label={t('admission.record.inFavour')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="against" label={t('admission.record.against')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="entitled" label={t('admission.record.entitled')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {inputs.introducers && (
          <>
            <Form.List name="introducers">
              {(fields) =>
                fields.map((field, index) => (
                  <Row gutter={12} key={field.key} data-testid={`introducer-${index}`}>
                    <Col xs={24} md={14}>
                      <Form.Item
                        name={[field.name, 'member_id']}
                        label={t('admission.record.introducer', { n: index + 1 })}
                      >
                        <MemberSelect
                          org={baseOrg}
                          aria-label={t('admission.record.introducer', { n: index + 1 })}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item
                        name={[field.name, 'known_since']}
                        label={t('admission.record.knownSince')}
                      >
                        <DateInput disabledAfterToday />
                      </Form.Item>
                    </Col>
                  </Row>
                ))
              }
            </Form.List>
            {candidate.youth_union_member && (
              <Form.Item name="youth_union" valuePropName="checked">
                <Checkbox>{t('admission.record.youthUnion')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {inputs.receivedOn && (
          <Form.Item name="received_on" label={t('admission.record.receivedOn')}>
            <DateInput disabledAfterToday />
          </Form.Item>
        )}
        {inputs.place && (
          <Form.Item name="place" label={t('admission.record.place')}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('admission.record.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t('admission.record.submit')}
        </Button>
      </Form>
    </Card>
  );
}
