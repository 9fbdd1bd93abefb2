// Opening a review campaign at an organization for its subtree: the year, the review date (the
// day eligibility and the rules in force are counted on) and the title.
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import { useToday } from '@/lib/today';
import type { ProblemFieldError } from '@/types';
import { useOpenCampaign } from '../api/review';

interface Values {
  year: number;
  review_date: string;
  title: string;
}

const fields = ['year', 'review_date', 'title'];

export function OpenCampaignModal({
  org,
  orgName,
  onClose,
}: {
  org: number;
  orgName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const today = useToday();
  const [form] = Form.useForm<Values>();
  const open = useOpenCampaign();
  const [rest, setRest] = useState<ProblemFieldError[]>([]);
  const year = Number(today.slice(0, 4));

  async function send(values: Values) {
    setRest([]);
    try {
      await open.mutateAsync({ org_id: org, ...values });
      message.success(t('review.opened'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setRest(applyFieldErrors(form, error.problem, fields, problemText));
    }
  }

  return (
    <Modal
      open
      title={t('review.openTitle', { org: orgName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('review.open')}
      cancelText={t('common.cancel')}
      confirmLoading={open.isPending}
      okButtonProps={{ 'data-testid': 'review-open-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert error={open.error} rest={rest} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="review-open"
        initialValues={{
          year,
          review_date: today,
          title: t('review.defaultTitle', { year }),
        }}
        onFinish={(values) => void send(values)}
      >
        <Form.Item name="year" label={t('review.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={9999} />
        </Form.Item>
        <Form.Item name="review_date" label={t('review.reviewDate')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="title" label={t('review.campaignTitle')} rules={[{ required: true }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
