import type { components } from '~/api/schema';
import { apiClient, call } from './api.server';
import type { Locale } from './locale';

// The completion and certificate calls of docs/certificates.md for the staff pages, through the typed client:
// bearer token, Accept-Language for the reader's language, problems back as values.

type Schemas = components['schemas'];
export type CompletionRuleBody = Schemas['CompletionRuleDto'];
export type CertificateSettingsBody = Schemas['CertificateSettingsDto'];

export function completionApi({ token, locale }: { token: string; locale: Locale }) {
  const api = apiClient({ token, locale });
  const id = (value: string) => ({ params: { path: { id: value } } });
  return {
    completion: (cohortId: string, query: { eligible?: boolean; q?: string } = {}) =>
      call(
        api.GET('/api/cohorts/{id}/completion', {
          params: {
            path: { id: cohortId },
            // Filters left empty are not sent at all.
            query: { ...(query.eligible === undefined ? {} : { eligible: query.eligible ? 'true' : 'false' }), ...(query.q ? { q: query.q } : {}) },
          },
        }),
      ),
    putRule: (cohortId: string, body: CompletionRuleBody) => call(api.PUT('/api/cohorts/{id}/completion-rule', { ...id(cohortId), body })),
    putSettings: (cohortId: string, body: CertificateSettingsBody) => call(api.PUT('/api/cohorts/{id}/certificate-settings', { ...id(cohortId), body })),
    finalReview: (enrollmentId: string, body: Schemas['FinalReviewDto']) => call(api.PUT('/api/enrollments/{id}/final-review', { ...id(enrollmentId), body })),
    issue: (enrollmentId: string) => call(api.POST('/api/enrollments/{id}/certificate', id(enrollmentId))),
    issueAll: (cohortId: string) => call(api.POST('/api/cohorts/{id}/certificates', id(cohortId))),
    batch: (batchId: string) => call(api.GET('/api/certificate-batches/{id}', id(batchId))),
    revoke: (certificateId: string, reason: string) => call(api.POST('/api/certificates/{id}/revoke', { ...id(certificateId), body: { reason } })),
  };
}
