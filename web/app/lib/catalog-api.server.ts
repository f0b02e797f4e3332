import { json, redirect } from '@remix-run/node';
import type { CohortCard } from '~/components/catalog-cohort';
import type { MyCohort } from '~/components/catalog-my-cohorts';
import { apiClient, call } from './api.server';
import type { components } from '~/api/schema';
import { canWithdraw, formatDayRange, sameClock, timeZoneLabel, weeksBetween } from './catalog';
import { validatedFormData } from './csrf.server';
import { fixedT } from './i18n.server';
import { problemToFormErrors } from './problem';
import type { Locale } from './locale';

type Schemas = components['schemas'];
export type CohortSummary = Schemas['CohortSummaryResponse'];
export type CourseListItem = Schemas['CatalogCourseResponse'];
export type CourseDetail = Schemas['CourseResponse'];
export type CohortDetail = Schemas['CohortResponse'];
export type Enrollment = Schemas['EnrollmentResponse'];
export type MyEnrollment = Schemas['MyEnrollmentResponse'];

/**
 * The catalog and enrollment calls of one request (docs/cohorts-and-enrollment.md), through the typed client:
 * bearer token when signed in, Accept-Language for the reader's language, problems back as values.
 */
export function catalogApi({ token, locale }: { token?: string | null; locale: Locale }) {
  const api = apiClient({ token, locale });
  return {
    courses: (query: { page?: number; pageSize?: number }) => call(api.GET('/api/courses', { params: { query } })),
    course: (slug: string) => call(api.GET('/api/courses/{slug}', { params: { path: { slug } } })),
    cohort: (id: string) => call(api.GET('/api/cohorts/{id}', { params: { path: { id } } })),
    join: (id: string, body: { answers?: Record<string, string>; inviteCode?: string }) =>
      call(api.POST('/api/cohorts/{id}/enrollments', { params: { path: { id } }, body })),
    // Newest first; a person has a handful of enrollments, so one page of 50 is all of them in practice.
    myEnrollments: () => call(api.GET('/api/me/enrollments', { params: { query: { pageSize: 50 } } })),
    updateEnrollment: (enrollmentId: string, body: { consentToShare?: boolean; status?: 'withdrawn' }) =>
      call(api.PATCH('/api/me/enrollments/{enrollmentId}', { params: { path: { enrollmentId } }, body })),
  };
}

/** A cohort summary formatted for the reader (see components/catalog-cohort.tsx). */
export function toCohortCard(cohort: CohortSummary, locale: Locale, viewerTimeZone: string | null): CohortCard {
  return {
    id: cohort.id,
    name: cohort.displayName,
    courseTitle: cohort.courseTitle,
    dates: formatDayRange(cohort.startsOn, cohort.endsOn, locale),
    weeks: weeksBetween(cohort.startsOn, cohort.endsOn),
    place: cohort.displayCity,
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
  const enrollments = result.data.items;
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
