import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CERTIFICATE_STATUSES, type CertificateStatus } from '../certificates/certificate.response';
import { COHORT_STATUSES, type CohortStatus } from '../cohorts/cohort.entity';
import { PageQuery } from '../common/pagination';
import { IsSafeText } from '../common/text-rules';
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '../enrollments/enrollment.entity';

/** Filters shared by the JSON list and the CSV (docs/partner-reporting.md). */
export class StaffFilterQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this cohort.' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @ApiPropertyOptional({ example: 'public-narrative', description: 'Only cohorts of this course.' })
  @IsOptional()
  @IsString()
  @IsSafeText()
  @MaxLength(100, { context: { max: 100 } })
  courseSlug?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Only cohorts in this city (its name in any language, any case).' })
  @IsOptional()
  @IsString()
  @IsSafeText()
  @MaxLength(100, { context: { max: 100 } })
  city?: string;

  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES, description: 'Only enrollments in this status.' })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES, { context: { values: ENROLLMENT_STATUSES.join(', ') } })
  status?: EnrollmentStatus;
}

/** The filters plus `page`/`pageSize` (PageQuery's bounds and defaults). */
export class StaffProgressQuery extends IntersectionType(StaffFilterQuery, PageQuery) {}

export class StaffTrainee {
  @ApiProperty({ description: 'Name in Arabic script (may be empty).' }) nameArabic: string;
  @ApiProperty({ description: 'Name in Latin script (may be empty).' }) nameLatin: string;
  @ApiProperty({ description: 'The name to show in the caller’s language.' }) displayName: string;
}

export class StaffCohort {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'In the caller’s language, with fallback.' }) displayName: string;
  @ApiProperty() courseSlug: string;
  @ApiProperty({ description: 'In the caller’s language, with fallback.' }) courseTitle: string;
  @ApiProperty({ description: 'In the caller’s language (empty for an online cohort without one).' }) displayCity: string;
  @ApiProperty() online: boolean;
  @ApiProperty({ enum: COHORT_STATUSES }) status: CohortStatus;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
}

export class StaffAttendance {
  @ApiProperty({ description: 'Sessions held while a member of a circle of the cohort.' }) held: number;
  @ApiProperty({ description: 'Of those, present or late.' }) attended: number;
  @ApiProperty({ type: Number, nullable: true, description: 'attended / held between 0 and 1; null before any session was held.' }) rate: number | null;
}

export class StaffAssignments {
  @ApiProperty({ description: 'Assignments the cohort’s completion rule requires.' }) required: number;
  @ApiProperty({ description: 'Of those, passed.' }) passed: number;
}

export class StaffCertificate {
  @ApiProperty({ example: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345', description: 'Grouped in fours.' }) code: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
  @ApiProperty({ description: 'Public verification page.' }) verifyUrl: string;
}

export const STAFF_PLACEMENTS = ['seat', 'own'] as const;
export type StaffPlacement = (typeof STAFF_PLACEMENTS)[number];

export class StaffProgressItem {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ type: StaffTrainee }) trainee: StaffTrainee;
  @ApiProperty({ type: StaffCohort }) cohort: StaffCohort;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiProperty({ enum: STAFF_PLACEMENTS, description: '`seat`: placed by the organization in one of its seats; `own`: joined on their own, naming the organization (ADR 009).' })
  placement: StaffPlacement;
  @ApiProperty({ type: StaffAttendance }) attendance: StaffAttendance;
  @ApiProperty({ type: StaffAssignments }) assignments: StaffAssignments;
  @ApiProperty({ type: StaffCertificate, nullable: true }) certificate: StaffCertificate | null;
}

export class StaffFunnel {
  @ApiProperty({ description: 'Every consenting staff enrollment matching the filters.' }) enrolled: number;
  @ApiProperty({ description: 'Of those, active or completed.' }) active: number;
  @ApiProperty({ description: 'Of those, completed.' }) completed: number;
  @ApiProperty({ description: 'Of those completed, holding a certificate that is not revoked.' }) certified: number;
}

export class SeatCohort {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
}

export class SeatUsage {
  @ApiProperty({ type: SeatCohort }) cohort: SeatCohort;
  @ApiProperty({ description: 'Seats allocated to the organization.' }) seats: number;
  @ApiProperty({ description: 'Taken by staff who are active or completed (consenting or not).' }) used: number;
  @ApiProperty() free: number;
}

export class StaffSummary {
  @ApiProperty({ type: StaffFunnel }) funnel: StaffFunnel;
  @ApiProperty({ type: [SeatUsage], description: 'Per cohort with seats for the organization, soonest first; cohort filters apply.' }) seats: SeatUsage[];
  @ApiProperty({ description: 'Staff enrollments matching the filters whose trainee has not consented to share (a number only).' }) hiddenCount: number;
}

export class StaffProgressPage {
  @ApiProperty({ type: [StaffProgressItem] }) items: StaffProgressItem[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: StaffSummary }) summary: StaffSummary;
}
