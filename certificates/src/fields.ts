/** The locales a certificate can be printed in: always Arabic, plus English or French (a cohort setting). */
export type SecondaryLocale = 'en' | 'fr';
export type CertificateLocale = 'ar' | SecondaryLocale;

/** Text in the certificate's two locales: `ar` and the secondary one. A missing side falls back to the other. */
export type PrintedText = Partial<Record<CertificateLocale, string>>;

export interface Signatory {
  /** As it should be printed (any script). */
  name: string;
  /** Role per locale, e.g. { ar: 'المدرّبة الرئيسية', en: 'Lead trainer' }. */
  title: PrintedText;
}

/**
 * Every field printed on a certificate. Stored as a snapshot on the certificate row (what was printed is what the
 * verify page shows) and the only input of the PDF renderer and of the credential.
 */
export interface CertificateFields {
  /** Normalized code (28 symbols, no dashes); printed grouped in fours. */
  code: string;
  /** Absolute URL printed on the certificate and encoded in its QR code (`{PUBLIC_WEB_URL}/verify/{code}`). */
  verifyUrl: string;
  secondaryLocale: SecondaryLocale;
  recipient: {
    /** At least one of the two is set. */
    nameArabic: string | null;
    nameLatin: string | null;
  };
  courseTitle: PrintedText;
  cohortName: PrintedText;
  /** Empty for an online cohort. */
  city: PrintedText;
  online: boolean;
  /** `YYYY-MM-DD` */
  startsOn: string;
  endsOn: string;
  /** `YYYY-MM-DD`, in the cohort's time zone. */
  issuedOn: string;
  issuer: { name: PrintedText; url: string };
  signatories: Signatory[];
}

/** Per-cohort certificate settings (cohorts.certificate_settings). */
export interface CertificateSettings {
  secondaryLocale: SecondaryLocale;
  /** Printed as the issuer; empty means the platform's issuer name (config). */
  issuerName: PrintedText;
  /** Up to 3; empty means the cohort's lead trainers, titled "Lead trainer". */
  signatories: Signatory[];
}

export const DEFAULT_CERTIFICATE_SETTINGS: CertificateSettings = { secondaryLocale: 'en', issuerName: {}, signatories: [] };
