import { createHash } from 'node:crypto';
import { hashToken, isWellFormedToken, newToken } from './tokens';

describe('tokens', () => {
  it('issues 43-character base64url tokens (256 bits) that never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from([...tokens][0], 'base64url')).toHaveLength(32);
  });

  it('stores the SHA-256 hex of the token, never the token', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = newToken();
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashToken(token)).not.toContain(token);
  });

  it.each([['x'.repeat(42)], ['x'.repeat(44)], ['a'.repeat(42) + '='], ['a'.repeat(42) + '/'], [''], [null], [42]])('refuses %j as a token', (value) => {
    expect(isWellFormedToken(value)).toBe(false);
  });
});
