import type { components } from '~/api/schema';
import { apiClient, call, serviceUnavailable } from './api.server';
import { apiDownload } from './grading-api.server';
import { raise } from './http.server';
import type { Locale } from './locale';
import { notFound, requireLocale } from './params.server';
import { staffFilters, type StaffFilters } from './partner-reports';
import { requireUser } from './session.server';

// The partner reporting calls of docs/partner-reporting.md for the organization's staff dashboard, through the typed
// client: bearer token, Accept-Language for the reader's language, problems back as values.

type Schemas = components['schemas'];
export type StaffProgressPage = Schemas['StaffProgressPage'];
export type AttendanceTimeline = Schemas['AttendanceTimelineResponse'];

/** Filters left empty in the form are not sent at all (the api would read `cohortId=` as a bad uuid). */
function filled(filters: StaffFilters) {
  return {
    ...(filters.cohortId ? { cohortId: filters.cohortId } : {}),
    ...(filters.courseSlug ? { courseSlug: filters.courseSlug } : {}),
    ...(filters.city ? { city: filters.city } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
}

export function partnerReportsApi({ token, locale }: { token: string; locale: Locale }) {
  const api = apiClient({ token, locale });
  return {
    staffProgress: (organizationId: string, filters: StaffFilters, page: number, pageSize: number) =>
      call(api.GET('/api/organizations/{id}/staff-progress', { params: { path: { id: organizationId }, query: { ...filled(filters), page, pageSize } } })),
    attendanceTimeline: (organizationId: string, filters: StaffFilters) =>
      call(api.GET('/api/organizations/{id}/attendance-timeline', { params: { path: { id: organizationId }, query: filled(filters) } })),
    /** Every seat allocation of the organization, unfiltered: the cohort and course choices of the filter form. */
    seats: (organizationId: string) => call(api.GET('/api/organizations/{id}/seats', { params: { path: { id: organizationId } } })),
  };
}

/** The filters as the query of a download (CSV, PDF): the same names the api takes. */
export function downloadQuery(filters: StaffFilters): URLSearchParams {
  return new URLSearchParams(Object.entries(filled(filters)));
}

const downloads = {
  csv: { path: 'completion.csv', type: 'text/csv; charset=utf-8', name: 'staff-progress' },
  pdf: { path: 'summary.pdf', type: 'application/pdf', name: 'staff-summary' },
} as const;

/**
 * "Download CSV" and "Printable summary (PDF)" of the staff dashboard: the api's file, fetched with the reader's
 * token and the page's filters and piped through as a stream, never buffered. Outside the reader's scope the api
 * answers 404, and so does this; an api in trouble is a calm 503.
 */
export async function staffDownload(request: Request, params: { lang?: string; id?: string }, kind: keyof typeof downloads): Promise<Response> {
  const lang = requireLocale(params);
  const id = params.id ?? '';
  if (!/^[\w-]{1,64}$/.test(id)) raise(notFound());
  const { token } = await requireUser(request, lang);
  const file = downloads[kind];
  let upstream: Response;
  try {
    upstream = await apiDownload(token, lang, `/api/organizations/${encodeURIComponent(id)}/${file.path}`, downloadQuery(staffFilters(new URL(request.url).searchParams)));
  } catch {
    raise(serviceUnavailable());
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    raise(upstream.status >= 500 ? serviceUnavailable() : notFound());
  }
  const headers = new Headers({
    'Content-Type': upstream.headers.get('Content-Type') ?? file.type,
    'Content-Disposition': upstream.headers.get('Content-Disposition') ?? `attachment; filename="${file.name}-${id}.${kind}"`,
    'Cache-Control': 'private, no-store',
  });
  const length = upstream.headers.get('Content-Length');
  if (length) headers.set('Content-Length', length);
  return new Response(upstream.body, { status: 200, headers });
}
