import { formatVerificationCode, type CertificateFields } from '@halaqa/certificates';
import type { EntityManager } from 'typeorm';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import type { CertificateRef, EmailPayload } from '../mail/email-message';

/** Outbox kind of "render this certificate revision" (payload `CertificateJobPayload`, dedupe `certificate:{id}:{revision}`). */
export const CERTIFICATE_KIND = 'certificate';

export interface CertificateJobPayload extends Record<string, unknown> {
  certificateId: string;
  revision: number;
}

/** The holder as the `certificate_issued` email needs them. */
export interface CertificateHolder {
  email: string;
  locale: Locale;
  nameLatin: string | null;
  nameArabic: string | null;
}

/** `certificate-{code}.pdf` (code grouped in fours): the name the PDF gets as an attachment and as a download. */
export function certificatePdfFilename(code: string): string {
  return `certificate-${code}.pdf`;
}

/**
 * The `certificate_issued` email for one rendered revision, in the holder's language: the course and cohort named in
 * it (the certificate prints only Arabic and one other language), the verify page in their locale, their dashboard,
 * the PDF attached from the FileStore; a re-issue (revision > 1) says it is the corrected certificate.
 */
export function certificateIssuedEmail(
  certificate: { id: string; code: string; revision: number; fields: CertificateFields },
  holder: CertificateHolder,
  names: { courseTitle: LocalizedText; cohortName: LocalizedText },
  pdfFileKey: string,
  publicWebUrl: string,
): EmailPayload {
  const { fields } = certificate;
  const locale = holder.locale;
  const base = publicWebUrl.replace(/\/+$/, '');
  const name = locale === 'ar' ? holder.nameArabic || holder.nameLatin : holder.nameLatin || holder.nameArabic;
  return {
    template: 'certificate_issued',
    to: holder.email,
    locale,
    data: {
      name: name ?? '',
      courseTitle: resolveText(names.courseTitle, locale).text || resolveText(fields.courseTitle, locale).text,
      cohortName: resolveText(names.cohortName, locale).text || resolveText(fields.cohortName, locale).text,
      verifyUrl: `${base}/${locale}/verify/${certificate.code}`,
      url: `${base}/${locale}/dashboard`,
      ...(certificate.revision > 1 ? { corrected: 'true' } : {}),
    },
    certificate: { certificateId: certificate.id, revision: certificate.revision },
    attachments: [{ fileKey: pdfFileKey, filename: certificatePdfFilename(formatVerificationCode(certificate.code)), contentType: 'application/pdf' }],
  };
}

/**
 * Checked when the email is about to be sent: still this revision (a newer one brings its own email, and this
 * revision's PDF may already be gone) and not revoked since. Otherwise the email is done without sending.
 */
export async function certificateEmailStillDue(manager: EntityManager, ref: CertificateRef): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM certificates WHERE id = $1 AND revision = $2 AND pdf_revision = $2 AND revoked_at IS NULL`,
    [ref.certificateId, ref.revision],
  );
  return rows.length > 0;
}
