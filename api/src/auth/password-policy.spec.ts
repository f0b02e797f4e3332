import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChangePasswordDto, LoginDto, RegisterDto } from './dto/auth.dto';
import { hashPassword, verifyPassword } from './password';

function errorsOf(cls: new () => object, body: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(cls, body), { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})]));
}

const valid = { email: 'layla@example.org', password: 'ten chars!', nameLatin: 'Layla', locale: 'ar', timeZone: 'Asia/Amman' };

describe('password policy', () => {
  it('takes any 10 to 200 characters, Arabic and spaces included', () => {
    expect(errorsOf(RegisterDto, valid)).toEqual({});
    expect(errorsOf(RegisterDto, { ...valid, password: 'كلمة سر طويلة' })).toEqual({});
    expect(errorsOf(RegisterDto, { ...valid, password: 'x'.repeat(200) })).toEqual({});
  });

  it('refuses 9 and 201 characters', () => {
    expect(errorsOf(RegisterDto, { ...valid, password: 'x'.repeat(9) })).toEqual({ password: ['minLength'] });
    expect(errorsOf(RegisterDto, { ...valid, password: 'x'.repeat(201) })).toEqual({ password: ['maxLength'] });
  });

  it('checks the new password on change but not the length of the current one', () => {
    expect(errorsOf(ChangePasswordDto, { currentPassword: 'short', newPassword: 'long enough!' })).toEqual({});
    expect(errorsOf(ChangePasswordDto, { currentPassword: '', newPassword: 'short' })).toEqual({ currentPassword: ['minLength'], newPassword: ['minLength'] });
  });

  it('case-folds the email before checking it', () => {
    const dto = plainToInstance(LoginDto, { email: '  Layla@Example.ORG ', password: 'x' });
    expect(dto.email).toBe('layla@example.org');
    expect(validateSync(dto)).toEqual([]);
  });

  it('hashes with argon2id at or above the OWASP floor, and verifies', async () => {
    const hash = await hashPassword('correct horse battery');
    const [, m, t] = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=\d+\$/.exec(hash) ?? [];
    expect(Number(m)).toBeGreaterThanOrEqual(19456);
    expect(Number(t)).toBeGreaterThanOrEqual(2);
    await expect(verifyPassword(hash, 'correct horse battery')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'wrong')).resolves.toBe(false);
    await expect(verifyPassword('not a hash', 'x')).resolves.toBe(false);
    await expect(verifyPassword(null, 'x')).resolves.toBe(false);
  });
});
