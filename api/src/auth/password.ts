import argon2 from 'argon2';

/**
 * argon2id with OWASP's recommended floor raised: 19 MiB × 2 passes is the minimum they list; we use 64 MiB × 3,
 * which costs about 60–90 ms on the 2-core machines here — slow for an attacker, fine for a login.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** False for a wrong password or a malformed hash; never throws for user input. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
