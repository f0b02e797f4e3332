import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsEmail,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { IsIanaTimeZone, NormalizeEmail, Trim } from '../../common/text-rules';
import { HasTextInSomeLocale, LocalizedLineDto } from '../../organizations/dto/localized-text.dto';
import { ENROLLMENT_MODES, type EnrollmentMode } from '../cohort.entity';

export const MAX_CAPACITY = 10_000;
export const MAX_APPLICATION_QUESTIONS = 10;
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A calendar day as `YYYY-MM-DD` that exists (no 2026-02-30); code `isCalendarDate`. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
export function IsCalendarDate(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({ name: 'isCalendarDate', target: target.constructor, propertyName: propertyName as string, options: validationOptions, validator: { validate: isCalendarDate } });
}

/** A value matching `pattern`, reported with its own stable code (`isKebabCase`, `isSlug`). */
function MatchesRule(code: string, pattern: RegExp, validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: code,
      target: target.constructor,
      propertyName: propertyName as string,
      options: validationOptions,
      validator: { validate: (value: unknown) => typeof value === 'string' && pattern.test(value) },
    });
}

export class ApplicationQuestionDto {
  @ApiProperty({ example: 'motivation', maxLength: 40, description: 'Kebab-case, unique within the cohort.' })
  @IsString()
  @MaxLength(40, { context: { max: 40 } })
  @MatchesRule('isKebabCase', KEBAB_CASE)
  key: string;

  @ApiProperty({ type: LocalizedLineDto, description: 'The question per locale; at least one.' })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLineDto)
  @HasTextInSomeLocale()
  label: LocalizedLineDto;

  @ApiProperty()
  @IsBoolean()
  required: boolean;
}

export class CreateCohortDto {
  @ApiProperty({ example: 'public-narrative', maxLength: 100 })
  @Trim()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  @MatchesRule('isSlug', SLUG)
  courseSlug: string;

  @ApiProperty({ type: LocalizedLineDto, description: 'Name per locale; at least one.' })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLineDto)
  @HasTextInSomeLocale()
  name: LocalizedLineDto;

  @ApiProperty({ format: 'date', example: '2026-03-01' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2026-05-31', description: 'On or after startsOn.' })
  @IsCalendarDate()
  endsOn: string;

  @ApiProperty({ example: 'Asia/Amman', description: 'IANA time zone' })
  @IsString()
  @IsIanaTimeZone()
  timeZone: string;

  @ApiProperty()
  @IsBoolean()
  online: boolean;

  @ApiPropertyOptional({ type: LocalizedLineDto, description: 'City per locale; required (in at least one locale) unless online.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLineDto)
  city?: LocalizedLineDto;

  @ApiProperty({ minimum: 1, maximum: MAX_CAPACITY })
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(MAX_CAPACITY, { context: { max: MAX_CAPACITY } })
  capacity: number;

  @ApiProperty({ enum: ENROLLMENT_MODES })
  @IsIn(ENROLLMENT_MODES, { context: { values: ENROLLMENT_MODES.join(', ') } })
  enrollmentMode: EnrollmentMode;

  @ApiPropertyOptional({ type: [ApplicationQuestionDto], maxItems: MAX_APPLICATION_QUESTIONS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_APPLICATION_QUESTIONS, { context: { max: MAX_APPLICATION_QUESTIONS } })
  @ValidateNested({ each: true })
  @Type(() => ApplicationQuestionDto)
  applicationQuestions?: ApplicationQuestionDto[];

  @ApiPropertyOptional({ description: 'Admins only: who becomes lead trainer (default: the caller).', maxLength: 254 })
  @IsOptional()
  @NormalizeEmail()
  @IsString()
  @MaxLength(254, { context: { max: 254 } })
  @IsEmail()
  leadTrainerEmail?: string;
}

export class UpdateCohortDto extends PartialType(OmitType(CreateCohortDto, ['leadTrainerEmail'] as const)) {
  @ApiPropertyOptional({ minimum: 1, description: 'Another imported version of the same course (draft cohorts only).' })
  @IsOptional()
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(100_000, { context: { max: 100_000 } })
  courseVersion?: number;
}

export const COHORT_STATUS_TARGETS = ['draft', 'open', 'running', 'completed'] as const;

export class CohortStatusDto {
  @ApiProperty({ enum: COHORT_STATUS_TARGETS })
  @IsIn(COHORT_STATUS_TARGETS, { context: { values: COHORT_STATUS_TARGETS.join(', ') } })
  status: (typeof COHORT_STATUS_TARGETS)[number];
}
