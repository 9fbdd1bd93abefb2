// Everything the screens share: the query cache, antd's theme and locale (vi_VN by default,
// en_US when English is chosen), dayjs's locale, and antd's App context for messages/modals.
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '@/lib/react-query';

const theme = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#a31515',
    borderRadius: 6,
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  },
};

export function AppProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const vi = i18n.language !== 'en';
  dayjs.locale(vi ? 'vi' : 'en');
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={vi ? viVN : enUS} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
