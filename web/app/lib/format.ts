import type { Locale } from './locale';

/** Dates are shown in the reader's language and, when known, their own time zone. */
export function formatDate(iso: string, locale: Locale, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
}

export function formatCountry(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The name to greet someone by: the Arabic-script name on Arabic pages, the Latin-script one elsewhere. */
export function displayName(person: { nameLatin?: string | null; nameArabic?: string | null; email?: string }, locale: Locale): string {
  const latin = person.nameLatin?.trim() ?? '';
  const arabic = person.nameArabic?.trim() ?? '';
  const preferred = locale === 'ar' ? arabic || latin : latin || arabic;
  return preferred || person.email || '';
}
