import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { circleRolesOf } from '../circles/circle-access';
import { CohortStaff } from '../cohorts/cohort-staff.entity';
import { NotFoundException, ValidationFailedException } from '../common/domain.exception';
import type { RequestContext } from '../common/request-context';
import { canonicalTimeZone } from '../common/text-rules';
import { OrganizationMember } from '../organizations/organization-member.entity';
import type { UpdateMeDto } from './dto/update-me.dto';
import { assertHasAName } from './profile-rules';
import { User } from './user.entity';
import { toUserResponse, type UserResponse } from './user.response';

const PROFILE_FIELDS = ['nameLatin', 'nameArabic', 'locale', 'timeZone'] as const;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The user with their memberships, cohort staff roles and circle roles: four queries, whatever their number. */
  async response(manager: EntityManager, user: User): Promise<UserResponse> {
    const memberships = await manager.find(OrganizationMember, { where: { userId: user.id }, select: { organizationId: true, role: true }, order: { createdAt: 'ASC' } });
    const staffRoles = await manager.find(CohortStaff, { where: { userId: user.id }, select: { cohortId: true, role: true }, order: { createdAt: 'ASC' } });
    return toUserResponse(user, memberships, staffRoles, await circleRolesOf(manager, user.id));
  }

  async me(caller: Caller): Promise<UserResponse> {
    const user = await this.dataSource.manager.findOneBy(User, { id: caller.userId });
    if (!user) throw new NotFoundException();
    return this.response(this.dataSource.manager, user);
  }

  async updateMe(caller: Caller, dto: UpdateMeDto, ctx: RequestContext): Promise<UserResponse> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id: caller.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException();
      const next = {
        nameLatin: dto.nameLatin ?? user.nameLatin,
        nameArabic: dto.nameArabic ?? user.nameArabic,
        locale: dto.locale ?? user.locale,
        timeZone: dto.timeZone !== undefined ? (canonicalTimeZone(dto.timeZone) ?? user.timeZone) : user.timeZone,
      };
      assertHasAName(next.nameLatin, next.nameArabic);
      const changes: Record<string, { from: string; to: string }> = {};
      for (const field of PROFILE_FIELDS) if (next[field] !== user[field]) changes[field] = { from: user[field], to: next[field] };
      if (Object.keys(changes).length > 0) {
        await manager.update(User, { id: user.id }, next);
        Object.assign(user, next);
        await this.audit.record(manager, { actorId: caller.userId, action: 'user.profile_changed', entityType: 'user', entityId: user.id, data: { fields: Object.keys(changes), changes }, ip: ctx.ip });
      }
      return this.response(manager, user);
    });
  }

  /** Admin rights change only by another admin (so nobody locks themself out by mistake); audited. */
  async setAdmin(caller: Caller, userId: string, isAdmin: boolean, ctx: RequestContext): Promise<UserResponse> {
    if (userId === caller.userId) throw new ValidationFailedException([{ field: 'isAdmin', code: 'isNotOwnAccount', messageKey: 'isNotOwnAccount' }]);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException();
      if (user.isAdmin !== isAdmin) {
        await manager.update(User, { id: user.id }, { isAdmin });
        await this.audit.record(manager, { actorId: caller.userId, action: 'user.admin_changed', entityType: 'user', entityId: user.id, data: { from: user.isAdmin, to: isAdmin }, ip: ctx.ip });
        user.isAdmin = isAdmin;
      }
      return this.response(manager, user);
    });
  }
}
