import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { ConflictException, NotFoundException, ValidationFailedException } from '../common/domain.exception';
import type { Locale } from '../common/localized-text';
import type { RequestContext } from '../common/request-context';
import { lockCohort } from '../cohorts/capacity';
import { cohortSummaries } from '../cohorts/cohort-summaries';
import { Cohort } from '../cohorts/cohort.entity';
import { SeatAllocation } from '../cohorts/seat-allocation.entity';
import { OrganizationMember } from '../organizations/organization-member.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { OutboxService } from '../outbox/outbox.service';
import type { NominationDto } from './dto/enrollment.dto';
import { queueEnrollmentEmails } from './enrollment-emails';
import { changeStatus, recordEvent } from './enrollment-transitions';
import { Enrollment } from './enrollment.entity';
import { toEnrollmentResponse, type EnrollmentResponse, type OrganizationSeatsResponse } from './enrollment.response';
import { ACCEPTING_STATUSES, assertMayJoin, notAccepting } from './enrollment-rules';
import { withdrawEnrollment } from './withdrawal';

/** Seats count as used by the people an organization placed while they are active or completed. */
export const USES_A_SEAT = ['active', 'completed'] as const;

/**
 * An organization's seats in cohorts, as its managers (and admins) see and fill them. Everyone else, and any
 * other organization, gets 404.
 */
@Injectable()
export class SeatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Every allocation of the organization, soonest cohort first: five queries whatever their number. */
  async list(caller: Caller, organizationId: string, locale: Locale): Promise<OrganizationSeatsResponse[]> {
    const manager = this.dataSource.manager;
    await this.organizations.assertCanManage(manager, caller, organizationId);
    const allocations = await manager.find(SeatAllocation, { where: { organizationId }, relations: { cohort: true } });
    allocations.sort((a, b) => a.cohort.startsOn.localeCompare(b.cohort.startsOn) || a.cohortId.localeCompare(b.cohortId));
    const summaries = await cohortSummaries(
      manager,
      allocations.map((a) => a.cohort),
      locale,
    );
    const nominees = allocations.length
      ? await manager.find(Enrollment, {
          where: { sponsoringOrganizationId: organizationId, cohortId: In(allocations.map((a) => a.cohortId)), status: In([...USES_A_SEAT]) },
          relations: { user: true },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    return allocations.map((allocation) => {
      const mine = nominees.filter((n) => n.cohortId === allocation.cohortId);
      return {
        cohort: summaries.get(allocation.cohortId)!.summary,
        seats: allocation.seats,
        used: mine.length,
        free: Math.max(0, allocation.seats - mine.length),
        nominees: mine.map((n) => ({
          enrollmentId: n.id,
          user: { id: n.user.id, nameLatin: n.user.nameLatin, nameArabic: n.user.nameArabic, email: n.user.email },
          status: n.status,
        })),
      };
    });
  }

  /**
   * Places a member of the organization into one of its free seats (→ active, sponsored by the organization).
   * Someone who applied or waits on the waitlist takes the seat instead; someone already in gets 409.
   */
  async nominate(caller: Caller, organizationId: string, cohortId: string, dto: NominationDto, ctx: RequestContext): Promise<EnrollmentResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.organizations.assertCanManage(manager, caller, organizationId);
      if (!(await manager.exists(SeatAllocation, { where: { organizationId, cohortId } }))) throw new NotFoundException();
      const cohort = await lockCohort(manager, cohortId);
      if (!ACCEPTING_STATUSES.has(cohort.status)) throw notAccepting();
      if (!(await manager.exists(OrganizationMember, { where: { organizationId, userId: dto.userId } }))) {
        throw new ValidationFailedException([{ field: 'userId', code: 'notAMember', messageKey: 'notAMember' }]);
      }
      // Re-read under the cohort lock: the allocation may have shrunk or gone meanwhile.
      const allocation = await manager.findOneBy(SeatAllocation, { organizationId, cohortId });
      if (!allocation) throw new NotFoundException();
      const used = await manager.count(Enrollment, { where: { cohortId, sponsoringOrganizationId: organizationId, status: In([...USES_A_SEAT]) } });
      const existing = await manager.findOne(Enrollment, { where: { cohortId, userId: dto.userId }, lock: { mode: 'pessimistic_write' } });
      if (existing?.status !== 'applied' && existing?.status !== 'waitlisted') assertMayJoin(existing);
      if (used >= allocation.seats) throw new ConflictException('seats.full', 'errors.seats_full');

      // The seat makes the organization the one reported to; consent given to another organization does not carry over.
      const keepsConsent = existing?.reportingOrganizationId === organizationId && existing.consentToShare;
      const fields = { sponsoringOrganizationId: organizationId, reportingOrganizationId: organizationId, consentToShare: keepsConsent, inviteCodeId: null };
      let enrollment: Enrollment;
      let eventId: string;
      if (existing) {
        eventId = await changeStatus(manager, existing, 'active', caller.userId, fields);
        enrollment = await manager.findOneByOrFail(Enrollment, { id: existing.id });
      } else {
        enrollment = manager.create(Enrollment, { cohortId, userId: dto.userId, status: 'active', ...fields });
        await manager.save(enrollment);
        eventId = await recordEvent(manager, enrollment.id, null, 'active', caller.userId);
      }
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'enrollment.nominated',
        entityType: 'enrollment',
        entityId: enrollment.id,
        data: { cohortId, organizationId, userId: dto.userId, from: existing?.status ?? null },
        ip: ctx.ip,
      });
      await queueEnrollmentEmails(manager, this.outbox, [{ template: 'enrollment_enrolled', enrollmentId: enrollment.id, eventId }]);
      return toEnrollmentResponse(enrollment, null);
    });
  }

  /** Cancels a nomination: the person is withdrawn and the organization's seat is free again. */
  async cancel(caller: Caller, organizationId: string, cohortId: string, enrollmentId: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.organizations.assertCanManage(manager, caller, organizationId);
      if (!(await manager.exists(Cohort, { where: { id: cohortId } }))) throw new NotFoundException();
      const withdrawal = await withdrawEnrollment(manager, this.outbox, { enrollmentId, actorId: caller.userId, scope: { cohortId, sponsoringOrganizationId: organizationId } });
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'enrollment.nomination_cancelled',
        entityType: 'enrollment',
        entityId: enrollmentId,
        data: { cohortId, organizationId, userId: withdrawal.enrollment.userId, from: withdrawal.from, promoted: withdrawal.promoted },
        ip: ctx.ip,
      });
    });
  }
}
