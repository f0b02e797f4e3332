import type { EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { NotFoundException } from '../common/domain.exception';

/** How the caller stands to a cohort's assignments; the strongest role wins. */
export type AssignmentRole = 'lead_trainer' | 'admin' | 'coach' | 'trainee';

export interface CohortAssignmentAccess {
  cohortId: string;
  role: AssignmentRole;
  /** The caller's own enrollment (active or completed), when they are a trainee of the cohort. */
  enrollmentId: string | null;
  canManage: boolean;
}

interface Row {
  id: string;
  staff_role: 'lead_trainer' | 'coach' | null;
  enrollment_id: string | null;
}

/**
 * The caller's standing on a cohort for assignments, in one query: `manage` needs a lead trainer or admin; `view`
 * any cohort staff, admin, or trainee with an active or completed enrollment. Everyone else: 404.
 */
export async function cohortAssignmentAccess(manager: EntityManager, caller: Caller, cohortId: string, need: 'manage' | 'view'): Promise<CohortAssignmentAccess> {
  const rows: Row[] = await manager.query(
    `SELECT c.id,
       (SELECT s.role FROM cohort_staff s WHERE s.cohort_id = c.id AND s.user_id = $2 ORDER BY s.role = 'lead_trainer' DESC LIMIT 1) AS staff_role,
       (SELECT e.id FROM enrollments e WHERE e.cohort_id = c.id AND e.user_id = $2 AND e.status IN ('active', 'completed') LIMIT 1) AS enrollment_id
     FROM cohorts c WHERE c.id = $1`,
    [cohortId, caller.userId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundException();
  const role: AssignmentRole | null =
    row.staff_role === 'lead_trainer' ? 'lead_trainer' : caller.isAdmin ? 'admin' : row.staff_role === 'coach' ? 'coach' : row.enrollment_id ? 'trainee' : null;
  const canManage = role === 'lead_trainer' || role === 'admin';
  if (role === null || (need === 'manage' && !canManage)) throw new NotFoundException();
  return { cohortId, role, enrollmentId: role === 'trainee' ? row.enrollment_id : null, canManage };
}
