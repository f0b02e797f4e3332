import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Temporal } from '@js-temporal/polyfill';
import { DataSource, type EntityManager } from 'typeorm';
import type { Course as CourseContent } from '@halaqa/courses';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { NotFoundException, ValidationFailedException } from '../common/domain.exception';
import type { Locale } from '../common/localized-text';
import type { RequestContext } from '../common/request-context';
import { OutboxService } from '../outbox/outbox.service';
import { zonedInstant } from '../sessions/recurrence';
import { AssignmentExtension } from './assignment-extension.entity';
import { cohortAssignmentAccess, type CohortAssignmentAccess } from './assignment-access';
import { Assignment } from './assignment.entity';
import { maxPointsOf, toAssignmentResponse, type AssignmentList, type AssignmentResponse, type ExtensionListItem, type ExtensionResponse, type InstantiateResponse, type TraineeStatus, type TraineeView } from './assignment.response';
import type { ExtensionDto, UpdateAssignmentDto } from './dto/assignment.dto';
import { queueDueSoon } from './due-soon';

interface TraineeRow {
  assignment_id: string;
  status: string | null;
  draft_saved_at: Date | null;
  draft_files: number;
  latest_late: boolean | null;
  ext_due_at: Date | null;
}

/** The due date of an exercise for a cohort: module start (cohort start + module index × 7 days) + dueAfterDays, 23:59 in the cohort's zone. */
export function defaultDueAt(startsOn: string, moduleIndex: number, dueAfterDays: number, timeZone: string): Date {
  const day = Temporal.PlainDate.from(startsOn).add({ days: moduleIndex * 7 + dueAfterDays });
  return zonedInstant(day.toString(), '23:59', timeZone);
}

