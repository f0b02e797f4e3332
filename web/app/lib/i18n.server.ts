import { createInstance, type TFunction } from 'i18next';
import { RemixI18Next } from 'remix-i18next/server';
import ar from '~/locales/ar.json';
import en from '~/locales/en.json';
import fr from '~/locales/fr.json';
import { i18nOptions } from './i18n';
import { defaultLocale, isLocale, locales, negotiateLocale, type Locale } from './locale';

export const catalogs = { ar, en, fr } as const;
export const resources = {
  ar: { translation: ar },
  en: { translation: en },
  fr: { translation: fr },
};

/** The locale of a request: its path prefix, else the best match of Accept-Language, else Arabic. */
export function localeFromPath(request: Request): Locale | null {
  const first = new URL(request.url).pathname.split('/')[1];
  return isLocale(first) ? first : null;
}

export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...locales],
    fallbackLanguage: defaultLocale,
    order: ['custom'],
    findLocale: async (request) => localeFromPath(request) ?? negotiateLocale(request.headers.get('Accept-Language')),
  },
  i18next: { ...i18nOptions, resources },
});

export async function getLocale(request: Request): Promise<Locale> {
  const found = await remixI18n.getLocale(request);
  return isLocale(found) ? found : defaultLocale;
}

const shared = createInstance();
void shared.init({ ...i18nOptions, resources, initImmediate: false });

/** A translate function for loaders and actions (page titles, messages built on the server). */
export function fixedT(locale: Locale): TFunction {
  return shared.getFixedT(locale);
}
