import { timeZoneLabel } from './catalog';
import { displayName } from './format';
import type { Locale } from './locale';

/** docs/learning-circles.md: what a coach may mark, in the order the form shows them. */
export const attendanceStatuses = ['present', 'late', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** Series frequencies. Never "bimonthly": it means both "twice a month" and "every two months" (DESIGN.md). */
export const repeatOptions = ['weekly', 'every_2_weeks', 'monthly', 'every_2_months'] as const;
export type Repeat = (typeof repeatOptions)[number];

export const editScopes = ['this', 'following'] as const;

/** The fields of the schedule and edit forms (here, not beside the zod schemas, so the page ships no zod). */
export const scheduleFields = ['date', 'time', 'durationMinutes', 'repeat', 'occurrences', 'place', 'onlineUrl', 'agenda'] as const;
export const editFields = ['date', 'time', 'durationMinutes', 'place', 'onlineUrl', 'agenda', 'scope'] as const;
export type EditScope = (typeof editScopes)[number];

/** A session as the page shows it: times in the viewer's zone, and the session's own clock when that differs. */
export interface SessionView {
  id: string;
  /** "Thursday 3 December 2026" in the viewer's zone. */
  day: string;
  /** "18:00 – 19:30" in the viewer's zone. */
  time: string;
  /** "19:00 Jordan Time": the time where the session is held, only when the viewer's clock differs. */
  sessionClock: string | null;
  startsAt: string;
  past: boolean;
  cancelled: boolean;
  cancelReason: string | null;
  place: string | null;
  onlineUrl: string | null;
  agenda: string | null;
  circle: { id: string; name: string } | null;
  inSeries: boolean;
}

/** What the api says about a session (GET /api/circles/{id}/sessions, /api/me/sessions), loosely typed on purpose. */
export interface SessionData {
  id: string;
  startsAt: string;
  durationMinutes?: number;
  timeZone: string;
  localStart?: string;
  status?: string;
  place?: unknown;
  displayPlace?: string | null;
  onlineUrl?: string | null;
  agenda?: unknown;
  displayAgenda?: string | null;
  cancelReason?: string | null;
  seriesId?: string | null;
  circle?: { id: string; displayName: string } | null;
}

/** Per-locale text `{ar?, en?, fr?}` in the reader's language first, or a plain string as it is. */
export function pickText(value: unknown, locale: Locale): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (!value || typeof value !== 'object') return null;
  const text = value as Partial<Record<Locale, string | null>>;
  const order: Locale[] = [locale, 'ar', 'en', 'fr'];
  for (const key of order) {
    const found = text[key]?.trim();
    if (found) return found;
  }
  return null;
}

function clock(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(date);
}

/** Whether two zones show the same wall clock at this instant (Asia/Hebron and Asia/Amman often do). */
export function sameClockAt(instant: Date, a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const fmt = (zone: string) =>
      new Intl.DateTimeFormat('en', { timeZone: zone, hour: 'numeric', minute: 'numeric', day: 'numeric', hourCycle: 'h23' }).format(instant);
    return fmt(a) === fmt(b);
  } catch {
    return false;
  }
}

/**
 * A session for the page: day and times in the viewer's zone (`viewerZone`, the profile's zone, or the session's
 * own when unknown) and, when the viewer's clock differs at that instant, the time where it is held, named.
 */
export function toSessionView(session: SessionData, locale: Locale, viewerZone: string | null, now: Date = new Date()): SessionView {
  const start = new Date(session.startsAt);
  const zone = viewerZone ?? session.timeZone;
  const minutes = session.durationMinutes ?? 0;
  const end = new Date(start.getTime() + minutes * 60_000);
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(start);
  const time = minutes > 0
    ? new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone }).formatRange(start, end)
    : clock(start, locale, zone);
  const sessionClock = sameClockAt(start, zone, session.timeZone)
    ? null
    : `${clock(start, locale, session.timeZone)} ${timeZoneLabel(session.timeZone, locale)}`;
  return {
    id: session.id,
    day,
    time,
    sessionClock,
    startsAt: session.startsAt,
    past: start.getTime() < now.getTime(),
    cancelled: session.status === 'cancelled',
    cancelReason: session.cancelReason ?? null,
    place: session.displayPlace ?? pickText(session.place, locale),
    onlineUrl: session.onlineUrl ?? null,
    agenda: session.displayAgenda ?? pickText(session.agenda, locale),
    circle: session.circle ? { id: session.circle.id, name: session.circle.displayName } : null,
    inSeries: Boolean(session.seriesId),
  };
}

/** An attendance rate as a whole percentage in the reader's digits, or null before any session was held. */
export function formatRate(rate: number | null | undefined, locale: Locale): string | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** The session's local date and time (`2026-12-03`, `18:00`) in its zone, for an edit form's starting values. */
export function localParts(startsAt: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(startsAt));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** Sessions held and attended by a person (present or late), and the share; `rate` null before any was held. */
export interface Rate {
  held: number;
  attended: number;
  rate: number | null;
}

/** A rate as the pages show it: "80%" and the counts behind it. */
export interface RateView {
  percent: string | null;
  held: number;
  attended: number;
}

export function toRateView(rate: Rate | null | undefined, locale: Locale): RateView | null {
  if (!rate) return null;
  return { percent: formatRate(rate.rate, locale), held: rate.held, attended: rate.attended };
}

/** "Amal, Karim and Sara" the way the reader's language joins names; empty string for none. */
export function listOf(names: string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names.filter(Boolean));
}

/**
 * Which circle link the header offers: `coach` for someone who coaches a circle and leads no cohort (lead trainers
 * and admins keep "Cohorts" and reach circles from the dashboard), `member` for a trainee in a circle.
 */
export function circleLink(user: {
  isAdmin: boolean;
  staffRoles: { role: string }[];
  circleRoles?: { role: string }[];
}): 'coach' | 'member' | null {
  const roles = user.circleRoles ?? [];
  const leads = user.isAdmin || user.staffRoles.some((s) => s.role === 'lead_trainer');
  if (!leads && roles.some((r) => r.role === 'coach')) return 'coach';
  if (roles.some((r) => r.role === 'member')) return 'member';
  return null;
}

/** A person's name for the reader (Arabic script on Arabic pages); never their email, which trainees are not shown. */
export function nameOf(person: { nameLatin?: string | null; nameArabic?: string | null }, locale: Locale): string {
  return displayName({ nameLatin: person.nameLatin, nameArabic: person.nameArabic }, locale);
}
