import { Temporal } from '@js-temporal/polyfill';
import type { SeriesFrequency } from './session-series.entity';

export const MIN_OCCURRENCES = 2;
export const MAX_OCCURRENCES = 52;

/** What a person asks for: a local date and wall-clock time in an IANA zone, optionally repeated. */
export interface SessionSchedule {
  /** `YYYY-MM-DD`, the first (or only) occurrence's local date. */
  date: string;
  /** `HH:mm`, wall-clock time in `timeZone`. */
  time: string;
  timeZone: string;
  repeat?: SeriesFrequency | null;
  /** How many sessions in all (the first included); 1 when `repeat` is absent. */
  occurrences?: number;
}

export interface Occurrence {
  /** 1-based position in the series. */
  index: number;
  /** The local date it falls on in `timeZone` (after monthly clamping). */
  localDate: string;
  startsAt: Date;
}

/**
 * A local date-time in a zone as an instant, the way calendars do it (RFC 5545, Temporal's `compatible`): a time that
 * does not exist on a spring-forward day moves forward by the gap (02:30 → 03:30), an ambiguous one on a fall-back
 * day takes the earlier instant (the first 01:30).
 */
export function zonedInstant(localDate: string, time: string, timeZone: string): Date {
  const local = Temporal.PlainDateTime.from(`${localDate}T${time}`);
  const zoned = local.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

/** The wall-clock date and time (`YYYY-MM-DD`, `HH:mm`) of an instant in a zone. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return { date: zoned.toPlainDate().toString(), time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }) };
}

function nthDate(first: Temporal.PlainDate, repeat: SeriesFrequency, n: number): Temporal.PlainDate {
  switch (repeat) {
    case 'weekly':
      return first.add({ days: 7 * n });
    case 'every_2_weeks':
      return first.add({ days: 14 * n });
    // Always counted from the first date, so 31 Jan → 28 Feb → 31 Mar (not 28 Mar): `constrain` clamps to the
    // month's last day only where the day does not exist.
    case 'monthly':
      return first.add({ months: n }, { overflow: 'constrain' });
    case 'every_2_months':
      return first.add({ months: 2 * n }, { overflow: 'constrain' });
  }
}

/**
 * Every occurrence of a schedule, in wall-clock terms: "every 2 weeks at 18:00 Asia/Amman" stays at 18:00 local time
 * whatever the offset does in between. A single session (no `repeat`) is a series of one.
 *
 * @example expandSchedule({ date: '2026-03-22', time: '18:00', timeZone: 'Europe/Paris', repeat: 'weekly', occurrences: 2 })
 *   // → 17:00Z on 22 March (UTC+1), 16:00Z on 29 March (UTC+2)
 */
export function expandSchedule(schedule: SessionSchedule): Occurrence[] {
  const first = Temporal.PlainDate.from(schedule.date, { overflow: 'reject' });
  const count = schedule.repeat ? (schedule.occurrences ?? 1) : 1;
  const occurrences: Occurrence[] = [];
  for (let n = 0; n < count; n += 1) {
    const date = schedule.repeat ? nthDate(first, schedule.repeat, n) : first;
    const localDate = date.toString();
    occurrences.push({ index: n + 1, localDate, startsAt: zonedInstant(localDate, schedule.time, schedule.timeZone) });
  }
  return occurrences;
}

/**
 * The same move applied to another occurrence in wall-clock terms: when "18:00 on the 3rd" becomes "19:30 on the
 * 4th", a later "18:00 on the 17th" becomes "19:30 on the 18th", even if a DST change lies in between.
 */
export function shiftWallClock(instant: Date, timeZone: string, from: { date: string; time: string }, to: { date: string; time: string }): Date {
  const delta = Temporal.PlainDateTime.from(`${from.date}T${from.time}`).until(Temporal.PlainDateTime.from(`${to.date}T${to.time}`), { largestUnit: 'days' });
  const local = localDateTime(instant, timeZone);
  const moved = Temporal.PlainDateTime.from(`${local.date}T${local.time}`).add(delta);
  return zonedInstant(moved.toPlainDate().toString(), moved.toPlainTime().toString({ smallestUnit: 'minute' }), timeZone);
}

/** `HH:mm` on a 24-hour clock (00:00–23:59); code `isLocalTime`. */
export function isLocalTime(value: unknown): value is string {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}
