// The register's two forms: an outgoing document (issuer, type, date, content, signature,
// recipients, marks; beside it the number it will get) and an incoming one (its own number and
// symbol, dates, sender, the organizations it is passed down to). Both show the server's field
// problems under their fields and the rest above the form. On an edit, what fixes an outgoing
// document's number (issuer, body, type, date) is shown but cannot change.
import { SaveOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { FormInstance, FormRule } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { OrgPicker } from '@/components/org-picker';
import { orgQuery } from '@/lib/org-queries';
import type { ProblemFieldError } from '@/types';
import { useDocumentCatalog, useDocumentIssuers } from '../api/documents';
import {
  hasRecipients,
  outgoingTypes,
  type IncomingValues,
  type OutgoingValues,
} from '../lib/documents';
import { NumberPreview } from './number-preview';
import { OrgMultiPicker } from '@/components/org-multi-picker';

export interface FormProblem {
  title: string;
  /** How many problems were shown under their fields. */
  onFields: number;
  /** Problems no field of the form could show. */
  rest: ProblemFieldError[];
}

function useRequired() {
  const { t } = useTranslation();
  return (field: string): FormRule[] => [
    { required: true, message: t('validation.required', { label: t(`document.fields.${field}`) }) },
  ];
}

function useMarkOptions() {
  const { i18n } = useTranslation();
  const catalog = useDocumentCatalog().data;
  const lang = i18n.language;
  const options = (list: 'secrecy' | 'urgency' | 'authority') =>
    (catalog?.[list] ?? []).map((mark) => ({
      value: mark.code,
      label:
        list === 'authority'
          ? `${mark.label} — ${lang === 'en' ? mark.name_en : mark.name_vi}`
          : lang === 'en'
            ? mark.name_en
            : mark.name_vi,
    }));
  return options;
}

function FormFrame<Values>({
  form,
  name,
  title,
  initialValues,
  onFinish,
  onCancel,
  saving,
  problem,
  children,
  aside,
  onValuesChange,
}: {
  form: FormInstance<Values>;
  name: string;
  title: ReactNode;
  initialValues: Values;
  onFinish: (values: Values) => void;
  onCancel: () => void;
  saving: boolean;
  problem?: FormProblem | null;
  children: ReactNode;
  aside?: ReactNode;
  onValuesChange?: (changed: Partial<Values>) => void;
}) {
  const { t } = useTranslation();
  const buttons = (
    <Space>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
        {t('common.save')}
      </Button>
    </Space>
  );
  return (
    <Form<Values>
      form={form}
      name={name}
      layout="vertical"
      initialValues={initialValues as never}
      onFinish={onFinish}
      onValuesChange={onValuesChange}
      scrollToFirstError={{ focus: true, block: 'center' }}
      data-testid={`${name}-form`}
    >
      <Flex justify="space-between" align="center" wrap gap={12} className="form-header">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {buttons}
      </Flex>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={problem.title}
          data-testid="document-problem"
          description={
            <>
              {problem.onFields > 0 && t('document.form.seeFields', { count: problem.onFields })}
              {problem.rest.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {problem.rest.map((item, index) => (
                    <li key={index}>{item.message}</li>
                  ))}
                </ul>
              )}
            </>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={aside ? 16 : 24}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {children}
          </Space>
        </Col>
        {aside && (
          <Col xs={24} xl={8}>
            <div style={{ position: 'sticky', top: 16 }}>{aside}</div>
          </Col>
        )}
      </Row>
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        {buttons}
      </Flex>
    </Form>
  );
}

/** The issuing bodies an organization numbers documents under, with their abbreviations. */
function IssuingBodySelect({
  org,
  disabled,
  ...rest
}: {
  org: number | undefined;
  disabled?: boolean;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const catalog = useDocumentCatalog().data;
  const issuers = useDocumentIssuers(org).data;
  const options = issuers
    ? issuers.items
        .filter((item) => item.abbreviation)
        .map((item) => ({
          value: item.body,
          label: `${lang === 'en' ? item.name_en : item.name_vi} (${item.abbreviation})`,
        }))
    : (catalog?.issuing_bodies ?? []).map((entry) => ({
        value: entry.code,
        label: lang === 'en' ? entry.name_en : entry.name_vi,
      }));
  return <Select {...rest} disabled={disabled} options={options} />;
}

export function OutgoingForm({
  form,
  title,
  initialValues,
  onFinish,
  onCancel,
  saving,
  problem,
  symbol,
}: {
  form: FormInstance<OutgoingValues>;
  title: ReactNode;
  initialValues: OutgoingValues;
  onFinish: (values: OutgoingValues) => void;
  onCancel: () => void;
  saving: boolean;
  problem?: FormProblem | null;
  /** On an edit: the number and symbol given (they never change). */
  symbol?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const required = useRequired();
  const markOptions = useMarkOptions();
  const catalog = useDocumentCatalog().data;
  const editing = symbol !== undefined;
  const org = Form.useWatch('org_id', form);
  const body = Form.useWatch('issuing_body', form);
  const types = outgoingTypes(catalog, body).map((type) => ({
    value: type.code,
    label: `${lang === 'en' ? type.name_en : type.name_vi} (${type.symbol})`,
  }));
  const label = (field: string) => t(`document.fields.${field}`);

  return (
    <FormFrame<OutgoingValues>
      form={form}
      name="outgoing"
      title={title}
      initialValues={initialValues}
      onFinish={onFinish}
      onCancel={onCancel}
      saving={saving}
      problem={problem}
      onValuesChange={(changed) => {
        // Another organization: its committee first (its other bodies are listed for it).
        if ('org_id' in changed) form.setFieldValue('issuing_body', 'committee');
        // A type the (new) body does not number is dropped.
        if ('org_id' in changed || 'issuing_body' in changed) {
          const type = form.getFieldValue('type');
          const body = form.getFieldValue('issuing_body');
          if (type && !outgoingTypes(catalog, body).some((item) => item.code === type)) {
            form.setFieldValue('type', undefined);
          }
        }
      }}
      aside={
        editing ? (
          <Card size="small" title={label('symbol')}>
            <Typography.Title level={2} style={{ margin: 0 }} data-testid="document-symbol">
              {symbol || t('document.unnumbered')}
            </Typography.Title>
          </Card>
        ) : (
          <NumberPreview form={form} />
        )
      }
    >
      <Card size="small" title={t('document.form.groups.issuer')}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="org_id" label={label('issuer_org')} rules={required('issuer_org')}>
              <OrgPicker disabled={editing} placeholder={t('orgPicker.placeholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="issuing_body"
              label={label('issuing_body')}
              rules={required('issuing_body')}
            >
              <IssuingBodySelect org={org} disabled={editing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={label('type')} rules={required('type')}>
              <Select
                disabled={editing}
                showSearch={{ optionFilterProp: 'label' }}
                options={types}
                placeholder={t('common.choose')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="issued_on" label={label('issued_on')} rules={required('issued_on')}>
              <DateInput disabled={editing} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="place" label={label('place')} rules={required('place')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="superior_issuer" label={label('superior_issuer')}>
              <Input maxLength={255} placeholder={t('document.defaultSuperior')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="issuer_name" label={label('issuer_name')}>
              <Input maxLength={255} placeholder={t('document.defaultIssuer')} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('document.form.groups.content')}>
        <Form.Item name="summary" label={label('summary')} rules={required('summary')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item
          name="body"
          label={label('body')}
          extra={t('document.bodyHint')}
          rules={[{ ...required('body')[0], whitespace: true }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('document.form.groups.signature')}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="authority" label={label('authority')}>
              <Select
                allowClear
                placeholder={t('document.noAuthority')}
                options={markOptions('authority')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="signing_for" label={label('signing_for')}>
              <Input maxLength={255} placeholder={t('document.signingForHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="signer_position"
              label={label('signer_position')}
              rules={required('signer_position')}
            >
              <Input maxLength={255} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="signer_name"
              label={label('signer_name')}
              rules={required('signer_name')}
            >
              <Input maxLength={255} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('document.form.groups.recipients')}>
        <Form.Item
          name="recipient_orgs"
          label={label('recipient_orgs')}
          dependencies={['recipient_texts']}
          rules={[
            ({ getFieldsValue }) => ({
              validator: () =>
                hasRecipients(getFieldsValue(['recipient_orgs', 'recipient_texts']))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('document.recipientsRequired'))),
            }),
          ]}
        >
          <OrgMultiPicker testId="recipient-orgs" />
        </Form.Item>
        <Form.Item
          name="recipient_texts"
          label={label('recipient_texts')}
          extra={t('document.recipientTextHint')}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('document.form.groups.marks')}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="secrecy" label={label('secrecy')}>
              <Select
                allowClear
                placeholder={t('document.noMark')}
                options={markOptions('secrecy')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="urgency" label={label('urgency')}>
              <Select
                allowClear
                placeholder={t('document.noMark')}
                options={markOptions('urgency')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="circulation" label={label('circulation')}>
              <Input maxLength={255} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </FormFrame>
  );
}

export function IncomingForm({
  form,
  title,
  initialValues,
  onFinish,
  onCancel,
  saving,
  problem,
  editing,
}: {
  form: FormInstance<IncomingValues>;
  title: ReactNode;
  initialValues: IncomingValues;
  onFinish: (values: IncomingValues) => void;
  onCancel: () => void;
  saving: boolean;
  problem?: FormProblem | null;
  editing?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const required = useRequired();
  const markOptions = useMarkOptions();
  const catalog = useDocumentCatalog().data;
  const orgId = Form.useWatch('org_id', form);
  const receiver = useQuery({ ...orgQuery(orgId ?? 0), enabled: !!orgId });
  const label = (field: string) => t(`document.fields.${field}`);
  const types = (catalog?.types ?? []).map((type) => ({
    value: type.code,
    label: type.symbol
      ? `${lang === 'en' ? type.name_en : type.name_vi} (${type.symbol})`
      : lang === 'en'
        ? type.name_en
        : type.name_vi,
  }));

  return (
    <FormFrame<IncomingValues>
      form={form}
      name="incoming"
      title={title}
      initialValues={initialValues}
      onFinish={onFinish}
      onCancel={onCancel}
      saving={saving}
      problem={problem}
    >
      <Card size="small" title={t('document.form.groups.source')}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="org_id"
              label={label('receiving_org')}
              rules={required('receiving_org')}
            >
              <OrgPicker disabled={editing} placeholder={t('orgPicker.placeholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="from_issuer" label={label('sender')} rules={required('sender')}>
              <Input maxLength={255} placeholder={t('document.senderHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={label('type')} rules={required('type')}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={types}
                placeholder={t('common.choose')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="symbol" label={label('their_number')}>
              <Input maxLength={60} placeholder="17-KH/TU" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="issued_on" label={label('issued_on')} rules={required('issued_on')}>
              <DateInput disabledAfterToday />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="received_on"
              label={label('received_on')}
              rules={required('received_on')}
            >
              <DateInput disabledAfterToday />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label={label('summary')} rules={required('summary')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="secrecy" label={label('secrecy')}>
              <Select
                allowClear
                placeholder={t('document.noMark')}
                options={markOptions('secrecy')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="urgency" label={label('urgency')}>
              <Select
                allowClear
                placeholder={t('document.noMark')}
                options={markOptions('urgency')}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      {!editing && (
        <Card size="small" title={t('document.form.groups.forward')}>
          <Form.Item
            name="forward_to"
            label={label('forwarded_to')}
            extra={t('document.forwardHint')}
          >
            <OrgMultiPicker within={receiver.data?.path} testId="forward-orgs" />
          </Form.Item>
        </Card>
      )}
    </FormFrame>
  );
}
