import { CERTIFICATE_LABELS, type CertificateFields, type CertificateSettings, type PrintedText, type SecondaryLocale, type Signatory } from '@halaqa/certificates';
import { resolveText, type LocalizedText } from '../common/localized-text';
import { verifyUrlOf } from './certificate.response';

/** What the cohort prints on every certificate (loaded once per request, whatever the number of trainees). */
export interface CohortPrintData {
  name: LocalizedText;
  courseTitle: LocalizedText;
  city: LocalizedText;
  online: boolean;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  settings: CertificateSettings;
  /** Names of the cohort's lead trainers as printed (the default signatories). */
  leadTrainers: string[];
}

export interface CertificateContext {
  publicWebUrl: string;
  /** The platform's issuer name (config), used when the cohort sets none. */
  defaultIssuerName: PrintedText;
}

/** The default signatory title, in every locale a certificate can be printed in: the library's own label. */
export const LEAD_TRAINER_TITLE: PrintedText = {
  ar: CERTIFICATE_LABELS.ar.leadTrainer,
  en: CERTIFICATE_LABELS.en.leadTrainer,
  fr: CERTIFICATE_LABELS.fr.leadTrainer,
};

/**
 * Keeps the Arabic side and the secondary one. When the source has neither, the best other text goes on the Arabic
 * side, so nothing prints empty when a cohort was named in the third language only.
 */
export function printedText(text: LocalizedText | null | undefined, secondary: SecondaryLocale): PrintedText {
  const ar = text?.ar?.trim();
  const other = text?.[secondary]?.trim();
  const out: PrintedText = {};
  if (ar) out.ar = ar;
  if (other) out[secondary] = other;
  if (!ar && !other) {
    const fallback = resolveText(text, 'ar').text;
    if (fallback) out.ar = fallback;
  }
  return out;
}

function hasText(text: PrintedText): boolean {
  return Object.values(text).some((v) => typeof v === 'string' && v.trim() !== '');
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * The snapshot printed on a certificate (and shown by the verify page): names as the person's profile has them now,
 * the cohort and course in Arabic and the cohort's secondary locale, the issue day in the cohort's time zone, the
 * issuer and signatories from the cohort's settings (defaults: the platform's name, the lead trainers).
 */
export function buildCertificateFields(
  cohort: CohortPrintData,
  recipient: { nameLatin: string; nameArabic: string },
  code: string,
  issuedAt: Date,
  context: CertificateContext,
): CertificateFields {
  const secondary = cohort.settings.secondaryLocale;
  const settingsIssuer = printedText(cohort.settings.issuerName, secondary);
  const signatories: Signatory[] =
    cohort.settings.signatories.length > 0
      ? cohort.settings.signatories.map((s) => ({ name: s.name, title: printedText(s.title, secondary) }))
      : cohort.leadTrainers.slice(0, 3).map((name) => ({ name, title: printedText(LEAD_TRAINER_TITLE, secondary) }));
  return {
    code,
    verifyUrl: verifyUrlOf(context.publicWebUrl, code),
    secondaryLocale: secondary,
    recipient: { nameArabic: recipient.nameArabic.trim() || null, nameLatin: recipient.nameLatin.trim() || null },
    courseTitle: printedText(cohort.courseTitle, secondary),
    cohortName: printedText(cohort.name, secondary),
    city: cohort.online ? {} : printedText(cohort.city, secondary),
    online: cohort.online,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    issuedOn: dayIn(issuedAt, cohort.timeZone),
    issuer: { name: hasText(settingsIssuer) ? settingsIssuer : printedText(context.defaultIssuerName, secondary), url: context.publicWebUrl.replace(/\/+$/, '') },
    signatories,
  };
}
