import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { DomainException, NotFoundException, ValidationFailedException, type FieldError } from '../common/domain.exception';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import type { PageQuery } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import { canonicalTimeZone } from '../common/text-rules';
import { hashToken, newToken } from '../common/tokens';
import { CourseVersion } from '../courses/course-version.entity';
import { Course } from '../courses/course.entity';
import { promoteFromWaitlist } from '../enrollments/waitlist';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Organization } from '../organizations/organization.entity';
import { translate } from '../i18n/i18n';
import { OutboxService } from '../outbox/outbox.service';
import { User } from '../users/user.entity';
import { lockCohort, occupancyOf } from './capacity';
import { cohortForStaff, isTrainer, staffRoleOf } from './cohort-access';
import { CohortInviteCode } from './cohort-invite-code.entity';
import { CohortStaff, type CohortStaffRole } from './cohort-staff.entity';
import { cohortSummaries } from './cohort-summaries';
import { Cohort, type ApplicationQuestion, type CohortStatus } from './cohort.entity';
import { SeatAllocation } from './seat-allocation.entity';
import {
  type CohortResponse,
  type CohortStaffResponse,
  type CreatedInviteCodeResponse,
  type InviteCodeResponse,
  type MyCohortPage,
  type SeatAllocationResponse,
  type ViewerEnrollmentResponse,
} from './cohort.response';
import type { AddStaffDto, CreateInviteCodeDto, SeatAllocationDto } from './dto/cohort-staff.dto';
import type { ApplicationQuestionDto, CohortStatusDto, CreateCohortDto, UpdateCohortDto } from './dto/cohort.dto';

