import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { InvalidCredentialsException, emailTaken, isEmailUniqueViolation } from '../auth/auth.service';
import { LoginLimiter } from '../auth/login-limiter';
import { hashPassword, verifyPassword } from '../auth/password';
import { SessionService } from '../auth/session.service';
import { DomainException, NotFoundException, ValidationFailedException } from '../common/domain.exception';
import { resolveText, type Locale } from '../common/localized-text';
import type { RequestContext } from '../common/request-context';
import { canonicalTimeZone } from '../common/text-rules';
import { hashToken, isWellFormedToken, newToken } from '../common/tokens';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { EMAIL_KIND, type EmailPayload } from '../mail/email-message';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { OutboxService } from '../outbox/outbox.service';
import { assertHasAName } from '../users/profile-rules';
import { User } from '../users/user.entity';
import { displayName, type AuthResponse } from '../users/user.response';
import { UsersService } from '../users/users.service';
import type { AcceptInvitationDto, CreateInvitationDto, InvitationCreatedResponse, InvitationResponse } from './dto/invitation.dto';
import { Invitation } from './invitation.entity';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

function invitationNotFound(): DomainException {
  return new DomainException(404, 'invitation.not_found', 'errors.invitation_not_found');
}

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly sessions: SessionService,
    private readonly limiter: LoginLimiter,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Admins invite anyone, into any organization or none. An organization's manager invites staff into that
   * organization only; any other organization is 404 to them, as is an invitation without one.
   */
  async create(caller: Caller, dto: CreateInvitationDto, ctx: RequestContext): Promise<InvitationCreatedResponse> {
    if (dto.role && !dto.organizationId) throw new ValidationFailedException([{ field: 'role', code: 'roleNeedsOrganization', messageKey: 'roleNeedsOrganization' }]);
    if (!caller.isAdmin && !dto.organizationId) throw new NotFoundException();
    const role = dto.organizationId ? (dto.role ?? 'staff') : null;
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    return this.dataSource.transaction(async (manager) => {
      let organization: Organization | null = null;
      if (dto.organizationId) {
        await this.organizations.assertCanManage(manager, caller, dto.organizationId);
        if (!caller.isAdmin && role === 'manager') throw new ValidationFailedException([{ field: 'role', code: 'roleNotAllowed', messageKey: 'roleNotAllowed' }]);
        organization = await manager.findOneByOrFail(Organization, { id: dto.organizationId });
      }
      const inviter = await manager.findOneByOrFail(User, { id: caller.userId });
      const existing = await manager.findOneBy(User, { email: dto.email });
      const locale: Locale = dto.locale ?? existing?.locale ?? ctx.locale;
      const invitation = manager.create(Invitation, { tokenHash: hashToken(token), email: dto.email, organizationId: organization?.id ?? null, role, invitedById: caller.userId, locale, expiresAt });
      await manager.save(invitation);
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: invitation.id,
        data: { email: dto.email, organizationId: invitation.organizationId, role },
        ip: ctx.ip,
      });
      const data: Record<string, string> = {
        url: `${this.config.PUBLIC_WEB_URL}/${locale}/invitations/${token}`,
        inviterName: displayName({ ...inviter, locale }),
        organizationName: organization ? resolveText(organization.name, locale).text : '',
        expiresAt: expiresAt.toISOString(),
      };
      if (role) data.role = role;
      if (existing) {
        data.name = displayName(existing);
        data.timeZone = existing.timeZone;
      }
      const email: EmailPayload = { template: 'invitation', to: dto.email, locale, data };
      await this.outbox.enqueue(manager, { kind: EMAIL_KIND, payload: email, dedupeKey: `invitation:${invitation.id}` });
      return { id: invitation.id, email: invitation.email, expiresAt: expiresAt.toISOString() };
    });
  }

  async show(token: string, locale: Locale): Promise<InvitationResponse> {
    const invitation = await this.findUsable(token);
    const accountExists = await this.dataSource.manager.exists(User, { where: { email: invitation.email } });
    return {
      email: invitation.email,
      organization: invitation.organization ? { id: invitation.organization.id, name: resolveText(invitation.organization.name, locale).text } : null,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      accountExists,
    };
  }

  /**
   * Accepting creates the account (or, when the email already has one, checks its password — the link alone is
   * not proof enough to join an existing account to an organization), adds the membership, and signs in.
   */
  async accept(token: string, dto: AcceptInvitationDto, ctx: RequestContext): Promise<AuthResponse> {
    const preview = await this.findUsable(token);
    const existing = await this.dataSource.manager.findOneBy(User, { email: preview.email });
    let passwordHash: string | null = null;
    if (existing) {
      await this.limiter.attempt(existing.email, ctx.ip);
      if (!(await verifyPassword(existing.passwordHash, dto.password))) throw new InvalidCredentialsException();
      await this.limiter.succeeded(existing.email, ctx.ip);
    } else {
      assertHasAName(dto.nameLatin ?? '', dto.nameArabic ?? '');
      passwordHash = await hashPassword(dto.password);
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Locked and re-checked: of two concurrent acceptances, the second finds it used.
        const invitation = await manager.findOne(Invitation, { where: { id: preview.id }, lock: { mode: 'pessimistic_write' } });
        if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) throw invitationNotFound();
        let user = existing;
        if (!user) {
          user = manager.create(User, {
            email: invitation.email,
            passwordHash,
            nameLatin: dto.nameLatin ?? '',
            nameArabic: dto.nameArabic ?? '',
            locale: dto.locale ?? invitation.locale,
            timeZone: dto.timeZone ? (canonicalTimeZone(dto.timeZone) ?? dto.timeZone) : undefined,
          });
          await manager.save(user);
          await this.audit.record(manager, { actorId: user.id, action: 'user.registered', entityType: 'user', entityId: user.id, data: { email: user.email, locale: user.locale, invitationId: invitation.id }, ip: ctx.ip });
          const welcome: EmailPayload = { template: 'welcome', to: user.email, locale: user.locale, data: { name: displayName(user), url: `${this.config.PUBLIC_WEB_URL}/${user.locale}` } };
          await this.outbox.enqueue(manager, { kind: EMAIL_KIND, payload: welcome, dedupeKey: `welcome:${user.id}` });
        }
        await manager.update(Invitation, { id: invitation.id }, { acceptedAt: new Date(), acceptedUserId: user.id });
        if (invitation.organizationId && invitation.role) {
          await this.organizations.addMember(manager, { organizationId: invitation.organizationId, userId: user.id, role: invitation.role, actorId: invitation.invitedById, ip: ctx.ip, via: `invitation:${invitation.id}` });
        }
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'invitation.accepted',
          entityType: 'invitation',
          entityId: invitation.id,
          data: { userId: user.id, organizationId: invitation.organizationId, role: invitation.role, newAccount: !existing },
          ip: ctx.ip,
        });
        const sessionToken = await this.sessions.start(manager, user.id, ctx);
        return { token: sessionToken, user: await this.users.response(manager, user) };
      });
    } catch (error) {
      if (isEmailUniqueViolation(error)) throw emailTaken('email');
      throw error;
    }
  }

  private async findUsable(token: string): Promise<Invitation> {
    if (!isWellFormedToken(token)) throw invitationNotFound();
    const invitation = await this.dataSource.manager
      .createQueryBuilder(Invitation, 'i')
      .leftJoinAndSelect('i.organization', 'o')
      .where('i.token_hash = :hash AND i.accepted_at IS NULL AND i.expires_at > now()', { hash: hashToken(token) })
      .getOne();
    if (!invitation) throw invitationNotFound();
    return invitation;
  }
}
