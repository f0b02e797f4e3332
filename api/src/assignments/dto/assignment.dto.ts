import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { SubmissionKind } from '@halaqa/courses';
import { IsSafeText, Omittable, Trim } from '../../common/text-rules';
import { LATE_POLICIES, type LatePolicy } from '../assignment.entity';

export const SUBMISSION_KINDS = ['text', 'file', 'both'] as const;

export class UpdateAssignmentDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'New due instant (ISO 8601 with offset).' })
  @Omittable()
  @IsISO8601({ strict: true, strictSeparator: true })
  dueAt?: string;

  @ApiPropertyOptional({ enum: LATE_POLICIES })
  @Omittable()
  @IsIn(LATE_POLICIES)
  latePolicy?: LatePolicy;

  @ApiPropertyOptional({ enum: SUBMISSION_KINDS })
  @Omittable()
  @IsIn(SUBMISSION_KINDS)
  submissionKind?: SubmissionKind;

  @ApiPropertyOptional({ minimum: 0, description: 'At most the rubric maximum (422 `max` otherwise).' })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10_000)
  passMark?: number;
}

export class ExtensionDto {
  @ApiProperty({ format: 'date-time', description: 'The trainee’s own due instant.' })
  @IsISO8601({ strict: true, strictSeparator: true })
  dueAt: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  @IsSafeText()
  reason?: string | null;
}
