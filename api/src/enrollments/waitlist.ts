import type { EntityManager } from 'typeorm';
import { occupancyOf } from '../cohorts/capacity';
import { Cohort } from '../cohorts/cohort.entity';
import type { OutboxService } from '../outbox/outbox.service';
import { queueEnrollmentEmails } from './enrollment-emails';
import { ACCEPTING_STATUSES } from './enrollment-rules';
import { changeStatus } from './enrollment-transitions';
import { Enrollment } from './enrollment.entity';

/**
 * Fills free public places from the waitlist: the earliest waitlisted people (by `waitlistedAt`) become active, as
 * many as `seatsLeft` allows; each gets an `enrollment_events` row (actor: null, the system) and the
 * `enrollment_promoted` email through the outbox. Nobody is promoted into a draft or completed cohort.
 *
 * The caller must already hold `lockCohort(manager, cohortId)` in this transaction, so the places counted here
 * cannot be taken meanwhile. Call it after anything that frees or adds places: a withdrawal, a raised capacity, a
 * removed or shrunk seat allocation, reopening a cohort.
 *
 * @example
 *   await dataSource.transaction(async (manager) => {
 *     await lockCohort(manager, cohortId);
 *     await manager.update(Cohort, { id: cohortId }, { capacity: 30 });
 *     const promoted = await promoteFromWaitlist(manager, cohortId, this.outbox); // ids of the enrollments promoted
 *   });
 *
 * @returns the ids of the enrollments promoted, in waitlist order.
 */
export async function promoteFromWaitlist(manager: EntityManager, cohortId: string, outbox: OutboxService): Promise<string[]> {
  const cohort = await manager.findOne(Cohort, { where: { id: cohortId }, select: { id: true, status: true } });
  if (!cohort || !ACCEPTING_STATUSES.has(cohort.status)) return [];
  const occupancy = await occupancyOf(manager, cohortId);
  if (occupancy.seatsLeft <= 0 || occupancy.waitlisted === 0) return [];
  const next = await manager
    .createQueryBuilder(Enrollment, 'e')
    .select(['e.id', 'e.status'])
    .where('e.cohort_id = :cohortId AND e.status = :waitlisted', { cohortId, waitlisted: 'waitlisted' })
    .orderBy('e.waitlisted_at', 'ASC', 'NULLS LAST')
    .addOrderBy('e.id', 'ASC')
    .limit(occupancy.seatsLeft)
    .getMany();
  const emails = [];
  for (const enrollment of next) {
    const eventId = await changeStatus(manager, enrollment, 'active', null);
    emails.push({ template: 'enrollment_promoted' as const, enrollmentId: enrollment.id, eventId });
  }
  await queueEnrollmentEmails(manager, outbox, emails);
  return next.map((e) => e.id);
}
