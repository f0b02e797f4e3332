import type { EntityManager } from 'typeorm';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import { EMAIL_KIND, type DueSoonRef, type EmailPayload } from '../mail/email-message';
import type { OutboxService } from '../outbox/outbox.service';
import { displayName } from '../users/user.response';

/** "Due soon" emails go out this long before the (extended) due date. */
export const DUE_SOON_LEAD_MS = 48 * 60 * 60 * 1000;

interface Row {
  assignment_id: string;
  enrollment_id: string;
  due_at: Date;
  title: LocalizedText;
  course_title: LocalizedText;
  email: string;
  locale: Locale;
  time_zone: string;
  name_latin: string;
  name_arabic: string;
}

/**
 * Queues, in the caller's transaction, one deferred `assignment_due_soon` email per active trainee of the
 * assignments' cohort who has not submitted yet, available 48 h before their effective due date (extension
 * included) and keyed by that date: moving the date (PATCH, extension) queues a new row and the old one finds at
 * send time that the date moved on (`dueSoonStillDue`). Dates less than 48 h away get none. One query.
 */
export async function queueDueSoon(manager: EntityManager, outbox: OutboxService, assignmentIds: readonly string[], now: Date = new Date()): Promise<number> {
  if (assignmentIds.length === 0) return 0;
  const rows: Row[] = await manager.query(
    `SELECT a.id AS assignment_id, e.id AS enrollment_id, COALESCE(x.due_at, a.due_at) AS due_at, a.title, co.title AS course_title,
            u.email, u.locale, u.time_zone, u.name_latin, u.name_arabic
       FROM assignments a
       JOIN cohorts h ON h.id = a.cohort_id
       JOIN courses co ON co.id = h.course_id
       JOIN enrollments e ON e.cohort_id = a.cohort_id AND e.status = 'active'
       JOIN users u ON u.id = e.user_id AND u.disabled_at IS NULL
       LEFT JOIN assignment_extensions x ON x.assignment_id = a.id AND x.enrollment_id = e.id
       LEFT JOIN submissions s ON s.assignment_id = a.id AND s.enrollment_id = e.id
      WHERE a.id = ANY($1::uuid[]) AND COALESCE(s.latest_version, 0) = 0
        AND COALESCE(x.due_at, a.due_at) - interval '48 hours' > $2
        -- Already queued: nothing to do (the planner's rounds then cost one indexed lookup per trainee).
        AND NOT EXISTS (SELECT 1 FROM outbox_messages o
          WHERE o.dedupe_key = 'due_soon:' || a.id || ':' || e.id || ':' || (extract(epoch FROM COALESCE(x.due_at, a.due_at)) * 1000)::bigint)
      ORDER BY a.position, e.id`,
    [assignmentIds, now],
  );
  for (const row of rows) {
    const dueAt = new Date(row.due_at);
    const locale = row.locale;
    const dueSoon: DueSoonRef = { assignmentId: row.assignment_id, enrollmentId: row.enrollment_id, dueAt: dueAt.toISOString() };
    const email: EmailPayload = {
      template: 'assignment_due_soon',
      to: row.email,
      locale,
      data: {
        name: displayName({ nameLatin: row.name_latin, nameArabic: row.name_arabic, locale }),
        url: `/${locale}/assignments/${row.assignment_id}`,
        assignmentTitle: resolveText(row.title, locale).text,
        courseTitle: resolveText(row.course_title, locale).text,
        dueAt: dueAt.toISOString(),
        timeZone: row.time_zone,
      },
      dueSoon,
    };
    await outbox.enqueue(manager, {
      kind: EMAIL_KIND,
      payload: email,
      dedupeKey: `due_soon:${row.assignment_id}:${row.enrollment_id}:${dueAt.getTime()}`,
      availableAt: new Date(dueAt.getTime() - DUE_SOON_LEAD_MS),
    });
  }
  return rows.length;
}

/**
 * At send time: is this "due soon" email still right? Not if the due date moved (the newer row will say it), the
 * trainee submitted, left the cohort, or the date has passed.
 */
export async function dueSoonStillDue(manager: EntityManager, ref: DueSoonRef, now: Date = new Date()): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM assignments a
       JOIN enrollments e ON e.id = $2 AND e.cohort_id = a.cohort_id AND e.status = 'active'
       LEFT JOIN assignment_extensions x ON x.assignment_id = a.id AND x.enrollment_id = e.id
       LEFT JOIN submissions s ON s.assignment_id = a.id AND s.enrollment_id = e.id
      WHERE a.id = $1 AND COALESCE(x.due_at, a.due_at) = $3 AND COALESCE(s.latest_version, 0) = 0 AND $3 > $4
      LIMIT 1`,
    [ref.assignmentId, ref.enrollmentId, new Date(ref.dueAt), now],
  );
  return rows.length > 0;
}
