import { createHash, createHmac, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { CertificateFields, CertificateLocale, PrintedText } from './fields';

/**
 * Signed Open Badges 3.0 credentials (VC data model 2.0, secured as a VC-JWT with Ed25519), see
 * docs/decisions/008-open-badges-vc-jwt.md.
 */

/** The issuer's signing key: private half for the worker, public half (as a JWK) for the JWKS. */
export interface IssuerKey {
  privateKey: KeyObject;
  publicJwk: Ed25519PublicJwk;
  /** RFC 7638 thumbprint of the public JWK (base64url SHA-256); the JWS header names the key by it. */
  kid: string;
}

export interface Ed25519PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

/** Changing this label derives other keys from the same secrets: never change it for a running issuer. */
const KEY_DERIVATION_LABEL = 'halaqa credential signing key v1';
/** ASN.1 PKCS#8 wrapper of a raw 32-byte Ed25519 seed (RFC 8410), so node:crypto can load the seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The Ed25519 key derived from a secret: the seed is HMAC-SHA256(secret, a fixed label), so every api and worker
 * process holding the same secret signs with the same key, and nothing but the secret needs storing or rotating.
 *
 * @example
 *   const key = issuerKeyFromSecret(config.CREDENTIAL_SIGNING_SECRET);
 *   key.kid; // 'pV8…' (the same on every start)
 */
export function issuerKeyFromSecret(secret: string): IssuerKey {
  const seed = createHmac('sha256', secret).update(KEY_DERIVATION_LABEL).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' });
  if (!x) throw new Error('Ed25519 public key without x');
  const publicJwk: Ed25519PublicJwk = { kty: 'OKP', crv: 'Ed25519', x };
  return { privateKey, publicJwk, kid: jwkThumbprint(publicJwk) };
}

/** RFC 7638: SHA-256 of the required members in lexicographic order, without whitespace, base64url. */
function jwkThumbprint(jwk: Ed25519PublicJwk): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical).digest('base64url');
}

export interface PublishedJwk extends Ed25519PublicJwk {
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
}

/**
 * The JSON Web Key Set served at `/.well-known/jwks.json`: the current key first, then the previous ones, so
 * credentials signed before a rotation still verify.
 *
 * @example
 *   jwks([current, ...previous]); // { keys: [{ kty: 'OKP', crv: 'Ed25519', x, kid, use: 'sig', alg: 'EdDSA' }, …] }
 */
export function jwks(keys: IssuerKey[]): { keys: PublishedJwk[] } {
  const seen = new Set<string>();
  const published: PublishedJwk[] = [];
  for (const key of keys) {
    if (seen.has(key.kid)) continue;
    seen.add(key.kid);
    published.push({ ...key.publicJwk, kid: key.kid, use: 'sig', alg: 'EdDSA' });
  }
  return { keys: published };
}

/**
 * The salted hash that identifies the holder in a credential instead of their email (Open Badges IdentityObject):
 * `sha256$` + hex SHA-256 of the email (trimmed, lower case) followed by the salt. Someone who knows the holder's
 * email and the credential's salt can check it; nobody can read the email from it.
 *
 * @example
 *   identityHash('Salma@example.org', 'f3a1…'); // 'sha256$6b0e…'
 */
export function identityHash(email: string, salt: string): string {
  return 'sha256$' + createHash('sha256').update(email.trim().toLowerCase() + salt).digest('hex');
}

export interface OpenBadgeCredentialOptions {
  /** Where the signed credential can be fetched: `{PUBLIC_API_URL}/api/verify/{code}/credential`. */
  credentialId: string;
  /** The issuer Profile's URL: `{PUBLIC_API_URL}/api/issuer`. */
  issuerId: string;
  /** The achievement's IRI (e.g. the course's public page). */
  achievementId: string;
  /** From `identityHash(email, identitySalt)`. */
  identityHash: string;
  identitySalt: string;
  /** When the certificate was issued. */
  validFrom: Date;
}

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OB_ACHIEVEMENT_CREDENTIAL_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

export interface OpenBadgeCredential {
  '@context': [typeof VC_CONTEXT_V2, typeof OB_CONTEXT_V3];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  issuer: { id: string; type: ['Profile']; name: string; url: string };
  validFrom: string;
  name: string;
  description: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    identifier: [{ type: 'IdentityObject'; identityHash: string; identityType: 'emailAddress'; hashed: true; salt: string }];
    achievement: {
      id: string;
      type: ['Achievement'];
      name: string;
      description: string;
      criteria: { narrative: string };
      achievementType: 'Certificate';
      inLanguage: CertificateLocale;
    };
  };
  credentialSchema: [{ id: string; type: '1EdTechJsonSchemaValidator2019' }];
}

/** Arabic first (the certificate's first language), else the secondary locale's text. */
function primary(text: PrintedText, secondary: CertificateLocale): { text: string; locale: CertificateLocale } {
  if (text.ar) return { text: text.ar, locale: 'ar' };
  return { text: text[secondary] ?? '', locale: secondary };
}

