import type { components } from '~/api/schema';
import type { Locale } from './locale';

// The web's side of docs/certificates.md: what the verify page and the graduate's dashboard show. Pure helpers,
// shared by loaders and components (nothing here talks to the api).

type Schemas = components['schemas'];

export type CertificateLocale = 'ar' | 'en' | 'fr';
/** Text as printed on a certificate: Arabic and the certificate's secondary language; a side may be missing. */
export type PrintedText = Schemas['PrintedTextResponse'];
/** `GET /api/verify/{code}`: the status and every field printed on the certificate, nothing else. */
export type VerifiedCertificate = Schemas['VerificationResponse'];
/** One of the graduate's own certificates (`GET /api/me/certificates`). */
export type MyCertificate = Schemas['MyCertificate'];
/** A trainee's standing against their cohort's completion rule (`GET /api/enrollments/{id}/progress`). */
export type Progress = Schemas['EnrollmentProgress'];

/**
 * A code as people type it, reduced to its symbols: spaces, dashes and dots dropped, upper case. The api applies
 * Crockford's reading (O → 0, I/L → 1) and the check symbols; this only makes the URL tidy.
 * `'abcd-efgh 1234'` → `'ABCDEFGH1234'`.
 */
export function normalizeCode(typed: string): string {
  return typed.replace(/[^0-9a-z]/gi, '').toUpperCase();
}

/** Grouped in fours as printed: `ABCDEFGH12` → `ABCD-EFGH-12`. */
export function groupCode(code: string): string {
  return (normalizeCode(code).match(/.{1,4}/g) ?? []).join('-');
}

/** A code-shaped path segment: letters, digits and dashes only, and not absurdly long. */
export function isCodeLike(value: string): boolean {
  return /^[0-9a-z-]{1,80}$/i.test(value) && normalizeCode(value).length > 0;
}

export interface PrintedLine {
  lang: CertificateLocale;
  text: string;
}

/**
 * What to show of a printed text on a page in `page`'s language. When the page's language is one the certificate
 * was printed in, that side (or the other when it is missing); otherwise both printed sides, Arabic first, so the
 * reader sees exactly what the paper says.
 */
export function printedLines(text: PrintedText, page: Locale, secondary: 'en' | 'fr'): PrintedLine[] {
  const sides: CertificateLocale[] = ['ar', secondary];
  const present = sides.filter((lang) => Boolean(text[lang]?.trim())).map((lang) => ({ lang, text: (text[lang] ?? '').trim() }));
  if (sides.includes(page)) {
    const own = present.find((line) => line.lang === page);
    return own ? [own] : present.slice(0, 1);
  }
  // Both sides say the same thing (a name in one script): show it once.
  return present.filter((line, index) => present.findIndex((other) => other.text === line.text) === index);
}

/** A printed `YYYY-MM-DD` date in the page's language (read as a calendar date, never shifted by a time zone). */
export function formatPrintedDate(day: string, locale: Locale): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); at least 1, 60 when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (!header) return 60;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? 60 : Math.max(1, Math.ceil((at - now) / 1000));
}

/** Attendance as a whole percentage for display; null when no session was held yet. */
export function percent(attended: number, held: number): number | null {
  return held > 0 ? Math.floor((attended / held) * 100) : null;
}
