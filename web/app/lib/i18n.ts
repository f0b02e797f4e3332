import type { InitOptions } from 'i18next';
import { defaultLocale, locales } from './locale';

/** Options shared by the server and the browser instance. One namespace, the whole catalog per locale. */
export const i18nOptions = {
  supportedLngs: [...locales],
  fallbackLng: defaultLocale,
  defaultNS: 'translation',
  ns: ['translation'],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
  returnNull: false,
} satisfies InitOptions;
