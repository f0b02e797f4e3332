import type { Locale } from './locale';

/** Dates are shown in the reader's language and, when known, their own time zone. */
export function formatDate(iso: string, locale: Locale, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
}

export function formatCountry(code: string, locale: Locale): string {
  try {
    const region = code.toUpperCase();
    // CLDR's long name for PS is "Palestinian Territories"; its short one, "Palestine" / فلسطين, is what the
    // organizations there call their country. Short names elsewhere are abbreviations ("US"), so only PS takes it.
    return new Intl.DisplayNames([locale], { type: 'region', style: region === 'PS' ? 'short' : 'long' }).of(region) ?? code;
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
