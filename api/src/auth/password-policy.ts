import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/**
 * Length is the rule that matters (NIST SP 800-63B): at least 10 characters, any characters, no composition rules.
 * The upper bound only keeps hashing cheap to refuse.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const NewPasswordField = () =>
  applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, format: 'password' }),
    IsString(),
    MinLength(PASSWORD_MIN, { context: { min: PASSWORD_MIN } }),
    MaxLength(PASSWORD_MAX, { context: { max: PASSWORD_MAX } }),
  );

/** A password being checked (login, current password): any length up to the bound, not empty. */
export const GivenPasswordField = () =>
  applyDecorators(
    ApiProperty({ maxLength: PASSWORD_MAX, format: 'password' }),
    IsString(),
    MinLength(1, { context: { min: 1 } }),
    MaxLength(PASSWORD_MAX, { context: { max: PASSWORD_MAX } }),
  );
