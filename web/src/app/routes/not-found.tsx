import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('errorPage.notFound'));
  return (
    <Result
      status="404"
      title={t('errorPage.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('errorPage.home')}
        </Button>
      }
    />
  );
}
