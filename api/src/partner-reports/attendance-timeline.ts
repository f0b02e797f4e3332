import { ApiProperty } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import type { LocalizedText } from '../common/localized-text';
import type { EnrollmentStatus } from '../enrollments/enrollment.entity';
import { attendanceTimeline } from '../sessions/attendance-rates';
import type { StaffFilterQuery } from './partner-report.response';
import { staffScope } from './partner-reports.service';

export class AttendancePeriod {
  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'First day of the period: the Monday of an ISO week, or the 1st of a month.' }) periodStart: string;
  @ApiProperty({ description: 'Sessions held in the period for the consenting staff (one per person and session).' }) held: number;
  @ApiProperty({ description: 'Of those, present or late.' }) attended: number;
  @ApiProperty({ type: Number, nullable: true, description: 'attended / held between 0 and 1; null when no session was held in the period.' }) rate: number | null;
}

export class AttendanceTimelineResponse {
  @ApiProperty({ enum: ['week', 'month'], description: 'ISO weeks, or calendar months when the sessions held span more than 26 weeks.' }) period: 'week' | 'month';
  @ApiProperty({ type: [AttendancePeriod], description: 'Every period from the first session held to the last, oldest first (empty before any was held).' })
  items: AttendancePeriod[];
}

/** One consenting staff enrollment matching the filters, with what the summary counts of it. */
export interface ConsentingStaff {
  enrollmentId: string;
  status: EnrollmentStatus;
  /** Completed and holding a certificate that is not revoked (the funnel's `certified`). */
  certified: boolean;
  cohortId: string;
  cohortName: LocalizedText;
  courseTitle: LocalizedText;
  startsOn: string;
}

/**
 * The organization's consenting staff enrollments matching the filters of the staff-progress route (its own scope,
 * `staffScope`), soonest cohort first: one query whatever their number. Consent is read here, on every request.
 */
export async function consentingStaff(manager: EntityManager, organizationId: string, filter: StaffFilterQuery): Promise<ConsentingStaff[]> {
  const { from, params } = staffScope(organizationId, filter);
  const rows = await manager.query<
    { id: string; status: EnrollmentStatus; certified: boolean; cohort_id: string; cohort_name: LocalizedText; course_title: LocalizedText; starts_on: string }[]
  >(
    `SELECT e.id, e.status, e.cohort_id, co.name AS cohort_name, cr.title AS course_title, co.starts_on::text AS starts_on,
       (e.status = 'completed' AND EXISTS (SELECT 1 FROM certificates c WHERE c.enrollment_id = e.id AND c.revoked_at IS NULL)) AS certified
     ${from} AND e.consent_to_share
     ORDER BY co.starts_on, co.id, e.id`,
    params,
  );
  return rows.map((r) => ({
    enrollmentId: r.id,
    status: r.status,
    certified: r.certified,
    cohortId: r.cohort_id,
    cohortName: r.cohort_name,
    courseTitle: r.course_title,
    startsOn: r.starts_on,
  }));
}

/**
 * Held and attended sessions of the organization's consenting staff per ISO week (per month past 26 weeks), with
 * the completion page's definition of both (`attendanceTimeline`): one query whatever the number of staff, the
 * staff selected inside it (consent read there) rather than fetched and sent back as a list of ids.
 */
export async function organizationAttendanceTimeline(manager: EntityManager, organizationId: string, filter: StaffFilterQuery, now = new Date()): Promise<AttendanceTimelineResponse> {
  const { from, params } = staffScope(organizationId, filter);
  const { period, periods } = await attendanceTimeline(manager, { sql: `SELECT e.id ${from} AND e.consent_to_share`, params }, now);
  return { period, items: periods };
}
