import { call, type ApiResult } from './api.server';
import { env } from './env.server';
import { displayName } from './format';
import type { Locale } from './locale';

// The assignment, review, queue and gradebook calls of docs/exercises-and-feedback.md for the staff pages.
// Plain fetch until api/openapi.json carries these routes; then the shapes below give way to the generated ones.

export type Text = string | { ar?: string; en?: string; fr?: string };
export interface Person {
  id?: string;
  /** The api's name in the reader's script, when it sends one. */
  displayName?: string;
  nameLatin?: string | null;
  nameArabic?: string | null;
  email?: string;
}
export interface Page<T> {
  items: T[];
  total: number;
}

/** A person's name as the reader should see it: the api's display name, else the name in the reader's script. */
export function personName(person: Person, lang: Locale): string {
  return person.displayName?.trim() || displayName(person, lang);
}
export interface Named {
  id: string;
  displayName: string;
}
export interface QueueItem {
  submissionId: string;
  versionNumber: number;
  submittedAt: string;
  late: boolean;
  hasDraftReview?: boolean;
  assignment: Named;
  trainee: Named;
  cohort: Named;
  circle: Named | null;
}
export interface RubricLevel {
  key: string;
  points: number;
  label: Text;
  description: Text;
}
export interface RubricCriterion {
  key: string;
  title: Text;
  levels: RubricLevel[];
}
export type LatePolicy = 'accept' | 'mark_late' | 'close';
export type SubmissionKind = 'text' | 'file' | 'both';
export interface Extension {
  enrollmentId: string;
  dueAt: string;
  reason?: string | null;
  trainee?: Person;
}
export interface AssignmentView {
  id: string;
  cohortId: string;
  title: Text;
  displayTitle?: string;
  instructions?: Text;
  rubric: RubricCriterion[];
  passMark: number;
  maxPoints?: number;
  submissionKind: SubmissionKind;
  dueAt: string;
  latePolicy: LatePolicy;
  extensions?: Extension[];
}
export interface FileView {
  id: string;
  originalName: string;
  mediaType?: string;
  sizeBytes: number;
}
export interface ReviewView {
  scores: Record<string, string>;
  criterionFeedback?: Record<string, string>;
  feedback: string;
  decision: 'pass' | 'revise' | null;
  points: number;
  released?: boolean;
  releasedAt: string | null;
}
export interface CommentView {
  id: string;
  body: string;
  kind?: string;
  criterionKey?: string | null;
  author: Person;
  createdAt: string;
}
export interface VersionView {
  number: number;
  text: string;
  files?: FileView[];
  late: boolean;
  submittedAt: string;
  review?: ReviewView | null;
}
export interface StaffSubmission {
  id: string;
  status: string;
  assignmentId?: string;
  /** The whole assignment (with its rubric), or only its id and title; then the page reads it. */
  assignment?: Partial<AssignmentView> & { id: string };
  trainee: Person;
  cohort?: { id: string; displayName?: string } | null;
  versions: VersionView[];
}
export interface GradebookCell {
  assignmentId: string;
  status: string;
  points: number | null;
  passed: boolean;
  late: boolean;
  submissionId?: string | null;
}
export interface GradebookRow {
  enrollmentId: string;
  displayName: string;
  email: string;
  circle: Named | null;
  cells: GradebookCell[];
  passedCount?: number;
}
export interface Gradebook extends Page<GradebookRow> {
  columns: { id: string; title: string; maxPoints: number; passMark: number; dueAt: string }[];
}

type Query = Record<string, string | number | undefined>;

/** One call: bearer token, the reader's language, problems back as values (as `call` does for the typed client). */
export function gradingApi({ token, locale }: { token: string; locale: Locale }) {
  const headers = { Authorization: `Bearer ${token}`, 'Accept-Language': locale, Accept: 'application/json' };
  const url = (path: string, query?: Query) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') search.set(key, String(value));
    const qs = search.toString();
    return `${env.apiUrl}${path}${qs ? `?${qs}` : ''}`;
  };
  const send = <T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<ApiResult<T>> =>
    call<T>(
      (async () => {
        const response = await fetch(url(path, options.query), {
          method,
          headers: options.body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
        });
        const text = await response.text();
        const parsed: unknown = text ? JSON.parse(text) : undefined;
        return response.ok ? { data: parsed as T, response } : { error: parsed, response };
      })(),
    );
  const id = encodeURIComponent;
  return {
    queue: (query: Query) => send<Page<QueueItem>>('GET', '/api/me/grading-queue', { query }),
    submission: (submissionId: string) => send<StaffSubmission>('GET', `/api/submissions/${id(submissionId)}`),
    review: (submissionId: string, version: number) => send<ReviewView>('GET', `/api/submissions/${id(submissionId)}/versions/${version}/review`),
    comments: (submissionId: string, version: number) =>
      send<CommentView[] | Page<CommentView>>('GET', `/api/submissions/${id(submissionId)}/versions/${version}/comments`),
    comment: (submissionId: string, version: number, body: { body: string }) =>
      send<CommentView>('POST', `/api/submissions/${id(submissionId)}/versions/${version}/comments`, { body }),
    saveReview: (submissionId: string, version: number, body: unknown) =>
      send<ReviewView>('PUT', `/api/submissions/${id(submissionId)}/versions/${version}/review`, { body }),
    releaseReview: (submissionId: string, version: number) =>
      send<ReviewView>('POST', `/api/submissions/${id(submissionId)}/versions/${version}/review/release`, { body: {} }),
    gradebook: (cohortId: string, query: Query) => send<Gradebook>('GET', `/api/cohorts/${id(cohortId)}/gradebook`, { query }),
    assignments: (cohortId: string) => send<AssignmentView[] | Page<AssignmentView>>('GET', `/api/cohorts/${id(cohortId)}/assignments`),
    assignment: (assignmentId: string) => send<AssignmentView>('GET', `/api/assignments/${id(assignmentId)}`),
    instantiate: (cohortId: string) => send<unknown>('POST', `/api/cohorts/${id(cohortId)}/assignments/instantiate`, { body: {} }),
    editAssignment: (assignmentId: string, body: unknown) => send<AssignmentView>('PATCH', `/api/assignments/${id(assignmentId)}`, { body }),
    putExtension: (assignmentId: string, enrollmentId: string, body: unknown) =>
      send<unknown>('PUT', `/api/assignments/${id(assignmentId)}/extensions/${id(enrollmentId)}`, { body }),
    deleteExtension: (assignmentId: string, enrollmentId: string) =>
      send<unknown>('DELETE', `/api/assignments/${id(assignmentId)}/extensions/${id(enrollmentId)}`),
  };
}

/** A list the api may answer as an array or as a page. */
export function itemsOf<T>(data: T[] | Page<T>): T[] {
  return Array.isArray(data) ? data : data.items;
}

/**
 * A download fetched from the api with the reader's token (the browser never holds it): the gradebook CSV or a
 * submitted file. The body is handed on as a stream, never buffered.
 */
export function apiDownload(token: string, locale: Locale, path: string, query?: URLSearchParams): Promise<Response> {
  const qs = query?.toString();
  return fetch(`${env.apiUrl}${path}${qs ? `?${qs}` : ''}`, {
    headers: { Authorization: `Bearer ${token}`, 'Accept-Language': locale },
  });
}
