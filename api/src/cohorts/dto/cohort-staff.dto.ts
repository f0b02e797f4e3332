import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NormalizeEmail } from '../../common/text-rules';
import { COHORT_STAFF_ROLES, type CohortStaffRole } from '../cohort-staff.entity';
import { MAX_CAPACITY } from './cohort.dto';

export class AddStaffDto {
  @ApiProperty({ example: 'coach@example.org', description: 'The email of an existing account.', maxLength: 254 })
  @NormalizeEmail()
  @IsString()
  @MaxLength(254, { context: { max: 254 } })
  @IsEmail()
  email: string;

  @ApiProperty({ enum: COHORT_STAFF_ROLES })
  @IsIn(COHORT_STAFF_ROLES, { context: { values: COHORT_STAFF_ROLES.join(', ') } })
  role: CohortStaffRole;
}

export class SeatAllocationDto {
  @ApiProperty({ minimum: 1, maximum: MAX_CAPACITY, description: 'Seats the organization holds; not below those it already filled.' })
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(MAX_CAPACITY, { context: { max: MAX_CAPACITY } })
  seats: number;
}

export class CreateInviteCodeDto {
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 100_000, description: 'Null or absent: no limit; 1: single use.' })
  @IsOptional()
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(100_000, { context: { max: 100_000 } })
  maxUses?: number | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Null or absent: never expires. Must be in the future.' })
  @IsOptional()
  @IsString()
  @MaxLength(40, { context: { max: 40 } })
  @IsISO8601({ strict: true, strictSeparator: true })
  expiresAt?: string | null;
}
