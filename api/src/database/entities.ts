import { AssignmentExtension } from '../assignments/assignment-extension.entity';
import { Assignment } from '../assignments/assignment.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { CertificateBatch } from '../certificates/certificate-batch.entity';
import { Certificate } from '../certificates/certificate.entity';
import { FinalReview } from '../completion/final-review.entity';
import { WorkerHeartbeat } from '../health/worker-heartbeat.entity';
import { PasswordReset } from '../auth/password-reset.entity';
import { RateLimitBucket } from '../auth/rate-limit-bucket.entity';
import { Session } from '../auth/session.entity';
import { Invitation } from '../invitations/invitation.entity';
import { OrganizationMember } from '../organizations/organization-member.entity';
import { Organization } from '../organizations/organization.entity';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { CohortInviteCode } from '../cohorts/cohort-invite-code.entity';
import { CohortStaff } from '../cohorts/cohort-staff.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { SeatAllocation } from '../cohorts/seat-allocation.entity';
import { CourseVersion } from '../courses/course-version.entity';
import { Course } from '../courses/course.entity';
import { EnrollmentEvent } from '../enrollments/enrollment-event.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { CalendarFeed } from '../calendar/calendar-feed.entity';
import { CircleCoach } from '../circles/circle-coach.entity';
import { CircleMembership } from '../circles/circle-membership.entity';
import { LearningCircle } from '../circles/learning-circle.entity';
import { Attendance } from '../sessions/attendance.entity';
import { CircleSession } from '../sessions/circle-session.entity';
import { SessionSeries } from '../sessions/session-series.entity';
import { SubmissionFile } from '../files/submission-file.entity';
import { FeedbackComment } from '../reviews/feedback-comment.entity';
import { Review } from '../reviews/review.entity';
import { SubmissionVersion } from '../submissions/submission-version.entity';
import { Submission } from '../submissions/submission.entity';
import { User } from '../users/user.entity';

/** Every entity, listed once: the api, the worker and the schema-drift test use the same list. */
export const ENTITIES = [
  User, Session, PasswordReset, RateLimitBucket, Organization, OrganizationMember, Invitation, AuditEvent, OutboxMessage,
  Course, CourseVersion, Cohort, CohortStaff, SeatAllocation, CohortInviteCode, Enrollment, EnrollmentEvent,
  LearningCircle, CircleCoach, CircleMembership, SessionSeries, CircleSession, Attendance, CalendarFeed,
  Assignment, AssignmentExtension, Submission, SubmissionVersion, SubmissionFile, Review, FeedbackComment,
  FinalReview, CertificateBatch, Certificate, WorkerHeartbeat,
];
