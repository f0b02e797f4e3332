import type { EntityManager } from 'typeorm';
import { NotFoundException } from '../common/domain.exception';
import { Cohort } from './cohort.entity';

/**
 * How a cohort's places are used. Capacity is shared by two kinds of place:
 * - open places, taken by active (or completed) people who are not in an organization's allocation;
 * - reserved places: each seat allocation holds `max(seats, people it placed)` whether or not they are used yet.
 * `seatsLeft` is what someone from the public can still take; waitlisted and applied people hold nothing.
 */
export interface CohortOccupancy {
  cohortId: string;
  capacity: number;
  /** Active or completed people, whoever placed them. */
  active: number;
  /** Places held by seat allocations (used or not). */
  reserved: number;
  waitlisted: number;
  applied: number;
  seatsLeft: number;
  /** Open places taken + reserved: the least the capacity may be lowered to. */
  placesHeld: number;
}

const TAKES_A_PLACE = `('active', 'completed')`;

/**
 * Occupancy of many cohorts in one query (the catalog and dashboards call it with a page of ids). Unknown ids are
 * simply absent from the map.
 */
export async function cohortOccupancy(manager: EntityManager, cohortIds: readonly string[]): Promise<Map<string, CohortOccupancy>> {
  if (cohortIds.length === 0) return new Map();
  const rows: { cohort_id: string; capacity: number; active: string; open_taken: string; reserved: string; waitlisted: string; applied: string }[] = await manager.query(
    `SELECT c.id AS cohort_id, c.capacity,
       (SELECT count(*) FROM enrollments e WHERE e.cohort_id = c.id AND e.status IN ${TAKES_A_PLACE}) AS active,
       (SELECT count(*) FROM enrollments e
         WHERE e.cohort_id = c.id AND e.status IN ${TAKES_A_PLACE}
           AND NOT EXISTS (SELECT 1 FROM seat_allocations s WHERE s.cohort_id = c.id AND s.organization_id = e.sponsoring_organization_id)) AS open_taken,
       (SELECT COALESCE(sum(GREATEST(s.seats, (SELECT count(*) FROM enrollments e
           WHERE e.cohort_id = c.id AND e.sponsoring_organization_id = s.organization_id AND e.status IN ${TAKES_A_PLACE}))), 0)
         FROM seat_allocations s WHERE s.cohort_id = c.id) AS reserved,
       (SELECT count(*) FROM enrollments e WHERE e.cohort_id = c.id AND e.status = 'waitlisted') AS waitlisted,
       (SELECT count(*) FROM enrollments e WHERE e.cohort_id = c.id AND e.status = 'applied') AS applied
     FROM cohorts c WHERE c.id = ANY($1::uuid[])`,
    [cohortIds],
  );
  return new Map(
    rows.map((r) => {
      const reserved = Number(r.reserved);
      const placesHeld = Number(r.open_taken) + reserved;
      return [
        r.cohort_id,
        {
          cohortId: r.cohort_id,
          capacity: r.capacity,
          active: Number(r.active),
          reserved,
          waitlisted: Number(r.waitlisted),
          applied: Number(r.applied),
          seatsLeft: Math.max(0, r.capacity - placesHeld),
          placesHeld,
        },
      ];
    }),
  );
}

/**
 * Locks the cohort row (`SELECT … FOR UPDATE`) for the rest of the transaction. Every change that can take or free a
 * place calls this first, so concurrent enrollments queue on the row and capacity can never be exceeded.
 */
export async function lockCohort(manager: EntityManager, cohortId: string): Promise<Cohort> {
  const cohort = await manager.findOne(Cohort, { where: { id: cohortId }, lock: { mode: 'pessimistic_write' } });
  if (!cohort) throw new NotFoundException();
  return cohort;
}

/** Occupancy of one cohort; call after `lockCohort` in the same transaction for a figure nobody can change under you. */
export async function occupancyOf(manager: EntityManager, cohortId: string): Promise<CohortOccupancy> {
  const found = (await cohortOccupancy(manager, [cohortId])).get(cohortId);
  if (!found) throw new NotFoundException();
  return found;
}
