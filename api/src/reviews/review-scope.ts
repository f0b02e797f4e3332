import type { EntityManager } from 'typeorm';
import type { RubricCriterion } from '@halaqa/courses';
import type { Caller } from '../access/access.decorator';
import { NotFoundException } from '../common/domain.exception';
import type { LocalizedText } from '../common/localized-text';
import type { SubmissionStatus } from '../submissions/submission.entity';

/** How the caller stands to a submission: its author, staff who may review it, or a circle-mate. */
export type SubmissionRole = 'own' | 'review' | 'peer';

export interface ScopedSubmission {
  id: string;
  status: SubmissionStatus;
  latestVersion: number;
  enrollmentId: string;
  traineeId: string;
  traineeEmail: string;
  traineeLocale: 'ar' | 'en' | 'fr';
  traineeName: string;
  assignmentId: string;
  assignmentTitle: LocalizedText;
  rubric: RubricCriterion[];
  passMark: number;
  cohortId: string;
  cohortName: LocalizedText;
  courseTitle: LocalizedText;
  role: SubmissionRole;
}

interface Row {
  id: string;
  status: SubmissionStatus;
  latest_version: number;
  enrollment_id: string;
  enrollment_status: string;
  trainee_id: string;
  email: string;
  locale: 'ar' | 'en' | 'fr';
  name_latin: string;
  name_arabic: string | null;
  assignment_id: string;
  title: LocalizedText;
  rubric: RubricCriterion[];
  pass_mark: number;
  cohort_id: string;
  cohort_name: LocalizedText;
  course_title: LocalizedText;
  lead: boolean;
  coach: boolean;
  peer: boolean;
}

/**
 * The submission and the caller's role on it, in one query, with what reviews and emails need (rubric, trainee's
 * address and language): `own` — its author (active or completed enrollment); `review` — lead trainers of the
 * cohort, admins, and coaches of a circle the trainee is currently in; `peer` — a current member of the trainee's
 * circle. Same rules as `submissionAccess` (api/src/submissions/submission-access.ts), which answers less. Anyone
 * else, or a role not in `allowed`: 404.
 */
export async function submissionScope(manager: EntityManager, caller: Caller, submissionId: string, allowed: readonly SubmissionRole[]): Promise<ScopedSubmission> {
  const rows: Row[] = await manager.query(
    `SELECT s.id, s.status, s.latest_version, s.enrollment_id, e.status AS enrollment_status, e.user_id AS trainee_id,
       u.email, u.locale, u.name_latin, u.name_arabic, a.id AS assignment_id, a.title, a.rubric, a.pass_mark, a.cohort_id,
       co.name AS cohort_name, c.title AS course_title,
       EXISTS (SELECT 1 FROM cohort_staff cs WHERE cs.cohort_id = a.cohort_id AND cs.user_id = $2 AND cs.role = 'lead_trainer') AS lead,
       EXISTS (SELECT 1 FROM circle_memberships m JOIN circle_coaches k ON k.circle_id = m.circle_id
               WHERE m.enrollment_id = s.enrollment_id AND m.left_at IS NULL AND k.user_id = $2) AS coach,
       EXISTS (SELECT 1 FROM circle_memberships m JOIN circle_memberships m2 ON m2.circle_id = m.circle_id AND m2.left_at IS NULL
               JOIN enrollments e2 ON e2.id = m2.enrollment_id
               WHERE m.enrollment_id = s.enrollment_id AND m.left_at IS NULL AND e2.user_id = $2 AND e2.id <> s.enrollment_id
                 AND e2.status IN ('active', 'completed')) AS peer
     FROM submissions s
     JOIN enrollments e ON e.id = s.enrollment_id
     JOIN users u ON u.id = e.user_id
     JOIN assignments a ON a.id = s.assignment_id
     JOIN cohorts co ON co.id = a.cohort_id
     JOIN courses c ON c.id = co.course_id
     WHERE s.id = $1`,
    [submissionId, caller.userId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundException();
  // The author comes first (as in submissionAccess): nobody reviews their own work, not even an admin.
  const role: SubmissionRole | null =
    row.trainee_id === caller.userId && ['active', 'completed'].includes(row.enrollment_status)
      ? 'own'
      : row.lead || caller.isAdmin || row.coach
        ? 'review'
        : row.peer
          ? 'peer'
          : null;
  if (role === null || !allowed.includes(role)) throw new NotFoundException();
  return {
    id: row.id,
    status: row.status,
    latestVersion: row.latest_version,
    enrollmentId: row.enrollment_id,
    traineeId: row.trainee_id,
    traineeEmail: row.email,
    traineeLocale: row.locale,
    traineeName: (row.locale === 'ar' ? row.name_arabic || row.name_latin : row.name_latin || row.name_arabic || '').trim(),
    assignmentId: row.assignment_id,
    assignmentTitle: row.title,
    rubric: row.rubric,
    passMark: row.pass_mark,
    cohortId: row.cohort_id,
    cohortName: row.cohort_name,
    courseTitle: row.course_title,
    role,
  };
}

/** SQL for a person's name as a reader of `locale` sees it (`u` = users alias). */
export function nameSql(alias: string, locale: string): string {
  return locale === 'ar'
    ? `COALESCE(NULLIF(${alias}.name_arabic, ''), ${alias}.name_latin)`
    : `COALESCE(NULLIF(${alias}.name_latin, ''), ${alias}.name_arabic)`;
}
