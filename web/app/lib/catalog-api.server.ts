import { json, redirect } from '@remix-run/node';
import type { CohortCard } from '~/components/catalog-cohort';
import type { MyCohort } from '~/components/catalog-my-cohorts';
import { apiClient, call } from './api.server';
import { canWithdraw, formatDayRange, sameClock, textIn, timeZoneLabel, weeksBetween, type CohortStatus, type EnrollmentMode, type EnrollmentStatus, type LocalizedText } from './catalog';
import { validatedFormData } from './csrf.server';
import { env } from './env.server';
import { fixedT } from './i18n.server';
import { problemToFormErrors } from './problem';
import type { Locale } from './locale';

// Shapes of docs/cohorts-and-enrollment.md (Endpoints), as the pages read them.

export interface CohortSummary {
  id: string;
  courseSlug: string;
  courseTitle: string | LocalizedText;
  name: LocalizedText;
  displayName: string;
  status: CohortStatus;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  online: boolean;
  city: LocalizedText | null;
  displayCity: string | null;
  capacity: number;
  seatsLeft: number;
  waitlisted: number;
  enrollmentMode: EnrollmentMode;
}

export interface CourseListItem {
  slug: string;
  title: LocalizedText;
  summary: LocalizedText;
  displayTitle: string;
  displaySummary: string;
  textLocale: string;
  fallback: boolean;
  locales: string[];
  moduleCount: number;
  lessonCount: number;
  exerciseCount: number;
  upcomingCohorts: number;
}

export interface CourseDetail extends CourseListItem {
  modules: {
    key: string;
    title: string | LocalizedText;
    displayTitle?: string;
    summary: string | LocalizedText;
    displaySummary?: string;
    lessons: { key: string; title: string | LocalizedText; displayTitle?: string; duration: number }[];
    exercises: { key: string; title: string | LocalizedText; displayTitle?: string; submissionKind: string }[];
  }[];
  completion: { minAttendancePercent: number; requiredExercises: 'all' | string[]; finalReview: boolean };
  cohorts: CohortSummary[];
}

export interface CohortDetail extends CohortSummary {
  applicationQuestions: { key: string; label: LocalizedText; displayLabel: string; required: boolean }[];
  courseVersion: number;
  viewer: {
    enrollment: { id: string; status: EnrollmentStatus; waitlistPosition: number | null } | null;
    staffRole: 'lead_trainer' | 'coach' | null;
  };
}

export interface Enrollment {
  id: string;
  cohortId: string;
  status: EnrollmentStatus;
  waitlistPosition: number | null;
  consentToShare: boolean;
  sponsoringOrganizationId: string | null;
  createdAt: string;
}

