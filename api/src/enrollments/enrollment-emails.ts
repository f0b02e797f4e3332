import type { EntityManager } from 'typeorm';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import { EMAIL_KIND, type EmailPayload, type EnrollmentEmailTemplate } from '../mail/email-message';
import type { OutboxService } from '../outbox/outbox.service';
import { displayName } from '../users/user.response';

/** One email to queue: which enrollment, and the event that caused it (its id makes the dedupe key). */
export interface EnrollmentEmailRequest {
  template: EnrollmentEmailTemplate;
  enrollmentId: string;
  eventId: string;
}

interface Row {
  enrollment_id: string;
  cohort_id: string;
  email: string;
  locale: Locale;
  name_latin: string;
  name_arabic: string;
  cohort_name: LocalizedText;
  course_title: LocalizedText;
  starts_on: string;
  ends_on: string;
  time_zone: string;
  organization_name: LocalizedText | null;
}

/** Where each email's button leads: the cohort's page, or the catalog when there is no place for them there. */
function pathFor(template: EnrollmentEmailTemplate, locale: Locale, cohortId: string): string {
  switch (template) {
    case 'enrollment_rejected':
      return `/${locale}/courses`;
    case 'enrollment_applied':
      return `/${locale}/dashboard`;
    case 'enrollment_accepted':
    case 'enrollment_waitlisted':
    case 'enrollment_promoted':
    case 'enrollment_enrolled':
      return `/${locale}/cohorts/${cohortId}`;
  }
}

/**
 * Queues enrollment emails in the caller's transaction, each in its recipient's language, naming the course and
 * cohort with the cohort's dates and time zone. One query loads what all of them need. The dedupe key is the
 * enrollment event's id, so a retried transaction or a re-run never sends the same news twice.
 */
export async function queueEnrollmentEmails(manager: EntityManager, outbox: OutboxService, requests: readonly EnrollmentEmailRequest[]): Promise<void> {
  if (requests.length === 0) return;
  const rows: Row[] = await manager.query(
    `SELECT e.id AS enrollment_id, c.id AS cohort_id, u.email, u.locale, u.name_latin, u.name_arabic,
            c.name AS cohort_name, co.title AS course_title, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on,
            to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on, c.time_zone,
            CASE WHEN s.id IS NOT NULL THEN o.name END AS organization_name
       FROM enrollments e
       JOIN users u ON u.id = e.user_id
       JOIN cohorts c ON c.id = e.cohort_id
       JOIN courses co ON co.id = c.course_id
       LEFT JOIN organizations o ON o.id = e.sponsoring_organization_id
       LEFT JOIN seat_allocations s ON s.cohort_id = c.id AND s.organization_id = e.sponsoring_organization_id
      WHERE e.id = ANY($1::uuid[])`,
    [requests.map((r) => r.enrollmentId)],
  );
  const byId = new Map(rows.map((row) => [row.enrollment_id, row]));
  for (const request of requests) {
    const row = byId.get(request.enrollmentId);
    if (!row) continue;
    const locale = row.locale;
    const data: Record<string, string> = {
      name: displayName({ nameLatin: row.name_latin, nameArabic: row.name_arabic, locale }),
      url: pathFor(request.template, locale, row.cohort_id),
      courseTitle: resolveText(row.course_title, locale).text,
      cohortName: resolveText(row.cohort_name, locale).text,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      timeZone: row.time_zone,
    };
    // Only a nomination into an organization's seats names the organization.
    if (request.template === 'enrollment_enrolled' && row.organization_name) data.organizationName = resolveText(row.organization_name, locale).text;
    const email: EmailPayload = { template: request.template, to: row.email, locale, data };
    await outbox.enqueue(manager, { kind: EMAIL_KIND, payload: email, dedupeKey: `enrollment-event:${request.eventId}` });
  }
}
