// The form frame shared by "new member" and "edit member": fields, save/cancel, Ctrl+S,
// server problems mapped onto their fields (the rest shown above the form).
import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemFieldError } from '@/types/api';
import type { MemberValues } from '../lib/values';
import { MemberFields } from './member-fields';

export function MemberForm({
  form,
  title,
  initialValues,
  onFinish,
  onCancel,
  saving,
  problem,
  banner,
}: {
  form: FormInstance<MemberValues>;
  title: ReactNode;
  initialValues: MemberValues;
  onFinish: (values: MemberValues) => void;
  onCancel: () => void;
  saving: boolean;
  problem?: { title: string; rest: ProblemFieldError[] } | null;
  banner?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          form.submit();
        }
      }}
    >
      <Form<MemberValues>
        form={form}
        name="member"
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        scrollToFirstError={{ focus: true, block: 'center' }}
        validateTrigger={['onChange', 'onBlur']}
        data-testid="member-form"
      >
        <Flex justify="space-between" align="center" wrap gap={12} className="form-header">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Space>
            <Typography.Text type="secondary" className="hide-narrow">
              {t('member.form.shortcut')}
            </Typography.Text>
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
              {t('common.save')}
            </Button>
          </Space>
        </Flex>
        {banner}
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={problem.title}
            description={
              problem.rest.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {problem.rest.map((item, index) => (
                    <li key={index}>{item.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <MemberFields form={form} />
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
