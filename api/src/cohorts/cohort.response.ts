import { ApiProperty } from '@nestjs/swagger';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '../enrollments/enrollment.entity';
import { LocalizedTextResponse } from '../organizations/organization.response';
import type { CohortOccupancy } from './capacity';
import { COHORT_STAFF_ROLES, type CohortStaffRole } from './cohort-staff.entity';
import { COHORT_STATUSES, ENROLLMENT_MODES, type Cohort, type CohortStatus, type EnrollmentMode } from './cohort.entity';

/** A cohort as every list shows it: what it is, when, where, and how many places are left. */
export class CohortSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'public-narrative' }) courseSlug: string;
  @ApiProperty({ description: 'Course title in the language of Accept-Language, falling back ar → en → fr.' }) courseTitle: string;
  @ApiProperty({ type: LocalizedTextResponse }) name: LocalizedText;
  @ApiProperty({ description: 'Name in the language of Accept-Language, falling back ar → en → fr.' }) displayName: string;
  @ApiProperty({ enum: COHORT_STATUSES }) status: CohortStatus;
  @ApiProperty({ format: 'date', example: '2026-03-01' }) startsOn: string;
  @ApiProperty({ format: 'date', example: '2026-05-31' }) endsOn: string;
  @ApiProperty({ description: 'IANA time zone of the cohort’s schedule', example: 'Asia/Amman' }) timeZone: string;
  @ApiProperty() online: boolean;
  @ApiProperty({ type: LocalizedTextResponse }) city: LocalizedText;
  @ApiProperty({ description: 'City in the language of Accept-Language (empty for an online cohort without one).' }) displayCity: string;
  @ApiProperty({ minimum: 1, maximum: 10000 }) capacity: number;
  @ApiProperty({ description: 'Places someone from the public can still take (capacity − taken − reserved).' }) seatsLeft: number;
  @ApiProperty({ description: 'People on the waitlist.' }) waitlisted: number;
  @ApiProperty({ enum: ENROLLMENT_MODES }) enrollmentMode: EnrollmentMode;
}

export interface CourseLabel {
  slug: string;
  title: LocalizedText;
}

export function toCohortSummary(cohort: Cohort, course: CourseLabel, occupancy: CohortOccupancy | undefined, locale: Locale): CohortSummaryResponse {
  return {
    id: cohort.id,
    courseSlug: course.slug,
    courseTitle: resolveText(course.title, locale).text,
    name: cohort.name,
    displayName: resolveText(cohort.name, locale).text,
    status: cohort.status,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    timeZone: cohort.timeZone,
    online: cohort.online,
    city: cohort.city,
    displayCity: resolveText(cohort.city, locale).text,
    capacity: cohort.capacity,
    seatsLeft: occupancy?.seatsLeft ?? cohort.capacity,
    waitlisted: occupancy?.waitlisted ?? 0,
    enrollmentMode: cohort.enrollmentMode,
  };
}

export class ApplicationQuestionResponse {
  @ApiProperty({ example: 'motivation', description: 'Kebab-case, unique within the cohort; the key of the answer.' }) key: string;
  @ApiProperty({ type: LocalizedTextResponse }) label: LocalizedText;
  @ApiProperty({ description: 'Label in the language of Accept-Language, falling back ar → en → fr.' }) displayLabel: string;
  @ApiProperty() required: boolean;
}

export class ViewerEnrollmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiProperty({ type: Number, nullable: true, description: '1 for the first on the waitlist; null unless waitlisted.' }) waitlistPosition: number | null;
}

export class CohortViewerResponse {
  @ApiProperty({ type: ViewerEnrollmentResponse, nullable: true, description: 'The caller’s enrollment; null when signed out or not enrolled.' })
  enrollment: ViewerEnrollmentResponse | null;
  @ApiProperty({ enum: COHORT_STAFF_ROLES, nullable: true, type: String, description: 'The caller’s role on the cohort’s staff; null when signed out or not staff.' })
  staffRole: CohortStaffRole | null;
}

export class CohortResponse extends CohortSummaryResponse {
  @ApiProperty({ type: [ApplicationQuestionResponse] }) applicationQuestions: ApplicationQuestionResponse[];
  @ApiProperty({ description: 'The pinned version of the course.' }) courseVersion: number;
  @ApiProperty({ type: CohortViewerResponse }) viewer: CohortViewerResponse;
}

export class MyCohortResponse extends CohortSummaryResponse {
  @ApiProperty({ enum: COHORT_STAFF_ROLES, nullable: true, type: String, description: 'Null for an admin who is not on the cohort’s staff.' })
  staffRole: CohortStaffRole | null;
  @ApiProperty({ description: 'Active or completed people.' }) active: number;
  @ApiProperty({ description: 'Applications waiting for a decision.' }) applied: number;
  @ApiProperty({ description: 'Places held by organizations’ seat allocations.' }) reserved: number;
}

export class MyCohortPage {
  @ApiProperty({ type: [MyCohortResponse] }) items: MyCohortResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class StaffUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty() nameArabic: string;
}

export class CohortStaffResponse {
  @ApiProperty({ type: StaffUserResponse }) user: StaffUserResponse;
  @ApiProperty({ enum: COHORT_STAFF_ROLES }) role: CohortStaffRole;
  @ApiProperty({ type: String, format: 'date-time' }) addedAt: string;
}

export class SeatAllocationResponse {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ description: 'Organization name in the language of Accept-Language.' }) displayName: string;
  @ApiProperty({ description: 'Seats the organization holds.' }) seats: number;
  @ApiProperty({ description: 'Seats filled by people it placed (active or completed).' }) used: number;
}

export class InviteCodeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Null: no limit; 1: single use.' }) maxUses: number | null;
  @ApiProperty() uses: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ enum: ['active', 'expired', 'used_up', 'revoked'], description: 'Whether the code still admits people.' }) state: 'active' | 'expired' | 'used_up' | 'revoked';
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CreatedInviteCodeResponse extends InviteCodeResponse {
  @ApiProperty({ description: 'The code itself; shown only in this answer (only its SHA-256 is stored).' }) code: string;
}
