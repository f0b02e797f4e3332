/**
 * Certificates: verification codes, the printed fields, PDF rendering (pdfkit) and signed Open Badges 3.0
 * credentials. Never imports from `api` or `web`.
 */
export { format as formatVerificationCode, generateVerificationCode, isValidVerificationCode, normalizeVerificationCode } from './verification-code';
export * from './fields';
