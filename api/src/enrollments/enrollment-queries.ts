import type { EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { NotFoundException } from '../common/domain.exception';
import { CohortStaff, type CohortStaffRole } from '../cohorts/cohort-staff.entity';

/** The caller's role on a cohort's staff, or null. */
export async function staffRoleOf(manager: EntityManager, cohortId: string, userId: string): Promise<CohortStaffRole | null> {
  const row = await manager.findOne(CohortStaff, { where: { cohortId, userId }, select: { id: true, role: true } });
  return row?.role ?? null;
}

/**
 * Lead trainers of the cohort and admins may decide and withdraw; coaches (read-only) and everyone else get 404,
 * so the route cannot be told apart from a cohort that does not exist.
 */
export async function assertLeadTrainer(manager: EntityManager, caller: Caller, cohortId: string): Promise<void> {
  if (caller.isAdmin) return;
  if ((await staffRoleOf(manager, cohortId, caller.userId)) !== 'lead_trainer') throw new NotFoundException();
}

/** Lead trainers and coaches of the cohort, and admins, see its roster. */
export async function assertStaff(manager: EntityManager, caller: Caller, cohortId: string): Promise<void> {
  if (caller.isAdmin) return;
  if (!(await staffRoleOf(manager, cohortId, caller.userId))) throw new NotFoundException();
}

/**
 * Waitlist positions (1 = next to be promoted) of the given enrollments, in one query whatever their number or
 * cohorts. Enrollments that are not waitlisted are absent from the map. Ordered by (waitlistedAt, id), like the
 * promotion itself and the cohort page's `viewer.waitlistPosition`.
 */
export async function waitlistPositions(manager: EntityManager, enrollmentIds: readonly string[]): Promise<Map<string, number>> {
  if (enrollmentIds.length === 0) return new Map();
  const rows: { id: string; position: string }[] = await manager.query(
    `SELECT w.id, w.position FROM (
       SELECT e.id, row_number() OVER (PARTITION BY e.cohort_id ORDER BY e.waitlisted_at ASC NULLS LAST, e.id ASC) AS position
         FROM enrollments e
        WHERE e.status = 'waitlisted'
          AND e.cohort_id IN (SELECT cohort_id FROM enrollments WHERE id = ANY($1::uuid[]) AND status = 'waitlisted')
     ) w
     WHERE w.id = ANY($1::uuid[])`,
    [enrollmentIds],
  );
  return new Map(rows.map((r) => [r.id, Number(r.position)]));
}

/**
 * SQL for "the person's organization" of an enrollment `e`: the organization that sponsors them, else the one they
 * named when joining, else the first organization they joined. Quotas by organization or city and the roster's
 * organization column use it.
 */
export const PERSON_ORGANIZATION_ID = `COALESCE(e.sponsoring_organization_id, e.reporting_organization_id,
  (SELECT m.organization_id FROM organization_members m WHERE m.user_id = e.user_id ORDER BY m.created_at ASC, m.id ASC LIMIT 1))`;
