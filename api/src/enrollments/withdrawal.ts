import type { EntityManager } from 'typeorm';
import { ConflictException, NotFoundException } from '../common/domain.exception';
import { lockCohort } from '../cohorts/capacity';
import type { OutboxService } from '../outbox/outbox.service';
import { changeStatus } from './enrollment-transitions';
import { Enrollment, type EnrollmentStatus } from './enrollment.entity';
import { promoteFromWaitlist } from './waitlist';

/** From these one can leave a cohort; completed and rejected are final, withdrawn already left. */
const WITHDRAWABLE = new Set<EnrollmentStatus>(['applied', 'waitlisted', 'active']);

export interface Withdrawal {
  enrollment: Enrollment;
  from: EnrollmentStatus;
  /** Enrollments moved from the waitlist into the freed place. */
  promoted: string[];
}

/**
 * Withdraws an enrollment in the caller's transaction: locks the cohort first (the order every place-changing
 * operation follows, so two of them never deadlock), then the enrollment, records the transition and promotes the
 * earliest waitlisted people into whatever place it freed. `scope` narrows which enrollment may be found (the
 * trainee's own, the cohort's, an organization's nominee); anything else is 404.
 */
export async function withdrawEnrollment(
  manager: EntityManager,
  outbox: OutboxService,
  input: { enrollmentId: string; actorId: string; scope: { userId?: string; cohortId?: string; sponsoringOrganizationId?: string } },
): Promise<Withdrawal> {
  const found = await manager.findOne(Enrollment, { where: { id: input.enrollmentId, ...input.scope }, select: { id: true, cohortId: true } });
  if (!found) throw new NotFoundException();
  await lockCohort(manager, found.cohortId);
  const enrollment = await manager.findOne(Enrollment, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
  if (!enrollment) throw new NotFoundException();
  const from = enrollment.status;
  if (!WITHDRAWABLE.has(from)) throw new ConflictException('enrollment.not_withdrawable', 'errors.enrollment_not_withdrawable');
  await changeStatus(manager, enrollment, 'withdrawn', input.actorId);
  // Leaving the cohort ends their stay in its circle (kept as history: past attendance stays where it was).
  await manager.query('UPDATE circle_memberships SET left_at = now() WHERE enrollment_id = $1 AND left_at IS NULL', [enrollment.id]);
  const promoted = from === 'active' ? await promoteFromWaitlist(manager, enrollment.cohortId, outbox) : [];
  return { enrollment, from, promoted };
}
