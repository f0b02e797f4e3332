import type { CertificateLocale, PrintedText } from './fields';

/** The words printed around the fields. Arabic is gender-neutral (verbal nouns), since we do not know the holder's. */
export interface CertificateLabels {
  title: string;
  awardedTo: string;
  hasCompleted: string;
  cohort: string;
  online: string;
  issuedOn: string;
  verifyAt: string;
  code: string;
  leadTrainer: string;
  /** The document title in the PDF's metadata, `{name}` replaced. */
  documentTitle: string;
}

export const CERTIFICATE_LABELS: Record<CertificateLocale, CertificateLabels> = {
  ar: {
    title: 'شهادة إتمام',
    awardedTo: 'تُمنح هذه الشهادة إلى',
    hasCompleted: 'تقديرًا لإتمام دورة',
    cohort: 'الدفعة',
    online: 'عن بُعد',
    issuedOn: 'صدرت بتاريخ',
    verifyAt: 'للتحقق من صحة الشهادة',
    code: 'رمز التحقق',
    leadTrainer: 'المدرّب الرئيسي',
    documentTitle: 'شهادة إتمام — {name}',
  },
  en: {
    title: 'Certificate of completion',
    awardedTo: 'This certificate is awarded to',
    hasCompleted: 'for completing the course',
    cohort: 'Cohort',
    online: 'Online',
    issuedOn: 'Issued on',
    verifyAt: 'Verify this certificate at',
    code: 'Verification code',
    leadTrainer: 'Lead trainer',
    documentTitle: 'Certificate of completion — {name}',
  },
  fr: {
    title: 'Attestation de réussite',
    awardedTo: 'Cette attestation est décernée à',
    hasCompleted: 'pour avoir suivi avec succès la formation',
    cohort: 'Promotion',
    online: 'En ligne',
    issuedOn: 'Délivrée le',
    verifyAt: 'Vérifier cette attestation sur',
    code: 'Code de vérification',
    leadTrainer: 'Formateur principal',
    documentTitle: 'Attestation de réussite — {name}',
  },
};

/** The text in `locale`, else in the other printed locale (a field filled in one language only still prints). */
export function printedIn(text: PrintedText, locale: CertificateLocale, fallback: CertificateLocale): string {
  return (text[locale] ?? '').trim() || (text[fallback] ?? '').trim();
}

const DATE_LOCALES: Record<CertificateLocale, string> = {
  // Latin digits in Arabic too: the code, URL and QR beside them are Latin, North African readers write these
  // digits, and one set of digits on the page reads as one document (see the ADR).
  ar: 'ar-u-nu-latn',
  en: 'en-GB',
  fr: 'fr-FR',
};

const dateFormats = new Map<CertificateLocale, Intl.DateTimeFormat>();

function dateFormat(locale: CertificateLocale): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format;
}

function parseDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date));
}

/** A `YYYY-MM-DD` day as the locale writes it: «1 مارس 2026», «1 March 2026», «1 mars 2026». */
export function formatDay(day: string, locale: CertificateLocale): string {
  return dateFormat(locale).format(parseDay(day));
}

/** Formatting a range costs about a millisecond; a cohort's certificates all print the same few. */
const rangeCache = new Map<string, string>();

/** A span of days without repeating the shared month or year: «1 مارس – 30 أبريل 2026», «1–30 March 2026». */
export function formatDayRange(start: string, end: string, locale: CertificateLocale): string {
  if (start === end) return formatDay(start, locale);
  const key = `${locale} ${start} ${end}`;
  let formatted = rangeCache.get(key);
  if (formatted === undefined) {
    formatted = dateFormat(locale).formatRange(parseDay(start), parseDay(end));
    if (rangeCache.size >= 1000) rangeCache.clear();
    rangeCache.set(key, formatted);
  }
  return formatted;
}
