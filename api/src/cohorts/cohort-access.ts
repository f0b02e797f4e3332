import type { EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { NotFoundException } from '../common/domain.exception';
import { CohortStaff, type CohortStaffRole } from './cohort-staff.entity';
import { Cohort } from './cohort.entity';

/** The caller's role on a cohort's staff, or null (signed out, or not staff). */
export async function staffRoleOf(manager: EntityManager, caller: Caller | undefined, cohortId: string): Promise<CohortStaffRole | null> {
  if (!caller) return null;
  const row = await manager.findOne(CohortStaff, { where: { cohortId, userId: caller.userId }, select: { id: true, role: true } });
  return row?.role ?? null;
}

/**
 * The cohort if the caller may see its staff pages: admins, and its staff (`lead` demands a lead trainer).
 * Everyone else, and anyone asking for a cohort that does not exist, gets the same 404.
 */
export async function cohortForStaff(manager: EntityManager, caller: Caller, cohortId: string, need: 'lead' | 'any'): Promise<{ cohort: Cohort; staffRole: CohortStaffRole | null }> {
  const row = await manager
    .createQueryBuilder(Cohort, 'c')
    .leftJoin(CohortStaff, 's', 's.cohort_id = c.id AND s.user_id = :userId', { userId: caller.userId })
    .addSelect('s.role', 'staff_role')
    .where('c.id = :cohortId', { cohortId })
    .getRawAndEntities<{ staff_role: CohortStaffRole | null }>();
  const cohort = row.entities[0];
  const staffRole = row.raw[0]?.staff_role ?? null;
  const allowed = caller.isAdmin || (need === 'lead' ? staffRole === 'lead_trainer' : staffRole !== null);
  if (!cohort || !allowed) throw new NotFoundException();
  return { cohort, staffRole };
}

/** A trainer is the lead trainer of at least one cohort; trainers (and admins) may create cohorts. */
export async function isTrainer(manager: EntityManager, caller: Caller): Promise<boolean> {
  return caller.isAdmin || manager.exists(CohortStaff, { where: { userId: caller.userId, role: 'lead_trainer' } });
}
