import type { EntityManager } from 'typeorm';
import type { CertificateSettings } from '@halaqa/certificates';
import type { CompletionRule } from '@halaqa/courses';
import type { Caller } from '../access/access.decorator';
import { NotFoundException } from '../common/domain.exception';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import type { EnrollmentStatus } from '../enrollments/enrollment.entity';
import { enrollmentAttendanceRates, type AttendanceRate } from '../sessions/attendance-rates';

/** The enrollments whose progress counts: people taking part or done. */
export const PROGRESS_STATUSES: readonly EnrollmentStatus[] = ['active', 'completed'];

/** How the caller stands to a cohort's completion pages. */
export interface CompletionScope {
  cohortId: string;
  rule: CompletionRule;
  settings: CertificateSettings;
  /** Lead trainer of the cohort or admin: every trainee, and may record reviews and issue certificates. */
  manage: boolean;
  /** Null: every trainee; else only those currently in these circles (a coach). */
  circles: string[] | null;
}

interface ScopeRow {
  id: string;
  completion_rule: CompletionRule;
  certificate_settings: CertificateSettings;
  lead: boolean;
  coached: string[];
}

/**
 * Lead trainers and admins see the whole cohort; a coach the trainees of the circles they coach; anyone else (and a
 * cohort that does not exist) 404. `need: 'manage'` refuses coaches too. One query.
 */
