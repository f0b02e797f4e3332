import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsSafeText, Omittable, Trim } from '../../common/text-rules';
import { HasTextInSomeLocale, LocalizedLineDto } from '../../organizations/dto/localized-text.dto';

export const MAX_CIRCLE_COACHES = 10;
export const MAX_MEMBER_IDS = 500;
export const MAX_AUTO_CIRCLES = 100;
export const SPREAD_BY = ['organization', 'city'] as const;
export type SpreadBy = (typeof SPREAD_BY)[number];

export class CreateCircleDto {
  @ApiProperty({
    type: LocalizedLineDto,
    description: 'Name per locale; at least one.',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLineDto)
  @HasTextInSomeLocale()
  name: LocalizedLineDto;

  @ApiPropertyOptional({
    type: LocalizedLineDto,
    description: 'Where the circle usually meets; `{}` or absent when online or not known yet.',
  })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLineDto)
  place?: LocalizedLineDto;

  @ApiPropertyOptional({
    description: 'The circle meets online (default false).',
  })
  @Omittable()
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_CIRCLE_COACHES,
    description: 'Existing accounts; anyone not yet on the cohort’s staff is added to it as a coach.',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_CIRCLE_COACHES, { context: { max: MAX_CIRCLE_COACHES } })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  coachIds?: string[];
}

export class UpdateCircleDto {
  @ApiPropertyOptional({
    type: LocalizedLineDto,
    description: 'Name per locale; at least one.',
  })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLineDto)
  @HasTextInSomeLocale()
  name?: LocalizedLineDto;

  @ApiPropertyOptional({
    type: LocalizedLineDto,
    description: '`{}` clears the place.',
  })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLineDto)
  place?: LocalizedLineDto;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  online?: boolean;
}

export class AddMembersDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_MEMBER_IDS,
    description: 'Active enrollments of the circle’s cohort; people in another circle of the cohort are moved here (their stay there is closed, not erased).',
  })
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(MAX_MEMBER_IDS, { context: { max: MAX_MEMBER_IDS } })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  enrollmentIds: string[];
}

export class AutoAssignDto {
  @ApiProperty({
    minimum: 1,
    maximum: MAX_AUTO_CIRCLES,
    description: 'How many circles to share people among; missing ones are created.',
  })
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(MAX_AUTO_CIRCLES, { context: { max: MAX_AUTO_CIRCLES } })
  circles: number;

  @ApiPropertyOptional({
    enum: SPREAD_BY,
    nullable: true,
    description: 'Spread people of the same organization (or of the same organization city) across circles.',
  })
  @IsOptional()
  @IsIn(SPREAD_BY, { context: { values: SPREAD_BY.join(', ') } })
  spreadBy?: SpreadBy | null;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Name of new circles, numbered: “Amman” gives “Amman 1”, “Amman 2”… Default: “Circle n” in each language.',
  })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  @IsSafeText()
  namePrefix?: string;
}
