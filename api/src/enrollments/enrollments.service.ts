import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { ConflictException, NotFoundException, ValidationFailedException, type FieldError } from '../common/domain.exception';
import type { Locale } from '../common/localized-text';
import type { PageQuery } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import { hashToken } from '../common/tokens';
import { isSafeText } from '../common/text-rules';
import { lockCohort, occupancyOf } from '../cohorts/capacity';
import { CohortInviteCode } from '../cohorts/cohort-invite-code.entity';
import { cohortSummaries } from '../cohorts/cohort-summaries';
import { Cohort } from '../cohorts/cohort.entity';
import { OrganizationMember } from '../organizations/organization-member.entity';
import { OutboxService } from '../outbox/outbox.service';
import { MAX_ANSWER_LENGTH, type JoinCohortDto, type UpdateMyEnrollmentDto } from './dto/enrollment.dto';
import { queueEnrollmentEmails, type EnrollmentEmailRequest } from './enrollment-emails';
import { staffRoleOf, waitlistPositions } from './enrollment-queries';
import { changeStatus, recordEvent } from './enrollment-transitions';
import { Enrollment, type EnrollmentStatus } from './enrollment.entity';
import { toEnrollmentResponse, type EnrollmentResponse, type MyEnrollmentPage } from './enrollment.response';
import { ACCEPTING_STATUSES, assertMayJoin, notAccepting } from './enrollment-rules';
import { withdrawEnrollment } from './withdrawal';

/** The email a new status brings (applications, places and the waitlist). */
const EMAIL_ON_JOIN: Partial<Record<EnrollmentStatus, EnrollmentEmailRequest['template']>> = {
  applied: 'enrollment_applied',
  active: 'enrollment_enrolled',
  waitlisted: 'enrollment_waitlisted',
};

