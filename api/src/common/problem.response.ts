import { applyDecorators } from '@nestjs/common';
import { ApiDefaultResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProblemFieldError {
  @ApiProperty({ example: 'email', description: 'The field, dotted for nested ones (`name.ar`).' }) field: string;
  @ApiProperty({ example: 'isEmail', description: 'Stable code of the rule that failed.' }) code: string;
  @ApiProperty({ description: 'In the language of Accept-Language.' }) message: string;
}

/** RFC 9457 problem details, as every error is answered (`application/problem+json`). */
export class ProblemResponse {
  @ApiProperty({ example: 'https://halaqa.org/problems/validation.failed' }) type: string;
  @ApiProperty({ description: 'In the language of Accept-Language.' }) title: string;
  @ApiProperty({ example: 422 }) status: number;
  @ApiProperty({ description: 'In the language of Accept-Language.' }) detail: string;
  @ApiProperty({ example: 'validation.failed', description: 'Stable code: validation.failed, auth.invalid_credentials, auth.rate_limited, auth.unauthenticated, not_found, …' }) code: string;
  @ApiPropertyOptional({ type: [ProblemFieldError] }) errors?: ProblemFieldError[];
}

/** Documents the problem+json error answer on every operation of a controller. */
export const ApiProblems = () => applyDecorators(ApiDefaultResponse({ type: ProblemResponse, description: 'Error (application/problem+json, RFC 9457)' }));
