import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IsIanaTimeZone, IsSafeText, Omittable, Trim } from '../../common/text-rules';
import { LOCALES } from '../../common/localized-text';

export const NAME_MAX = 200;

/** nameLatin / nameArabic: optional text up to 200 characters, trimmed; at least one is checked by the service. */
export const NameField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: NAME_MAX, description }),
    Omittable(),
    Trim(),
    IsString(),
    MaxLength(NAME_MAX, { context: { max: NAME_MAX } }),
    IsSafeText(),
  );

export const LocaleField = (required: boolean) =>
  applyDecorators(
    ApiProperty({ enum: LOCALES, required }),
    ...(required ? [] : [Omittable()]),
    IsIn(LOCALES, { context: { values: LOCALES.join(', ') } }),
  );

export const TimeZoneField = (required: boolean) =>
  applyDecorators(
    ApiProperty({ description: 'IANA time zone', example: 'Asia/Amman', required }),
    ...(required ? [] : [Omittable()]),
    IsString(),
    IsIanaTimeZone(),
  );
