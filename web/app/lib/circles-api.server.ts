import { env } from './env.server';
import { call, type ApiResult } from './api.server';
import { toSessionView, type AttendanceStatus, type EditScope, type Rate, type Repeat, type SessionData, type SessionView } from './circles';
import type { Locale } from './locale';

// The circle, session, attendance and calendar calls of docs/learning-circles.md, one place for the pages.

export type { Rate } from './circles';

export interface CirclePerson {
  userId?: string;
  nameLatin: string;
  nameArabic: string;
}

export interface CircleMember extends CirclePerson {
  enrollmentId: string;
  attendance: Rate | null;
}

export interface CircleCohort {
  id: string;
  displayName: string;
  timeZone: string;
}

export interface CircleSummary {
  id: string;
  cohortId: string;
  displayName: string;
  displayPlace: string;
  online: boolean;
  coaches: CirclePerson[];
  memberCount: number;
  cohort: CircleCohort;
  nextSession: SessionData | null;
}

export interface CircleDetail extends Omit<CircleSummary, 'nextSession'> {
  viewerRole: 'lead_trainer' | 'admin' | 'coach' | 'member';
  members: CircleMember[];
  attendance: Rate | null;
}

/** GET /api/me/circles: circles coached, and the circle(s) the caller is a member of (trainee view). */
export interface MyCircles {
  coaching: CircleSummary[];
  member: (CircleDetail & { nextSession: SessionData | null })[];
}

export interface AttendanceRoster {
  session: SessionData;
  items: (CirclePerson & { enrollmentId: string; currentMember: boolean; status: AttendanceStatus | null })[];
}

export interface MyAttendance {
  items: { sessionId: string; startsAt: string; timeZone: string; circle: { id: string; displayName: string }; status: AttendanceStatus | null }[];
  held: number;
  attended: number;
  rate: number | null;
}

interface Page<T> {
  items: T[];
  total: number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** One call to the api with the reader's token and language; problems come back as values (see `call`). */
function request<T>(token: string, locale: Locale, method: Method, path: string, body?: unknown): Promise<ApiResult<T>> {
  const pending = (async () => {
    const response = await fetch(`${env.apiUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Accept-Language': locale,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return response.ok ? { data: parsed as T, response } : { error: parsed, response };
  })();
  return call<T>(pending);
}

const enc = encodeURIComponent;

type PerLocale = Partial<Record<Locale, string>>;

export interface ScheduleBody {
  date: string;
  time: string;
  durationMinutes: number;
  place?: PerLocale;
  onlineUrl?: string | null;
  agenda?: PerLocale;
  repeat?: Repeat;
  occurrences?: number;
}

export function circlesApi({ token, locale }: { token: string; locale: Locale }) {
  const go = <T>(method: Method, path: string, body?: unknown) => request<T>(token, locale, method, path, body);
  return {
    myCircles: () => go<MyCircles>('GET', '/api/me/circles'),
    circle: (id: string) => go<CircleDetail>('GET', `/api/circles/${enc(id)}`),
    circleSessions: (id: string, range: { from?: string; to?: string }) =>
      go<Page<SessionData>>('GET', `/api/circles/${enc(id)}/sessions?${new URLSearchParams({ ...range, pageSize: '100' }).toString()}`),
    mySessions: (range: { from?: string; to?: string }) =>
      go<Page<SessionData>>('GET', `/api/me/sessions?${new URLSearchParams({ ...range, pageSize: '100' }).toString()}`),
    schedule: (circleId: string, body: ScheduleBody) => go<unknown>('POST', `/api/circles/${enc(circleId)}/sessions`, body),
    session: (id: string) => go<SessionData>('GET', `/api/sessions/${enc(id)}`),
    editSession: (id: string, body: Partial<ScheduleBody> & { scope: EditScope }) => go<unknown>('PATCH', `/api/sessions/${enc(id)}`, body),
    cancelSession: (id: string, body: { reason: string; scope: EditScope }) => go<unknown>('POST', `/api/sessions/${enc(id)}/cancel`, body),
    attendance: (sessionId: string) => go<AttendanceRoster>('GET', `/api/sessions/${enc(sessionId)}/attendance`),
    saveAttendance: (sessionId: string, marks: { enrollmentId: string; status: AttendanceStatus }[]) =>
      go<unknown>('PUT', `/api/sessions/${enc(sessionId)}/attendance`, { marks }),
    myAttendance: (cohortId?: string) => go<MyAttendance>('GET', `/api/me/attendance${cohortId ? `?cohortId=${enc(cohortId)}` : ''}`),
    calendarFeed: () => go<{ url: string }>('GET', '/api/me/calendar-feed'),
    rotateCalendarFeed: () => go<{ url: string }>('POST', '/api/me/calendar-feed/rotate'),
  };
}

/** The `.ics` of one session, fetched with the reader's token (the page's "Add to calendar" link proxies it). */
export async function sessionIcs(token: string, locale: Locale, sessionId: string): Promise<Response> {
  return fetch(`${env.apiUrl}/api/sessions/${enc(sessionId)}.ics`, {
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
