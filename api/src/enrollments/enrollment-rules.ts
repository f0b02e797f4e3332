import { ConflictException } from '../common/domain.exception';
import type { Cohort } from '../cohorts/cohort.entity';
import type { Enrollment } from './enrollment.entity';

/** Cohort statuses in which people may join (enroll, apply, redeem a code, be nominated). */
export const ACCEPTING_STATUSES = new Set<Cohort['status']>(['open', 'running']);

export function notAccepting(): ConflictException {
  return new ConflictException('cohort.not_accepting', 'errors.cohort_not_accepting');
}

/**
 * Refuses to join twice: a withdrawn person may come back (their row is reused), a rejected one may not, anyone
 * else already has their place.
 */
export function assertMayJoin(existing: Pick<Enrollment, 'status'> | null): void {
  if (!existing || existing.status === 'withdrawn') return;
  if (existing.status === 'rejected') throw new ConflictException('enrollment.rejected', 'errors.enrollment_rejected');
  throw new ConflictException('enrollment.exists', 'errors.enrollment_exists');
}
