/**
 * Certificates: verification codes now; PDF rendering (pdfkit) and signed Open Badges 3.0 credentials come with
 * the certificates issue. Never imports from `api` or `web`.
 */
export { format as formatVerificationCode, generateVerificationCode, isValidVerificationCode, normalizeVerificationCode } from './verification-code';
