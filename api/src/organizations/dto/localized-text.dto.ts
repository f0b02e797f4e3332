import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, registerDecorator, type ValidationOptions } from 'class-validator';
import { IsSafeText, Trim } from '../../common/text-rules';
import { resolveText } from '../../common/localized-text';

/** `{ar?, en?, fr?}` for one-line text (names, cities). */
export class LocalizedLineDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Trim() @IsString() @MaxLength(200, { context: { max: 200 } }) @IsSafeText() ar?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Trim() @IsString() @MaxLength(200, { context: { max: 200 } }) @IsSafeText() en?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Trim() @IsString() @MaxLength(200, { context: { max: 200 } }) @IsSafeText() fr?: string;
}

/** `{ar?, en?, fr?}` for paragraphs (descriptions): line breaks allowed. */
export class LocalizedParagraphDto {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Trim() @IsString() @MaxLength(2000, { context: { max: 2000 } }) @IsSafeText({ multiline: true }) ar?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Trim() @IsString() @MaxLength(2000, { context: { max: 2000 } }) @IsSafeText({ multiline: true }) en?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Trim() @IsString() @MaxLength(2000, { context: { max: 2000 } }) @IsSafeText({ multiline: true }) fr?: string;
}

/** The text is present in at least one locale; code `textRequired`. */
export function HasTextInSomeLocale(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'textRequired',
      target: target.constructor,
      propertyName: propertyName as string,
      options: validationOptions,
      validator: { validate: (value: unknown) => value !== null && typeof value === 'object' && resolveText(value, 'ar').text !== '' },
    });
}
