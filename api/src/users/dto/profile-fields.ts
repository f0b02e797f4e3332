import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIanaTimeZone, IsSafeText, Trim } from '../../common/text-rules';
import { LOCALES } from '../../common/localized-text';

export const NAME_MAX = 200;

/** nameLatin / nameArabic: optional text up to 200 characters, trimmed; at least one is checked by the service. */
export const NameField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: NAME_MAX, description }),
    IsOptional(),
    Trim(),
    IsString(),
    MaxLength(NAME_MAX, { context: { max: NAME_MAX } }),
    IsSafeText(),
  );

export const LocaleField = (required: boolean) =>
  applyDecorators(
    required ? ApiPropertyOptional({ enum: LOCALES, required: true }) : ApiPropertyOptional({ enum: LOCALES }),
    ...(required ? [] : [IsOptional()]),
    IsIn(LOCALES, { context: { values: LOCALES.join(', ') } }),
  );

export const TimeZoneField = (required: boolean) =>
  applyDecorators(
    ApiPropertyOptional({ description: 'IANA time zone', example: 'Asia/Amman', required }),
    ...(required ? [] : [IsOptional()]),
    IsString(),
    IsIanaTimeZone(),
  );
