import type { Locale } from './locale';

/**
 * A date-only value (`2026-03-01`) as a calendar date in the reader's language. Cohort dates are days in the
 * cohort's own time zone, not instants, so they are formatted as UTC midnights and never shift by a day.
 */
export function formatDay(day: string, locale: Locale, style: 'long' | 'medium' = 'long'): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(date);
}

/** "1 – 12 March 2026" in the reader's language (Intl merges the shared month and year). */
export function formatDayRange(start: string, end: string, locale: Locale): string {
  const from = new Date(`${start.slice(0, 10)}T00:00:00Z`);
  const to = new Date(`${end.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${start} – ${end}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).formatRange(from, to);
}

/** Whole weeks between two calendar dates, at least one: "runs for 6 weeks". */
export function weeksBetween(start: string, end: string): number {
  const days = (Date.parse(`${end.slice(0, 10)}T00:00:00Z`) - Date.parse(`${start.slice(0, 10)}T00:00:00Z`)) / 86_400_000;
  return Number.isFinite(days) ? Math.max(1, Math.round((days + 1) / 7)) : 1;
}

/** A time zone as people say it ("Jordan Time", "توقيت الأردن"), falling back to its IANA name. */
export function timeZoneLabel(zone: string, locale: Locale): string {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}

/** Whether two zones currently keep the same clock (Asia/Hebron and Asia/Amman often do). */
export function sameClock(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const at = new Date();
    const fmt = (zone: string) => new Intl.DateTimeFormat('en', { timeZone: zone, hour: 'numeric', minute: 'numeric', day: 'numeric', hourCycle: 'h23' }).format(at);
    return fmt(a) === fmt(b);
  } catch {
    return false;
  }
}

/** Statuses in which a person holds, or waits for, a place: they may withdraw. */
export function canWithdraw(status: string): boolean {
  return status === 'applied' || status === 'waitlisted' || status === 'active';
}

/** Joining is possible again after withdrawing; never after being turned down (the api says 409 otherwise). */
export function mayJoin(enrollmentStatus: string | null | undefined): boolean {
  return !enrollmentStatus || enrollmentStatus === 'withdrawn';
}

export function acceptsPeople(status: string): boolean {
  return status === 'open' || status === 'running';
}
