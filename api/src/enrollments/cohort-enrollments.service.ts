import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { NotFoundException, ValidationFailedException } from '../common/domain.exception';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import { escapeLike } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import { lockCohort, occupancyOf } from '../cohorts/capacity';
import { Cohort } from '../cohorts/cohort.entity';
import { OutboxService } from '../outbox/outbox.service';
import type { DecisionDto, RosterQuery, WithdrawEnrollmentDto } from './dto/enrollment.dto';
import { queueEnrollmentEmails, type EnrollmentEmailRequest } from './enrollment-emails';
import { PERSON_ORGANIZATION_ID, assertLeadTrainer, assertStaff, waitlistPositions } from './enrollment-queries';
import { changeStatus } from './enrollment-transitions';
import { Enrollment, type EnrollmentStatus } from './enrollment.entity';
import { toEnrollmentResponse, type DecisionResultResponse, type EnrollmentResponse, type RosterPage } from './enrollment.response';
import { ACCEPTING_STATUSES, notAccepting } from './enrollment-rules';
import { withdrawEnrollment } from './withdrawal';

interface RosterRow {
  id: string;
  status: EnrollmentStatus;
  user_id: string;
  name_latin: string;
  name_arabic: string;
  email: string;
  organization_id: string | null;
  organization_name: LocalizedText | null;
  organization_city: LocalizedText | null;
  answers: Record<string, string>;
  created_at: Date;
  updated_at: Date;
}

interface Candidate {
  id: string;
  status: EnrollmentStatus;
  group_key: string | null;
}

/**
 * What a cohort's staff do with its people: read the roster, decide applications (one, many, or by quota per
 * organization or city) and withdraw someone.
 */
