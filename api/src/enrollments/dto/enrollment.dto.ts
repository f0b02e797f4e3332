import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsSafeText, Omittable, Trim } from '../../common/text-rules';
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '../enrollment.entity';

export const MAX_ANSWER_LENGTH = 2000;
export const MAX_DECISION_IDS = 500;

export class JoinCohortDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: MAX_ANSWER_LENGTH },
    description: 'Application mode: the answer to each question, by its key. Required questions must be answered; unknown keys are refused (422, field `answers.<key>`).',
    example: { motivation: 'I organize with the youth of my neighbourhood.' },
  })
  @Omittable()
  @IsObject()
  answers?: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: 64, description: 'Invite mode: the code the trainers shared (422 `inviteCodeInvalid` when unknown, expired, revoked or used up).' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(64, { context: { max: 64 } })
  @IsSafeText()
  inviteCode?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'An organization the caller belongs to, named as theirs in this cohort: its managers see the caller’s progress while `consentToShare` holds. It takes none of the organization’s seats (ADR 009). 422 `notYourOrganization` when the caller is not a member.',
  })
  @Omittable()
  @IsUUID('all')
  organizationId?: string;

  @ApiPropertyOptional({ description: 'Share my progress with `organizationId` (default false); 422 `consentNeedsOrganization` without it.' })
  @Omittable()
  @IsBoolean()
  consentToShare?: boolean;
}

export const TRAINEE_STATUS_CHANGES = ['withdrawn'] as const;

export class UpdateMyEnrollmentDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'Name (or, with null, stop naming) the organization I report to in this cohort: one I belong to (422 `notYourOrganization`). Changing it withdraws consent unless `consentToShare` is sent too. 409 `enrollment_sponsored` when an organization placed me in its seat.',
  })
  @Omittable()
  @ValidateIf((_object: object, value: unknown) => value !== null)
  @IsUUID('all')
  organizationId?: string | null;

  @ApiPropertyOptional({ description: 'Share my progress with the organization I report to (my sponsor, or the one I named).' })
  @Omittable()
  @IsBoolean()
  consentToShare?: boolean;

  @ApiPropertyOptional({ enum: TRAINEE_STATUS_CHANGES, description: 'Leave the cohort (from applied, waitlisted or active); the first waitlisted person takes the place.' })
  @Omittable()
  @IsIn(TRAINEE_STATUS_CHANGES, { context: { values: TRAINEE_STATUS_CHANGES.join(', ') } })
  status?: (typeof TRAINEE_STATUS_CHANGES)[number];
}

export class WithdrawEnrollmentDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why, for the audit log (not sent to the trainee).' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(500, { context: { max: 500 } })
  @IsSafeText({ multiline: true })
  reason?: string;
}

export const QUOTA_GROUPS = ['organization', 'city'] as const;
export type QuotaGroup = (typeof QUOTA_GROUPS)[number];

export class QuotaDto {
  @ApiProperty({ enum: QUOTA_GROUPS, description: 'Group applicants by their organization, or by the city of their organization.' })
  @IsIn(QUOTA_GROUPS, { context: { values: QUOTA_GROUPS.join(', ') } })
  by: QuotaGroup;

  @ApiProperty({ minimum: 1, maximum: 10_000, description: 'At most this many active people per group, counting those already active.' })
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(10_000, { context: { max: 10_000 } })
  perGroup: number;
}

export const DECISIONS = ['accept', 'reject'] as const;

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { context: { values: DECISIONS.join(', ') } })
  decision: (typeof DECISIONS)[number];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_DECISION_IDS, description: 'The applications to decide; without it, `accept` with a quota takes all applications, earliest first.' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_DECISION_IDS, { context: { max: MAX_DECISION_IDS } })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  enrollmentIds?: string[];

  @ApiPropertyOptional({ type: QuotaDto, description: 'Accept only: the earliest applications, at most `perGroup` active per group.' })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => QuotaDto)
  quota?: QuotaDto;
}

export class NominationDto {
  @ApiProperty({ format: 'uuid', description: 'A member of the organization.' })
  @IsUUID('all')
  userId: string;
}

export class RosterQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES, { context: { values: ENROLLMENT_STATUSES.join(', ') } })
  status?: EnrollmentStatus;

  @ApiPropertyOptional({ description: 'Part of the name (either script) or the email', maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  @IsSafeText()
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only people of this organization (sponsoring, else the one they belong to).' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;
}
