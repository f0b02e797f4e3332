import type { Locale } from '../common/localized-text';

/** Outbox kind of every email. */
export const EMAIL_KIND = 'email';

/** The emails Halaqa sends, each rendered from ar/en/fr templates in the recipient's language. */
export const EMAIL_TEMPLATES = [
  'welcome',
  'password_reset',
  'invitation',
  'enrollment_applied',
  'enrollment_accepted',
  'enrollment_rejected',
  'enrollment_waitlisted',
  'enrollment_promoted',
  'enrollment_enrolled',
  'session_reminder',
  'submission_received',
  'assignment_due_soon',
  'feedback_released',
  'returned_for_revision',
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];
/** The emails about a place in a cohort; their data names the course and cohort (`courseTitle`, `cohortName`, `startsOn`, `endsOn`, `timeZone`). */
export type EnrollmentEmailTemplate = Extract<EmailTemplate, `enrollment_${string}`>;

/** Payload of an `email` outbox message. Links are absolute (PUBLIC_WEB_URL). */
export interface EmailPayload extends Record<string, unknown> {
  template: EmailTemplate;
  to: string;
  locale: Locale;
  /** Values the template shows, e.g. `{ name, url, organizationName, expiresAt }`. Never a password. */
  data: Record<string, string>;
  /** Set on session reminders: the sender checks at send time that this is still the reminder to send. */
  reminder?: SessionReminderRef;
  /** Set on `assignment_due_soon`: the sender checks at send time that the date still holds and nothing was submitted. */
  dueSoon?: DueSoonRef;
}

/** Which reminder an email is: the session, the person, and the session's `sequence` when it was queued. */
export interface SessionReminderRef extends Record<string, unknown> {
  sessionId: string;
  userId: string;
  sequence: number;
}

/** Which "due soon" email this is: the assignment, the trainee's enrollment, and the due date it announces. */
export interface DueSoonRef extends Record<string, unknown> {
  assignmentId: string;
  enrollmentId: string;
  dueAt: string;
}
