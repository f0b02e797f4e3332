import { env } from './env.server';
import { raise } from './http.server';
import type { Locale } from './locale';
import { call, serviceUnavailable, type ApiResult } from './api.server';
import type { MyCertificate, Progress, VerifiedCertificate } from './certificates';

// docs/certificates.md from the web: public verification, the graduate's certificates and a trainee's progress.
// Downloads (the PDF, the signed credential) come back as streams for the routes to hand on.

const enc = encodeURIComponent;

function headers(token: string | null, locale: Locale, accept = 'application/json', clientIp?: string): Record<string, string> {
  return {
    'Accept-Language': locale,
    Accept: accept,
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    // Public verification is limited per visitor: the api trusts the address the web server saw.
    ...(clientIp ? { 'X-Forwarded-For': clientIp } : {}),
  };
}

/** A JSON GET, settled like the typed client's calls so `call` turns it into data or a problem. */
async function getJson<T>(path: string, token: string | null, locale: Locale, clientIp?: string): Promise<{ data?: T; error?: unknown; response: Response }> {
  const response = await fetch(`${env.apiUrl}${path}`, { headers: headers(token, locale, 'application/json', clientIp) });
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return response.ok ? { data: body as T, response } : { error: body, response };
}

/** A download from the api, or the 503 response when it cannot be reached. */
async function stream(path: string, token: string | null, locale: Locale, accept: string, clientIp?: string): Promise<Response> {
  try {
    return await fetch(`${env.apiUrl}${path}`, { headers: headers(token, locale, accept, clientIp) });
  } catch {
    raise(serviceUnavailable());
  }
}

/** The public check of a code: 200 with the printed fields, 404 `verify.unknown` / `verify.mistyped`, 429. */
export function verifyCertificate(code: string, locale: Locale, clientIp?: string): Promise<ApiResult<VerifiedCertificate>> {
  return call(getJson<VerifiedCertificate>(`/api/verify/${enc(code)}`, null, locale, clientIp));
}

export function myCertificates(token: string, locale: Locale): Promise<ApiResult<MyCertificate[]>> {
  return call(getJson<MyCertificate[]>('/api/me/certificates', token, locale));
}

export function enrollmentProgress(token: string, locale: Locale, enrollmentId: string): Promise<ApiResult<Progress>> {
  return call(getJson<Progress>(`/api/enrollments/${enc(enrollmentId)}/progress`, token, locale));
}

export function certificatePdf(token: string, locale: Locale, id: string): Promise<Response> {
  return stream(`/api/certificates/${enc(id)}/pdf`, token, locale, 'application/pdf');
}

export function certificateCredential(code: string, locale: Locale, clientIp?: string): Promise<Response> {
  return stream(`/api/verify/${enc(code)}/credential`, null, locale, 'application/vc+jwt', clientIp);
}
