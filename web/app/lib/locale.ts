/** The interface languages, Arabic first (the default and the fallback). */
export const locales = ['ar', 'en', 'fr'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ar';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Picks the best supported locale from an Accept-Language header (RFC 9110 quality values).
 * `fr-TN;q=0.8, ar;q=0.9` → `ar`. Unknown or missing → Arabic.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLocale) ?? defaultLocale;
}

/**
 * The same page in another language: swaps the first path segment when it is a locale, otherwise prefixes.
 * Keeps the query string. `/ar/organizations?q=x` → `/en/organizations?q=x`.
 */
export function switchLocalePath(pathWithSearch: string, target: Locale): string {
  const queryAt = pathWithSearch.search(/[?#]/);
  const path = queryAt === -1 ? pathWithSearch : pathWithSearch.slice(0, queryAt);
  const rest = queryAt === -1 ? '' : pathWithSearch.slice(queryAt);
  const segments = path.split('/').filter(Boolean);
  if (segments.length > 0 && isLocale(segments[0])) segments.shift();
  return `/${[target, ...segments].join('/')}${rest}`;
}

/**
 * Only same-site, locale-prefixed paths are accepted after sign-in, so `redirectTo` cannot send people elsewhere.
 */
export function safeRedirectPath(value: unknown, locale: Locale, fallback = `/${locale}/dashboard`): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return fallback;
  }
  const first = value.split(/[/?#]/)[1];
  return isLocale(first) ? value : fallback;
}

/** Locale names shown in the switcher, each in its own language. */
export const localeNames: Record<Locale, string> = { ar: 'العربية', en: 'English', fr: 'Français' };
