import { json } from '@remix-run/node';
import createClient from 'openapi-fetch';
import type { paths } from '~/api/schema';
import { env } from './env.server';
import { raise } from './http.server';
import type { Locale } from './locale';
import { isProblem, type Problem } from './problem';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
export type User = JsonOf<paths['/api/me']['get']['responses'][200]>;
export type Organization = JsonOf<paths['/api/organizations/{id}']['get']['responses'][200]>;
export type OrganizationPage = JsonOf<paths['/api/organizations']['get']['responses'][200]>;
export type OrganizationMember = JsonOf<paths['/api/organizations/{id}/members']['get']['responses'][200]>['items'][number];
export type Invitation = JsonOf<paths['/api/invitations/{token}']['get']['responses'][200]>;

/** Thrown as a 503 response when the api cannot be reached; route error boundaries show a calm message. */
export function serviceUnavailable(): Response {
  return json({ code: 'service_unavailable' }, { status: 503 });
}

/**
 * The typed api client for one request: bearer token (when signed in) and Accept-Language, so problem titles,
 * details and field messages come back in the reader's language. `clientIp` (the visitor's address, as server.mjs
 * saw it) goes along as X-Forwarded-For where the api limits per address — signing in, signing up, password resets,
 * certificate verification — so each visitor has their own count rather than all sharing the web server's.
 */
export function apiClient({ token, locale, clientIp }: { token?: string | null; locale: Locale; clientIp?: string }) {
  const headers: Record<string, string> = { 'Accept-Language': locale, Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (clientIp) headers['X-Forwarded-For'] = clientIp;
  return createClient<paths>({ baseUrl: env.apiUrl, headers });
}

export type ApiResult<T> = { ok: true; data: T; response: Response } | { ok: false; problem: Problem; response: Response };

/**
 * Awaits an openapi-fetch call and returns data or a problem. An unreachable api, or a 5xx that is not a
 * problem document, throws the 503 response instead of leaking anything technical to the page.
 */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<ApiResult<T>> {
  let settled: { data?: T; error?: unknown; response: Response };
  try {
    settled = await pending;
  } catch {
    raise(serviceUnavailable());
  }
  const { data, error, response } = settled;
  if (response.ok) return { ok: true, data: data as T, response };
  if (isProblem(error)) return { ok: false, problem: error, response };
  if (response.status >= 500) raise(serviceUnavailable());
  return { ok: false, problem: { status: response.status, code: 'unknown' }, response };
}
