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
    join: (id: string, body: { answers?: Record<string, string>; inviteCode?: string; organizationId?: string; consentToShare?: boolean }) =>
      call(api.POST('/api/cohorts/{id}/enrollments', { params: { path: { id } }, body })),
    // Newest first; a person has a handful of enrollments, so one page of 50 is all of them in practice.
    myEnrollments: () => call(api.GET('/api/me/enrollments', { params: { query: { pageSize: 50 } } })),
    updateEnrollment: (enrollmentId: string, body: { consentToShare?: boolean; status?: 'withdrawn'; organizationId?: string | null }) =>
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

/** An organization the signed-in person belongs to, named in the reader's language. */
export interface MyOrganization {
  id: string;
  name: string;
  role: 'manager' | 'staff';
}

/**
 * The person's organizations by name (one public read each: a person belongs to a handful), for the join form, the
 * dashboard's "sharing with your organization" and the manager panel.
 */
export async function myOrganizations(memberships: readonly { id: string; role: 'manager' | 'staff' }[], locale: Locale): Promise<MyOrganization[]> {
  return Promise.all(memberships.slice(0, 10).map(async ({ id, role }) => ({ id, role, name: (await organizationName(id, locale)) ?? id })));
}

/** An organization's name in the reader's language (its public page's), or null when it cannot be read. */
async function organizationName(id: string, locale: Locale): Promise<string | null> {
  const org = await call(apiClient({ locale }).GET('/api/organizations/{id}', { params: { path: { id } } }));
  return org.ok ? org.data.displayName : null;
}

/** Statuses in which a trainee may still name the organization they report to. */
const NAMES_AN_ORGANIZATION = new Set(['applied', 'waitlisted', 'active', 'completed']);

/**
 * The trainee's enrollments for the dashboard, newest first, formatted for the reader. The organization each
 * reports to (its sponsor, or the one the trainee named) is named from `organizations` (the trainee's own), else by
 * one public read (someone may have left an organization that still sponsors them).
 */
export async function loadMyCohorts(token: string, locale: Locale, organizations: readonly MyOrganization[] = []): Promise<MyCohort[]> {
  const result = await catalogApi({ token, locale }).myEnrollments();
  if (!result.ok) return [];
  const enrollments = result.data.items;
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const missing = [...new Set(enrollments.map((e) => e.reportingOrganizationId).filter((id): id is string => Boolean(id) && !names.has(id!)))].slice(0, 20);
  for (const [id, name] of await Promise.all(missing.map(async (id) => [id, (await organizationName(id, locale)) ?? ''] as const))) names.set(id, name);
  return enrollments.map((enrollment) => {
    const card = toCohortCard(enrollment.cohort, locale, null);
    const organizationId = enrollment.reportingOrganizationId;
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
      organization: organizationId ? { id: organizationId, name: names.get(organizationId) ?? '', holdsSeat: enrollment.sponsoringOrganizationId === organizationId } : null,
      canNameOrganization: !organizationId && organizations.length > 0 && NAMES_AN_ORGANIZATION.has(enrollment.status),
      consentToShare: enrollment.consentToShare,
    };
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const MY_COHORTS_INTENTS = ['consent', 'withdraw', 'organization'] as const;
export type MyCohortsIntent = (typeof MY_COHORTS_INTENTS)[number];

/**
 * The dashboard's trainee forms (`?intent=consent|withdraw|organization`): a redirect after success (so a reload does
 * not post again), or the api's localized refusal for that enrollment's row.
 */
export async function myCohortsAction(request: Request, locale: Locale, token: string, intent: MyCohortsIntent) {
  const formData = await validatedFormData(request);
  const text = (name: string) => {
    const raw = formData.get(name);
    return typeof raw === 'string' ? raw : '';
  };
  const enrollmentId = text('enrollmentId');
  const t = fixedT(locale);
  if (!uuidPattern.test(enrollmentId)) return json({ intent, enrollmentId, errors: [t('myCohorts.unknown')] }, { status: 404 });
  const api = catalogApi({ token, locale });
  let body: { consentToShare?: boolean; status?: 'withdrawn'; organizationId?: string };
  let done: 'withdrawn' | 'consentGiven' | 'consentWithdrawn' | 'organizationNamed';
  if (intent === 'withdraw') {
    body = { status: 'withdrawn' };
    done = 'withdrawn';
  } else if (intent === 'organization') {
    // A checkbox: present ("on") when ticked, absent otherwise.
    const consentToShare = formData.has('consentToShare');
    const organizationId = text('organizationId');
    if (!uuidPattern.test(organizationId)) return json({ intent, enrollmentId, errors: [t('myCohorts.chooseOrganization')] }, { status: 422 });
    body = { organizationId, consentToShare };
    done = consentToShare ? 'consentGiven' : 'organizationNamed';
  } else {
    const consentToShare = text('consentToShare') === 'true';
    body = { consentToShare };
    done = consentToShare ? 'consentGiven' : 'consentWithdrawn';
  }
  const result = await api.updateEnrollment(enrollmentId, body);
  if (!result.ok) {
    const { formErrors, fieldErrors } = problemToFormErrors(result.problem, []);
    return json({ intent, enrollmentId, errors: [...formErrors, ...Object.values(fieldErrors).flat()] }, { status: result.problem.status });
  }
  return redirect(`/${locale}/dashboard?done=${done}`);
}
