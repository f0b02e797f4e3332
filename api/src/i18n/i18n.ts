import acceptLanguage from 'accept-language-parser';
import i18next, { type TOptions } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../common/localized-text';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

/** The api's own catalogs: error titles and details, validation messages, email texts. */
const i18n = i18next.createInstance();
void i18n.init({
  resources: { ar: { translation: ar }, en: { translation: en }, fr: { translation: fr } },
  lng: DEFAULT_LOCALE,
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  initImmediate: false,
  returnNull: false,
});

export function translate(locale: Locale, key: string, options?: TOptions): string {
  return i18n.t(key, { ...options, lng: locale });
}

export function hasTranslation(key: string): boolean {
  return i18n.exists(key, { lng: 'en' });
}

/** Picks ar, en or fr from an Accept-Language header; Arabic when nothing matches. */
export function negotiateLocale(header: string | string[] | undefined): Locale {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return DEFAULT_LOCALE;
  const picked = acceptLanguage.pick([...LOCALES], value, { loose: true });
  return picked ?? DEFAULT_LOCALE;
}
