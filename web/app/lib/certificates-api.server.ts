import { env } from './env.server';
import { raise } from './http.server';
import type { Locale } from './locale';
import { apiClient, call, serviceUnavailable, type ApiResult } from './api.server';
import type { MyCertificate, Progress, VerifiedCertificate } from './certificates';

// docs/certificates.md from the web through the typed client: public verification, the graduate's certificates and
// a trainee's progress. Downloads (the PDF, the signed credential) come back as plain streams for the routes to
// hand on.

const enc = encodeURIComponent;

/** Public verification is limited per visitor: the api trusts the address the web server saw (server.mjs). */
const forwardedFor = (clientIp?: string): Record<string, string> => (clientIp ? { 'X-Forwarded-For': clientIp } : {});

/** A download from the api, or the 503 response when it cannot be reached. */
async function stream(path: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(`${env.apiUrl}${path}`, { headers });
  } catch {
    raise(serviceUnavailable());
  }
}

/** The public check of a code: 200 with the printed fields, 404 `verify.unknown` / `verify.mistyped`, 429. */
export function verifyCertificate(code: string, locale: Locale, clientIp?: string): Promise<ApiResult<VerifiedCertificate>> {
  return call(apiClient({ locale }).GET('/api/verify/{code}', { params: { path: { code } }, headers: forwardedFor(clientIp) }));
}

export function myCertificates(token: string, locale: Locale): Promise<ApiResult<MyCertificate[]>> {
  return call(apiClient({ token, locale }).GET('/api/me/certificates'));
}

export function enrollmentProgress(token: string, locale: Locale, enrollmentId: string): Promise<ApiResult<Progress>> {
  return call(apiClient({ token, locale }).GET('/api/enrollments/{id}/progress', { params: { path: { id: enrollmentId } } }));
}

export function certificatePdf(token: string, locale: Locale, id: string): Promise<Response> {
  return stream(`/api/certificates/${enc(id)}/pdf`, { Authorization: `Bearer ${token}`, 'Accept-Language': locale, Accept: 'application/pdf' });
}

export function certificateCredential(code: string, locale: Locale, clientIp?: string): Promise<Response> {
  return stream(`/api/verify/${enc(code)}/credential`, { 'Accept-Language': locale, Accept: 'application/vc+jwt', ...forwardedFor(clientIp) });
}
