// /first-login/password and /first-login/totp: the steps a session must finish before the app
// opens (docs/accounts.md, session stages): a one-time password is replaced, then, for roles
// that need it, an authenticator app is enrolled. Each step leads to the next the server asks.
import { LogoutOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { PasswordForm } from '@/features/auth/components/password-form';
import { TotpEnrolment } from '@/features/auth/components/totp-enrolment';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { afterSignIn, safeReturnTo, stageStep } from '@/lib/return-to';
import { endSession, meQuery } from '@/lib/session';
import type { Me } from '@/types';
import { SignInFrame } from '../layout/sign-in-frame';

export default function FirstLoginPage({ step }: { step: 'password' | 'totp' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [search] = useSearchParams();
  const returnTo = safeReturnTo(search.get('return_to'));
  const me = useQuery(meQuery());
  const title = step === 'password' ? t('auth.firstLogin.passwordTitle') : t('auth.totp.title');
  useDocumentTitle(title);

  if (me.isPending) {
    return (
      <div className="page-loading">
        <Spin />
      </div>
    );
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  // Only the step this session is at: after it, on to the next (or into the app).
  const due = stageStep(me.data.stage);
  if (due !== step) return <Navigate to={afterSignIn(me.data, returnTo)} replace />;

  const next = (updated: Me) => navigate(afterSignIn(updated, returnTo), { replace: true });

  return (
    <SignInFrame
      title={title}
      width={step === 'totp' ? 620 : 480}
      extra={
        <Button
          type="link"
          icon={<LogoutOutlined />}
          onClick={() =>
            void endSession(client).finally(() => navigate(paths.login(), { replace: true }))
          }
        >
          {t('auth.logout')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {step === 'password'
          ? t('auth.firstLogin.passwordIntro', { name: me.data.display_name })
          : t('auth.firstLogin.totpIntro')}
      </Typography.Paragraph>
      {step === 'password' ? (
        <PasswordForm oneTime username={me.data.username} onDone={next} />
      ) : (
        <TotpEnrolment onDone={next} />
      )}
    </SignInFrame>
  );
}
