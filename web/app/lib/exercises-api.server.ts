import { env } from './env.server';
import { raise } from './http.server';
import type { Locale } from './locale';
import { isProblem } from './problem';
import { serviceUnavailable, type ApiResult } from './api.server';
import { formatDue, statusOf, text } from './exercises';

// The trainee's side of docs/exercises-and-feedback.md. Written against the contract while the api was being
// built, so the shapes below are the contract's (and the entities'), not yet the generated OpenAPI types.

export type Localized = Partial<Record<Locale, string>> | string;
export type SubmissionStatus = 'not_started' | 'draft' | 'submitted' | 'returned' | 'passed';

export interface RubricLevel {
  key: string;
  points: number;
  label: Localized;
  description?: Localized;
}
export interface RubricCriterion {
  key: string;
  title: Localized;
  levels: RubricLevel[];
}

export interface AssignmentSummary {
  id: string;
  cohortId: string;
  moduleKey?: string;
  position?: number;
  title: Localized;
  /** Title in the reader's language (the api picks it with a fallback). */
  displayTitle?: string;
  dueAt: string;
  /** The trainee's own due date (an extension), when different. */
  effectiveDueAt?: string | null;
  latePolicy?: 'accept' | 'mark_late' | 'close';
  submissionKind?: 'text' | 'file' | 'both';
  status?: SubmissionStatus | null;
  late?: boolean;
  timeZone?: string | null;
}

export interface Assignment extends AssignmentSummary {
  instructions: Localized;
  displayInstructions?: string;
  maxPoints?: number;
  rubric: RubricCriterion[];
  passMark: number;
}

export interface FileInfo {
  id: string;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
}
export interface Comment {
  id: string;
  /** `peer` for a circle-mate's comment; anything else is the trainee–staff thread. */
  kind: string;
  criterionKey?: string | null;
  body: string;
  createdAt: string;
  author?: { id?: string; displayName?: string } | null;
  mine?: boolean;
}
export interface Review {
  scores: Record<string, string>;
  points?: number;
  feedback?: string;
  criterionFeedback?: Record<string, string>;
  decision?: 'pass' | 'revise' | null;
  releasedAt?: string | null;
}
export interface Version {
  number: number;
  text: string;
  late: boolean;
  submittedAt: string;
  files?: FileInfo[];
  review?: Review | null;
  comments?: Comment[];
}
export interface Submission {
  id: string;
  status: SubmissionStatus;
  draftText: string;
  draftSavedAt?: string | null;
  draftFiles?: FileInfo[];
  files?: FileInfo[];
  versions: Version[];
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
  const go = <T>(method: string, path: string, body?: unknown) => request<T>(token, locale, method, path, body);
  return {
    cohortAssignments: (cohortId: string) =>
      go<{ items: AssignmentSummary[] } | AssignmentSummary[]>('GET', `/api/cohorts/${enc(cohortId)}/assignments`),
    assignment: (id: string) => go<Assignment>('GET', `/api/assignments/${enc(id)}`),
    mySubmission: (id: string) => go<Submission>('GET', `/api/assignments/${enc(id)}/submission`),
    saveDraft: (id: string, text: string) =>
      go<{ draftSavedAt?: string | null }>('PUT', `/api/assignments/${enc(id)}/submission/draft`, { text }),
    upload: (id: string, form: FormData) => go<FileInfo>('POST', `/api/assignments/${enc(id)}/submission/files`, form),
    removeFile: (id: string, fileId: string) => go<unknown>('DELETE', `/api/assignments/${enc(id)}/submission/files/${enc(fileId)}`),
    submit: (id: string) => go<Submission>('POST', `/api/assignments/${enc(id)}/submission/submit`),
    submission: (submissionId: string) => go<Submission & { assignment?: Assignment }>('GET', `/api/submissions/${enc(submissionId)}`),
    comments: (submissionId: string, version: number) =>
      go<{ items: Comment[] }>('GET', `/api/submissions/${enc(submissionId)}/versions/${version}/comments`),
    comment: (submissionId: string, version: number, body: { body: string; criterionKey?: string; kind?: 'peer' }) =>
      go<Comment>('POST', `/api/submissions/${enc(submissionId)}/versions/${version}/comments`, body),
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
