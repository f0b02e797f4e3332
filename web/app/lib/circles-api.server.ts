import { env } from './env.server';
import { call, type ApiResult } from './api.server';
import type { AttendanceStatus, EditScope, Rate, Repeat, SessionData } from './circles';
import type { Locale } from './locale';

// The circle, session, attendance and calendar calls of docs/learning-circles.md, one place for the pages.

export type { Rate } from './circles';

export interface CirclePerson {
  id?: string;
  nameLatin?: string | null;
  nameArabic?: string | null;
  displayName?: string;
}

export interface CircleMember {
  enrollmentId: string;
  user: CirclePerson;
  attendance?: Rate | null;
  rate?: Rate | null;
}

export interface CircleDetail {
  id: string;
  cohortId: string;
  displayName: string;
  cohort?: { id: string; displayName: string; timeZone: string } | null;
  cohortName?: string;
  timeZone?: string;
  coaches: CirclePerson[];
  members: CircleMember[];
  attendance?: Rate | null;
  rate?: Rate | null;
  viewer?: { role?: string | null } | null;
}

export interface CircleSummary {
  id: string;
  displayName: string;
  cohortId: string;
  cohort?: { id: string; displayName: string; timeZone?: string } | null;
  membersCount?: number;
  memberCount?: number;
  nextSession?: SessionData | null;
  /** How the caller belongs to the circle: its coach, a member, or a lead trainer of the cohort. */
  role?: string | null;
  viewer?: { role?: string | null } | null;
}

export interface AttendanceRoster {
  session: SessionData;
  marks: { enrollmentId: string; user: CirclePerson; status: AttendanceStatus | null }[];
}

export interface MyAttendance {
  items: { session: SessionData; status: AttendanceStatus | null }[];
  attendance?: Rate | null;
  rate?: Rate | null;
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

export interface ScheduleBody {
  date: string;
  time: string;
  durationMinutes: number;
  place?: string;
  onlineUrl?: string;
  agenda?: string;
  repeat?: Repeat;
  occurrences?: number;
}

export function circlesApi({ token, locale }: { token: string; locale: Locale }) {
  const go = <T>(method: Method, path: string, body?: unknown) => request<T>(token, locale, method, path, body);
  return {
    myCircles: () => go<CircleSummary[] | { items: CircleSummary[] }>('GET', '/api/me/circles'),
    circle: (id: string) => go<CircleDetail>('GET', `/api/circles/${enc(id)}`),
    circleSessions: (id: string, range: { from?: string; to?: string } = {}) =>
      go<SessionData[] | { items: SessionData[] }>('GET', `/api/circles/${enc(id)}/sessions?${new URLSearchParams(range).toString()}`),
    mySessions: (range: { from?: string; to?: string } = {}) =>
      go<SessionData[] | { items: SessionData[] }>('GET', `/api/me/sessions?${new URLSearchParams(range).toString()}`),
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

/** Lists arrive either bare or as a page `{items}`; the pages only need the items. */
export function itemsOf<T>(value: T[] | { items: T[] } | null | undefined): T[] {
  if (!value) return [];
  return Array.isArray(value) ? value : value.items;
}

/** The `.ics` of one session, fetched with the reader's token (the page's "Add to calendar" link proxies it). */
export async function sessionIcs(token: string, locale: Locale, sessionId: string): Promise<Response> {
  return fetch(`${env.apiUrl}/api/sessions/${enc(sessionId)}.ics`, {
    headers: { Authorization: `Bearer ${token}`, 'Accept-Language': locale, Accept: 'text/calendar' },
  });
}

type CirclesApi = ReturnType<typeof circlesApi>;

/** Whether the caller is this circle's member (rather than its coach or a lead trainer), as the api words it. */
function asMember(circle: CircleSummary): boolean {
  const role = circle.role ?? circle.viewer?.role ?? null;
  return role === 'member' || role === 'trainee';
}

/** The trainee's current circle with its coaches and members, or null when they are in none. */
export async function loadMyCircle(api: CirclesApi): Promise<{ circle: CircleDetail | null }> {
  const mine = await api.myCircles();
  const summary = itemsOf<CircleSummary>(mine.ok ? mine.data : []).find(asMember);
  if (!summary) return { circle: null };
  const detail = await api.circle(summary.id);
  return { circle: detail.ok ? detail.data : null };
}

/** What the dashboard says about circles: the circles coached, and the trainee's own circle with its next session. */
export async function loadCirclesSummary(api: CirclesApi): Promise<{ coaching: number; member: { id: string; name: string; next: SessionData | null } | null }> {
  const mine = await api.myCircles();
  const circles = itemsOf<CircleSummary>(mine.ok ? mine.data : []);
  const own = circles.find(asMember) ?? null;
  return {
    coaching: circles.filter((c) => !asMember(c)).length,
    member: own ? { id: own.id, name: own.displayName, next: own.nextSession ?? null } : null,
  };
}
