import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters, 256 bits — far above the 128 the design asks for. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored for a session, reset or invitation token: its SHA-256 (hex). A plain hash is enough because the
 * token is random and long; a salt or a slow hash would only slow every request down.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A token we could have issued; anything else is refused without touching the database. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}
