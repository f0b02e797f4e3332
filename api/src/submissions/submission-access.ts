import type { EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { NotFoundException } from '../common/domain.exception';
import { Submission, type SubmissionStatus } from './submission.entity';

/**
 * How the caller stands to a submission; the strongest role wins: `owner` (the trainee whose work it is),
 * `lead_trainer` of the cohort, `admin`, `coach` of the circle the trainee is currently in, `peer` (a current
 * member of the same circle).
 */
export type SubmissionRole = 'owner' | 'lead_trainer' | 'admin' | 'coach' | 'peer';

/**
 * What a route needs:
 * - `own` — the trainee themself (active or completed enrollment): their draft, files, versions;
 * - `review` — staff who may review: a coach of the trainee's current circle, a lead trainer of the cohort, an admin;
 * - `peer` — any of those and a current circle-mate. With role `peer` the caller must still check, per version,
 *   that its review is released and passed (a peer sees nothing else).
 */
export type SubmissionNeed = 'own' | 'review' | 'peer';

export interface SubmissionAccess {
  submission: Submission;
  role: SubmissionRole;
  cohortId: string;
  /** The trainee's user id (for emails, names). */
  traineeUserId: string;
  /** The trainee's current circle, if any. */
  circleId: string | null;
}

const ALLOWED: Record<SubmissionNeed, readonly SubmissionRole[]> = {
  own: ['owner'],
  review: ['lead_trainer', 'admin', 'coach'],
  peer: ['owner', 'lead_trainer', 'admin', 'coach', 'peer'],
};

interface AccessRow {
  id: string;
  assignment_id: string;
  enrollment_id: string;
  status: SubmissionStatus;
  draft_text: string;
  draft_saved_at: Date | null;
  latest_version: number;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  cohort_id: string;
  trainee_user_id: string;
  trainee_status: string;
  circle_id: string | null;
  lead: boolean;
  coach: boolean;
  peer: boolean;
}

/**
 * The submission if the caller may do what `need` asks, in one query. Anyone else — another trainee, a coach of
 * another circle, a lead trainer of another cohort — and anyone asking for a submission that does not exist get
 * the same 404. Shared by submissions, files, reviews, comments.
 */
export async function submissionAccess(manager: EntityManager, caller: Caller, submissionId: string, need: SubmissionNeed): Promise<SubmissionAccess> {
  const rows: AccessRow[] = await manager.query(
    `SELECT s.id, s.assignment_id, s.enrollment_id, s.status, s.draft_text, s.draft_saved_at, s.latest_version,
       s.submitted_at, s.created_at, s.updated_at, e.cohort_id, e.user_id AS trainee_user_id, e.status AS trainee_status,
       m.circle_id,
       EXISTS (SELECT 1 FROM cohort_staff cs WHERE cs.cohort_id = e.cohort_id AND cs.user_id = $2 AND cs.role = 'lead_trainer') AS lead,
       (m.circle_id IS NOT NULL AND EXISTS (SELECT 1 FROM circle_coaches k WHERE k.circle_id = m.circle_id AND k.user_id = $2)) AS coach,
       (m.circle_id IS NOT NULL AND EXISTS (SELECT 1 FROM circle_memberships pm JOIN enrollments pe ON pe.id = pm.enrollment_id
          WHERE pm.circle_id = m.circle_id AND pm.left_at IS NULL AND pe.user_id = $2 AND pe.id <> e.id
            AND pe.status IN ('active', 'completed'))) AS peer
     FROM submissions s
     JOIN enrollments e ON e.id = s.enrollment_id
     LEFT JOIN circle_memberships m ON m.enrollment_id = e.id AND m.left_at IS NULL
     WHERE s.id = $1`,
    [submissionId, caller.userId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundException();
  const isOwner = row.trainee_user_id === caller.userId && (row.trainee_status === 'active' || row.trainee_status === 'completed');
  const role: SubmissionRole | null = isOwner
    ? 'owner'
    : row.lead
      ? 'lead_trainer'
      : caller.isAdmin
        ? 'admin'
        : row.coach
          ? 'coach'
          : row.peer
            ? 'peer'
            : null;
  if (role === null || !ALLOWED[need].includes(role)) throw new NotFoundException();
  const submission = Object.assign(new Submission(), {
    id: row.id,
    assignmentId: row.assignment_id,
    enrollmentId: row.enrollment_id,
    status: row.status,
    draftText: row.draft_text,
    draftSavedAt: row.draft_saved_at,
    latestVersion: row.latest_version,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
  return { submission, role, cohortId: row.cohort_id, traineeUserId: row.trainee_user_id, circleId: row.circle_id };
}
