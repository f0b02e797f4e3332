import { ApiProperty } from '@nestjs/swagger';
import { formatVerificationCode, type CertificateFields } from '@halaqa/certificates';
import type { CertificateRow } from '../completion/progress';

export const CERTIFICATE_STATUSES = ['issued', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export class CertificateSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345', description: 'The verification code, grouped in fours.' }) code: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
  @ApiProperty({ description: 'Bumped by every re-issue (a name correction, new settings); the code stays.' }) revision: number;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ description: 'The PDF of this revision is rendered (the worker has caught up).' }) pdfReady: boolean;
  @ApiProperty({ description: 'Public verification page printed on the certificate.' }) verifyUrl: string;
}

export class BatchResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ description: 'Certificates the batch issued.' }) total: number;
  @ApiProperty({ description: 'Of those, rendered at their current revision.' }) rendered: number;
  @ApiProperty({ description: 'Of those, whose rendering failed for good.' }) failed: number;
  @ApiProperty({ description: 'rendered + failed = total.' }) done: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

class PrintedTextResponse {
  @ApiProperty({ required: false }) ar?: string;
  @ApiProperty({ required: false }) en?: string;
  @ApiProperty({ required: false }) fr?: string;
}

class SignatoryResponse {
  @ApiProperty() name: string;
  @ApiProperty({ type: PrintedTextResponse }) title: PrintedTextResponse;
}

class RecipientResponse {
  @ApiProperty({ type: String, nullable: true }) nameArabic: string | null;
  @ApiProperty({ type: String, nullable: true }) nameLatin: string | null;
}

class IssuerResponse {
  @ApiProperty({ type: PrintedTextResponse }) name: PrintedTextResponse;
  @ApiProperty() url: string;
}

/** `CertificateFields` of `@halaqa/certificates`, documented for the OpenAPI document. */
export class CertificateFieldsResponse implements CertificateFields {
  @ApiProperty({ description: 'Normalized (no dashes).' }) code: string;
  @ApiProperty() verifyUrl: string;
  @ApiProperty({ enum: ['en', 'fr'] }) secondaryLocale: 'en' | 'fr';
  @ApiProperty({ type: RecipientResponse }) recipient: RecipientResponse;
  @ApiProperty({ type: PrintedTextResponse }) courseTitle: PrintedTextResponse;
  @ApiProperty({ type: PrintedTextResponse }) cohortName: PrintedTextResponse;
  @ApiProperty({ type: PrintedTextResponse, description: 'Empty for an online cohort.' }) city: PrintedTextResponse;
  @ApiProperty() online: boolean;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ format: 'date', description: 'In the cohort’s time zone.' }) issuedOn: string;
  @ApiProperty({ type: IssuerResponse }) issuer: IssuerResponse;
  @ApiProperty({ type: [SignatoryResponse] }) signatories: SignatoryResponse[];
}

export class CertificateDetail extends CertificateSummary {
  @ApiProperty({ type: CertificateFieldsResponse, description: 'Every field as printed.' }) fields: CertificateFieldsResponse;
  @ApiProperty({ type: String, nullable: true }) revocationReason: string | null;
}

export class MyCertificate extends CertificateSummary {
  @ApiProperty({ description: 'In the caller’s language, with fallback.' }) courseTitle: string;
  @ApiProperty({ description: 'In the caller’s language, with fallback.' }) cohortName: string;
  @ApiProperty({ type: String, nullable: true }) revocationReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'LinkedIn’s add-to-profile link; null when revoked.' }) linkedInUrl: string | null;
}

/** `{PUBLIC_WEB_URL}/verify/{code}` — printed on the PDF, without a locale (the web picks one). */
export function verifyUrlOf(publicWebUrl: string, code: string): string {
  return `${publicWebUrl.replace(/\/+$/, '')}/verify/${code}`;
}

export function toCertificateSummary(row: CertificateRow, publicWebUrl: string): CertificateSummary {
  return {
    id: row.id,
    code: formatVerificationCode(row.code),
    status: row.revokedAt ? 'revoked' : 'issued',
    revision: row.revision,
    issuedAt: new Date(row.issuedAt).toISOString(),
    revokedAt: row.revokedAt ? new Date(row.revokedAt).toISOString() : null,
    pdfReady: row.pdfRevision !== null && row.pdfRevision === row.revision,
    verifyUrl: verifyUrlOf(publicWebUrl, row.code),
  };
}
