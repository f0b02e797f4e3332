import { serviceUnavailable, type ApiResult } from './api.server';
import type { Batch, CertificateSettings, CertificateSummary, Completion, CompletionRule, Progress } from './completion';
import { env } from './env.server';
import { raise } from './http.server';
import type { Locale } from './locale';
import { isProblem } from './problem';

// The completion and certificate calls of docs/certificates.md for the staff pages: bearer token, Accept-Language
// for the reader's language, problems back as values (the same answers as `call` gives for the typed client).

async function send<T>(token: string, locale: Locale, method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`${env.apiUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Accept-Language': locale,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    raise(serviceUnavailable());
  }
  const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: payload as T, response };
  if (isProblem(payload)) return { ok: false, problem: payload, response };
  if (response.status >= 500) raise(serviceUnavailable());
  return { ok: false, problem: { status: response.status, code: 'unknown' }, response };
}

export function completionApi({ token, locale }: { token: string; locale: Locale }) {
  const at = (path: string, ...ids: string[]) => ids.reduce((p, id) => p.replace('{}', encodeURIComponent(id)), path);
  return {
    completion: (cohortId: string, query: { eligible?: boolean; q?: string } = {}) => {
      const search = new URLSearchParams();
      if (query.eligible !== undefined) search.set('eligible', String(query.eligible));
      if (query.q) search.set('q', query.q);
      const qs = search.toString();
      return send<Completion>(token, locale, 'GET', `${at('/api/cohorts/{}/completion', cohortId)}${qs ? `?${qs}` : ''}`);
    },
    putRule: (cohortId: string, rule: CompletionRule) => send<CompletionRule>(token, locale, 'PUT', at('/api/cohorts/{}/completion-rule', cohortId), rule),
    putSettings: (cohortId: string, settings: CertificateSettings) =>
      send<CertificateSettings>(token, locale, 'PUT', at('/api/cohorts/{}/certificate-settings', cohortId), settings),
    finalReview: (enrollmentId: string, body: { passed: boolean; note?: string }) =>
      send<Progress>(token, locale, 'PUT', at('/api/enrollments/{}/final-review', enrollmentId), body),
    issue: (enrollmentId: string) => send<CertificateSummary>(token, locale, 'POST', at('/api/enrollments/{}/certificate', enrollmentId), {}),
    issueAll: (cohortId: string) => send<Batch>(token, locale, 'POST', at('/api/cohorts/{}/certificates', cohortId), {}),
    batch: (batchId: string) => send<Batch>(token, locale, 'GET', at('/api/certificate-batches/{}', batchId)),
    revoke: (certificateId: string, reason: string) =>
      send<CertificateSummary>(token, locale, 'POST', at('/api/certificates/{}/revoke', certificateId), { reason }),
  };
}
