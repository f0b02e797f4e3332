import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O, U, so a code read aloud or typed from paper survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 26 symbols × 5 bits = 130 bits of randomness (≥ 128, DESIGN.md). */
const RANDOM_SYMBOLS = 26;

function checkSymbol(symbols: string): string {
  // Position-weighted sum mod 37 would need extra symbols; mod 32 with weights catches every single-symbol error
  // and every adjacent transposition of distinct symbols.
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum = (sum + (i + 1) * ALPHABET.indexOf(symbols[i])) % 31;
  return ALPHABET[sum];
}

/**
 * A new certificate verification code: 130 random bits in Crockford base32 plus one check symbol, grouped in
 * fours for reading, e.g. `7KQ2-M9XD-…-R`.
 *
 * @example
 *   const code = generateVerificationCode(); // 'H4TB-8W1Q-KZ3M-0R5N-YC2E-VG7P-QD'
 *   isValidVerificationCode(code); // true
 */
export function generateVerificationCode(): string {
  const bytes = randomBytes(RANDOM_SYMBOLS);
  let symbols = '';
  for (const byte of bytes) symbols += ALPHABET[byte & 31];
  return format(symbols + checkSymbol(symbols));
}

/** Uppercases, drops separators and maps look-alikes (O→0, I/L→1) as Crockford base32 prescribes. */
export function normalizeVerificationCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** True when the code has the right length, alphabet and check symbol (a typo is caught before any lookup). */
export function isValidVerificationCode(input: string): boolean {
  const symbols = normalizeVerificationCode(input);
  if (symbols.length !== RANDOM_SYMBOLS + 1) return false;
  if ([...symbols].some((c) => !ALPHABET.includes(c))) return false;
  return checkSymbol(symbols.slice(0, -1)) === symbols.slice(-1);
}

/** The canonical, grouped form of a valid code. */
export function format(symbols: string): string {
  return normalizeVerificationCode(symbols).match(/.{1,4}/g)?.join('-') ?? '';
}
