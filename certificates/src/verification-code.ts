import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O, U, so a code read aloud or typed from paper survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 26 symbols × 5 bits = 130 bits of randomness (≥ 128, DESIGN.md). */
const RANDOM_SYMBOLS = 26;

/** A prime above 26 × 31, so no weight times a symbol difference can vanish modulo it. */
const CHECK_MODULUS = 1021;

/**
 * Two check symbols: the position-weighted sum of the symbol values modulo 1021, written in base 32. Every weight
 * (1…26) and every difference of two symbols (±1…31) is non-zero modulo the prime, and so is any product of them:
 * every single mistyped symbol and every swap of two symbols, neighbours or not, changes the check. (A single
 * base-32 check symbol modulo 31 let a swap of 0 and Z through.)
 */
function checkSymbols(symbols: string): string {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum = (sum + (i + 1) * ALPHABET.indexOf(symbols[i])) % CHECK_MODULUS;
  return ALPHABET[Math.floor(sum / 32)] + ALPHABET[sum % 32];
}

/**
 * A new certificate verification code: 130 random bits in Crockford base32 plus two check symbols, 28 symbols
 * grouped in fours for reading.
 *
 * @example
 *   const code = generateVerificationCode(); // 'H4TB-8W1Q-KZ3M-0R5N-YC2E-VG7P-QD0S'
 *   isValidVerificationCode(code); // true
 */
export function generateVerificationCode(): string {
  const bytes = randomBytes(RANDOM_SYMBOLS);
  let symbols = '';
  for (const byte of bytes) symbols += ALPHABET[byte & 31];
  return format(symbols + checkSymbols(symbols));
}

/** Uppercases, drops separators and maps look-alikes (O→0, I/L→1) as Crockford base32 prescribes. */
export function normalizeVerificationCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** True when the code has the right length, alphabet and check symbols (a typo is caught before any lookup). */
export function isValidVerificationCode(input: string): boolean {
  const symbols = normalizeVerificationCode(input);
  if (symbols.length !== RANDOM_SYMBOLS + 2) return false;
  if ([...symbols].some((c) => !ALPHABET.includes(c))) return false;
  return checkSymbols(symbols.slice(0, RANDOM_SYMBOLS)) === symbols.slice(RANDOM_SYMBOLS);
}

/** The canonical, grouped form of a valid code. */
export function format(symbols: string): string {
  return normalizeVerificationCode(symbols).match(/.{1,4}/g)?.join('-') ?? '';
}
