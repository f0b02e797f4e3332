import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { buildOpenBadgeCredential, identityHash, issuerKeyFromSecret, jwks, signCredential, type IssuerKey } from '@halaqa/certificates';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Certificate } from './certificate.entity';

/** The certificate's public URLs on the api, the same in the signed credential and the verification responses. */
export function credentialUrl(config: Pick<AppConfig, 'PUBLIC_API_URL'>, code: string): string {
  return new URL(`/api/verify/${code}/credential`, config.PUBLIC_API_URL).toString();
}

export function issuerUrl(config: Pick<AppConfig, 'PUBLIC_API_URL'>): string {
  return new URL('/api/issuer', config.PUBLIC_API_URL).toString();
}

/** Namespace of the achievement UUIDs (RFC 9562 version 5); fixed, so a cohort's achievement id never changes. */
const ACHIEVEMENT_NAMESPACE = Buffer.from('e896a07bcc5b4ae4816fc8a93a3f72f2', 'hex');

/**
 * The achievement a cohort's certificates attest, as `urn:uuid:` of a name-based UUID of the cohort: the same for
 * every graduate of the cohort, without publishing the cohort's database id.
 */
export function achievementIdOf(cohortId: string): string {
  const bytes = createHash('sha1').update(ACHIEVEMENT_NAMESPACE).update(cohortId).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Signs certificates as Open Badges 3.0 credentials (VC-JWT, EdDSA) with the key derived from
 * CREDENTIAL_SIGNING_SECRET, and publishes that key and the ones derived from CREDENTIAL_PREVIOUS_SECRETS (so
 * credentials signed before a rotation still verify). Used by the worker to sign and by the api for the JWKS.
 */
@Injectable()
export class CredentialSigner {
  /** Derived once: the derivation is cheap, but the keys never change while the process runs. */
  readonly currentKey: IssuerKey;
  private readonly previousKeys: IssuerKey[];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.currentKey = issuerKeyFromSecret(config.CREDENTIAL_SIGNING_SECRET);
    this.previousKeys = config.CREDENTIAL_PREVIOUS_SECRETS.map(issuerKeyFromSecret);
  }

  /** The compact JWS of the certificate's credential, built from its printed fields as of its current revision. */
  sign(certificate: Pick<Certificate, 'code' | 'cohortId' | 'fields' | 'identitySalt' | 'issuedAt'>, holderEmail: string): Promise<string> {
    const credential = buildOpenBadgeCredential(certificate.fields, {
      credentialId: credentialUrl(this.config, certificate.code),
      issuerId: issuerUrl(this.config),
      // What was achieved is the cohort's completion rule, so the cohort is the achievement (no public page of its own).
      achievementId: achievementIdOf(certificate.cohortId),
      identityHash: identityHash(holderEmail, certificate.identitySalt),
      identitySalt: certificate.identitySalt,
      validFrom: certificate.issuedAt,
    });
    return signCredential(credential, this.currentKey);
  }

  /** `/.well-known/jwks.json`: the current key, then the previous ones. */
  jwks(): ReturnType<typeof jwks> {
    return jwks([this.currentKey, ...this.previousKeys]);
  }
}
