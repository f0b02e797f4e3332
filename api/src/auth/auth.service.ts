import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { ConflictException, DomainException, NotFoundException, ValidationFailedException } from '../common/domain.exception';
import type { RequestContext } from '../common/request-context';
import { canonicalTimeZone } from '../common/text-rules';
import { hashToken, isWellFormedToken, newToken } from '../common/tokens';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { EMAIL_KIND, type EmailPayload } from '../mail/email-message';
import { OutboxService } from '../outbox/outbox.service';
import { assertHasAName } from '../users/profile-rules';
import { User } from '../users/user.entity';
import { displayName, type AuthResponse } from '../users/user.response';
import { UsersService } from '../users/users.service';
import type { ChangePasswordDto, LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto, RegisterDto } from './dto/auth.dto';
import { LoginLimiter } from './login-limiter';
import { hashPassword, verifyPassword } from './password';
import { PasswordReset } from './password-reset.entity';
import { SessionService } from './session.service';

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export class InvalidCredentialsException extends DomainException {
  constructor() {
    super(401, 'auth.invalid_credentials', 'errors.invalid_credentials');
  }
}

export function emailTaken(field = 'email'): ConflictException {
  return new ConflictException('auth.email_taken', 'errors.email_taken', [{ field, code: 'emailTaken', messageKey: 'emailTaken' }]);
}

/** True for PostgreSQL's unique violation on the users' email index (two registrations racing). */
export function isEmailUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string; constraint?: string }).code === '23505' && (error.driverError as { constraint?: string }).constraint === 'users_email_key';
}

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly limiter: LoginLimiter,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async register(dto: RegisterDto, ctx: RequestContext): Promise<AuthResponse> {
    const nameLatin = dto.nameLatin ?? '';
    const nameArabic = dto.nameArabic ?? '';
    assertHasAName(nameLatin, nameArabic);
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (await manager.exists(User, { where: { email: dto.email } })) throw emailTaken();
        const user = manager.create(User, { email: dto.email, passwordHash, nameLatin, nameArabic, locale: dto.locale, timeZone: canonicalTimeZone(dto.timeZone) ?? dto.timeZone });
        await manager.save(user);
        const token = await this.sessions.start(manager, user.id, ctx);
        await this.audit.record(manager, { actorId: user.id, action: 'user.registered', entityType: 'user', entityId: user.id, data: { email: user.email, locale: user.locale }, ip: ctx.ip });
        const email: EmailPayload = { template: 'welcome', to: user.email, locale: user.locale, data: { name: displayName(user), url: `${this.config.PUBLIC_WEB_URL}/${user.locale}` } };
        await this.outbox.enqueue(manager, { kind: EMAIL_KIND, payload: email, dedupeKey: `welcome:${user.id}` });
        return { token, user: await this.users.response(manager, user) };
      });
    } catch (error) {
      if (isEmailUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  async login(dto: LoginDto, ctx: RequestContext): Promise<AuthResponse> {
    await this.limiter.attempt(dto.email, ctx.ip);
    const user = await this.dataSource.manager.findOneBy(User, { email: dto.email });
    const ok = user?.passwordHash && !user.disabledAt ? await verifyPassword(user.passwordHash, dto.password) : await this.decoy(dto.password);
    if (!user || !ok) throw new InvalidCredentialsException();
    await this.limiter.succeeded(dto.email, ctx.ip);
    return this.dataSource.transaction(async (manager) => {
      const token = await this.sessions.start(manager, user.id, ctx);
      return { token, user: await this.users.response(manager, user) };
    });
  }

  /** Sign in an already verified user (after accepting an invitation). */
  async signIn(userId: string, ctx: RequestContext): Promise<string> {
    return this.sessions.start(this.dataSource.manager, userId, ctx);
  }

  async logout(caller: Caller): Promise<void> {
    await this.sessions.end(caller.sessionId);
  }

  /** Always succeeds from the outside: whether the account exists is never revealed. */
  async requestPasswordReset(dto: PasswordResetRequestDto, ctx: RequestContext): Promise<void> {
    const user = await this.dataSource.manager.findOneBy(User, { email: dto.email });
    if (!user || user.disabledAt || !(await this.limiter.allowResetEmail(dto.email))) return;
    const token = newToken();
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
    await this.dataSource.transaction(async (manager) => {
      const reset = manager.create(PasswordReset, { tokenHash: hashToken(token), userId: user.id, expiresAt, usedAt: null });
      await manager.save(reset);
      await this.audit.record(manager, { actorId: null, action: 'user.password_reset_requested', entityType: 'user', entityId: user.id, data: {}, ip: ctx.ip });
      const email: EmailPayload = {
        template: 'password_reset',
        to: user.email,
        locale: user.locale,
        data: { name: displayName(user), url: `${this.config.PUBLIC_WEB_URL}/${user.locale}/reset-password/${token}`, expiresAt: expiresAt.toISOString(), timeZone: user.timeZone },
      };
      await this.outbox.enqueue(manager, { kind: EMAIL_KIND, payload: email, dedupeKey: `password_reset:${reset.id}` });
    });
  }

  /** Sets the new password once per link, within the hour; every session of the account ends. */
  async confirmPasswordReset(dto: PasswordResetConfirmDto, ctx: RequestContext): Promise<void> {
    if (!isWellFormedToken(dto.token)) throw resetTokenInvalid();
    const passwordHash = await hashPassword(dto.password);
    await this.dataSource.transaction(async (manager) => {
      // Claiming the row in one statement makes the link single-use even under concurrent submissions.
      const rows: { user_id: string }[] = await manager.query(
        'UPDATE password_resets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id',
        [hashToken(dto.token)],
      ).then((result: [{ user_id: string }[], number]) => result[0]);
      const row = rows[0];
      if (!row) throw resetTokenInvalid();
      await manager.update(User, { id: row.user_id }, { passwordHash });
      // Other links sent before this one stop working too.
      await manager.createQueryBuilder().update(PasswordReset).set({ usedAt: () => 'now()' }).where('user_id = :id AND used_at IS NULL', { id: row.user_id }).execute();
      await this.sessions.endAllOf(manager, row.user_id);
      await this.audit.record(manager, { actorId: row.user_id, action: 'user.password_reset', entityType: 'user', entityId: row.user_id, data: {}, ip: ctx.ip });
    });
  }

  async changePassword(caller: Caller, dto: ChangePasswordDto, ctx: RequestContext): Promise<void> {
    const user = await this.dataSource.manager.findOneBy(User, { id: caller.userId });
    if (!user) throw new NotFoundException();
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw new ValidationFailedException([{ field: 'currentPassword', code: 'wrongPassword', messageKey: 'wrongPassword' }]);
    }
    const passwordHash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { passwordHash });
      await this.sessions.endAllOf(manager, user.id, caller.sessionId);
      await this.audit.record(manager, { actorId: caller.userId, action: 'user.password_changed', entityType: 'user', entityId: user.id, data: {}, ip: ctx.ip });
    });
  }

  private async decoy(password: string): Promise<false> {
    this.decoyHash ??= hashPassword(newToken());
    await verifyPassword(await this.decoyHash, password);
    return false;
  }
}

function resetTokenInvalid(): DomainException {
  return new DomainException(404, 'auth.reset_token_invalid', 'errors.reset_token_invalid');
}
