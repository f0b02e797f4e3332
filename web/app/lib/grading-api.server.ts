import type { components } from '~/api/schema';
import { apiClient, call } from './api.server';
import { env } from './env.server';
import type { Locale } from './locale';

// The assignment, review, queue and gradebook calls of docs/exercises-and-feedback.md for the staff pages, through
// the typed client: bearer token, Accept-Language for the reader's language, problems back as values.

type Schemas = components['schemas'];
export type AssignmentView = Schemas['AssignmentResponse'];
export type StaffSubmission = Schemas['SubmissionResponse'];
export type ReviewView = Schemas['ReviewResponse'];
export type SaveReviewBody = Schemas['SaveReviewDto'];
export type UpdateAssignmentBody = Schemas['UpdateAssignmentDto'];
export type ExtensionBody = Schemas['ExtensionDto'];

/** Filters left empty in a form are not sent at all (the api would read `cohortId=` as a bad uuid). */
function filled<T extends Record<string, string | number | undefined>>(query: T): Partial<T> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== '')) as Partial<T>;
}

export function gradingApi({ token, locale }: { token: string; locale: Locale }) {
  const api = apiClient({ token, locale });
  const id = (value: string) => ({ params: { path: { id: value } } });
  const version = (submissionId: string, n: number) => ({ params: { path: { id: submissionId, n } } });
  return {
    queue: (query: { cohortId?: string; circleId?: string; page?: number; pageSize?: number }) =>
      call(api.GET('/api/me/grading-queue', { params: { query: filled(query) } })),
    submission: (submissionId: string) => call(api.GET('/api/submissions/{id}', id(submissionId))),
    review: (submissionId: string, n: number) => call(api.GET('/api/submissions/{id}/versions/{n}/review', version(submissionId, n))),
    saveReview: (submissionId: string, n: number, body: SaveReviewBody) =>
      call(api.PUT('/api/submissions/{id}/versions/{n}/review', { ...version(submissionId, n), body })),
    releaseReview: (submissionId: string, n: number) => call(api.POST('/api/submissions/{id}/versions/{n}/review/release', version(submissionId, n))),
    comments: (submissionId: string, n: number) => call(api.GET('/api/submissions/{id}/versions/{n}/comments', version(submissionId, n))),
    comment: (submissionId: string, n: number, body: string) =>
      call(api.POST('/api/submissions/{id}/versions/{n}/comments', { ...version(submissionId, n), body: { body, kind: 'thread' } })),
    gradebook: (cohortId: string, query: { circleId?: string; status?: string; q?: string; page?: number; pageSize?: number }) =>
      call(
        api.GET('/api/cohorts/{id}/gradebook', {
          params: { path: { id: cohortId }, query: filled({ ...query, status: query.status as Schemas['GradebookCell']['status'] | undefined }) },
        }),
      ),
    assignments: (cohortId: string) => call(api.GET('/api/cohorts/{id}/assignments', id(cohortId))),
    assignment: (assignmentId: string) => call(api.GET('/api/assignments/{id}', id(assignmentId))),
    instantiate: (cohortId: string) => call(api.POST('/api/cohorts/{id}/assignments/instantiate', id(cohortId))),
    editAssignment: (assignmentId: string, body: UpdateAssignmentBody) => call(api.PATCH('/api/assignments/{id}', { ...id(assignmentId), body })),
    extensions: (assignmentId: string) => call(api.GET('/api/assignments/{id}/extensions', id(assignmentId))),
    putExtension: (assignmentId: string, enrollmentId: string, body: ExtensionBody) =>
      call(api.PUT('/api/assignments/{id}/extensions/{enrollmentId}', { params: { path: { id: assignmentId, enrollmentId } }, body })),
    deleteExtension: (assignmentId: string, enrollmentId: string) =>
      call(api.DELETE('/api/assignments/{id}/extensions/{enrollmentId}', { params: { path: { id: assignmentId, enrollmentId } } })),
  };
}

/**
 * A download fetched from the api with the reader's token (the browser never holds it): the gradebook CSV. The
 * body is handed on as a stream, never buffered.
 */
export function apiDownload(token: string, locale: Locale, path: string, query?: URLSearchParams): Promise<Response> {
  const qs = query?.toString();
  return fetch(`${env.apiUrl}${path}${qs ? `?${qs}` : ''}`, {
    headers: { Authorization: `Bearer ${token}`, 'Accept-Language': locale },
  });
}
