// The form frame shared by "new member" and "edit member": fields, save/cancel, Ctrl+S,
// server problems mapped onto their fields (the rest shown above the form).
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import type { ProblemFieldError } from '@/types';
import type { FormMode } from '../lib/fields';
import type { MemberValues } from '../lib/values';
import { MemberFields } from './member-fields';

export interface FormProblem {
  title: string;
  /** How many problems were shown under their fields. */
  onFields: number;
  /** Problems no field of the form could show. */
  rest: ProblemFieldError[];
}

/**
 * Asks before leaving a form with unsaved changes (in-app navigation and closing the tab).
 * `dirtyRef` is set by the form on every change and cleared by the caller once saved.
 */
function useLeaveGuard(dirtyRef: RefObject<boolean>) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !!dirtyRef.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('member.form.leaveTitle'),
      content: t('member.form.leaveBody'),
      okText: t('member.form.leave'),
      okButtonProps: { danger: true },
      cancelText: t('member.form.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirtyRef.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirtyRef]);
}

export function MemberForm({
  form,
  title,
  initialValues,
  onFinish,
  onCancel,
  saving,
  problem,
  banner,
  dirtyRef,
  restricted,
  mode = 'create',
}: {
  form: FormInstance<MemberValues>;
  title: ReactNode;
  initialValues: MemberValues;
  onFinish: (values: MemberValues) => void;
  onCancel: () => void;
  saving: boolean;
  problem?: FormProblem | null;
  banner?: ReactNode;
  dirtyRef: RefObject<boolean>;
  /** Show the restricted fields (discipline). */
  restricted?: boolean;
  mode?: FormMode;
}) {
  const { t } = useTranslation();
  useLeaveGuard(dirtyRef);
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
        onValuesChange={() => {
          dirtyRef.current = true;
        }}
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
              <>
                {problem.onFields > 0 && t('member.form.seeFields', { count: problem.onFields })}
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
        <MemberFields form={form} restricted={restricted} mode={mode} />
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
