import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ValidationFailedException, type FieldError } from './domain.exception';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldError[] = Object.keys(error.constraints ?? {}).map((constraint) => {
      const unknown = constraint === 'whitelistValidation';
      const contexts = (error.contexts ?? {})[constraint] as Record<string, string | number> | undefined;
      return {
        field,
        code: unknown ? 'unknown_field' : constraint,
        messageKey: unknown ? 'unknown_field' : constraint,
        params: contexts,
      };
    });
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** A JSON body must be an object: `null`, arrays and bare values are refused instead of read as `{}`. */
class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata) && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new ValidationFailedException([{ field: '', code: 'isObject', messageKey: 'isObject' }]);
    }
    return super.transform(value, metadata);
  }
}

/**
 * The global validation pipe: unknown fields are rejected (not silently dropped), types are checked, and every
 * failure names its field with a stable code. Messages are localized by the problem filter; limits a message shows
 * (min/max length) travel in the constraint's `context`.
 */
export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(flatten(errors)),
  });
}
