// The forms of the procedures that change a member's standing, in one modal: recognition
// (the cell's resolution, then the decision), leaving the roll (with a ground of the status's
// kind), exemption (start or end) and a transfer out. Each carries its date and deciding
// document; a refusal shows under its field with the rule broken and its source.
import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { OrgPicker } from '@/components/org-picker';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { entryLabel, useCatalogLabel, useCatalogs } from '@/lib/catalogs';
import { applyFieldErrors } from '@/lib/form-errors';
import { useToday } from '@/lib/today';
import { useProblemText } from '@/lib/problem-text';
import { useMe } from '@/lib/session';
import type { MemberLifecycle, ProblemFieldError } from '@/types';
import { useProcedure } from '../api/lifecycle';
import {
  exemptionBody,
  exitBody,
  exitChoices,
  procedureFieldAliases,
  procedureFields,
  recognitionBody,
  recognitionStep,
  transferBody,
  type Procedure,
  type ProcedureValues,
} from '../lib/procedures';

export function ProcedureModal({
  procedure,
  lifecycle,
  name,
  onClose,
}: {
  procedure: Procedure;
  lifecycle: MemberLifecycle;
  name: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const me = useMe();
  const permissions = me?.permissions ?? [];
  const catalogs = useCatalogs().data;
  const statusLabel = useCatalogLabel();
  const text = useProblemText();
  const [form] = Form.useForm<ProcedureValues>();
  const call = useProcedure(lifecycle.member_id, procedure);
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const exitStatus = Form.useWatch('status', form);
  const kind = Form.useWatch('kind', form);
  const direction = Form.useWatch('direction', form);
  const step = recognitionStep(lifecycle);
  const exits = exitChoices(lifecycle.status, permissions);
  const transferKinds = (['official', 'temporary'] as const).filter((k) =>
    permissions.includes(k === 'official' ? 'member.decide' : 'member.write'),
  );
  const required = (key: string) => ({
    required: true,
    message: t('validation.required', { label: t(key) }),
  });

  const initialValues: ProcedureValues = {
    on: today,
    step,
    recognized: true,
    status: exits[0],
    action: lifecycle.status === 'exempted' ? 'end' : 'start',
    kind: transferKinds[0],
    direction: 'internal',
    purpose: 'work',
  };

  async function submit(values: ProcedureValues) {
    setRest([]);
    const body =
      procedure === 'recognition'
        ? recognitionBody(values, lifecycle.version)
        : procedure === 'exit'
          ? exitBody(values, lifecycle.version)
          : procedure === 'exemption'
            ? exemptionBody(values, lifecycle.version)
            : transferBody(values, lifecycle.member_id);
    try {
      await call.mutateAsync(body);
      message.success(t(`lifecycle.${procedure}.done`));
      onClose();
    } catch (error) {
      if (isApiError(error))
        setRest(
          applyFieldErrors(form, error.problem, procedureFields, text, procedureFieldAliases),
        );
    }
  }

  const grounds = (catalogs?.exit_grounds ?? []).filter((ground) => ground.status === exitStatus);
  return (
    <Modal
      open
      width={640}
      title={t(`lifecycle.${procedure}.title`, { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`lifecycle.${procedure}.ok`)}
      okButtonProps={{ danger: procedure === 'exit' }}
      cancelText={t('common.cancel')}
      confirmLoading={call.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={call.error} rest={rest} />
      <Form<ProcedureValues>
        form={form}
        name={`procedure_${procedure}`}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        data-testid={`procedure-${procedure}`}
      >
        {procedure === 'recognition' && (
          <>
            <Form.Item name="step" label={t('lifecycle.recognition.step')}>
              <Radio.Group
                disabled
                options={[
                  { value: 'cell_resolution', label: t('lifecycle.recognition.cell_resolution') },
                  { value: 'decision', label: t('lifecycle.recognition.decision') },
                ]}
              />
            </Form.Item>
            <Form.Item name="recognized" valuePropName="checked">
              <Checkbox>{t('lifecycle.recognition.recognized')}</Checkbox>
            </Form.Item>
          </>
        )}
        {procedure === 'exit' && (
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item
                name="status"
                label={t('lifecycle.exit.status')}
                rules={[required('lifecycle.exit.status')]}
              >
                <Select
                  options={exits.map((code) => ({
                    value: code,
                    label: statusLabel('member_statuses', code),
                  }))}
                  onChange={() => form.setFieldValue('ground', undefined)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name="ground"
                label={t('lifecycle.exit.ground')}
                rules={[required('lifecycle.exit.ground')]}
              >
                <Select
                  placeholder={t('common.choose')}
                  options={grounds.map((ground) => ({
                    value: ground.code,
                    label: entryLabel(ground, i18n.language),
                    title: ground.source,
                  }))}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        {procedure === 'exemption' && (
          <Form.Item name="action" label={t('lifecycle.exemption.action')}>
            <Radio.Group
              disabled
              options={[
                { value: 'start', label: t('lifecycle.exemption.start') },
                { value: 'end', label: t('lifecycle.exemption.end') },
              ]}
            />
          </Form.Item>
        )}
        {procedure === 'transfer' && (
          <>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="kind" label={t('lifecycle.transfer.kind')}>
                  <Radio.Group
                    options={transferKinds.map((k) => ({
                      value: k,
                      label: t(`lifecycle.transfer.kinds.${k}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="direction" label={t('lifecycle.transfer.direction')}>
                  <Radio.Group
                    options={(['internal', 'outgoing'] as const).map((d) => ({
                      value: d,
                      label: t(`lifecycle.transfer.directions.${d}`),
                    }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            {direction === 'internal' ? (
              <Form.Item
                name="to_org_id"
                label={t('lifecycle.transfer.toOrg')}
                rules={[required('lifecycle.transfer.toOrg')]}
              >
                <OrgPicker holdsMembers />
              </Form.Item>
            ) : (
              <Form.Item
                name="external_org"
                label={t('lifecycle.transfer.externalOrg')}
                rules={[required('lifecycle.transfer.externalOrg')]}
              >
                <Input maxLength={255} />
              </Form.Item>
            )}
            {kind === 'temporary' && (
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="purpose" label={t('lifecycle.transfer.purpose')}>
                    <Radio.Group
                      options={(['work', 'study'] as const).map((p) => ({
                        value: p,
                        label: t(`lifecycle.transfer.purposes.${p}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="until"
                    label={t('lifecycle.transfer.until')}
                    rules={[required('lifecycle.transfer.until')]}
                  >
                    <DateInput />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </>
        )}
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item
              name="on"
              label={t(procedure === 'transfer' ? 'lifecycle.transfer.letterDate' : 'lifecycle.on')}
              rules={[required('lifecycle.on')]}
            >
              <DateInput disabledAfterToday />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="document_number" label={t('lifecycle.documentNumber')}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="document_authority" label={t('lifecycle.documentAuthority')}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        {procedure === 'recognition' && step === 'cell_resolution' && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="in_favour" label={t('lifecycle.vote.inFavour')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="against" label={t('lifecycle.vote.against')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="entitled" label={t('lifecycle.vote.entitled')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="note" label={t('lifecycle.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