@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Joins a cohort by its mode: open → active (waitlisted when full); application → applied with the answers;
   * invite → a valid code, whose use is counted, then as open. The cohort row is locked first, so concurrent
   * joins queue on it and never exceed the capacity.
   */
  async join(caller: Caller, cohortId: string, dto: JoinCohortDto, ctx: RequestContext): Promise<EnrollmentResponse> {
    return this.dataSource.transaction(async (manager) => {
      const cohort = await lockCohort(manager, cohortId);
      if (cohort.status === 'draft' && !caller.isAdmin && !(await staffRoleOf(manager, cohortId, caller.userId))) throw new NotFoundException();
      if (!ACCEPTING_STATUSES.has(cohort.status)) throw notAccepting();
      const existing = await manager.findOne(Enrollment, { where: { cohortId, userId: caller.userId }, lock: { mode: 'pessimistic_write' } });
      assertMayJoin(existing);
      const reporting = await reportingChoice(manager, caller.userId, dto.organizationId ?? null, dto.consentToShare);

      let status: EnrollmentStatus;
      let answers: Record<string, string> = {};
      let inviteCodeId: string | null = null;
      if (cohort.enrollmentMode === 'application') {
        answers = checkAnswers(cohort, dto.answers ?? {});
        status = 'applied';
      } else {
        if (dto.answers && Object.keys(dto.answers).length > 0) checkAnswers(cohort, dto.answers);
        if (cohort.enrollmentMode === 'invite') inviteCodeId = await this.redeem(manager, cohortId, dto.inviteCode);
        status = (await occupancyOf(manager, cohortId)).seatsLeft > 0 ? 'active' : 'waitlisted';
      }

      // Someone coming back is asked again: an earlier sponsor's seat and consent do not carry over to a new stay.
      const fields = { applicationAnswers: answers, inviteCodeId, sponsoringOrganizationId: null, ...reporting };
      let enrollment: Enrollment;
      let eventId: string;
      if (existing) {
        eventId = await changeStatus(manager, existing, status, caller.userId, fields);
        enrollment = await manager.findOneByOrFail(Enrollment, { id: existing.id });
      } else {
        enrollment = manager.create(Enrollment, { cohortId, userId: caller.userId, status, ...fields });
        await manager.save(enrollment);
        // The database clock (microseconds, taken under the cohort lock) orders the waitlist, as for every other entry.
        if (status === 'waitlisted') await manager.update(Enrollment, { id: enrollment.id }, { waitlistedAt: () => 'clock_timestamp()' });
        eventId = await recordEvent(manager, enrollment.id, null, status, caller.userId);
      }
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: existing ? 'enrollment.rejoined' : 'enrollment.joined',
        entityType: 'enrollment',
        entityId: enrollment.id,
        data: {
          cohortId,
          status,
          mode: cohort.enrollmentMode,
          ...(inviteCodeId ? { inviteCodeId } : {}),
          ...(reporting.reportingOrganizationId ? { organizationId: reporting.reportingOrganizationId, consentToShare: reporting.consentToShare } : {}),
        },
        ip: ctx.ip,
      });
      const template = EMAIL_ON_JOIN[status];
      if (template) await queueEnrollmentEmails(manager, this.outbox, [{ template, enrollmentId: enrollment.id, eventId }]);
      const positions = await waitlistPositions(manager, [enrollment.id]);
      return toEnrollmentResponse(enrollment, positions.get(enrollment.id) ?? null);
    });
  }

  /**
   * A code admits while it is not revoked, not expired and has uses left; its use is counted in this transaction
   * (the row is locked, so a single-use code admits exactly one person however many try at once).
   */
  private async redeem(manager: EntityManager, cohortId: string, code: string | undefined): Promise<string> {
    if (!code) throw new ValidationFailedException([{ field: 'inviteCode', code: 'required', messageKey: 'required' }]);
    const invalid = () => new ValidationFailedException([{ field: 'inviteCode', code: 'inviteCodeInvalid', messageKey: 'inviteCodeInvalid' }]);
    // Codes are compared as typed and upper-cased, so a code read aloud or typed on a phone still matches.
    const hashes = [...new Set([hashToken(code), hashToken(code.toUpperCase())])];
    const found = await manager.findOne(CohortInviteCode, { where: { cohortId, codeHash: In(hashes) }, lock: { mode: 'pessimistic_write' } });
    if (!found || found.revokedAt || (found.expiresAt && found.expiresAt.getTime() <= Date.now()) || (found.maxUses !== null && found.uses >= found.maxUses)) throw invalid();
    await manager.increment(CohortInviteCode, { id: found.id }, 'uses', 1);
    return found.id;
  }

  /** The caller's enrollments, newest first, each with its cohort's summary: four queries whatever the page. */
  async mine(caller: Caller, page: PageQuery, locale: Locale): Promise<MyEnrollmentPage> {
    const manager = this.dataSource.manager;
    const [rows, total] = await manager.findAndCount(Enrollment, {
      where: { userId: caller.userId },
      relations: { cohort: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    const summaries = await cohortSummaries(
      manager,
      rows.map((r) => r.cohort),
      locale,
    );
    const positions = await waitlistPositions(
      manager,
      rows.filter((r) => r.status === 'waitlisted').map((r) => r.id),
    );
    return {
      items: rows.map((r) => ({
        ...toEnrollmentResponse(r, positions.get(r.id) ?? null),
        cohort: summaries.get(r.cohortId)!.summary,
        updatedAt: r.updatedAt.toISOString(),
      })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  /** Consent to share progress, the organization reported to, and leaving the cohort; someone else's enrollment is 404. */
  async updateMine(caller: Caller, enrollmentId: string, dto: UpdateMyEnrollmentDto, ctx: RequestContext): Promise<EnrollmentResponse> {
    return this.dataSource.transaction(async (manager) => {
      let enrollment: Enrollment;
      if (dto.status === 'withdrawn') {
        const withdrawal = await withdrawEnrollment(manager, this.outbox, { enrollmentId, actorId: caller.userId, scope: { userId: caller.userId } });
        enrollment = withdrawal.enrollment;
        await this.audit.record(manager, {
          actorId: caller.userId,
          action: 'enrollment.withdrawn',
          entityType: 'enrollment',
          entityId: enrollment.id,
          data: { cohortId: enrollment.cohortId, from: withdrawal.from, by: 'trainee', promoted: withdrawal.promoted },
          ip: ctx.ip,
        });
      } else {
        const found = await manager.findOne(Enrollment, { where: { id: enrollmentId, userId: caller.userId }, lock: { mode: 'pessimistic_write' } });
        if (!found) throw new NotFoundException();
        enrollment = found;
      }
      if (dto.organizationId !== undefined && dto.organizationId !== enrollment.reportingOrganizationId) {
        // A seat ties the person to the organization that gave it; only its managers undo that (by cancelling).
        if (enrollment.sponsoringOrganizationId) throw new ConflictException('enrollment.sponsored', 'errors.enrollment_sponsored');
        const reporting = await reportingChoice(manager, caller.userId, dto.organizationId, dto.consentToShare ?? false);
        await manager.update(Enrollment, { id: enrollment.id }, reporting);
        await this.audit.record(manager, {
          actorId: caller.userId,
          action: 'enrollment.organization_named',
          entityType: 'enrollment',
          entityId: enrollment.id,
          data: { cohortId: enrollment.cohortId, from: enrollment.reportingOrganizationId, organizationId: reporting.reportingOrganizationId, consentToShare: reporting.consentToShare },
          ip: ctx.ip,
        });
      } else if (dto.consentToShare !== undefined && dto.consentToShare !== enrollment.consentToShare) {
        if (dto.consentToShare && !enrollment.reportingOrganizationId) {
          throw new ValidationFailedException([{ field: 'consentToShare', code: 'consentNeedsOrganization', messageKey: 'consentNeedsOrganization' }]);
        }
        await manager.update(Enrollment, { id: enrollment.id }, { consentToShare: dto.consentToShare });
        await this.audit.record(manager, {
          actorId: caller.userId,
          action: dto.consentToShare ? 'enrollment.consent_granted' : 'enrollment.consent_revoked',
          entityType: 'enrollment',
          entityId: enrollment.id,
          data: { cohortId: enrollment.cohortId, organizationId: enrollment.reportingOrganizationId },
          ip: ctx.ip,
        });
      }
      const fresh = await manager.findOneByOrFail(Enrollment, { id: enrollment.id });
      const positions = await waitlistPositions(manager, [fresh.id]);
      return toEnrollmentResponse(fresh, positions.get(fresh.id) ?? null);
    });
  }
}

/**
 * The organization a trainee reports to, as they chose it: one they belong to (else 422 on `organizationId`), or
 * none; consent only means something with an organization to share with (else 422 on `consentToShare`).
 */
async function reportingChoice(
  manager: EntityManager,
  userId: string,
  organizationId: string | null,
  consentToShare: boolean | undefined,
): Promise<{ reportingOrganizationId: string | null; consentToShare: boolean }> {
  if (!organizationId) {
    if (consentToShare) throw new ValidationFailedException([{ field: 'consentToShare', code: 'consentNeedsOrganization', messageKey: 'consentNeedsOrganization' }]);
    return { reportingOrganizationId: null, consentToShare: false };
  }
  if (!(await manager.exists(OrganizationMember, { where: { organizationId, userId } }))) {
    throw new ValidationFailedException([{ field: 'organizationId', code: 'notYourOrganization', messageKey: 'notYourOrganization' }]);
  }
  return { reportingOrganizationId: organizationId, consentToShare: consentToShare ?? false };
}

/**
 * Answers to a cohort's application questions: each a string of at most 2000 characters without control or
 * direction-override characters, no key the cohort does not ask, every required question answered (blank counts
 * as unanswered). Every problem is reported at once, per key (`answers.<key>`).
 */
export function checkAnswers(cohort: Pick<Cohort, 'applicationQuestions'>, given: Record<string, unknown>): Record<string, string> {
  const questions = new Map(cohort.applicationQuestions.map((q) => [q.key, q]));
  const errors: FieldError[] = [];
  const answers: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    const field = `answers.${key.slice(0, 64)}`;
    if (!questions.has(key)) errors.push({ field, code: 'unknown_field', messageKey: 'unknown_field' });
    else if (typeof value !== 'string') errors.push({ field, code: 'isString', messageKey: 'isString' });
    else if (value.trim().length > MAX_ANSWER_LENGTH) errors.push({ field, code: 'maxLength', messageKey: 'maxLength', params: { max: MAX_ANSWER_LENGTH } });
    else if (!isSafeText(value, true)) errors.push({ field, code: 'isSafeText', messageKey: 'isSafeText' });
    else if (value.trim() !== '') answers[key] = value.trim();
  }
  for (const question of questions.values()) {
    if (question.required && !answers[question.key] && !errors.some((e) => e.field === `answers.${question.key}`)) {
      errors.push({ field: `answers.${question.key}`, code: 'required', messageKey: 'required' });
    }
  }
  if (errors.length) throw new ValidationFailedException(errors.slice(0, 50));
  return answers;
}
