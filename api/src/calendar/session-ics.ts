import { Temporal } from '@js-temporal/polyfill';
import ical, { ICalEventStatus } from 'ical-generator';
import { resolveText, type Locale } from '../common/localized-text';
import type { CircleSession } from '../sessions/circle-session.entity';
import type { SessionLabels } from '../sessions/session.response';
import { vtimezone } from './vtimezone';

export interface IcsSession {
  session: CircleSession;
  labels: SessionLabels;
}

/** The UID calendars know a session by: stable for its whole life (edits bump SEQUENCE instead). */
export const sessionUid = (sessionId: string) => `session-${sessionId}@halaqa`;

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * Sessions as an iCalendar document: each event at its wall-clock time with `TZID` of its zone and a `VTIMEZONE`
 * per zone used, `SEQUENCE` = the session's sequence, `STATUS:CANCELLED` for cancelled ones; summary = circle and
 * course in the reader's language, location = place or online link.
 */
export function sessionsToIcs(items: readonly IcsSession[], options: { name: string; locale: Locale; now?: Date }): string {
  const starts = items.map((i) => i.session.startsAt.getTime());
  const now = options.now ?? new Date();
  // Observances a little beyond the events on both sides, so clients never extrapolate past the data given.
  const from = new Date(Math.min(now.getTime(), ...starts) - YEAR_MS);
  const to = new Date(Math.max(now.getTime(), ...starts) + YEAR_MS);
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Halaqa', product: 'Learning circles', language: options.locale.toUpperCase() },
    timezone: { name: null, generator: (zone: string) => vtimezone(zone, from, to) },
  });
  for (const { session, labels } of items) {
    const zoned = (instant: number) => Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(session.timeZone);
    const circle = resolveText(labels.circleName, options.locale).text;
    const course = resolveText(labels.courseTitle, options.locale).text;
    const place = resolveText(session.place, options.locale).text;
    const agenda = resolveText(session.agenda, options.locale).text;
    const description = [agenda, session.onlineUrl ?? '', session.status === 'cancelled' ? (session.cancelReason ?? '') : ''].filter((line) => line !== '').join('\n\n');
    calendar.createEvent({
      id: sessionUid(session.id),
      sequence: session.sequence,
      start: zoned(session.startsAt.getTime()),
      end: zoned(session.startsAt.getTime() + session.durationMinutes * 60_000),
      timezone: session.timeZone,
      stamp: session.updatedAt ?? now,
      lastModified: session.updatedAt ?? null,
      summary: course ? `${circle} — ${course}` : circle,
      location: place || session.onlineUrl || null,
      description: description || null,
      url: session.onlineUrl ?? null,
      status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