export async function completionScope(manager: EntityManager, caller: Caller, cohortId: string, need: 'view' | 'manage'): Promise<CompletionScope> {
  const rows: ScopeRow[] = await manager.query(
    `SELECT c.id, c.completion_rule, c.certificate_settings,
       EXISTS (SELECT 1 FROM cohort_staff cs WHERE cs.cohort_id = c.id AND cs.user_id = $2 AND cs.role = 'lead_trainer') AS lead,
       ARRAY(SELECT k.circle_id FROM circle_coaches k JOIN learning_circles lc ON lc.id = k.circle_id WHERE lc.cohort_id = c.id AND k.user_id = $2)::text[] AS coached
     FROM cohorts c WHERE c.id = $1`,
    [cohortId, caller.userId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundException();
  const base = { cohortId, rule: row.completion_rule, settings: row.certificate_settings };
  if (row.lead || caller.isAdmin) return { ...base, manage: true, circles: null };
  if (need === 'manage' || row.coached.length === 0) throw new NotFoundException();
  return { ...base, manage: false, circles: row.coached };
}

export interface RequiredAssignment {
  id: string;
  exerciseKey: string;
  title: LocalizedText;
}

/** The cohort's assignments the rule requires (all of them for `'all'`), in course order. */
export async function requiredAssignments(manager: EntityManager, cohortId: string, rule: CompletionRule): Promise<RequiredAssignment[]> {
  const rows: { id: string; exercise_key: string; title: LocalizedText }[] = await manager.query(
    `SELECT id, exercise_key, title FROM assignments
      WHERE cohort_id = $1 AND ($2::text[] IS NULL OR exercise_key = ANY($2::text[]))
      ORDER BY position, id`,
    [cohortId, rule.requiredExercises === 'all' ? null : rule.requiredExercises],
  );
  return rows.map((r) => ({ id: r.id, exerciseKey: r.exercise_key, title: r.title }));
}

/** The certificate columns progress and lists show (`CertificateSummary` is built from these). */
export interface CertificateRow {
  id: string;
  code: string;
  revision: number;
  issuedAt: Date;
  revokedAt: Date | null;
  pdfRevision: number | null;
}

/** Everything that decides one trainee's completion, with the rules evaluated. */
export interface ProgressRecord {
  enrollmentId: string;
  userId: string;
  email: string;
  locale: Locale;
  nameLatin: string;
  nameArabic: string;
  displayName: string;
  status: EnrollmentStatus;
  circle: { id: string; name: LocalizedText } | null;
  attendance: AttendanceRate & { met: boolean };
  assignments: { required: number; passed: number; met: boolean; passedIds: Set<string> };
  finalReview: { required: boolean; passed: boolean | null; note: string; reviewedAt: Date | null; met: boolean };
  /** The rules not met (empty when eligible by the rules), in a fixed order: attendance, assignments, final review. */
  unmet: UnmetRule[];
  eligible: boolean;
  certificate: CertificateRow | null;
}

export type UnmetRule = 'status' | 'attendance' | 'assignments' | 'final_review';

/** One trainee's row as `loadProgress` reads it (exported for the unit test of the rules). */
export interface PersonRow {
  enrollment_id: string;
  user_id: string;
  email: string;
  locale: Locale;
  name_latin: string;
  name_arabic: string;
  display_name: string;
  status: EnrollmentStatus;
  circle_id: string | null;
  circle_name: LocalizedText | null;
  passed_ids: string[];
  review_passed: boolean | null;
  review_note: string | null;
  reviewed_at: Date | null;
  certificate_id: string | null;
  code: string | null;
  revision: number | null;
  issued_at: Date | null;
  revoked_at: Date | null;
  pdf_revision: number | null;
}

export interface ProgressFilter {
  /** Only these enrollments (one trainee's progress, or a batch). */
  enrollmentIds?: readonly string[];
  /** Coach scope: only trainees currently in these circles. */
  circles?: readonly string[] | null;
}

/**
 * Completion progress of a cohort's trainees, computed on read (docs/certificates.md): two queries whatever the
 * cohort's size — people with their passed required work, final review and certificate, then attendance across
 * circles. Sorted by display name in the reader's language.
 */
export async function loadProgress(
  manager: EntityManager,
  cohortId: string,
  rule: CompletionRule,
  required: readonly RequiredAssignment[],
  locale: Locale,
  filter: ProgressFilter = {},
): Promise<ProgressRecord[]> {
  const params: unknown[] = [cohortId, PROGRESS_STATUSES, required.map((a) => a.id)];
  const where = [`e.cohort_id = $1`, `e.status = ANY($2::text[])`];
  if (filter.enrollmentIds) where.push(`e.id = ANY($${params.push(filter.enrollmentIds)}::uuid[])`);
  if (filter.circles) where.push(`m.circle_id = ANY($${params.push(filter.circles)}::uuid[])`);
  const nameExpr = locale === 'ar' ? `COALESCE(NULLIF(u.name_arabic, ''), u.name_latin)` : `COALESCE(NULLIF(u.name_latin, ''), u.name_arabic)`;
  const people: PersonRow[] = await manager.query(
    `SELECT e.id AS enrollment_id, e.user_id, u.email, u.locale, u.name_latin, u.name_arabic, ${nameExpr} AS display_name, e.status,
       m.circle_id, lc.name AS circle_name,
       ARRAY(SELECT s.assignment_id FROM submissions s WHERE s.enrollment_id = e.id AND s.status = 'passed' AND s.assignment_id = ANY($3::uuid[]))::text[] AS passed_ids,
       f.passed AS review_passed, f.note AS review_note, f.reviewed_at,
       c.id AS certificate_id, c.code, c.revision, c.issued_at, c.revoked_at, c.pdf_revision
     FROM enrollments e
     JOIN users u ON u.id = e.user_id
     LEFT JOIN circle_memberships m ON m.enrollment_id = e.id AND m.left_at IS NULL
     LEFT JOIN learning_circles lc ON lc.id = m.circle_id
     LEFT JOIN final_reviews f ON f.enrollment_id = e.id
     LEFT JOIN certificates c ON c.enrollment_id = e.id
     WHERE ${where.join(' AND ')}
     ORDER BY lower(${nameExpr}), e.id`,
    params,
  );
  const attendance = await enrollmentAttendanceRates(
    manager,
    people.map((p) => p.enrollment_id),
  );
  return people.map((p) => evaluate(p, rule, required.length, attendance.get(p.enrollment_id) ?? { held: 0, attended: 0, rate: null }));
}

/** Applies the rule to one trainee (docs/certificates.md, "Completion rules and progress"). */
export function evaluate(p: PersonRow, rule: CompletionRule, requiredCount: number, rate: AttendanceRate): ProgressRecord {
  const attendanceMet = rule.minAttendancePercent <= 0 || (rate.held > 0 && (rate.attended / rate.held) * 100 >= rule.minAttendancePercent);
  const passedIds = new Set(p.passed_ids);
  const assignmentsMet = passedIds.size >= requiredCount;
  const reviewMet = !rule.finalReview || p.review_passed === true;
  const unmet: UnmetRule[] = [];
  if (!PROGRESS_STATUSES.includes(p.status)) unmet.push('status');
  if (!attendanceMet) unmet.push('attendance');
  if (!assignmentsMet) unmet.push('assignments');
  if (!reviewMet) unmet.push('final_review');
  return {
    enrollmentId: p.enrollment_id,
    userId: p.user_id,
    email: p.email,
    locale: p.locale,
    nameLatin: p.name_latin,
    nameArabic: p.name_arabic,
    displayName: p.display_name,
    status: p.status,
    circle: p.circle_id ? { id: p.circle_id, name: p.circle_name ?? {} } : null,
    attendance: { ...rate, met: attendanceMet },
    assignments: { required: requiredCount, passed: passedIds.size, met: assignmentsMet, passedIds },
    finalReview: { required: rule.finalReview, passed: p.review_passed, note: p.review_note ?? '', reviewedAt: p.reviewed_at, met: reviewMet },
    unmet,
    eligible: unmet.length === 0,
    certificate:
      p.certificate_id && p.code && p.revision !== null && p.issued_at
        ? { id: p.certificate_id, code: p.code, revision: p.revision, issuedAt: p.issued_at, revokedAt: p.revoked_at, pdfRevision: p.pdf_revision }
        : null,
  };
}

/** The circle's name for a reader. */
export function circleName(circle: ProgressRecord['circle'], locale: Locale): { id: string; name: string } | null {
  return circle ? { id: circle.id, name: resolveText(circle.name, locale).text } : null;
}
