/**
 * Certificates: verification codes, the printed fields, PDF rendering (pdfkit) and signed Open Badges 3.0
 * credentials. Never imports from `api` or `web`.
 */
export { format as formatVerificationCode, generateVerificationCode, isValidVerificationCode, normalizeVerificationCode } from './verification-code';
export * from './fields';
export {
  buildOpenBadgeCredential,
  identityHash,
  issuerKeyFromSecret,
  jwks,
  signCredential,
  OB_CONTEXT_V3,
  VC_CONTEXT_V2,
  VC_JWT_MEDIA_TYPE,
  type Ed25519PublicJwk,
  type IssuerKey,
  type OpenBadgeCredential,
  type OpenBadgeCredentialOptions,
  type PublishedJwk,
} from './credential';
export { renderCertificatePdf } from './certificate-pdf';
export { CERTIFICATE_LABELS, formatDay, formatDayRange, type CertificateLabels } from './certificate-labels';
export { amiri } from './amiri-font';
export { hasArabic, visualRuns, type VisualRun } from './bidi-runs';
export { drawTextLine, type TextLineOptions } from './text-line';
