import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Max, MaxLength, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { IsSafeText, Omittable, Trim } from '../../common/text-rules';

/** `'all'` or an array of up to 100 distinct non-empty exercise keys; code `requiredExercises`. */
function IsRequiredExercises(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'requiredExercises',
      target: target.constructor,
      propertyName: propertyName as string,
      options: validationOptions,
      validator: {
        validate: (value: unknown) =>
          value === 'all' ||
          (Array.isArray(value) && value.length <= 100 && value.every((k) => typeof k === 'string' && k.length > 0 && k.length <= 100) && new Set(value).size === value.length),
      },
    });
}

export class CompletionRuleDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 75, description: 'Share of circle sessions attended (present or late), in percent.' })
  @IsInt()
  @Min(0, { context: { min: 0 } })
  @Max(100, { context: { max: 100 } })
  minAttendancePercent: number;

  @ApiProperty({ oneOf: [{ type: 'string', enum: ['all'] }, { type: 'array', items: { type: 'string' }, maxItems: 100 }], description: '`all`, or the exercise keys that must be passed (each one an exercise of the cohort).' })
  @IsRequiredExercises()
  requiredExercises: 'all' | string[];

  @ApiProperty({ description: 'A lead trainer’s final review must be recorded as passed.' })
  @IsBoolean()
  finalReview: boolean;
}

export class FinalReviewDto {
  @ApiProperty()
  @IsBoolean()
  passed: boolean;

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(2000, { context: { max: 2000 } })
  @IsSafeText({ multiline: true })
  note?: string;
}

