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

// No motion for whoever asks their system for less of it (prefers-reduced-motion), the browser
// tests among them (playwright.config.ts): dialogs and menus appear at once, and a click never
// lands on something still zooming in.
const reducedMotion =
  typeof window !== 'undefined' &&
  !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

const theme = {
  token: {
    motion: !reducedMotion,
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
