import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatVerificationCode, isValidVerificationCode, normalizeVerificationCode, OB_CONTEXT_V3, VC_CONTEXT_V2 } from '@halaqa/certificates';
import { DataSource } from 'typeorm';
import { Certificate } from '../certificates/certificate.entity';
import { issuerUrl } from '../certificates/credential-signer';
import { ConflictException, DomainException } from '../common/domain.exception';
import type { Locale } from '../common/localized-text';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { IssuerProfileResponse, VerificationResponse } from './verification.response';

/** What the public may see of a certificate: its state and what is printed on it (no email, ids or reason). */
export function toVerificationResponse(certificate: Pick<Certificate, 'code' | 'fields' | 'revokedAt'>): VerificationResponse {
  const { fields } = certificate;
  return {
    status: certificate.revokedAt ? 'revoked' : 'valid',
    code: formatVerificationCode(certificate.code),
    revokedAt: certificate.revokedAt ? certificate.revokedAt.toISOString() : null,
    recipient: { nameArabic: fields.recipient.nameArabic, nameLatin: fields.recipient.nameLatin },
    courseTitle: fields.courseTitle,
    cohortName: fields.cohortName,
    city: fields.city,
    online: fields.online,
    startsOn: fields.startsOn,
    endsOn: fields.endsOn,
    issuedOn: fields.issuedOn,
    issuer: { name: fields.issuer.name, url: fields.issuer.url },
    signatories: fields.signatories.map((s) => ({ name: s.name, title: s.title })),
    secondaryLocale: fields.secondaryLocale,
    verifyUrl: fields.verifyUrl,
  };
}

/**
 * Public verification of a certificate by its code. The code is checked before any lookup, so a typo is told apart
 * from a code that does not exist (and costs no query).
 */
@Injectable()
export class VerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async verify(code: string): Promise<VerificationResponse> {
    return toVerificationResponse(await this.find(code, ['code', 'fields', 'revokedAt']));
  }

  /**
   * The compact JWS the worker signed with the PDF; 409 until it has. A revoked certificate's credential is no
   * longer handed out (410): its signature would still check, and a file has no way to say it was withdrawn (the
   * credential carries no status list yet, ADR 008); the verify page remains the place that says so.
   */
  async credential(code: string): Promise<string> {
    const { credentialJwt, revokedAt } = await this.find(code, ['code', 'credentialJwt', 'revokedAt']);
    if (revokedAt) throw new DomainException(410, 'certificate.revoked', 'errors.certificate_revoked');
    if (!credentialJwt) throw new ConflictException('certificate.pdf_pending', 'errors.certificate_pdf_pending');
    return credentialJwt;
  }

  /** The Open Badges issuer Profile the credentials' `issuer.id` points to, named in the reader's language. */
  issuer(locale: Locale): IssuerProfileResponse {
    const names: Record<Locale, string> = {
      ar: this.config.CERTIFICATE_ISSUER_NAME_AR,
      en: this.config.CERTIFICATE_ISSUER_NAME_EN,
      fr: this.config.CERTIFICATE_ISSUER_NAME_FR,
    };
    return {
      '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3],
      id: issuerUrl(this.config),
      type: ['Profile'],
      name: names[locale],
      url: this.config.PUBLIC_WEB_URL,
    };
  }

  private async find<K extends keyof Certificate>(input: string, columns: K[]): Promise<Pick<Certificate, K>> {
    if (!isValidVerificationCode(input)) throw new DomainException(404, 'verify.mistyped', 'errors.verify_mistyped');
    const certificate = await this.dataSource
      .getRepository(Certificate)
      .findOne({ where: { code: normalizeVerificationCode(input) }, select: columns });
    if (!certificate) throw new DomainException(404, 'verify.unknown', 'errors.verify_unknown');
    return certificate;
  }
}
