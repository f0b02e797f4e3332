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
  'certificate_issued',
  'certificate_revoked',
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];
/** The emails about a place in a cohort; their data names the course and cohort (`courseTitle`, `cohortName`, `startsOn`, `endsOn`, `timeZone`). */
export type EnrollmentEmailTemplate = Extract<EmailTemplate, `enrollment_${string}`>;

/**
 * Data of the certificate emails. `certificate_issued`: `name`, `courseTitle`, `cohortName`, `verifyUrl` (the public
 * verify page), `url` (the holder's dashboard), `corrected: 'true'` on a re-issue (revision > 1); the PDF comes as an
 * attachment. `certificate_revoked`: `name`, `courseTitle`, `cohortName`, `revokedAt` (ISO instant), `timeZone`
 * (optional, the cohort's), `reason`, `url` (the dashboard).
 */
export type CertificateEmailTemplate = Extract<EmailTemplate, `certificate_${string}`>;

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
  /** Set on `certificate_issued`: sent only while this is still the certificate's current, unrevoked revision. */
  certificate?: CertificateRef;
  /** Files from the FileStore sent with the email (the certificate PDF). */
  attachments?: EmailAttachment[];
}

/** Which certificate revision an email announces. */
export interface CertificateRef extends Record<string, unknown> {
  certificateId: string;
  revision: number;
}

/** A stored file attached to an email: read from the FileStore when the email is sent, never copied into the row. */
export interface EmailAttachment extends Record<string, unknown> {
  fileKey: string;
  filename: string;
  contentType: string;
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
