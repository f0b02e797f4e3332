import type { components } from '~/api/schema';
import { apiClient, call } from './api.server';
import { env } from './env.server';
import { toSessionView, type AttendanceStatus, type EditScope, type SessionView } from './circles';
import type { Locale } from './locale';

// The circle, session, attendance and calendar calls of docs/learning-circles.md, one place for the pages.

type Schemas = components['schemas'];
export type CircleDetail = Schemas['CircleDetailResponse'];
export type MyCircles = Schemas['MyCirclesResponse'];
export type AttendanceRoster = Schemas['AttendanceRosterResponse'];
export type MyAttendance = Schemas['MyAttendanceResponse'];
export type ScheduleBody = Schemas['CreateSessionDto'];
export type EditBody = Schemas['UpdateSessionDto'];

/**
 * The circle, session, attendance and calendar calls of one request (docs/learning-circles.md) through the typed
 * client: bearer token, Accept-Language for the reader's language, problems back as values.
 */
export function circlesApi({ token, locale }: { token: string; locale: Locale }) {
  const api = apiClient({ token, locale });
  const path = (id: string) => ({ params: { path: { id } } });
  // A page of 100 holds a weekly circle's four months and all that is planned.
  const range = (query: { from?: string; to?: string }) => ({ ...query, pageSize: 100 });
  return {
    myCircles: () => call(api.GET('/api/me/circles')),
    circle: (id: string) => call(api.GET('/api/circles/{id}', path(id))),
    circleSessions: (id: string, query: { from?: string; to?: string }) =>
      call(api.GET('/api/circles/{id}/sessions', { params: { path: { id }, query: range(query) } })),
    mySessions: (query: { from?: string; to?: string }) => call(api.GET('/api/me/sessions', { params: { query: range(query) } })),
    schedule: (circleId: string, body: ScheduleBody) => call(api.POST('/api/circles/{id}/sessions', { ...path(circleId), body })),
    editSession: (id: string, body: EditBody) => call(api.PATCH('/api/sessions/{id}', { ...path(id), body })),
    cancelSession: (id: string, body: { reason: string; scope: EditScope }) => call(api.POST('/api/sessions/{id}/cancel', { ...path(id), body })),
    attendance: (sessionId: string) => call(api.GET('/api/sessions/{id}/attendance', path(sessionId))),
    saveAttendance: (sessionId: string, marks: { enrollmentId: string; status: AttendanceStatus }[]) =>
      call(api.PUT('/api/sessions/{id}/attendance', { ...path(sessionId), body: { marks } })),
    myAttendance: (cohortId?: string) => call(api.GET('/api/me/attendance', { params: { query: cohortId ? { cohortId } : {} } })),
    calendarFeed: () => call(api.GET('/api/me/calendar-feed')),
    rotateCalendarFeed: () => call(api.POST('/api/me/calendar-feed/rotate')),
  };
}

/** The `.ics` of one session, fetched with the reader's token (the page's "Add to calendar" link proxies it). */
export async function sessionIcs(token: string, locale: Locale, sessionId: string): Promise<Response> {
  return fetch(`${env.apiUrl}/api/sessions/${encodeURIComponent(sessionId)}.ics`, {
    headers: { Authorization: `Bearer ${token}`, 'Accept-Language': locale, Accept: 'text/calendar' },
  });
}

type CirclesApi = ReturnType<typeof circlesApi>;

/** The trainee's current circle (names only, as the api shows it to a member), or null when they are in none. */
export async function loadMyCircle(api: CirclesApi): Promise<MyCircles['member'][number] | null> {
  const mine = await api.myCircles();
  return mine.ok ? (mine.data.member[0] ?? null) : null;
}

/** What the dashboard shows about circles: how many the person coaches, and their own circle's next session. */
export async function loadCirclesPanel(
  token: string,
  locale: Locale,
  user: { timeZone?: string | null; circleRoles?: { role: string }[] },
): Promise<{ coaching: number; member: { id: string; name: string; next: SessionView | null } | null } | null> {
  // Only people with a circle pay for the call.
  if (!user.circleRoles?.length) return null;
  const mine = await circlesApi({ token, locale }).myCircles();
  if (!mine.ok) return null;
  const own = mine.data.member[0];
  return {
    coaching: mine.data.coaching.length,
    member: own
      ? { id: own.id, name: own.displayName, next: own.nextSession ? toSessionView(own.nextSession, locale, user.timeZone ?? null) : null }
      : null,
  };
}
