// /login?return_to=/members%3Forg%3D12: signs in, then goes on to the first-login steps the
// session needs, else back where the user was sent from (only a path of this app), else home.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '@/features/auth/components/login-form';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { afterSignIn, safeReturnTo } from '@/lib/return-to';
import { forgetScope } from '../scope';
import { SignInFrame } from '../layout/sign-in-frame';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const returnTo = safeReturnTo(search.get('return_to'));
  useDocumentTitle(t('auth.login.title'));

  return (
    <SignInFrame
      title={t('auth.login.title')}
      extra={
        <Typography.Paragraph type="secondary" className="sign-in-note">
          {t('auth.login.note')}
        </Typography.Paragraph>
      }
    >
      <LoginForm
        onSignedIn={(me) => {
          // A scope remembered from another account may lie outside this one's.
          forgetScope();
          navigate(afterSignIn(me, returnTo), { replace: true });
        }}
      />
    </SignInFrame>
  );
}
