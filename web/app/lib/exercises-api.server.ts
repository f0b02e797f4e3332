import { env } from './env.server';
import { raise } from './http.server';
import type { Locale } from './locale';
import { isProblem } from './problem';
import type { components } from '~/api/schema';
import { apiClient, call, serviceUnavailable, type ApiResult } from './api.server';
import { formatDue, statusOf, text } from './exercises';

// The trainee's side of docs/exercises-and-feedback.md through the typed client (web/app/api/schema.d.ts); the
// multipart upload and the file download go through plain fetch (a stream in, a stream out).

type Schemas = components['schemas'];
export type Localized = Schemas['LocalizedTextResponse'] | string;
export type SubmissionStatus = NonNullable<Schemas['AssignmentResponse']['status']>;
export type AssignmentSummary = Schemas['AssignmentResponse'] & { timeZone?: string | null };
export type Assignment = AssignmentSummary;
export type FileInfo = Schemas['SubmissionFileResponse'];
export type Comment = Schemas['CommentResponse'];
export type Review = Schemas['VersionReviewResponse'];
export type Version = Schemas['SubmissionVersionResponse'];
export type Submission = Schemas['SubmissionResponse'];
export type PeerWorkItem = Schemas['PeerWorkItem'];
export type PeerWork = Schemas['PeerWorkResponse'];

/** A person's name in the reader's language (Arabic pages prefer the Arabic name, others the Latin one). */
export function personName(author: { nameLatin: string; nameArabic: string }, locale: Locale): string {
  return (locale === 'ar' ? author.nameArabic || author.nameLatin : author.nameLatin || author.nameArabic) ?? '';
}

async function request<T>(token: string, locale: Locale, method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Accept-Language': locale, Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`${env.apiUrl}${path}`, { method, headers, body: payload });
  } catch {
    raise(serviceUnavailable());
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.ok) return { ok: true, data: data as T, response };
  if (isProblem(data)) return { ok: false, problem: data, response };
  if (response.status >= 500) raise(serviceUnavailable());
  return { ok: false, problem: { status: response.status, code: 'unknown' }, response };
}

const enc = encodeURIComponent;

export function exercisesApi({ token, locale }: { token: string; locale: Locale }) {
  const api = apiClient({ token, locale });
  const path = (id: string) => ({ params: { path: { id } } });
  const version = (id: string, n: number) => ({ params: { path: { id, n } } });
  return {
    cohortAssignments: (cohortId: string) => call(api.GET('/api/cohorts/{id}/assignments', path(cohortId))),
    assignment: (id: string) => call(api.GET('/api/assignments/{id}', path(id))),
    mySubmission: (id: string) => call(api.GET('/api/assignments/{id}/submission', path(id))),
    saveDraft: (id: string, text: string) => call(api.PUT('/api/assignments/{id}/submission/draft', { ...path(id), body: { text } })),
    upload: (id: string, form: FormData) => request<FileInfo>(token, locale, 'POST', `/api/assignments/${enc(id)}/submission/files`, form),
    removeFile: (id: string, fileId: string) =>
      call(api.DELETE('/api/assignments/{id}/submission/files/{fileId}', { params: { path: { id, fileId } } })),
    submit: (id: string) => call(api.POST('/api/assignments/{id}/submission/submit', path(id))),
    comments: (submissionId: string, n: number) => call(api.GET('/api/submissions/{id}/versions/{n}/comments', version(submissionId, n))),
    comment: (submissionId: string, n: number, body: { body: string; criterionKey?: string }) =>
      call(api.POST('/api/submissions/{id}/versions/{n}/comments', { ...version(submissionId, n), body: { ...body, kind: 'thread' } })),
    /** Circle-mates' passed work on an assignment (advisory peer feedback). */
    peerWork: (id: string) => call(api.GET('/api/assignments/{id}/peer-work', path(id))),
    peerSubmission: (submissionId: string) => call(api.GET('/api/submissions/{id}/peer', path(submissionId))),
    peerComment: (submissionId: string, n: number, body: string) =>
      call(api.POST('/api/submissions/{id}/versions/{n}/comments', { ...version(submissionId, n), body: { body, kind: 'peer' } })),
  };
}

/** A list answer may be `{items}` or a bare array; both read the same. */
export function itemsOf<T>(data: { items: T[] } | T[]): T[] {
  return Array.isArray(data) ? data : data.items;
}

/** A file download through the web, with the reader's token (the api is not necessarily reachable from browsers). */
export async function downloadFile(token: string, locale: Locale, fileId: string): Promise<Response> {
  try {
    return await fetch(`${env.apiUrl}/api/files/${enc(fileId)}`, {
      headers: { Authorization: `Bearer ${token}`, 'Accept-Language': locale },
    });
  } catch {
    raise(serviceUnavailable());
  }
}

export interface MyExercisesPanel {
  cohortId: string;
  total: number;
  passed: number;
  /** The next few not yet passed, in course order. */
  next: { id: string; title: string; due: string; status: string }[];
}

/** "My exercises" on the trainee's pages: what is left to do in one cohort, or null when there is nothing to show. */
export async function loadMyExercises(token: string, locale: Locale, cohortId: string, zone: string | null): Promise<MyExercisesPanel | null> {
  const result = await exercisesApi({ token, locale }).cohortAssignments(cohortId);
  if (!result.ok) return null;
  const items = itemsOf(result.data);
  if (items.length === 0) return null;
  const open = items.filter((a) => a.status !== 'passed' && a.status !== 'submitted');
  return {
    cohortId,
    total: items.length,
    passed: items.filter((a) => a.status === 'passed').length,
    next: open.slice(0, 3).map((a) => ({ id: a.id, title: a.displayTitle ?? text(a.title, locale), due: formatDue(a.effectiveDueAt ?? a.dueAt, locale, zone), status: statusOf(a.status) })),
  };
}
