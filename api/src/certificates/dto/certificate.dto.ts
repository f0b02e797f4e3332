import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsSafeText, Trim } from '../../common/text-rules';

const SECONDARY_LOCALES = ['en', 'fr'] as const;

/** Printed text per locale, one line each (≤ 200). */
export class PrintedLineDto {
  @ApiProperty({ required: false, maxLength: 200 }) @IsOptional() @Trim() @IsString() @MaxLength(200, { context: { max: 200 } }) @IsSafeText() ar?: string;
  @ApiProperty({ required: false, maxLength: 200 }) @IsOptional() @Trim() @IsString() @MaxLength(200, { context: { max: 200 } }) @IsSafeText() en?: string;
  @ApiProperty({ required: false, maxLength: 200 }) @IsOptional() @Trim() @IsString() @MaxLength(200, { context: { max: 200 } }) @IsSafeText() fr?: string;
}

export class SignatoryDto {
  @ApiProperty({ minLength: 1, maxLength: 120, description: 'As it should be printed (any script).' })
  @Trim()
  @IsString()
  @MinLength(1, { context: { min: 1 } })
  @MaxLength(120, { context: { max: 120 } })
  @IsSafeText()
  name: string;

  @ApiProperty({ type: PrintedLineDto, example: { ar: 'المدرّبة الرئيسية', en: 'Lead trainer' } })
  @IsObject()
  @ValidateNested()
  @Type(() => PrintedLineDto)
  title: PrintedLineDto;
}

export class CertificateSettingsDto {
  @ApiProperty({ enum: SECONDARY_LOCALES, description: 'Printed beside Arabic.' })
  @IsIn(SECONDARY_LOCALES, { context: { values: SECONDARY_LOCALES.join(', ') } })
  secondaryLocale: 'en' | 'fr';

  @ApiProperty({ type: PrintedLineDto, description: 'Empty: the platform’s issuer name.' })
  @IsObject()
  @ValidateNested()
  @Type(() => PrintedLineDto)
  issuerName: PrintedLineDto;

  @ApiProperty({ type: [SignatoryDto], maxItems: 3, description: 'Empty: the cohort’s lead trainers.' })
  @IsArray()
  @ArrayMaxSize(3, { context: { max: 3 } })
  @ValidateNested({ each: true })
  @Type(() => SignatoryDto)
  signatories: SignatoryDto[];
}

export class RevokeCertificateDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'The attendance records were entered for the wrong person.', description: 'Shown to the holder; never on the public verify page.' })
  @Trim()
  @IsString()
  @MinLength(1, { context: { min: 1 } })
  @MaxLength(500, { context: { max: 500 } })
  @IsSafeText({ multiline: true })
  reason: string;
}