@Injectable()
export class CohortEnrollmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** The roster: a count and a page query (plus one for waitlist positions), whatever the cohort's size. */
  async roster(caller: Caller, cohortId: string, query: RosterQuery, locale: Locale): Promise<RosterPage> {
    const manager = this.dataSource.manager;
    if (!(await manager.exists(Cohort, { where: { id: cohortId } }))) throw new NotFoundException();
    await assertStaff(manager, caller, cohortId);
    const where: string[] = ['e.cohort_id = $1'];
    const params: unknown[] = [cohortId];
    if (query.status) {
      params.push(query.status);
      where.push(`e.status = $${params.length}`);
    }
    if (query.q) {
      params.push(`%${escapeLike(query.q)}%`);
      where.push(`(u.name_latin ILIKE $${params.length} OR u.name_arabic ILIKE $${params.length} OR u.email ILIKE $${params.length})`);
    }
    if (query.organizationId) {
      params.push(query.organizationId);
      where.push(`${PERSON_ORGANIZATION_ID} = $${params.length}`);
    }
    const from = `FROM enrollments e JOIN users u ON u.id = e.user_id WHERE ${where.join(' AND ')}`;
    const [{ n }] = await manager.query<{ n: string }[]>(`SELECT count(*) AS n ${from}`, params);
    const rows: RosterRow[] = await manager.query(
      `SELECT p.*, o.name AS organization_name, o.city AS organization_city FROM (
         SELECT e.id, e.status, e.user_id, u.name_latin, u.name_arabic, u.email, e.application_answers AS answers,
                e.created_at, e.updated_at, ${PERSON_ORGANIZATION_ID} AS organization_id
         ${from}
         ORDER BY e.created_at ASC, e.id ASC
         OFFSET $${params.length + 1} LIMIT $${params.length + 2}
       ) p LEFT JOIN organizations o ON o.id = p.organization_id
       ORDER BY p.created_at ASC, p.id ASC`,
      [...params, (query.page - 1) * query.pageSize, query.pageSize],
    );
    const positions = await waitlistPositions(
      manager,
      rows.filter((r) => r.status === 'waitlisted').map((r) => r.id),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        user: { id: r.user_id, nameLatin: r.name_latin, nameArabic: r.name_arabic, email: r.email },
        organization: r.organization_id ? { id: r.organization_id, displayName: resolveText(r.organization_name, locale).text } : null,
        city: resolveText(r.organization_city, locale).text,
        answers: r.answers,
        waitlistPosition: positions.get(r.id) ?? null,
        appliedAt: new Date(r.created_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
      })),
      total: Number(n),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Accepts or rejects applications. Accepting puts people into the places left (active) and the rest on the
   * waitlist, earliest applications first; with a quota, at most `perGroup` people per organization (or city) end
   * up accepted, counting those already active. Ids that are not applications waiting in this cohort are skipped.
   */
  async decide(caller: Caller, cohortId: string, dto: DecisionDto, ctx: RequestContext): Promise<DecisionResultResponse> {
    if (dto.decision === 'reject' && dto.quota) throw new ValidationFailedException([{ field: 'quota', code: 'quotaAcceptOnly', messageKey: 'quotaAcceptOnly' }]);
    if (!dto.enrollmentIds && !dto.quota) throw new ValidationFailedException([{ field: 'enrollmentIds', code: 'required', messageKey: 'required' }]);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.exists(Cohort, { where: { id: cohortId } }))) throw new NotFoundException();
      await assertLeadTrainer(manager, caller, cohortId);
      const cohort = await lockCohort(manager, cohortId);
      // Rejecting stays possible after the cohort closed; accepting would put people into a cohort that takes nobody.
      if (dto.decision === 'accept' && !ACCEPTING_STATUSES.has(cohort.status)) throw notAccepting();
      const params: unknown[] = [cohortId];
      let idFilter = '';
      if (dto.enrollmentIds) {
        params.push(dto.enrollmentIds);
        idFilter = 'AND e.id = ANY($2::uuid[])';
      }
      const groupKey =
        dto.quota?.by === 'city'
          ? `(SELECT lower(COALESCE(NULLIF(o.city->>'en', ''), NULLIF(o.city->>'ar', ''), NULLIF(o.city->>'fr', ''))) FROM organizations o WHERE o.id = ${PERSON_ORGANIZATION_ID})`
          : `${PERSON_ORGANIZATION_ID}::text`;
      const candidates: Candidate[] = await manager.query(
        `SELECT e.id, e.status, ${groupKey} AS group_key FROM enrollments e
          WHERE e.cohort_id = $1 AND e.status = 'applied' ${idFilter}
          ORDER BY e.created_at ASC, e.id ASC
          FOR UPDATE OF e`,
        params,
      );
      const result: DecisionResultResponse = { accepted: 0, waitlisted: 0, rejected: 0, skipped: (dto.enrollmentIds?.length ?? candidates.length) - candidates.length };
      const emails: EnrollmentEmailRequest[] = [];
      const decided = async (candidate: Candidate, to: EnrollmentStatus, template: EnrollmentEmailRequest['template']) => {
        const eventId = await changeStatus(manager, candidate, to, caller.userId);
        emails.push({ template, enrollmentId: candidate.id, eventId });
        await this.audit.record(manager, {
          actorId: caller.userId,
          action: to === 'rejected' ? 'enrollment.rejected' : 'enrollment.accepted',
          entityType: 'enrollment',
          entityId: candidate.id,
          data: { cohortId, from: 'applied', to, ...(dto.quota ? { quota: dto.quota } : {}) },
          ip: ctx.ip,
        });
      };

      if (dto.decision === 'reject') {
        for (const candidate of candidates) await decided(candidate, 'rejected', 'enrollment_rejected');
        result.rejected = candidates.length;
      } else {
        const perGroup = dto.quota ? await this.activePerGroup(manager, cohortId, groupKey) : new Map<string | null, number>();
        let seatsLeft = (await occupancyOf(manager, cohortId)).seatsLeft;
        for (const candidate of candidates) {
          if (dto.quota) {
            const taken = perGroup.get(candidate.group_key) ?? 0;
            if (taken >= dto.quota.perGroup) {
              result.skipped += 1;
              continue;
            }
            perGroup.set(candidate.group_key, taken + 1);
          }
          if (seatsLeft > 0) {
            seatsLeft -= 1;
            result.accepted += 1;
            await decided(candidate, 'active', 'enrollment_accepted');
          } else {
            result.waitlisted += 1;
            await decided(candidate, 'waitlisted', 'enrollment_waitlisted');
          }
        }
      }
      await queueEnrollmentEmails(manager, this.outbox, emails);
      return result;
    });
  }

  /** Active (or completed) people per group, the starting count of a quota. */
  private async activePerGroup(manager: EntityManager, cohortId: string, groupKey: string): Promise<Map<string | null, number>> {
    const rows: { group_key: string | null; n: string }[] = await manager.query(
      `SELECT g.group_key, count(*) AS n FROM (
         SELECT ${groupKey} AS group_key FROM enrollments e WHERE e.cohort_id = $1 AND e.status IN ('active', 'completed')
       ) g GROUP BY g.group_key`,
      [cohortId],
    );
    return new Map(rows.map((r) => [r.group_key, Number(r.n)]));
  }

  /** A lead trainer (or admin) takes someone out of the cohort; the place goes to the first waitlisted person. */
  async withdraw(caller: Caller, cohortId: string, enrollmentId: string, dto: WithdrawEnrollmentDto, ctx: RequestContext): Promise<EnrollmentResponse> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.exists(Cohort, { where: { id: cohortId } }))) throw new NotFoundException();
      await assertLeadTrainer(manager, caller, cohortId);
      const withdrawal = await withdrawEnrollment(manager, this.outbox, { enrollmentId, actorId: caller.userId, scope: { cohortId } });
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'enrollment.withdrawn',
        entityType: 'enrollment',
        entityId: enrollmentId,
        data: { cohortId, userId: withdrawal.enrollment.userId, from: withdrawal.from, by: 'staff', promoted: withdrawal.promoted, ...(dto.reason ? { reason: dto.reason } : {}) },
        ip: ctx.ip,
      });
      const fresh = await manager.findOneByOrFail(Enrollment, { id: enrollmentId });
      return toEnrollmentResponse(fresh, null);
    });
  }
}
