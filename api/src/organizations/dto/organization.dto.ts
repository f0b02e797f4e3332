import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUrl, MaxLength, ValidateNested, registerDecorator, type ValidationOptions } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsSafeText, Trim } from '../../common/text-rules';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../organization.entity';
import { HasTextInSomeLocale, LocalizedLineDto, LocalizedParagraphDto } from './localized-text.dto';

/** ISO 3166-1 alpha-2 as Intl knows it (JO, PS, TN, IQ, …); code `isCountryCode`. */
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
export function isCountryCode(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value)) return false;
  try {
    return regionNames.of(value) !== undefined;
  } catch {
    return false;
  }
}
function IsCountryCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({ name: 'isCountryCode', target: target.constructor, propertyName: propertyName as string, options: validationOptions, validator: { validate: isCountryCode } });
}
const UpperCase = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

export class CreateOrganizationDto {
  @ApiProperty({ type: LocalizedLineDto, description: 'Name per locale; at least one.' })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLineDto)
  @HasTextInSomeLocale()
  name: LocalizedLineDto;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS, { context: { values: ORGANIZATION_KINDS.join(', ') } })
  kind: OrganizationKind;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'JO' })
  @UpperCase()
  @IsString()
  @IsCountryCode()
  country: string;

  @ApiProperty({ type: LocalizedLineDto, description: 'City per locale; at least one.' })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLineDto)
  @HasTextInSomeLocale()
  city: LocalizedLineDto;

  @ApiPropertyOptional({ type: LocalizedParagraphDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedParagraphDto)
  description?: LocalizedParagraphDto;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300, example: 'https://example.org' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300, { context: { max: 300 } })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string | null;
}

export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) {}

export class OrganizationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name, in any language', maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  @IsSafeText()
  q?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', example: 'TN' })
  @IsOptional()
  @UpperCase()
  @IsString()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ description: 'City name in any language (exact, case-insensitive)', maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200, { context: { max: 200 } })
  @IsSafeText()
  city?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS, { context: { values: ORGANIZATION_KINDS.join(', ') } })
  kind?: OrganizationKind;
}
