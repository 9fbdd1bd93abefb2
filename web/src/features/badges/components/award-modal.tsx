// Recording a decision's awards for the members selected on the list: the decision's date and
// document; the server records all of them or none, and a refusal of one award names the
// member it is about with the rule and its source.
import { App, Col, Form, Input, Modal, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useToday } from '@/lib/today';
import { useProblemText } from '@/lib/problem-text';
import type { BadgeItem, ProblemFieldError } from '@/types';
import { useAwardBadges } from '../api/badges';
import { awardsOf, namedAwardErrors, occasionLabel } from '../lib/badges';

interface Values {
  decided_on: string;
  document_number: string;
  document_authority: string;
}

const fields = ['decided_on', 'document_number', 'document_authority'];
const aliases = {
  'document.number': 'document_number',
  'document.authority': 'document_authority',
};

export function AwardModal({
  occasion,
  items,
  onClose,
  onDone,
}: {
  occasion: string;
  items: BadgeItem[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const text = useProblemText();
  const [form] = Form.useForm<Values>();
  const call = useAwardBadges();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const required = (key: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { label: t(key) }),
  });

  async function submit(values: Values) {
    setRest([]);
    try {
      const done = await call.mutateAsync({
        occasion,
        decided_on: values.decided_on,
        document: { number: values.document_number, authority: values.document_authority },
        awards: awardsOf(items),
      });
      message.success(t('badges.award.done', { count: done.awarded }));
      onDone();
    } catch (error) {
      if (isApiError(error)) {
        const left = applyFieldErrors(form, error.problem, fields, text, aliases);
        setRest(namedAwardErrors(left, items));
      }
    }
  }

  return (
    <Modal
      open
      width={600}
      title={t('badges.award.title', { occasion: occasionLabel(occasion) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('badges.award.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={call.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph data-testid="award-summary">
        {t('badges.award.summary', { count: items.length })}
      </Typography.Paragraph>
      <ProblemAlert error={call.error} rest={rest} />
      <Form<Values>
        form={form}
        name="badge_award"
        layout="vertical"
        initialValues={{ decided_on: today }}
        onFinish={(values) => void submit(values)}
        data-testid="award-form"
      >
        <Form.Item
          name="decided_on"
          label={t('badges.award.decidedOn')}
          rules={[required('badges.award.decidedOn')]}
        >
          <DateInput disabledAfterToday />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item
              name="document_number"
              label={t('lifecycle.documentNumber')}
              rules={[required('lifecycle.documentNumber')]}
            >
              <Input maxLength={255} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="document_authority"
              label={t('lifecycle.documentAuthority')}
              rules={[required('lifecycle.documentAuthority')]}
            >
              <Input maxLength={255} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