/** Drops locales sent empty, so `{en: ''}` clears English instead of storing an empty string. */
function compact(text: LocalizedText | undefined | null): LocalizedText {
  return Object.fromEntries(Object.entries(text ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
}

/** The lifecycle; `open → draft` is allowed only while nobody is in the cohort (checked separately). */
const TRANSITIONS: Record<CohortStatus, readonly CohortStatus[]> = {
  draft: ['open'],
  open: ['running', 'draft'],
  running: ['completed'],
  completed: [],
};

/** Enrollment statuses that mean someone is in (or asked to be in) the cohort. */
const PARTICIPATING = ['applied', 'waitlisted', 'active', 'completed'] as const;

const fieldError = (field: string, code: string, params?: Record<string, string | number>): FieldError => ({ field, code, messageKey: code, params });

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** One cohort as a page shows it; drafts only to their staff and admins (404 to everyone else). */
  async get(caller: Caller | undefined, id: string, locale: Locale): Promise<CohortResponse> {
    return this.detail(this.dataSource.manager, caller, id, locale);
  }

  private async detail(manager: EntityManager, caller: Caller | undefined, id: string, locale: Locale): Promise<CohortResponse> {
    const cohort = await manager.findOne(Cohort, { where: { id }, relations: { courseVersion: true }, select: { courseVersion: { id: true, version: true } } });
    if (!cohort) throw new NotFoundException();
    const staffRole = await staffRoleOf(manager, caller, id);
    if (cohort.status === 'draft' && !caller?.isAdmin && staffRole === null) throw new NotFoundException();
    const summary = (await cohortSummaries(manager, [cohort], locale)).get(id)!.summary;
    return {
      ...summary,
      applicationQuestions: cohort.applicationQuestions.map((q) => ({ key: q.key, label: q.label, displayLabel: resolveText(q.label, locale).text, required: q.required })),
      courseVersion: cohort.courseVersion.version,
      viewer: { enrollment: caller ? await this.viewerEnrollment(manager, caller.userId, id) : null, staffRole },
    };
  }

  /** The caller's enrollment with their place on the waitlist (1 + those waitlisted before them). */
  private async viewerEnrollment(manager: EntityManager, userId: string, cohortId: string): Promise<ViewerEnrollmentResponse | null> {
    const rows: { id: string; status: Enrollment['status']; position: string | null }[] = await manager.query(
      `SELECT e.id, e.status,
         CASE WHEN e.status = 'waitlisted' THEN 1 + (SELECT count(*) FROM enrollments w
           WHERE w.cohort_id = e.cohort_id AND w.status = 'waitlisted' AND (w.waitlisted_at, w.id) < (e.waitlisted_at, e.id)) END AS position
       FROM enrollments e WHERE e.cohort_id = $1 AND e.user_id = $2`,
      [cohortId, userId],
    );
    const row = rows[0];
    return row ? { id: row.id, status: row.status, waitlistPosition: row.position === null ? null : Number(row.position) } : null;
  }

  async create(caller: Caller, dto: CreateCohortDto, ctx: RequestContext): Promise<CohortResponse> {
    assertNoNulls(dto);
    if (dto.leadTrainerEmail !== undefined && !caller.isAdmin) throw new ValidationFailedException([fieldError('leadTrainerEmail', 'adminOnly')]);
    const city = compact(dto.city);
    const questions = normalizeQuestions(dto.applicationQuestions ?? []);
    assertCohortRules({ startsOn: dto.startsOn, endsOn: dto.endsOn, online: dto.online, city, applicationQuestions: questions });
    return this.dataSource.transaction(async (manager) => {
      if (!(await isTrainer(manager, caller))) throw new NotFoundException();
      const version = await this.currentVersion(manager, dto.courseSlug);
      let leadTrainerId = caller.userId;
      if (dto.leadTrainerEmail !== undefined) {
        const lead = await manager.findOne(User, { where: { email: dto.leadTrainerEmail }, select: { id: true } });
        if (!lead) throw new ValidationFailedException([fieldError('leadTrainerEmail', 'userNotFound')]);
        leadTrainerId = lead.id;
      }
      const cohort = manager.create(Cohort, {
        courseVersionId: version.id,
        courseId: version.courseId,
        name: compact(dto.name),
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        timeZone: canonicalTimeZone(dto.timeZone)!,
        online: dto.online,
        city,
        capacity: dto.capacity,
        enrollmentMode: dto.enrollmentMode,
        applicationQuestions: questions,
        status: 'draft',
        completionRule: version.content.completion,
      });
      await manager.save(cohort);
      await manager.insert(CohortStaff, { cohortId: cohort.id, userId: leadTrainerId, role: 'lead_trainer' });
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'cohort.created',
        entityType: 'cohort',
        entityId: cohort.id,
        data: { courseSlug: dto.courseSlug, courseVersion: version.version, name: cohort.name, leadTrainerId },
        ip: ctx.ip,
      });
      return this.detail(manager, caller, cohort.id, ctx.locale);
    });
  }

  async update(caller: Caller, id: string, dto: UpdateCohortDto, ctx: RequestContext): Promise<CohortResponse> {
    assertNoNulls(dto);
    return this.dataSource.transaction(async (manager) => {
      await cohortForStaff(manager, caller, id, 'lead');
      const cohort = await lockCohort(manager, id);
      const next: Partial<Cohort> = {};
      if (dto.name !== undefined) next.name = compact(dto.name);
      if (dto.startsOn !== undefined) next.startsOn = dto.startsOn;
      if (dto.endsOn !== undefined) next.endsOn = dto.endsOn;
      if (dto.timeZone !== undefined) next.timeZone = canonicalTimeZone(dto.timeZone)!;
      if (dto.online !== undefined) next.online = dto.online;
      if (dto.city !== undefined) next.city = compact(dto.city);
      if (dto.capacity !== undefined) next.capacity = dto.capacity;
      if (dto.enrollmentMode !== undefined) next.enrollmentMode = dto.enrollmentMode;
      if (dto.applicationQuestions !== undefined) next.applicationQuestions = normalizeQuestions(dto.applicationQuestions);
      const merged = { ...cohort, ...next };
      assertCohortRules(merged);

      if (dto.courseSlug !== undefined || dto.courseVersion !== undefined) {
        const version = await this.versionFor(manager, cohort, dto.courseSlug, dto.courseVersion);
        if (version.id !== cohort.courseVersionId) {
          if (cohort.status !== 'draft') throw new DomainException(409, 'cohort.version_locked', 'errors.cohort_version_locked');
          next.courseVersionId = version.id;
          next.courseId = version.courseId;
          next.completionRule = version.content.completion;
        }
      }
      const raised = next.capacity !== undefined && next.capacity > cohort.capacity;
      if (next.capacity !== undefined && next.capacity < cohort.capacity) {
        const occupancy = await occupancyOf(manager, id);
        if (next.capacity < occupancy.placesHeld) {
          throw new DomainException(409, 'cohort.capacity_below_taken', 'errors.cohort_capacity_below_taken', { taken: occupancy.placesHeld });
        }
      }
      const fields = (Object.keys(next) as (keyof Cohort)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(cohort[k]));
      if (fields.length) {
        await manager.update(Cohort, { id }, Object.fromEntries(fields.map((k) => [k, next[k]])));
        await this.audit.record(manager, {
          actorId: caller.userId,
          action: 'cohort.updated',
          entityType: 'cohort',
          entityId: id,
          data: { fields, changes: Object.fromEntries(fields.map((k) => [k, { from: cohort[k], to: next[k] }])) },
          ip: ctx.ip,
        });
        if (raised) await promoteFromWaitlist(manager, id, this.outbox);
      }
      return this.detail(manager, caller, id, ctx.locale);
    });
  }

  async changeStatus(caller: Caller, id: string, dto: CohortStatusDto, ctx: RequestContext): Promise<CohortResponse> {
    return this.dataSource.transaction(async (manager) => {
      await cohortForStaff(manager, caller, id, 'lead');
      const cohort = await lockCohort(manager, id);
      const from = cohort.status;
      const to = dto.status;
      if (from !== to) {
        if (!TRANSITIONS[from].includes(to)) throw new DomainException(409, 'cohort.invalid_transition', `errors.cohort_invalid_transition`, transitionParams(ctx.locale, from, to));
        if (to === 'draft' && (await manager.exists(Enrollment, { where: { cohortId: id, status: In(PARTICIPATING) } }))) {
          throw new DomainException(409, 'cohort.has_participants', 'errors.cohort_has_participants');
        }
        await manager.update(Cohort, { id }, { status: to });
        await this.audit.record(manager, { actorId: caller.userId, action: 'cohort.status_changed', entityType: 'cohort', entityId: id, data: { from, to }, ip: ctx.ip });
        // A cohort that accepts people again fills free places from its waitlist.
        if (to === 'open' || to === 'running') await promoteFromWaitlist(manager, id, this.outbox);
      }
      return this.detail(manager, caller, id, ctx.locale);
    });
  }

  /** Cohorts the caller staffs (admins: all), newest start first, with their counts: five queries per page. */
  async myCohorts(caller: Caller, page: PageQuery, locale: Locale): Promise<MyCohortPage> {
    const manager = this.dataSource.manager;
    const qb = manager.createQueryBuilder(Cohort, 'c');
    if (!caller.isAdmin) qb.innerJoin(CohortStaff, 's', 's.cohort_id = c.id AND s.user_id = :userId', { userId: caller.userId });
    const total = await qb.getCount();
    const cohorts = await qb
      .orderBy('c.starts_on', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .getMany();
    const ids = cohorts.map((c) => c.id);
    const roles = ids.length ? await manager.find(CohortStaff, { where: { userId: caller.userId, cohortId: In(ids) }, select: { cohortId: true, role: true } }) : [];
    const roleOf = new Map(roles.map((r) => [r.cohortId, r.role]));
    const summaries = await cohortSummaries(manager, cohorts, locale);
    return {
      items: cohorts.map((c) => {
        const { summary, occupancy } = summaries.get(c.id)!;
        return { ...summary, staffRole: roleOf.get(c.id) ?? null, active: occupancy?.active ?? 0, applied: occupancy?.applied ?? 0, reserved: occupancy?.reserved ?? 0 };
      }),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  // ——— staff ———

  async staff(caller: Caller, cohortId: string): Promise<CohortStaffResponse[]> {
    await cohortForStaff(this.dataSource.manager, caller, cohortId, 'any');
    return this.staffList(this.dataSource.manager, cohortId);
  }

  private async staffList(manager: EntityManager, cohortId: string): Promise<CohortStaffResponse[]> {
    const rows = await manager
      .createQueryBuilder(CohortStaff, 's')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.cohort_id = :cohortId', { cohortId })
      .orderBy('s.role', 'DESC') // lead_trainer before coach
      .addOrderBy('s.created_at', 'ASC')
      .getMany();
    return rows.map(toStaffResponse);
  }

  async addStaff(caller: Caller, cohortId: string, dto: AddStaffDto, ctx: RequestContext): Promise<CohortStaffResponse> {
    return this.dataSource.transaction(async (manager) => {
      await cohortForStaff(manager, caller, cohortId, 'lead');
      await lockCohort(manager, cohortId);
      const user = await manager.findOne(User, { where: { email: dto.email } });
      if (!user) throw new ValidationFailedException([fieldError('email', 'userNotFound')]);
      const existing = await manager.findOne(CohortStaff, { where: { cohortId, userId: user.id } });
      if (existing?.role === dto.role) return toStaffResponse({ ...existing, user });
      if (existing) {
        if (existing.role === 'lead_trainer') await this.assertAnotherLead(manager, cohortId, user.id);
        await manager.update(CohortStaff, { id: existing.id }, { role: dto.role });
        await this.audit.record(manager, {
          actorId: caller.userId,
          action: 'cohort.staff.role_changed',
          entityType: 'cohort_staff',
          entityId: existing.id,
          data: { cohortId, userId: user.id, from: existing.role, to: dto.role },
          ip: ctx.ip,
        });
        return toStaffResponse({ ...existing, role: dto.role, user });
      }
      const row = manager.create(CohortStaff, { cohortId, userId: user.id, role: dto.role });
      await manager.save(row);
      await this.audit.record(manager, { actorId: caller.userId, action: 'cohort.staff.added', entityType: 'cohort_staff', entityId: row.id, data: { cohortId, userId: user.id, role: dto.role }, ip: ctx.ip });
      return toStaffResponse({ ...row, user });
    });
  }

  async removeStaff(caller: Caller, cohortId: string, userId: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await cohortForStaff(manager, caller, cohortId, 'lead');
      await lockCohort(manager, cohortId);
      const row = await manager.findOne(CohortStaff, { where: { cohortId, userId } });
      if (!row) throw new NotFoundException();
      if (row.role === 'lead_trainer') await this.assertAnotherLead(manager, cohortId, userId);
      await manager.delete(CohortStaff, { id: row.id });
      // Off the staff means coaching none of its circles any more (their rosters, sessions and reminders).
      await manager.query('DELETE FROM circle_coaches WHERE user_id = $1 AND circle_id IN (SELECT id FROM learning_circles WHERE cohort_id = $2)', [userId, cohortId]);
      await this.audit.record(manager, { actorId: caller.userId, action: 'cohort.staff.removed', entityType: 'cohort_staff', entityId: row.id, data: { cohortId, userId, role: row.role }, ip: ctx.ip });
    });
  }

  /** A cohort always keeps a lead trainer: someone must be able to run it. */
  private async assertAnotherLead(manager: EntityManager, cohortId: string, userId: string): Promise<void> {
    const others = await manager
      .createQueryBuilder(CohortStaff, 's')
      .where('s.cohort_id = :cohortId AND s.role = :role AND s.user_id <> :userId', { cohortId, role: 'lead_trainer', userId })
      .getCount();
    if (others === 0) throw new DomainException(409, 'cohort.last_lead_trainer', 'errors.cohort_last_lead_trainer');
  }

  // ——— seat allocations ———

  async seats(caller: Caller, cohortId: string, locale: Locale): Promise<SeatAllocationResponse[]> {
    await cohortForStaff(this.dataSource.manager, caller, cohortId, 'lead');
    return this.seatList(this.dataSource.manager, cohortId, locale);
  }

  private async seatList(manager: EntityManager, cohortId: string, locale: Locale): Promise<SeatAllocationResponse[]> {
    const rows: { organization_id: string; name: LocalizedText; seats: number; used: string }[] = await manager.query(
      `SELECT s.organization_id, o.name, s.seats,
         (SELECT count(*) FROM enrollments e WHERE e.cohort_id = s.cohort_id AND e.sponsoring_organization_id = s.organization_id AND e.status IN ('active', 'completed')) AS used
       FROM seat_allocations s JOIN organizations o ON o.id = s.organization_id
       WHERE s.cohort_id = $1 ORDER BY s.created_at, s.organization_id`,
      [cohortId],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, displayName: resolveText(r.name, locale).text, seats: r.seats, used: Number(r.used) }));
  }

  async setSeats(caller: Caller, cohortId: string, organizationId: string, dto: SeatAllocationDto, ctx: RequestContext): Promise<SeatAllocationResponse[]> {
    return this.dataSource.transaction(async (manager) => {
      await cohortForStaff(manager, caller, cohortId, 'lead');
      if (!(await manager.exists(Organization, { where: { id: organizationId } }))) throw new NotFoundException();
      const cohort = await lockCohort(manager, cohortId);
      const existing = await manager.findOne(SeatAllocation, { where: { cohortId, organizationId } });
      const used = await manager.count(Enrollment, { where: { cohortId, sponsoringOrganizationId: organizationId, status: In(['active', 'completed']) } });
      if (dto.seats < used) throw new DomainException(409, 'seats.below_used', 'errors.seats_below_used', { used });
      const occupancy = await occupancyOf(manager, cohortId);
      // Without an allocation the organization's people take open places; with one, the allocation holds max(seats, used).
      const heldBefore = existing ? Math.max(existing.seats, used) : used;
      const heldAfter = Math.max(dto.seats, used);
      if (occupancy.placesHeld - heldBefore + heldAfter > cohort.capacity) {
        throw new DomainException(409, 'seats.over_capacity', 'errors.seats_over_capacity', { free: Math.max(0, cohort.capacity - occupancy.placesHeld + heldBefore) });
      }
      if (existing?.seats !== dto.seats) {
        if (existing) await manager.update(SeatAllocation, { id: existing.id }, { seats: dto.seats });
        else await manager.insert(SeatAllocation, { cohortId, organizationId, seats: dto.seats });
        const saved = await manager.findOneOrFail(SeatAllocation, { where: { cohortId, organizationId }, select: { id: true } });
        await this.audit.record(manager, {
          actorId: caller.userId,
          action: 'cohort.seats.set',
          entityType: 'seat_allocation',
          entityId: saved.id,
          data: { cohortId, organizationId, from: existing?.seats ?? 0, to: dto.seats },
          ip: ctx.ip,
        });
        if (heldAfter < heldBefore) await promoteFromWaitlist(manager, cohortId, this.outbox);
      }
      return this.seatList(manager, cohortId, ctx.locale);
    });
  }

  async removeSeats(caller: Caller, cohortId: string, organizationId: string, ctx: RequestContext): Promise<SeatAllocationResponse[]> {
    return this.dataSource.transaction(async (manager) => {
      await cohortForStaff(manager, caller, cohortId, 'lead');
      await lockCohort(manager, cohortId);
      const existing = await manager.findOne(SeatAllocation, { where: { cohortId, organizationId } });
      if (!existing) throw new NotFoundException();
      await manager.delete(SeatAllocation, { id: existing.id });
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'cohort.seats.removed',
        entityType: 'seat_allocation',
        entityId: existing.id,
        data: { cohortId, organizationId, seats: existing.seats },
        ip: ctx.ip,
      });
      await promoteFromWaitlist(manager, cohortId, this.outbox);
      return this.seatList(manager, cohortId, ctx.locale);
    });
  }

  // ——— invite codes ———

  async inviteCodes(caller: Caller, cohortId: string): Promise<InviteCodeResponse[]> {
    await cohortForStaff(this.dataSource.manager, caller, cohortId, 'lead');
    const codes = await this.dataSource.manager.find(CohortInviteCode, { where: { cohortId }, order: { createdAt: 'DESC', id: 'ASC' } });
    const now = new Date();
    return codes.map((c) => toInviteCodeResponse(c, now));
  }

  async createInviteCode(caller: Caller, cohortId: string, dto: CreateInviteCodeDto, ctx: RequestContext): Promise<CreatedInviteCodeResponse> {
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && !(expiresAt.getTime() > Date.now())) throw new ValidationFailedException([fieldError('expiresAt', 'inFuture')]);
    return this.dataSource.transaction(async (manager) => {
      await cohortForStaff(manager, caller, cohortId, 'lead');
      const code = newToken();
      const row = manager.create(CohortInviteCode, { cohortId, codeHash: hashToken(code), maxUses: dto.maxUses ?? null, uses: 0, expiresAt, revokedAt: null, createdById: caller.userId });
      await manager.save(row);
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'cohort.invite_code.created',
        entityType: 'cohort_invite_code',
        entityId: row.id,
        data: { cohortId, maxUses: row.maxUses, expiresAt: row.expiresAt?.toISOString() ?? null },
        ip: ctx.ip,
      });
      return { ...toInviteCodeResponse(row, new Date()), code };
    });
  }

  async revokeInviteCode(caller: Caller, cohortId: string, codeId: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await cohortForStaff(manager, caller, cohortId, 'lead');
      const code = await manager.findOne(CohortInviteCode, { where: { id: codeId, cohortId }, lock: { mode: 'pessimistic_write' } });
      if (!code) throw new NotFoundException();
      if (code.revokedAt) return;
      await manager.update(CohortInviteCode, { id: code.id }, { revokedAt: () => 'now()' });
      await this.audit.record(manager, { actorId: caller.userId, action: 'cohort.invite_code.revoked', entityType: 'cohort_invite_code', entityId: code.id, data: { cohortId }, ip: ctx.ip });
    });
  }

  // ——— course versions ———

  private async currentVersion(manager: EntityManager, slug: string): Promise<CourseVersion> {
    const course = await manager.findOne(Course, { where: { slug }, select: { id: true, currentVersionId: true } });
    if (!course?.currentVersionId) throw new ValidationFailedException([fieldError('courseSlug', 'courseNotFound')]);
    return this.loadVersion(manager, course.currentVersionId);
  }

  /**
   * The version a PATCH asks for: a version number of the cohort's (or the newly named) course; a newly named course
   * without a number means its current version.
   */
  private async versionFor(manager: EntityManager, cohort: Cohort, slug: string | undefined, versionNumber: number | undefined): Promise<CourseVersion> {
    let courseId = cohort.courseId;
    if (slug !== undefined) {
      const course = await manager.findOne(Course, { where: { slug }, select: { id: true, currentVersionId: true } });
      if (!course?.currentVersionId) throw new ValidationFailedException([fieldError('courseSlug', 'courseNotFound')]);
      // Re-sending the cohort's own course (an edit form sends every field) keeps the pinned version.
      if (versionNumber === undefined) return this.loadVersion(manager, course.id === cohort.courseId ? cohort.courseVersionId : course.currentVersionId);
      courseId = course.id;
    }
    const found = await manager.findOne(CourseVersion, { where: { courseId, version: versionNumber }, select: { id: true } });
    if (!found) throw new ValidationFailedException([fieldError('courseVersion', 'versionNotFound')]);
    return this.loadVersion(manager, found.id);
  }

  /** A version without its (large) lesson texts: only what a cohort copies from it. */
  private async loadVersion(manager: EntityManager, id: string): Promise<CourseVersion> {
    const rows: { id: string; course_id: string; version: number; completion: CourseVersion['content']['completion'] }[] = await manager.query(
      `SELECT id, course_id, version, content->'completion' AS completion FROM course_versions WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) throw new NotFoundException();
    return Object.assign(new CourseVersion(), { id: row.id, courseId: row.course_id, version: row.version, content: { completion: row.completion } as CourseVersion['content'] });
  }
}

function toStaffResponse(row: { role: CohortStaffRole; createdAt: Date; user: User }): CohortStaffResponse {
  return {
    user: { id: row.user.id, email: row.user.email, nameLatin: row.user.nameLatin, nameArabic: row.user.nameArabic },
    role: row.role,
    addedAt: row.createdAt.toISOString(),
  };
}

function toInviteCodeResponse(code: CohortInviteCode, now: Date): InviteCodeResponse {
  const state = code.revokedAt ? 'revoked' : code.expiresAt && code.expiresAt <= now ? 'expired' : code.maxUses !== null && code.uses >= code.maxUses ? 'used_up' : 'active';
  return {
    id: code.id,
    maxUses: code.maxUses,
    uses: code.uses,
    expiresAt: code.expiresAt?.toISOString() ?? null,
    revokedAt: code.revokedAt?.toISOString() ?? null,
    state,
    createdAt: code.createdAt.toISOString(),
  };
}

/** `null` is not "leave unchanged": every field that is sent must have a value (`{}` clears a city). */
function assertNoNulls(dto: object): void {
  const nulls = Object.entries(dto).filter(([, value]) => value === null);
  if (nulls.length) throw new ValidationFailedException(nulls.map(([field]) => fieldError(field, 'isNotEmpty')));
}

function normalizeQuestions(questions: ApplicationQuestionDto[]): ApplicationQuestion[] {
  return questions.map((q) => ({ key: q.key, label: compact(q.label), required: q.required }));
}

/** Rules that span fields: dates in order, a place for a cohort that meets in person, unique question keys. */
function assertCohortRules(c: { startsOn: string; endsOn: string; online: boolean; city: LocalizedText; applicationQuestions: ApplicationQuestion[] }): void {
  const errors: FieldError[] = [];
  if (c.endsOn < c.startsOn) errors.push(fieldError('endsOn', 'endsBeforeStart'));
  if (!c.online && resolveText(c.city, 'ar').text === '') errors.push(fieldError('city', 'cityRequired'));
  const keys = c.applicationQuestions.map((q) => q.key);
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate) errors.push(fieldError('applicationQuestions', 'uniqueKeys', { key: duplicate }));
  if (errors.length) throw new ValidationFailedException(errors);
}

function transitionParams(locale: Locale, from: CohortStatus, to: CohortStatus): Record<string, string> {
  return { from: statusLabel(locale, from), to: statusLabel(locale, to) };
}

function statusLabel(locale: Locale, status: CohortStatus): string {
  return translate(locale, `cohort_status.${status}`);
}
