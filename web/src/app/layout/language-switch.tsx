import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented
      aria-label={t('app.language')}
      size="small"
      value={currentLanguage(i18n.language)}
      options={[
        { value: 'vi', label: <span lang="vi">Tiếng Việt</span> },
        { value: 'en', label: <span lang="en">English</span> },
      ]}
      onChange={(value) => void i18n.changeLanguage(value)}
      data-testid="language-switch"
    />
  );
}
