import type { EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { NotFoundException } from '../common/domain.exception';
import type { LocalizedText } from '../common/localized-text';
import { LearningCircle } from './learning-circle.entity';

/** How the caller stands to a circle; the strongest role wins (an admin who leads the cohort is `lead_trainer`). */
export type CircleRole = 'lead_trainer' | 'admin' | 'coach' | 'member';

/**
 * What a route needs: `manage` — lead trainers of the circle's cohort and admins; `coach` — those and the circle's
 * coaches; `view` — those and its current members (a trainee's view).
 */
export type CircleNeed = 'manage' | 'coach' | 'view';

export interface CircleAccess {
  circle: LearningCircle;
  role: CircleRole;
  /** The caller's enrollment when they are a current member of the circle, else null. */
  memberEnrollmentId: string | null;
}

const ALLOWED: Record<CircleNeed, readonly CircleRole[]> = {
  manage: ['lead_trainer', 'admin'],
  coach: ['lead_trainer', 'admin', 'coach'],
  view: ['lead_trainer', 'admin', 'coach', 'member'],
};

interface AccessRow {
  id: string;
  cohort_id: string;
  name: LocalizedText;
  place: LocalizedText;
  online: boolean;
  created_at: Date;
  updated_at: Date;
  lead: boolean;
  coach: boolean;
  member_enrollment_id: string | null;
}

/**
 * The circle if the caller may do what `need` asks, in one query; anyone else — a coach of another circle, a cohort
 * coach who does not coach this one, a trainee of another circle, a lead trainer of another cohort — and anyone
 * asking for a circle that does not exist get the same 404. Sessions, attendance and calendars reuse it.
 */
export async function circleAccess(manager: EntityManager, caller: Caller, circleId: string, need: CircleNeed): Promise<CircleAccess> {
  const rows: AccessRow[] = await manager.query(
    `SELECT c.id, c.cohort_id, c.name, c.place, c.online, c.created_at, c.updated_at,
       EXISTS (SELECT 1 FROM cohort_staff s WHERE s.cohort_id = c.cohort_id AND s.user_id = $2 AND s.role = 'lead_trainer') AS lead,
       EXISTS (SELECT 1 FROM circle_coaches k WHERE k.circle_id = c.id AND k.user_id = $2) AS coach,
       (SELECT m.enrollment_id FROM circle_memberships m JOIN enrollments e ON e.id = m.enrollment_id
         WHERE m.circle_id = c.id AND m.left_at IS NULL AND e.user_id = $2 LIMIT 1) AS member_enrollment_id
     FROM learning_circles c WHERE c.id = $1`,
    [circleId, caller.userId]
  );
  const row = rows[0];
  if (!row) throw new NotFoundException();
  const role: CircleRole | null = row.lead ? 'lead_trainer' : caller.isAdmin ? 'admin' : row.coach ? 'coach' : row.member_enrollment_id ? 'member' : null;
  if (role === null || !ALLOWED[need].includes(role)) throw new NotFoundException();
  const circle = Object.assign(new LearningCircle(), {
    id: row.id,
    cohortId: row.cohort_id,
    name: row.name,
    place: row.place,
    online: row.online,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
  return { circle, role, memberEnrollmentId: row.member_enrollment_id };
}

/** Every circle a user coaches or is a current member of, in one query (for `GET /api/me`). */
export async function circleRolesOf(manager: EntityManager, userId: string): Promise<{ circleId: string; role: 'coach' | 'member' }[]> {
  return manager
    .query(
      `SELECT k.circle_id AS "circleId", 'coach' AS role, k.created_at AS at FROM circle_coaches k WHERE k.user_id = $1
     UNION ALL
     SELECT m.circle_id, 'member', m.joined_at FROM circle_memberships m JOIN enrollments e ON e.id = m.enrollment_id
      WHERE e.user_id = $1 AND m.left_at IS NULL
     ORDER BY at ASC, "circleId" ASC`,
      [userId]
    )
    .then((rows: { circleId: string; role: 'coach' | 'member' }[]) => rows.map((r) => ({ circleId: r.circleId, role: r.role })));
}
