// i18next set up with both languages bundled (a few KB): Vietnamese by default, English on
// request, the choice remembered in localStorage and sent to the API as Accept-Language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '@/locales/en';
import { vi } from '@/locales/vi';
import { setApiLanguage } from './api-client';

export type Language = 'vi' | 'en';
export const languages: Language[] = ['vi', 'en'];
const storageKey = 'chibo.lang';

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (stored === 'en' || stored === 'vi') return stored;
  } catch {
    // storage may be unavailable (private mode): fall back to the default
  }
  return 'vi';
}

function applyLanguage(lang: string): void {
  setApiLanguage(lang);
  document.documentElement.lang = lang;
}

export function setupI18n(): typeof i18n {
  const lng = initialLanguage();
  applyLanguage(lng);
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18n.on('languageChanged', (lang) => {
    applyLanguage(lang);
    try {
      window.localStorage.setItem(storageKey, lang);
    } catch {
      // not remembered; the switch still applies for this page
    }
  });
  return i18n;
}

export function currentLanguage(lang: string): Language {
  return lang === 'en' ? 'en' : 'vi';
}
