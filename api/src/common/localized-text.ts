import { z } from 'zod';

/** The locales Halaqa speaks; Arabic first. */
export const LOCALES = ['ar', 'en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ar';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Per-locale text: never one column per language (DESIGN.md, Domain). */
export type LocalizedText = Partial<Record<Locale, string>>;

export const localizedTextSchema = z
  .object({ ar: z.string().max(2000).optional(), en: z.string().max(2000).optional(), fr: z.string().max(2000).optional() })
  .strict();

/**
 * Resolves per-locale text for a reader: their locale first, then Arabic, English, French.
 * Returns the text and the locale it came from, so a page can say when it fell back.
 */
export function resolveText(text: LocalizedText | null | undefined, locale: Locale): { text: string; locale: Locale | null } {
  if (!text) return { text: '', locale: null };
  for (const candidate of [locale, 'ar', 'en', 'fr'] as const) {
    const value = text[candidate]?.trim();
    if (value) return { text: value, locale: candidate };
  }
  return { text: '', locale: null };
}
