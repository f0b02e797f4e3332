import { ApiProperty } from '@nestjs/swagger';
import { CohortSummaryResponse } from '../cohorts/cohort.response';
import type { LocalizedText } from '../common/localized-text';
import { LocalizedTextResponse } from '../organizations/organization.response';
import type { CircleRole } from './circle-access';

export class AttendanceRateResponse {
  @ApiProperty({
    description: 'Sessions held (scheduled, started, not cancelled) while the person was a member.',
  })
  held: number;
  @ApiProperty({ description: 'Of those, marked present or late.' })
  attended: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'attended / held between 0 and 1; null before any session was held.',
  })
  rate: number | null;
}

export class CircleCoachResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty() nameArabic: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null in a trainee’s view.',
  })
  email: string | null;
}

export class CircleOrganizationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'In the language of Accept-Language.' })
  displayName: string;
}

/** A person of the cohort as the circle pages show them; staff see contact and organization, trainees names only. */
export class CircleMemberResponse {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty() nameArabic: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null in a trainee’s view.',
  })
  email: string | null;
  @ApiProperty({
    type: CircleOrganizationResponse,
    nullable: true,
    description: 'The sponsoring organization, else the first one they joined; null when none (and in a trainee’s view).',
  })
  organization: CircleOrganizationResponse | null;
  @ApiProperty({
    description: 'That organization’s city, in the language of Accept-Language; empty when unknown.',
  })
  displayCity: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When they joined this circle; null for people without a circle.',
  })
  joinedAt: string | null;
  @ApiProperty({
    type: AttendanceRateResponse,
    nullable: true,
    description: 'In the circle page for its staff; null in lists and in a trainee’s view.',
  })
  attendance: AttendanceRateResponse | null;
}

export class CirclePlaceRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** Someone who was in the circle and left it (moved, removed or withdrew): their attendance here stays theirs. */
export class PastCircleMemberResponse {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty() nameArabic: string;
  @ApiProperty({ type: String, format: 'date-time' }) joinedAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) leftAt: string;
  @ApiProperty({
    type: CirclePlaceRef,
    nullable: true,
    description: 'The circle of the cohort they are in now (null: none, or back in this one).',
  })
  currentCircle: CirclePlaceRef | null;
  @ApiProperty({
    type: AttendanceRateResponse,
    description: 'Their attendance in this circle.',
  })
  attendance: AttendanceRateResponse;
}

export class CircleSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: LocalizedTextResponse }) name: LocalizedText;
  @ApiProperty({
    description: 'In the language of Accept-Language, falling back ar → en → fr.',
  })
  displayName: string;
  @ApiProperty({ type: LocalizedTextResponse }) place: LocalizedText;
  @ApiProperty({ description: 'Empty when the circle has no usual place.' })
  displayPlace: string;
  @ApiProperty() online: boolean;
  @ApiProperty({ type: [CircleCoachResponse] }) coaches: CircleCoachResponse[];
  @ApiProperty({ description: 'Current members.' }) memberCount: number;
}

export class CohortCircleResponse extends CircleSummaryResponse {
  @ApiProperty({
    type: [CircleMemberResponse],
    description: 'Current members, by name.',
  })
  members: CircleMemberResponse[];
}

/** The trainer’s circle board: every circle of the cohort and the active trainees who have none. */
export class CohortCirclesResponse {
  @ApiProperty({ type: CohortSummaryResponse }) cohort: CohortSummaryResponse;
  @ApiProperty({
    type: [CohortCircleResponse],
    description: 'Oldest circle first.',
  })
  circles: CohortCircleResponse[];
  @ApiProperty({
    type: [CircleMemberResponse],
    description: 'Active trainees of the cohort without a circle, by name.',
  })
  unassigned: CircleMemberResponse[];
}

export class AutoAssignResponse extends CohortCirclesResponse {
  @ApiProperty({ description: 'People put into a circle by this call.' })
  assigned: number;
  @ApiProperty({ description: 'Circles this call created.' }) created: number;
}

export const CIRCLE_ROLES: readonly CircleRole[] = ['lead_trainer', 'admin', 'coach', 'member'];

export class CircleDetailResponse extends CircleSummaryResponse {
  @ApiProperty({ type: CohortSummaryResponse }) cohort: CohortSummaryResponse;
  @ApiProperty({
    enum: CIRCLE_ROLES,
    description: '`member` gets the trainee view: names only, no emails, no rates, no past members.',
  })
  viewerRole: CircleRole;
  @ApiProperty({
    type: [CircleMemberResponse],
    description: 'Current members, by name.',
  })
  members: CircleMemberResponse[];
  @ApiProperty({
    type: [PastCircleMemberResponse],
    description: 'People who left the circle, latest first (empty in the trainee view).',
  })
  pastMembers: PastCircleMemberResponse[];
  @ApiProperty({
    type: AttendanceRateResponse,
    nullable: true,
    description: 'The whole circle’s rate; null in the trainee view.',
  })
  attendance: AttendanceRateResponse | null;
}

export class NextSessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt: string;
  @ApiProperty({ example: 'Asia/Amman' }) timeZone: string;
  @ApiProperty() durationMinutes: number;
}

export class MyCoachedCircleResponse extends CircleSummaryResponse {
  @ApiProperty({ type: CohortSummaryResponse }) cohort: CohortSummaryResponse;
  @ApiProperty({
    type: NextSessionResponse,
    nullable: true,
    description: 'The next scheduled (not cancelled) session that has not started.',
  })
  nextSession: NextSessionResponse | null;
}

export class MyMemberCircleResponse extends CircleDetailResponse {
  @ApiProperty({
    type: NextSessionResponse,
    nullable: true,
    description: 'The next scheduled (not cancelled) session that has not started.',
  })
  nextSession: NextSessionResponse | null;
}

export class MyCirclesResponse {
  @ApiProperty({
    type: [MyCoachedCircleResponse],
    description: 'Circles the caller coaches, oldest first.',
  })
  coaching: MyCoachedCircleResponse[];
  @ApiProperty({
    type: [MyMemberCircleResponse],
    description: 'The circle(s) the caller is a current member of, in the trainee view (names only).',
  })
  member: MyMemberCircleResponse[];
}