@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Each trainee's view of some assignments, in one query. */
  private async traineeViews(manager: EntityManager, assignments: Assignment[], enrollmentId: string, now = new Date()): Promise<Map<string, TraineeView>> {
    if (assignments.length === 0) return new Map();
    const rows: TraineeRow[] = await manager.query(
      `SELECT a.id AS assignment_id, s.status, s.draft_saved_at,
              (SELECT count(*)::int FROM submission_files f WHERE f.submission_id = s.id AND f.version_id IS NULL) AS draft_files,
              (SELECT v.late FROM submission_versions v WHERE v.submission_id = s.id AND v.number = s.latest_version) AS latest_late,
              x.due_at AS ext_due_at
         FROM assignments a
         LEFT JOIN submissions s ON s.assignment_id = a.id AND s.enrollment_id = $2
         LEFT JOIN assignment_extensions x ON x.assignment_id = a.id AND x.enrollment_id = $2
        WHERE a.id = ANY($1::uuid[])`,
      [assignments.map((a) => a.id), enrollmentId],
    );
    const byId = new Map(assignments.map((a) => [a.id, a]));
    return new Map(
      rows.map((r) => {
        const assignment = byId.get(r.assignment_id)!;
        const effectiveDueAt = r.ext_due_at ? new Date(r.ext_due_at) : assignment.dueAt;
        let status: TraineeStatus;
        if (!r.status || (r.status === 'draft' && !r.draft_saved_at && r.draft_files === 0)) status = 'not_started';
        else status = r.status as TraineeStatus;
        const late = r.latest_late ?? ((status === 'not_started' || status === 'draft') && now > effectiveDueAt);
        return [r.assignment_id, { status, effectiveDueAt, late }];
      }),
    );
  }

  private async respond(manager: EntityManager, access: CohortAssignmentAccess, assignments: Assignment[], locale: Locale): Promise<AssignmentResponse[]> {
    const views = access.enrollmentId ? await this.traineeViews(manager, assignments, access.enrollmentId) : new Map<string, TraineeView>();
    return assignments.map((a) => toAssignmentResponse(a, locale, access.canManage, views.get(a.id) ?? null));
  }

  async instantiate(caller: Caller, cohortId: string, ctx: RequestContext): Promise<InstantiateResponse> {
    return this.dataSource.transaction(async (manager) => {
      const access = await cohortAssignmentAccess(manager, caller, cohortId, 'manage');
      // One instantiation at a time per cohort: the second waits, then finds everything made.
      await manager.query(`SELECT id FROM cohorts WHERE id = $1 FOR UPDATE`, [cohortId]);
      const [cohort] = await manager.query<{ starts_on: string; time_zone: string; content: CourseContent | null }[]>(
        `SELECT to_char(h.starts_on, 'YYYY-MM-DD') AS starts_on, h.time_zone, v.content
           FROM cohorts h JOIN course_versions v ON v.id = h.course_version_id WHERE h.id = $1`,
        [cohortId],
      );
      const existing = new Set((await manager.find(Assignment, { where: { cohortId }, select: { exerciseKey: true } })).map((a) => a.exerciseKey));
      const created: Assignment[] = [];
      let position = 0;
      (cohort.content?.modules ?? []).forEach((module, moduleIndex) => {
        for (const exercise of module.exercises ?? []) {
          position += 1;
          if (existing.has(exercise.key)) continue;
          created.push(
            manager.create(Assignment, {
              cohortId,
              moduleKey: module.key,
              exerciseKey: exercise.key,
              position,
              title: exercise.title,
              instructions: exercise.instructions,
              rubric: exercise.rubric,
              passMark: exercise.passMark,
              submissionKind: exercise.submissionKind,
              dueAt: defaultDueAt(cohort.starts_on, moduleIndex, exercise.dueAfterDays, cohort.time_zone),
              latePolicy: 'mark_late',
            }),
          );
        }
      });
      if (created.length > 0) {
        await manager.save(created);
        await this.audit.record(manager, {
          actorId: caller.userId,
          action: 'assignment.instantiated',
          entityType: 'cohort',
          entityId: cohortId,
          data: { exercises: created.map((a) => a.exerciseKey) },
          ip: ctx.ip,
        });
        await queueDueSoon(
          manager,
          this.outbox,
          created.map((a) => a.id),
        );
      }
      const all = await manager.find(Assignment, { where: { cohortId }, order: { position: 'ASC', exerciseKey: 'ASC' } });
      return { created: created.length, items: await this.respond(manager, access, all, ctx.locale) };
    });
  }

  async list(caller: Caller, cohortId: string, locale: Locale): Promise<AssignmentList> {
    const manager = this.dataSource.manager;
    const access = await cohortAssignmentAccess(manager, caller, cohortId, 'view');
    const all = await manager.find(Assignment, { where: { cohortId }, order: { position: 'ASC', exerciseKey: 'ASC' } });
    return { items: await this.respond(manager, access, all, locale) };
  }

  /** The assignment and the caller's standing on its cohort; 404 when missing or out of scope. */
  async assignmentFor(manager: EntityManager, caller: Caller, assignmentId: string, need: 'manage' | 'view', lock = false): Promise<{ assignment: Assignment; access: CohortAssignmentAccess }> {
    const assignment = await manager.findOne(Assignment, { where: { id: assignmentId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!assignment) throw new NotFoundException();
    const access = await cohortAssignmentAccess(manager, caller, assignment.cohortId, need);
    return { assignment, access };
  }

  async get(caller: Caller, assignmentId: string, locale: Locale): Promise<AssignmentResponse> {
    const manager = this.dataSource.manager;
    const { assignment, access } = await this.assignmentFor(manager, caller, assignmentId, 'view');
    return (await this.respond(manager, access, [assignment], locale))[0];
  }

  async update(caller: Caller, assignmentId: string, dto: UpdateAssignmentDto, ctx: RequestContext): Promise<AssignmentResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, access } = await this.assignmentFor(manager, caller, assignmentId, 'manage', true);
      if (dto.passMark !== undefined && dto.passMark > maxPointsOf(assignment.rubric)) {
        throw new ValidationFailedException([{ field: 'passMark', code: 'max', messageKey: 'max', params: { max: maxPointsOf(assignment.rubric) } }]);
      }
      const before = { dueAt: assignment.dueAt.toISOString(), latePolicy: assignment.latePolicy, submissionKind: assignment.submissionKind, passMark: assignment.passMark };
      if (dto.dueAt !== undefined) assignment.dueAt = new Date(dto.dueAt);
      if (dto.latePolicy !== undefined) assignment.latePolicy = dto.latePolicy;
      if (dto.submissionKind !== undefined) assignment.submissionKind = dto.submissionKind;
      if (dto.passMark !== undefined) assignment.passMark = dto.passMark;
      await manager.save(assignment);
      const after = { dueAt: assignment.dueAt.toISOString(), latePolicy: assignment.latePolicy, submissionKind: assignment.submissionKind, passMark: assignment.passMark };
      await this.audit.record(manager, { actorId: caller.userId, action: 'assignment.updated', entityType: 'assignment', entityId: assignment.id, data: { before, after }, ip: ctx.ip });
      if (before.dueAt !== after.dueAt) await queueDueSoon(manager, this.outbox, [assignment.id]);
      return (await this.respond(manager, access, [assignment], ctx.locale))[0];
    });
  }

  /** The extensions granted on an assignment, by trainee name, in one query. */
  async listExtensions(caller: Caller, assignmentId: string): Promise<ExtensionListItem[]> {
    const manager = this.dataSource.manager;
    await this.assignmentFor(manager, caller, assignmentId, 'manage');
    const rows = await manager.query<{ enrollment_id: string; name_latin: string; name_arabic: string; due_at: Date; reason: string | null; created_at: Date }[]>(
      `SELECT x.enrollment_id, u.name_latin, u.name_arabic, x.due_at, x.reason, x.created_at
         FROM assignment_extensions x
         JOIN enrollments e ON e.id = x.enrollment_id
         JOIN users u ON u.id = e.user_id
        WHERE x.assignment_id = $1
        ORDER BY lower(coalesce(nullif(u.name_latin, ''), u.name_arabic)), x.enrollment_id`,
      [assignmentId],
    );
    return rows.map((r) => ({
      enrollmentId: r.enrollment_id,
      user: { nameLatin: r.name_latin, nameArabic: r.name_arabic },
      dueAt: new Date(r.due_at).toISOString(),
      reason: r.reason,
      grantedAt: new Date(r.created_at).toISOString(),
    }));
  }

  async putExtension(caller: Caller, assignmentId: string, enrollmentId: string, dto: ExtensionDto, ctx: RequestContext): Promise<ExtensionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { assignment } = await this.assignmentFor(manager, caller, assignmentId, 'manage', true);
      const [enrollment] = await manager.query<{ id: string }[]>(`SELECT id FROM enrollments WHERE id = $1 AND cohort_id = $2`, [enrollmentId, assignment.cohortId]);
      if (!enrollment) throw new NotFoundException();
      const dueAt = new Date(dto.dueAt);
      const reason = dto.reason?.trim() || null;
      await manager
        .createQueryBuilder()
        .insert()
        .into(AssignmentExtension)
        .values({ assignmentId, enrollmentId, dueAt, reason, grantedById: caller.userId })
        .orUpdate(['due_at', 'reason', 'granted_by_id'], ['assignment_id', 'enrollment_id'])
        .execute();
      await this.audit.record(manager, { actorId: caller.userId, action: 'assignment.extension_granted', entityType: 'assignment', entityId: assignmentId, data: { enrollmentId, dueAt: dueAt.toISOString(), reason }, ip: ctx.ip });
      await queueDueSoon(manager, this.outbox, [assignmentId]);
      return { assignmentId, enrollmentId, dueAt: dueAt.toISOString(), reason };
    });
  }

  async deleteExtension(caller: Caller, assignmentId: string, enrollmentId: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.assignmentFor(manager, caller, assignmentId, 'manage', true);
      const result = await manager.delete(AssignmentExtension, { assignmentId, enrollmentId });
      if (!result.affected) throw new NotFoundException();
      await this.audit.record(manager, { actorId: caller.userId, action: 'assignment.extension_removed', entityType: 'assignment', entityId: assignmentId, data: { enrollmentId }, ip: ctx.ip });
      await queueDueSoon(manager, this.outbox, [assignmentId]);
    });
  }
}
