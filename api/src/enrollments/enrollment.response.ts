import { ApiProperty } from '@nestjs/swagger';
import { CohortSummaryResponse } from '../cohorts/cohort.response';
import { ENROLLMENT_STATUSES, type Enrollment, type EnrollmentStatus } from './enrollment.entity';

/** The caller's own enrollment. */
export class EnrollmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiProperty({ type: Number, nullable: true, description: '1 for the first on the waitlist; null unless waitlisted.' }) waitlistPosition: number | null;
  @ApiProperty({ description: 'Progress is shared with the reporting organization.' }) consentToShare: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The organization whose seat the person holds.' }) sponsoringOrganizationId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The organization the person’s progress is reported to while they consent: the sponsor, else the one they named when joining.',
  })
  reportingOrganizationId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export function toEnrollmentResponse(enrollment: Enrollment, waitlistPosition: number | null): EnrollmentResponse {
  return {
    id: enrollment.id,
    cohortId: enrollment.cohortId,
    status: enrollment.status,
    waitlistPosition: enrollment.status === 'waitlisted' ? waitlistPosition : null,
    consentToShare: enrollment.consentToShare,
    sponsoringOrganizationId: enrollment.sponsoringOrganizationId,
    reportingOrganizationId: enrollment.reportingOrganizationId,
    createdAt: enrollment.createdAt.toISOString(),
  };
}

export class MyEnrollmentResponse extends EnrollmentResponse {
  @ApiProperty({ type: CohortSummaryResponse }) cohort: CohortSummaryResponse;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class MyEnrollmentPage {
  @ApiProperty({ type: [MyEnrollmentResponse] }) items: MyEnrollmentResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class RosterUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty() nameArabic: string;
  @ApiProperty() email: string;
}

export class RosterOrganization {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Name in the language of Accept-Language.' }) displayName: string;
}

/** One person in a cohort's roster, as its staff see them. */
export class RosterEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiProperty({ type: RosterUser }) user: RosterUser;
  @ApiProperty({ type: RosterOrganization, nullable: true, description: 'The sponsoring organization, else the first organization the person belongs to.' })
  organization: RosterOrganization | null;
  @ApiProperty({ description: 'City of that organization, in the language of Accept-Language (empty when unknown).' }) city: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Answers to the application questions, by key.' }) answers: Record<string, string>;
  @ApiProperty({ type: Number, nullable: true }) waitlistPosition: number | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the person first joined or applied.' }) appliedAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class RosterPage {
  @ApiProperty({ type: [RosterEntryResponse] }) items: RosterEntryResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DecisionResultResponse {
  @ApiProperty({ description: 'Applications accepted into a place (now active).' }) accepted: number;
  @ApiProperty({ description: 'Applications accepted while the cohort is full (now waitlisted).' }) waitlisted: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ description: 'Ids that were not applications of this cohort waiting for a decision, or over the quota of their group.' }) skipped: number;
}

export class NomineeResponse {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ type: RosterUser }) user: RosterUser;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
}

/** An organization's seats in one cohort. */
export class OrganizationSeatsResponse {
  @ApiProperty({ type: CohortSummaryResponse }) cohort: CohortSummaryResponse;
  @ApiProperty() seats: number;
  @ApiProperty({ description: 'Seats filled by people the organization placed (active or completed).' }) used: number;
  @ApiProperty() free: number;
  @ApiProperty({ type: [NomineeResponse] }) nominees: NomineeResponse[];
}
