import { createHmac, timingSafeEqual } from 'node:crypto';

const MAC_BYTES = 16;

function mac(secret: string, userId: Buffer, generation: Buffer): Buffer {
  return createHmac('sha256', secret).update(userId).update(generation).digest().subarray(0, MAC_BYTES);
}

function uuidBytes(userId: string): Buffer {
  return Buffer.from(userId.replace(/-/g, ''), 'hex');
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A feed token: base64url(userId ‖ generation ‖ HMAC-SHA256(secret, userId ‖ generation)[0..16]). Nothing is stored:
 * the same user and generation always give the same URL, and bumping the generation retires the old one.
 */
export function calendarFeedToken(secret: string, userId: string, generation: number): string {
  const user = uuidBytes(userId);
  const gen = Buffer.alloc(4);
  gen.writeUInt32BE(generation);
  return Buffer.concat([user, gen, mac(secret, user, gen)]).toString('base64url');
}

/** The user and generation a token names, if its MAC is right; null for anything else (never throws). */
export function readCalendarFeedToken(secret: string, token: string): { userId: string; generation: number } | null {
  if (!/^[A-Za-z0-9_-]{48}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== 16 + 4 + MAC_BYTES) return null;
  const user = bytes.subarray(0, 16);
  const gen = bytes.subarray(16, 20);
  if (!timingSafeEqual(bytes.subarray(20), mac(secret, user, gen))) return null;
  return { userId: uuidOf(user), generation: gen.readUInt32BE() };
}

/** A request path with any calendar feed token masked, for logs: the token is a long-lived secret. */
export function redactCalendarToken(url: string): string {
  return url.replace(/\/api\/calendar\/[^/?#]+/, '/api/calendar/[token].ics');
}