export type MyEnrollment = Enrollment & { cohort: CohortSummary };

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The catalog and enrollment calls of one request, with the same headers and error handling as `apiClient` +
 * `call` (bearer token when signed in, Accept-Language for the reader's language, problems back as values).
 */
export function catalogApi({ token, locale }: { token?: string | null; locale: Locale }) {
  const headers: Record<string, string> = { 'Accept-Language': locale, Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const send = <T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) =>
    call<T>(
      fetch(`${env.apiUrl}${path}`, {
        method,
        headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (response) => {
        const payload: unknown = await response.json().catch(() => undefined);
        return response.ok ? { data: payload as T, response } : { error: payload, response };
      }),
    );
  const id = (value: string) => encodeURIComponent(value);
  return {
    courses: (query: { page?: number; pageSize?: number }) =>
      send<Page<CourseListItem>>('GET', `/api/courses?${new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()}`),
    course: (slug: string) => send<CourseDetail>('GET', `/api/courses/${id(slug)}`),
    cohort: (cohortId: string) => send<CohortDetail>('GET', `/api/cohorts/${id(cohortId)}`),
    join: (cohortId: string, body: { answers?: Record<string, string>; inviteCode?: string }) =>
      send<Enrollment>('POST', `/api/cohorts/${id(cohortId)}/enrollments`, body),
    myEnrollments: () => send<MyEnrollment[] | Page<MyEnrollment>>('GET', '/api/me/enrollments'),
    updateEnrollment: (enrollmentId: string, body: { consentToShare?: boolean; status?: 'withdrawn' }) =>
      send<Enrollment>('PATCH', `/api/me/enrollments/${id(enrollmentId)}`, body),
  };
}

/** A cohort summary formatted for the reader (see components/catalog-cohort.tsx). */
export function toCohortCard(cohort: CohortSummary, locale: Locale, viewerTimeZone: string | null): CohortCard {
  return {
    id: cohort.id,
    name: cohort.displayName,
    courseTitle: textIn(cohort.courseTitle, locale).text,
    dates: formatDayRange(cohort.startsOn, cohort.endsOn, locale),
    weeks: weeksBetween(cohort.startsOn, cohort.endsOn),
    place: cohort.displayCity ?? textIn(cohort.city, locale).text,
    online: cohort.online,
    timeZone: cohort.timeZone,
    // Dates are days in the cohort's zone: say which zone when the reader's clock differs, or is unknown.
    zoneNote: viewerTimeZone && sameClock(viewerTimeZone, cohort.timeZone) ? null : timeZoneLabel(cohort.timeZone, locale),
    status: cohort.status,
    mode: cohort.enrollmentMode,
    capacity: cohort.capacity,
    seatsLeft: Math.max(0, cohort.seatsLeft),
    waitlisted: cohort.waitlisted,
  };
}

/**
 * The trainee's enrollments for the dashboard, newest first, formatted for the reader; sponsoring organizations
 * named by one public read each (a person is sponsored in a handful of cohorts at most).
 */
export async function loadMyCohorts(token: string, locale: Locale): Promise<MyCohort[]> {
  const result = await catalogApi({ token, locale }).myEnrollments();
  if (!result.ok) return [];
  const enrollments = Array.isArray(result.data) ? result.data : result.data.items;
  const sponsorIds = [...new Set(enrollments.map((e) => e.sponsoringOrganizationId).filter((id): id is string => Boolean(id)))].slice(0, 20);
  const api = apiClient({ locale });
  const sponsors = new Map(
    await Promise.all(
      sponsorIds.map(async (id) => {
        const org = await call(api.GET('/api/organizations/{id}', { params: { path: { id } } }));
        return [id, org.ok ? org.data.displayName : ''] as const;
      }),
    ),
  );
  return enrollments.map((enrollment) => {
    const card = toCohortCard(enrollment.cohort, locale, null);
    const sponsorId = enrollment.sponsoringOrganizationId;
    return {
      id: enrollment.id,
      cohortId: enrollment.cohortId,
      cohortName: card.name,
      courseTitle: card.courseTitle,
      courseSlug: enrollment.cohort.courseSlug,
      dates: card.dates,
      place: card.place,
      online: card.online,
      status: enrollment.status,
      waitlistPosition: enrollment.waitlistPosition,
      canWithdraw: canWithdraw(enrollment.status),
      sponsor: sponsorId ? { id: sponsorId, name: sponsors.get(sponsorId) ?? '' } : null,
      consentToShare: enrollment.consentToShare,
    };
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The dashboard's trainee forms (`?intent=consent|withdraw`): a redirect after success (so a reload does not post
 * again), or the api's localized refusal for that enrollment's row.
 */
export async function myCohortsAction(request: Request, locale: Locale, token: string, intent: 'consent' | 'withdraw') {
  const formData = await validatedFormData(request);
  const raw = formData.get('enrollmentId');
  const enrollmentId = typeof raw === 'string' ? raw : '';
  if (!uuidPattern.test(enrollmentId)) return json({ intent, enrollmentId, errors: [fixedT(locale)('myCohorts.unknown')] }, { status: 404 });
  const api = catalogApi({ token, locale });
  const consent = formData.get('consentToShare') === 'true';
  const result = await api.updateEnrollment(enrollmentId, intent === 'withdraw' ? { status: 'withdrawn' } : { consentToShare: consent });
  if (!result.ok) {
    const { formErrors, fieldErrors } = problemToFormErrors(result.problem, []);
    return json({ intent, enrollmentId, errors: [...formErrors, ...Object.values(fieldErrors).flat()] }, { status: result.problem.status });
  }
  const done = intent === 'withdraw' ? 'withdrawn' : consent ? 'consentGiven' : 'consentWithdrawn';
  return redirect(`/${locale}/dashboard?done=${done}`);
}
