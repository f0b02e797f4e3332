/**
 * An error the user can act on. `code` is stable (clients and tests rely on it); `messageKey` names the catalog
 * entry (title + detail) in `i18n/{ar,en,fr}.json`; the global filter turns it into problem+json in the caller's
 * language. Services throw these; controllers never catch them.
 */
export class DomainException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

/** One invalid field; `message` is filled in the caller's language by the filter when it is a catalog key. */
export interface FieldError {
  field: string;
  code: string;
  /** Catalog key under `validation.` (e.g. `isEmail`) or an already localized message. */
  messageKey: string;
  params?: Record<string, string | number>;
}

export class NotFoundException extends DomainException {
  constructor() {
    super(404, 'not_found', 'errors.not_found');
  }
}

export class UnauthenticatedException extends DomainException {
  constructor() {
    super(401, 'auth.unauthenticated', 'errors.unauthenticated', {}, [], { 'WWW-Authenticate': 'Bearer' });
  }
}

export class ValidationFailedException extends DomainException {
  constructor(fieldErrors: FieldError[]) {
    super(422, 'validation.failed', 'errors.validation', {}, fieldErrors);
  }
}

/** 429 with Retry-After; `count` lets a catalog entry choose the plural form of the seconds. */
export class RateLimitedException extends DomainException {
  constructor(retryAfterSeconds: number, code = 'auth.rate_limited', messageKey = 'errors.rate_limited') {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(429, code, messageKey, { seconds, count: seconds }, [], { 'Retry-After': String(seconds) });
  }
}

export class ConflictException extends DomainException {
  constructor(code: string, messageKey = 'errors.conflict', fieldErrors: FieldError[] = []) {
    super(409, code, messageKey, {}, fieldErrors);
  }
}