const DESCRIPTION: Record<CertificateLocale, (course: string, cohort: string, place: string, from: string, to: string) => string> = {
  ar: (course, cohort, place, from, to) => `شهادة إتمام دورة «${course}» — ${cohort}، ${place}، من ${from} إلى ${to}.`,
  en: (course, cohort, place, from, to) => `Certificate of completion of the course “${course}” — ${cohort}, ${place}, ${from} to ${to}.`,
  fr: (course, cohort, place, from, to) => `Certificat de réussite de la formation « ${course} » — ${cohort}, ${place}, du ${from} au ${to}.`,
};
const ONLINE: Record<CertificateLocale, string> = { ar: 'عن بُعد', en: 'online', fr: 'en ligne' };
const CRITERIA: Record<CertificateLocale, string> = {
  ar: 'استوفى المتدرّب شروط إتمام الدفعة: نسبة الحضور المطلوبة، والتمارين المطلوبة، والمراجعة النهائية حين تكون مطلوبة.',
  en: "The trainee met the cohort's completion rule: the required attendance, the required exercises, and the final review where one is required.",
  fr: 'La personne formée a rempli les conditions de réussite de la promotion : l’assiduité requise, les exercices requis et, le cas échéant, la revue finale.',
};

/** Both locales of the certificate, Arabic first, one paragraph each. */
function bilingual(fields: CertificateFields, line: (locale: CertificateLocale) => string): string {
  return (['ar', fields.secondaryLocale] as const).map(line).join('\n\n');
}

/**
 * An Open Badges 3.0 `OpenBadgeCredential` (VC data model 2.0) of a certificate, from the printed fields only, so the
 * credential says what the PDF says. The holder is identified by a salted hash of their email, never the email.
 * No `credentialStatus`: revocation is answered by the verify page and `GET /api/verify/{code}`, which the
 * credential's `id` points next to (see the ADR).
 *
 * @example
 *   const credential = buildOpenBadgeCredential(certificate.fields, {
 *     credentialId: `${api}/api/verify/${code}/credential`, issuerId: `${api}/api/issuer`,
 *     achievementId: `${web}/courses/${slug}`, identityHash: identityHash(email, salt), identitySalt: salt,
 *     validFrom: certificate.issuedAt,
 *   });
 */
export function buildOpenBadgeCredential(fields: CertificateFields, options: OpenBadgeCredentialOptions): OpenBadgeCredential {
  const secondary = fields.secondaryLocale;
  const course = primary(fields.courseTitle, secondary);
  const text = (printed: PrintedText, locale: CertificateLocale) => printed[locale] || printed.ar || printed[secondary] || '';
  const description = bilingual(fields, (locale) =>
    DESCRIPTION[locale](
      text(fields.courseTitle, locale),
      text(fields.cohortName, locale),
      fields.online ? ONLINE[locale] : text(fields.city, locale),
      fields.startsOn,
      fields.endsOn,
    ),
  );
  return {
    '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3],
    id: options.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: options.issuerId, type: ['Profile'], name: primary(fields.issuer.name, secondary).text, url: fields.issuer.url },
    validFrom: options.validFrom.toISOString(),
    name: course.text,
    description,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityHash: options.identityHash, identityType: 'emailAddress', hashed: true, salt: options.identitySalt },
      ],
      achievement: {
        id: options.achievementId,
        type: ['Achievement'],
        name: course.text,
        description,
        criteria: { narrative: bilingual(fields, (locale) => CRITERIA[locale]) },
        achievementType: 'Certificate',
        inLanguage: course.locale,
      },
    },
    credentialSchema: [{ id: OB_ACHIEVEMENT_CREDENTIAL_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
  };
}

/** The media type of a compact VC-JWT (also its JOSE `typ`). */
export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';

/**
 * Signs a credential as a VC-JWT (Open Badges 3.0 §8.2): the credential's members are the JWT claims set, plus the
 * registered claims that mirror them (`iss` = issuer id, `jti` = credential id, `nbf` = validFrom); `sub` only when
 * the subject has an `id` (ours is identified by a hash instead). JOSE header `{alg: 'EdDSA', kid, typ: 'vc+jwt'}`.
 *
 * @example
 *   const jws = await signCredential(credential, issuerKeyFromSecret(secret)); // 'eyJhbGciOiJFZERTQSIs…'
 */
export async function signCredential(credential: OpenBadgeCredential, key: IssuerKey): Promise<string> {
  const subjectId = (credential.credentialSubject as { id?: string }).id;
  const jwt = new SignJWT({ ...credential })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt' })
    .setIssuer(credential.issuer.id)
    .setJti(credential.id)
    .setNotBefore(Math.floor(Date.parse(credential.validFrom) / 1000));
  if (subjectId) jwt.setSubject(subjectId);
  return jwt.sign(key.privateKey);
}
