import type { EntityManager } from 'typeorm';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import { EMAIL_KIND, type EmailPayload, type SessionReminderRef } from '../mail/email-message';
import type { OutboxService } from '../outbox/outbox.service';
import { displayName } from '../users/user.response';

/** Reminders go out this long before a session. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

interface RecipientRow {
  session_id: string;
  circle_id: string;
  starts_at: Date;
  duration_minutes: number;
  session_time_zone: string;
  place: LocalizedText;
  online_url: string | null;
  agenda: LocalizedText;
  sequence: number;
  circle_name: LocalizedText;
  course_title: LocalizedText;
  user_id: string;
  role: 'coach' | 'member';
  email: string;
  locale: Locale;
  time_zone: string;
  name_latin: string;
  name_arabic: string;
}

/** Current members (open membership of an active enrollment) and coaches of a session's circle, not disabled. */
const RECIPIENTS_SQL = `
  SELECT k.circle_id, k.user_id, 'coach' AS role FROM circle_coaches k
  UNION
  SELECT m.circle_id, e.user_id, 'member' AS role
    FROM circle_memberships m JOIN enrollments e ON e.id = m.enrollment_id
   WHERE m.left_at IS NULL AND e.status = 'active'`;

/**
 * Queues, in the caller's transaction, one reminder email per current member and coach of each scheduled session,
 * due 24 h before it and keyed by session, person and `sequence`: a changed session (new sequence) gets new rows,
 * the old rows find at send time that the sequence moved on and send nothing (see `reminderStillDue`). Sessions
 * less than 24 h away get none. One query for all the sessions; returns how many rows it added.
 */
export async function queueSessionReminders(manager: EntityManager, outbox: OutboxService, sessionIds: readonly string[], now: Date = new Date()): Promise<number> {
  if (sessionIds.length === 0) return 0;
  const rows: RecipientRow[] = await manager.query(
    `SELECT s.id AS session_id, s.circle_id, s.starts_at, s.duration_minutes, s.time_zone AS session_time_zone, s.place, s.online_url,
            s.agenda, s.sequence, c.name AS circle_name, co.title AS course_title,
            u.id AS user_id, r.role, u.email, u.locale, u.time_zone, u.name_latin, u.name_arabic
       FROM circle_sessions s
       JOIN learning_circles c ON c.id = s.circle_id
       JOIN cohorts h ON h.id = c.cohort_id
       JOIN courses co ON co.id = h.course_id
       JOIN (${RECIPIENTS_SQL}) r ON r.circle_id = s.circle_id
       JOIN users u ON u.id = r.user_id AND u.disabled_at IS NULL
      WHERE s.id = ANY($1::uuid[]) AND s.status = 'scheduled' AND s.starts_at - interval '24 hours' > $2
        -- Already queued: nothing to do (the planner's rounds then cost one indexed lookup per person).
        AND NOT EXISTS (SELECT 1 FROM outbox_messages o WHERE o.dedupe_key = 'reminder:' || s.id || ':' || u.id || ':' || s.sequence)
      ORDER BY s.starts_at, u.id`,
    [sessionIds, now],
  );
  const seen = new Set<string>();
  for (const row of rows) {
    // Someone who both coaches and belongs to the circle gets one reminder.
    const dedupeKey = `reminder:${row.session_id}:${row.user_id}:${row.sequence}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    const locale = row.locale;
    const reminder: SessionReminderRef = { sessionId: row.session_id, userId: row.user_id, sequence: row.sequence };
    const data: Record<string, string> = {
      name: displayName({ nameLatin: row.name_latin, nameArabic: row.name_arabic, locale }),
      url: row.role === 'coach' ? `/${locale}/sessions/${row.session_id}/attendance` : `/${locale}/my-circle`,
      circleName: resolveText(row.circle_name, locale).text,
      courseTitle: resolveText(row.course_title, locale).text,
      startsAt: new Date(row.starts_at).toISOString(),
      durationMinutes: String(row.duration_minutes),
      timeZone: row.time_zone,
      sessionTimeZone: row.session_time_zone,
      place: resolveText(row.place, locale).text,
      onlineUrl: row.online_url ?? '',
      agenda: resolveText(row.agenda, locale).text,
    };
    const email: EmailPayload = { template: 'session_reminder', to: row.email, locale, data, reminder };
    await outbox.enqueue(manager, { kind: EMAIL_KIND, payload: email, dedupeKey, availableAt: new Date(new Date(row.starts_at).getTime() - REMINDER_LEAD_MS) });
  }
  return seen.size;
}

/**
 * At send time: is this reminder still the right one? Not if the session was cancelled, changed since (its sequence
 * moved on: a newer reminder exists), already started, or the person is no longer a member or coach of its circle.
 */
export async function reminderStillDue(manager: EntityManager, reminder: SessionReminderRef, now: Date = new Date()): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM circle_sessions s
       JOIN (${RECIPIENTS_SQL}) r ON r.circle_id = s.circle_id AND r.user_id = $2
      WHERE s.id = $1 AND s.status = 'scheduled' AND s.sequence = $3 AND s.starts_at > $4
      LIMIT 1`,
    [reminder.sessionId, reminder.userId, reminder.sequence, now],
  );
  return rows.length > 0;
}
