import { Transform } from 'class-transformer';
import { ValidateIf, registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * Characters refused in any text a person typed: C0 controls and DEL (NUL cannot even be stored by PostgreSQL),
 * and the bidi embedding/override controls U+202A–U+202E, which can make a name display as something else
 * ("Trojan source"). The marks U+200E/U+200F and the isolates U+2066–U+2069, which mixed Arabic/Latin text
 * legitimately uses, stay allowed. Multi-line text may also hold tabs and line breaks.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_SINGLE_LINE = /[\u0000-\u001f\u007f\u202a-\u202e]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e]/;

export function isSafeText(value: unknown, multiline = false): boolean {
  return typeof value === 'string' && !(multiline ? UNSAFE_MULTI_LINE : UNSAFE_SINGLE_LINE).test(value);
}

/** Rejects control and bidi-override characters (see `isSafeText`); code `isSafeText`. */
export function IsSafeText(options: { multiline?: boolean } = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSafeText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: validationOptions,
      validator: { validate: (value: unknown) => isSafeText(value, options.multiline) },
    });
}

/** The canonical IANA name of a time zone (`asia/amman` → `Asia/Amman`), or null when there is no such zone. */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** An IANA time zone that this runtime knows (e.g. Asia/Amman, Africa/Tunis); code `isTimeZone`. */
export function IsIanaTimeZone(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: validationOptions,
      validator: { validate: (value: unknown) => canonicalTimeZone(value) !== null },
    });
}

/** Emails are compared case-folded: trimmed and lower-cased before validation and storage. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

export const NormalizeEmail = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeEmail(value) : value));

/** Trims surrounding white space of a string; leaves any other type for the type check to refuse. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Optional means "may be left out", not "may be null": unlike `@IsOptional()`, a null still has to pass the field's
 * rules (so `{"locale": null}` is a 422, not a silent no-op).
 */
export const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
