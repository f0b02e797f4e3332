import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EnrollmentEvent } from './enrollment-event.entity';
import { Enrollment, type EnrollmentStatus } from './enrollment.entity';

/**
 * Moves an enrollment to a new status and writes the `enrollment_events` row that records it, in the caller's
 * transaction. Entering the waitlist stamps `waitlistedAt` (its place in the queue); `extra` sets other columns in
 * the same update. Returns the event's id (the dedupe key of the email it causes).
 */
export async function changeStatus(
  manager: EntityManager,
  enrollment: Pick<Enrollment, 'id' | 'status'>,
  toStatus: EnrollmentStatus,
  actorId: string | null,
  extra: QueryDeepPartialEntity<Enrollment> = {},
): Promise<string> {
  const fromStatus = enrollment.status;
  const changes: QueryDeepPartialEntity<Enrollment> = { ...extra, status: toStatus };
  if (toStatus === 'waitlisted') changes.waitlistedAt = () => 'clock_timestamp()';
  await manager.update(Enrollment, { id: enrollment.id }, changes);
  enrollment.status = toStatus;
  return recordEvent(manager, enrollment.id, fromStatus, toStatus, actorId);
}

/** The history row of a transition (also used for a new enrollment, whose `fromStatus` is null). */
export async function recordEvent(manager: EntityManager, enrollmentId: string, fromStatus: EnrollmentStatus | null, toStatus: EnrollmentStatus, actorId: string | null): Promise<string> {
  const result = await manager.insert(EnrollmentEvent, { enrollmentId, fromStatus, toStatus, actorId });
  return (result.identifiers[0] as { id: string }).id;
}
