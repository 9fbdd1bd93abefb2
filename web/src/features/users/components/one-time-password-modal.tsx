// The one-time password of a new user or a reset, shown this once: the server keeps only its
// hash. The user must change it at their first sign-in.
import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserWithPassword } from '@/types';

export function OneTimePasswordModal({
  result,
  reset,
  onClose,
}: {
  result: UserWithPassword | null;
  reset?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!result}
      title={reset ? t('users.password.resetTitle') : t('users.password.createdTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-password-done">
          {t('users.password.done')}
        </Button>
      }
      destroyOnHidden
    >
      {result && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('users.password.once')}
            description={t('users.password.onceHint')}
          />
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'user',
                label: t('auth.fields.username'),
                children: <Typography.Text code>{result.user.username}</Typography.Text>,
              },
              {
                key: 'password',
                label: t('users.password.oneTime'),
                children: (
                  <Typography.Text
                    copyable={{ text: result.one_time_password }}
                    className="mono"
                    style={{ fontSize: 16 }}
                    data-testid="one-time-password"
                  >
                    {result.one_time_password}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
