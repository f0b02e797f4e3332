import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CompletionRule } from '@halaqa/courses';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { toCertificateSummary } from '../certificates/certificate.response';
import { NotFoundException, ValidationFailedException } from '../common/domain.exception';
import { resolveText, type Locale } from '../common/localized-text';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { CohortCompletion, CompletionQuery, CompletionRuleResponse, EnrollmentProgress, Progress } from './completion.response';
import type { CompletionRuleDto, FinalReviewDto } from './dto/completion.dto';
import { circleName, completionScope, loadProgress, requiredAssignments, type ProgressRecord } from './progress';

/**
 * Completion progress, computed on read from attendance, released reviews and final reviews (docs/certificates.md):
 * it changes the moment attendance is marked or a review released. A cohort's page costs the same handful of
 * queries whatever its size.
 */
@Injectable()
export class CompletionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async cohort(caller: Caller, cohortId: string, query: CompletionQuery, locale: Locale): Promise<CohortCompletion> {
    const manager = this.dataSource.manager;
    const scope = await completionScope(manager, caller, cohortId, 'view');
    const required = await requiredAssignments(manager, cohortId, scope.rule);
    const everyone = await loadProgress(manager, cohortId, scope.rule, required, locale, { circles: scope.circles });
    const [batch] = await manager.query<{ id: string; cohort_id: string; total: number; created_at: Date; rendered: number; failed: number; still: number }[]>(
      `SELECT b.id, b.cohort_id, b.total, b.created_at,
         count(c.id) FILTER (WHERE c.pdf_revision = c.revision)::int AS rendered,
         count(c.id) FILTER (WHERE c.pdf_revision IS DISTINCT FROM c.revision AND o.status = 'failed')::int AS failed,
         count(c.id)::int AS still
       FROM (SELECT * FROM certificate_batches WHERE cohort_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1) b
       LEFT JOIN certificates c ON c.batch_id = b.id
       LEFT JOIN outbox_messages o ON o.dedupe_key = 'certificate:' || c.id || ':' || c.revision
       GROUP BY b.id, b.cohort_id, b.total, b.created_at`,
      [cohortId],
    );
    const q = query.q?.trim().toLocaleLowerCase();
    const items = everyone
      .filter((p) => query.eligible === undefined || p.eligible === (query.eligible === 'true'))
      .filter((p) => !q || `${p.nameLatin}\n${p.nameArabic}`.toLocaleLowerCase().includes(q));
    return {
      rule: ruleOf(scope.rule),
      requiredAssignments: required.map((a) => ({ id: a.id, exerciseKey: a.exerciseKey, title: resolveText(a.title, locale).text })),
      settings: scope.settings,
      latestBatch: batch
        ? {
            id: batch.id,
            cohortId: batch.cohort_id,
            total: batch.total,
            rendered: batch.rendered,
            failed: batch.failed,
            done: batch.rendered + batch.failed >= batch.still,
            createdAt: new Date(batch.created_at).toISOString(),
          }
        : null,
      counts: {
        trainees: everyone.length,
        eligible: everyone.filter((p) => p.eligible).length,
        issued: everyone.filter((p) => p.certificate && !p.certificate.revokedAt).length,
        revoked: everyone.filter((p) => p.certificate?.revokedAt).length,
      },
      items: items.map((p) => this.toProgress(p, locale)),
    };
  }

  /** One trainee's progress: the trainee themself, the cohort's lead trainers and admins, a coach of their circle. */
  async enrollment(caller: Caller, enrollmentId: string, locale: Locale): Promise<EnrollmentProgress> {
    const manager = this.dataSource.manager;
    const [enrollment] = await manager.query<{ cohort_id: string; user_id: string; completion_rule: CompletionRule }[]>(
      `SELECT e.cohort_id, e.user_id, c.completion_rule FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id WHERE e.id = $1`,
      [enrollmentId],
    );
    if (!enrollment) throw new NotFoundException();
    const own = enrollment.user_id === caller.userId;
    const scope = own ? null : await completionScope(manager, caller, enrollment.cohort_id, 'view');
    const rule = scope?.rule ?? enrollment.completion_rule;
    const required = await requiredAssignments(manager, enrollment.cohort_id, rule);
    const [progress] = await loadProgress(manager, enrollment.cohort_id, rule, required, locale, { enrollmentIds: [enrollmentId], circles: scope?.circles ?? null });
    if (!progress) throw new NotFoundException();
    const requiredIds = new Set(required.map((a) => a.id));
    const all = await manager.query<{ id: string; exercise_key: string; title: Record<string, string>; status: string | null; latest_version: number | null; draft_saved_at: Date | null }[]>(
      `SELECT a.id, a.exercise_key, a.title, s.status, s.latest_version, s.draft_saved_at
       FROM assignments a LEFT JOIN submissions s ON s.assignment_id = a.id AND s.enrollment_id = $2
       WHERE a.cohort_id = $1 ORDER BY a.position, a.id`,
      [enrollment.cohort_id, enrollmentId],
    );
    const base = this.toProgress(progress, locale);
    return {
      ...base,
      rule: ruleOf(rule),
      assignments: {
        ...base.assignments,
        items: all.map((a) => ({
          assignmentId: a.id,
          exerciseKey: a.exercise_key,
          title: resolveText(a.title, locale).text,
          status: a.status === null || (a.status === 'draft' && a.latest_version === 0 && a.draft_saved_at === null) ? 'not_started' : a.status,
          required: requiredIds.has(a.id),
        })),
      },
    };
  }

  /** `PUT /cohorts/{id}/completion-rule`: every named exercise must be one of the cohort's (422 otherwise). Audited. */
  async updateRule(caller: Caller, cohortId: string, dto: CompletionRuleDto, ctx: RequestContext): Promise<CompletionRuleResponse> {
    return this.dataSource.transaction(async (manager) => {
      await completionScope(manager, caller, cohortId, 'manage');
      if (dto.requiredExercises !== 'all') {
        const known = new Set(
          (await manager.query<{ exercise_key: string }[]>(`SELECT exercise_key FROM assignments WHERE cohort_id = $1`, [cohortId])).map((r) => r.exercise_key),
        );
        const unknown = dto.requiredExercises.filter((k) => !known.has(k));
        if (unknown.length > 0) {
          throw new ValidationFailedException([{ field: 'requiredExercises', code: 'unknownExercise', messageKey: 'unknownExercise', params: { keys: unknown.join(', ') } }]);
        }
      }
      const rule: CompletionRule = { minAttendancePercent: dto.minAttendancePercent, requiredExercises: dto.requiredExercises, finalReview: dto.finalReview };
      const [before] = await manager.query<{ completion_rule: CompletionRule }[]>(`SELECT completion_rule FROM cohorts WHERE id = $1`, [cohortId]);
      await manager.query(`UPDATE cohorts SET completion_rule = $2, updated_at = now() WHERE id = $1`, [cohortId, JSON.stringify(rule)]);
      await this.audit.record(manager, { actorId: caller.userId, action: 'cohort.completion_rule_changed', entityType: 'cohort', entityId: cohortId, data: { before: before.completion_rule, after: rule }, ip: ctx.ip });
      return ruleOf(rule);
    });
  }

  /** `PUT /enrollments/{id}/final-review` (lead trainer/admin): one per enrollment, replaced on change. Audited. */
  async recordFinalReview(caller: Caller, enrollmentId: string, dto: FinalReviewDto, ctx: RequestContext): Promise<EnrollmentProgress> {
    await this.dataSource.transaction(async (manager) => {
      const [enrollment] = await manager.query<{ cohort_id: string; status: string }[]>(`SELECT cohort_id, status FROM enrollments WHERE id = $1`, [enrollmentId]);
      if (!enrollment) throw new NotFoundException();
      await completionScope(manager, caller, enrollment.cohort_id, 'manage');
      if (enrollment.status !== 'active' && enrollment.status !== 'completed') throw new NotFoundException();
      const note = dto.note ?? '';
      await manager.query(
        `INSERT INTO final_reviews (enrollment_id, passed, note, reviewed_by_id, reviewed_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (enrollment_id) DO UPDATE SET passed = EXCLUDED.passed, note = EXCLUDED.note, reviewed_by_id = EXCLUDED.reviewed_by_id, reviewed_at = now()`,
        [enrollmentId, dto.passed, note, caller.userId],
      );
      await this.audit.record(manager, { actorId: caller.userId, action: 'final_review.recorded', entityType: 'enrollment', entityId: enrollmentId, data: { passed: dto.passed }, ip: ctx.ip });
    });
    return this.enrollment(caller, enrollmentId, ctx.locale);
  }

  private toProgress(p: ProgressRecord, locale: Locale): Progress {
    return {
      enrollmentId: p.enrollmentId,
      trainee: { id: p.userId, displayName: p.displayName, nameLatin: p.nameLatin, nameArabic: p.nameArabic },
      status: p.status,
      circle: circleName(p.circle, locale),
      attendance: { held: p.attendance.held, attended: p.attendance.attended, rate: p.attendance.rate, met: p.attendance.met },
      assignments: { required: p.assignments.required, passed: p.assignments.passed, met: p.assignments.met },
      finalReview: {
        required: p.finalReview.required,
        passed: p.finalReview.passed,
        note: p.finalReview.note,
        reviewedAt: p.finalReview.reviewedAt ? new Date(p.finalReview.reviewedAt).toISOString() : null,
        met: p.finalReview.met,
      },
      eligible: p.eligible,
      certificate: p.certificate ? toCertificateSummary(p.certificate, this.config.PUBLIC_WEB_URL) : null,
    };
  }
}

function ruleOf(rule: CompletionRule): CompletionRuleResponse {
  return { minAttendancePercent: rule.minAttendancePercent, requiredExercises: rule.requiredExercises, finalReview: rule.finalReview };
}
