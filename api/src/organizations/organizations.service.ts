import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { ConflictException, NotFoundException, ValidationFailedException } from '../common/domain.exception';
import type { Locale, LocalizedText } from '../common/localized-text';
import { escapeLike } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import { User } from '../users/user.entity';
import type { CreateOrganizationDto, OrganizationQuery, UpdateOrganizationDto } from './dto/organization.dto';
import type { UpdateMemberDto } from './dto/member.dto';
import type { PageQuery } from '../common/pagination';
import { OrganizationMember } from './organization-member.entity';
import { Organization } from './organization.entity';
import { toOrganizationResponse, type MemberPage, type MemberResponse, type OrganizationPage, type OrganizationResponse } from './organization.response';

/** Drops locales sent empty, so `{en: ''}` clears English instead of storing an empty string. */
function compact(text: LocalizedText | undefined | null): LocalizedText {
  return Object.fromEntries(Object.entries(text ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The public directory: one count and one page query, whatever the filters. */
  async list(query: OrganizationQuery, locale: Locale): Promise<OrganizationPage> {
    const qb = this.dataSource.manager.createQueryBuilder(Organization, 'o');
    if (query.q) {
      qb.andWhere("(o.name->>'ar' ILIKE :q OR o.name->>'en' ILIKE :q OR o.name->>'fr' ILIKE :q)", { q: `%${escapeLike(query.q)}%` });
    }
    if (query.city) {
      qb.andWhere("(o.city->>'ar' ILIKE :city OR o.city->>'en' ILIKE :city OR o.city->>'fr' ILIKE :city)", { city: escapeLike(query.city) });
    }
    if (query.country) qb.andWhere('o.country = :country', { country: query.country });
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    const total = await qb.getCount();
    // Sorted by the name the reader sees, so the directory reads alphabetically in their language.
    const items = await qb
      .orderBy(`COALESCE(NULLIF(o.name->>'${locale}', ''), NULLIF(o.name->>'ar', ''), NULLIF(o.name->>'en', ''), o.name->>'fr')`, 'ASC')
      .addOrderBy('o.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getMany();
    return { items: items.map((o) => toOrganizationResponse(o, locale)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, locale: Locale): Promise<OrganizationResponse> {
    const org = await this.dataSource.manager.findOneBy(Organization, { id });
    if (!org) throw new NotFoundException();
    return toOrganizationResponse(org, locale);
  }

  async create(caller: Caller, dto: CreateOrganizationDto, ctx: RequestContext): Promise<OrganizationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const org = manager.create(Organization, {
        name: compact(dto.name),
        kind: dto.kind,
        country: dto.country,
        city: compact(dto.city),
        description: compact(dto.description),
        website: dto.website ?? null,
      });
      await manager.save(org);
      await this.audit.record(manager, { actorId: caller.userId, action: 'organization.created', entityType: 'organization', entityId: org.id, data: { name: org.name }, ip: ctx.ip });
      return toOrganizationResponse(org, ctx.locale);
    });
  }

  async update(caller: Caller, id: string, dto: UpdateOrganizationDto, ctx: RequestContext): Promise<OrganizationResponse> {
    const nulls = (['name', 'kind', 'country', 'city'] as const).filter((field) => dto[field] === null);
    if (nulls.length) throw new ValidationFailedException(nulls.map((field) => ({ field, code: 'isNotEmpty', messageKey: 'isNotEmpty' })));
    return this.dataSource.transaction(async (manager) => {
      await this.assertCanManage(manager, caller, id);
      const org = await manager.findOneOrFail(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const next: Partial<Organization> = {};
      if (dto.name !== undefined) next.name = compact(dto.name);
      if (dto.kind !== undefined) next.kind = dto.kind;
      if (dto.country !== undefined) next.country = dto.country;
      if (dto.city !== undefined) next.city = compact(dto.city);
      if (dto.description !== undefined) next.description = compact(dto.description);
      if (dto.website !== undefined) next.website = dto.website || null;
      const fields = Object.keys(next).filter((k) => JSON.stringify(next[k as keyof Organization]) !== JSON.stringify(org[k as keyof Organization]));
      if (fields.length) {
        Object.assign(org, next);
        await manager.save(org);
        await this.audit.record(manager, { actorId: caller.userId, action: 'organization.updated', entityType: 'organization', entityId: id, data: { fields }, ip: ctx.ip });
      }
      return toOrganizationResponse(org, ctx.locale);
    });
  }

  /**
   * Admins manage every organization; a manager only their own. Everyone else — and anyone asking about an
   * organization that does not exist — gets the same 404.
   */
  async assertCanManage(manager: EntityManager, caller: Caller, organizationId: string): Promise<void> {
    const found = await manager
      .createQueryBuilder(Organization, 'o')
      .leftJoin(OrganizationMember, 'm', 'm.organization_id = o.id AND m.user_id = :userId AND m.role = :manager', { userId: caller.userId, manager: 'manager' })
      .where('o.id = :id', { id: organizationId })
      .andWhere(caller.isAdmin ? 'TRUE' : 'm.id IS NOT NULL')
      .getExists();
    if (!found) throw new NotFoundException();
  }

  async members(caller: Caller, organizationId: string, page: PageQuery): Promise<MemberPage> {
    await this.assertCanManage(this.dataSource.manager, caller, organizationId);
    const qb = this.dataSource.manager.createQueryBuilder(OrganizationMember, 'm').innerJoinAndSelect('m.user', 'u').where('m.organization_id = :organizationId', { organizationId });
    const total = await qb.getCount();
    const rows = await qb
      .orderBy('m.role', 'ASC')
      .addOrderBy('m.created_at', 'ASC')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .getMany();
    return { items: rows.map(toMemberResponse), total, page: page.page, pageSize: page.pageSize };
  }

  async changeRole(caller: Caller, organizationId: string, userId: string, dto: UpdateMemberDto, ctx: RequestContext): Promise<MemberResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertCanManage(manager, caller, organizationId);
      const member = await this.lockMember(manager, organizationId, userId);
      if (member.role !== dto.role) {
        if (member.role === 'manager') await this.assertAnotherManager(manager, caller, organizationId, userId);
        const from = member.role;
        await manager.update(OrganizationMember, { id: member.id }, { role: dto.role });
        member.role = dto.role;
        await this.audit.record(manager, {
          actorId: caller.userId,
          action: 'organization.member.role_changed',
          entityType: 'organization_member',
          entityId: member.id,
          data: { organizationId, userId, from, to: dto.role },
          ip: ctx.ip,
        });
      }
      return toMemberResponse(member);
    });
  }

  async removeMember(caller: Caller, organizationId: string, userId: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.assertCanManage(manager, caller, organizationId);
      const member = await this.lockMember(manager, organizationId, userId);
      if (member.role === 'manager') await this.assertAnotherManager(manager, caller, organizationId, userId);
      await manager.delete(OrganizationMember, { id: member.id });
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'organization.member.removed',
        entityType: 'organization_member',
        entityId: member.id,
        data: { organizationId, userId, role: member.role },
        ip: ctx.ip,
      });
    });
  }

  /** Adds a member or changes their role (accepting an invitation); records what changed. */
  async addMember(manager: EntityManager, input: { organizationId: string; userId: string; role: OrganizationMember['role']; actorId: string | null; ip: string | null; via: string }): Promise<void> {
    const existing = await manager.findOne(OrganizationMember, { where: { organizationId: input.organizationId, userId: input.userId }, lock: { mode: 'pessimistic_write' } });
    if (existing?.role === input.role) return;
    if (existing) {
      // An invitation as manager promotes a staff member; an invitation as staff never demotes a manager.
      if (existing.role === 'manager') return;
      await manager.update(OrganizationMember, { id: existing.id }, { role: input.role });
      await this.audit.record(manager, { actorId: input.actorId, action: 'organization.member.role_changed', entityType: 'organization_member', entityId: existing.id, data: { organizationId: input.organizationId, userId: input.userId, from: existing.role, to: input.role, via: input.via }, ip: input.ip });
      return;
    }
    const member = manager.create(OrganizationMember, { organizationId: input.organizationId, userId: input.userId, role: input.role });
    await manager.save(member);
    await this.audit.record(manager, { actorId: input.actorId, action: 'organization.member.added', entityType: 'organization_member', entityId: member.id, data: { organizationId: input.organizationId, userId: input.userId, role: input.role, via: input.via }, ip: input.ip });
  }

  private async lockMember(manager: EntityManager, organizationId: string, userId: string): Promise<OrganizationMember> {
    const member = await manager.findOne(OrganizationMember, { where: { organizationId, userId }, lock: { mode: 'pessimistic_write' } });
    if (!member) throw new NotFoundException();
    member.user = await manager.findOneByOrFail(User, { id: userId });
    return member;
  }

  /** A manager cannot leave their organization without a manager; an admin can (they can always fix it). */
  private async assertAnotherManager(manager: EntityManager, caller: Caller, organizationId: string, userId: string): Promise<void> {
    if (caller.isAdmin) return;
    const others = await manager
      .createQueryBuilder(OrganizationMember, 'm')
      .where('m.organization_id = :organizationId AND m.role = :role AND m.user_id <> :userId', { organizationId, role: 'manager', userId })
      .getCount();
    if (others === 0) throw new ConflictException('organization.last_manager', 'errors.last_manager');
  }
}

function toMemberResponse(member: OrganizationMember): MemberResponse {
  return {
    user: { id: member.user.id, email: member.user.email, nameLatin: member.user.nameLatin, nameArabic: member.user.nameArabic },
    role: member.role,
    joinedAt: member.createdAt.toISOString(),
  };
}
