import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { IsCalendarDate } from '../../cohorts/dto/cohort.dto';
import { IsSafeText, Omittable, Trim } from '../../common/text-rules';
import { LocalizedLineDto, LocalizedParagraphDto } from '../../organizations/dto/localized-text.dto';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../attendance.entity';
import { MAX_OCCURRENCES, MIN_OCCURRENCES, isLocalTime } from '../recurrence';
import { SERIES_FREQUENCIES, type SeriesFrequency } from '../session-series.entity';

export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 12 * 60;
export const SESSION_SCOPES = ['this', 'following'] as const;
export type SessionScope = (typeof SESSION_SCOPES)[number];
export const MAX_MARKS = 200;

/** `HH:mm`, 00:00–23:59; code `isLocalTime`. */
function IsLocalTime(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({ name: 'isLocalTime', target: target.constructor, propertyName: propertyName as string, options: validationOptions, validator: { validate: isLocalTime } });
}

const URL_RULES = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };

class SessionFieldsDto {
  @ApiPropertyOptional({ type: LocalizedLineDto, description: 'Where the circle meets, per locale.' })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLineDto)
  place?: LocalizedLineDto;

  @ApiPropertyOptional({ type: String, example: 'https://meet.example.org/halaqa', maxLength: 500, nullable: true, description: 'http(s) link of an online meeting; null removes it.' })
  @ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null)
  @Trim()
  @IsString()
  @MaxLength(500, { context: { max: 500 } })
  @IsUrl(URL_RULES)
  onlineUrl?: string | null;

  @ApiPropertyOptional({ type: LocalizedParagraphDto, description: 'What the session is about, per locale (line breaks allowed).' })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedParagraphDto)
  agenda?: LocalizedParagraphDto;
}

export class CreateSessionDto extends SessionFieldsDto {
  @ApiProperty({ format: 'date', example: '2026-12-03', description: 'Local date in the cohort’s time zone.' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: '18:00', description: 'Wall-clock time (24 h) in the cohort’s time zone.' })
  @IsLocalTime()
  time: string;

  @ApiProperty({ minimum: MIN_DURATION_MINUTES, maximum: MAX_DURATION_MINUTES, example: 90 })
  @IsInt()
  @Min(MIN_DURATION_MINUTES, { context: { min: MIN_DURATION_MINUTES } })
  @Max(MAX_DURATION_MINUTES, { context: { max: MAX_DURATION_MINUTES } })
  durationMinutes: number;

  @ApiPropertyOptional({ enum: SERIES_FREQUENCIES, description: 'Makes a series; `occurrences` is then required.' })
  @Omittable()
  @IsIn(SERIES_FREQUENCIES, { context: { values: SERIES_FREQUENCIES.join(', ') } })
  repeat?: SeriesFrequency;

  @ApiPropertyOptional({ minimum: MIN_OCCURRENCES, maximum: MAX_OCCURRENCES, description: 'Sessions in the series, the first included; only with `repeat`.' })
  @Omittable()
  @IsInt()
  @Min(MIN_OCCURRENCES, { context: { min: MIN_OCCURRENCES } })
  @Max(MAX_OCCURRENCES, { context: { max: MAX_OCCURRENCES } })
  occurrences?: number;
}

export class UpdateSessionDto extends SessionFieldsDto {
  @ApiPropertyOptional({ format: 'date', description: 'New local date; with `following`, later sessions move by as many days.' })
  @Omittable()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ example: '19:30', description: 'New wall-clock time; with `following`, later sessions move to the same time of day.' })
  @Omittable()
  @IsLocalTime()
  time?: string;

  @ApiPropertyOptional({ minimum: MIN_DURATION_MINUTES, maximum: MAX_DURATION_MINUTES })
  @Omittable()
  @IsInt()
  @Min(MIN_DURATION_MINUTES, { context: { min: MIN_DURATION_MINUTES } })
  @Max(MAX_DURATION_MINUTES, { context: { max: MAX_DURATION_MINUTES } })
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: SESSION_SCOPES, default: 'this', description: '`following`: this session and the later ones of its series.' })
  @Omittable()
  @IsIn(SESSION_SCOPES, { context: { values: SESSION_SCOPES.join(', ') } })
  scope?: SessionScope;
}

export class CancelSessionDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'The coach is ill; we meet next week.' })
  @Trim()
  @IsString()
  @MinLength(1, { context: { min: 1 } })
  @MaxLength(500, { context: { max: 500 } })
  @IsSafeText()
  reason: string;

  @ApiPropertyOptional({ enum: SESSION_SCOPES, default: 'this' })
  @Omittable()
  @IsIn(SESSION_SCOPES, { context: { values: SESSION_SCOPES.join(', ') } })
  scope?: SessionScope;
}

export class SessionRangeQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Sessions starting at or after this instant (or date, read as UTC midnight).' })
  @IsOptional()
  @IsDateLike()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Sessions starting before this instant.' })
  @IsOptional()
  @IsDateLike()
  to?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(10_000, { context: { max: 10_000 } })
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(100, { context: { max: 100 } })
  pageSize: number = 50;
}

/** An ISO date (`2026-12-03`) or instant (`2026-12-03T18:00:00Z`); code `isISO8601`. */
function IsDateLike(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isISO8601',
      target: target.constructor,
      propertyName: propertyName as string,
      options: validationOptions,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.length <= 40 && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) && !Number.isNaN(Date.parse(value)),
      },
    });
}

export class AttendanceMarkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  enrollmentId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES, { context: { values: ATTENDANCE_STATUSES.join(', ') } })
  status: AttendanceStatus;
}

export class AttendanceMarksDto {
  @ApiProperty({ type: [AttendanceMarkDto], maxItems: MAX_MARKS })
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(MAX_MARKS, { context: { max: MAX_MARKS } })
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkDto)
  marks: AttendanceMarkDto[];
}

export class MyAttendanceQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this cohort.' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;
}
