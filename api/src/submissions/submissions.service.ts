import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AssignmentsService } from '../assignments/assignments.service';
import type { Assignment } from '../assignments/assignment.entity';
import { AuditService } from '../audit/audit.service';
import { ConflictException, DomainException, NotFoundException, ValidationFailedException } from '../common/domain.exception';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import type { RequestContext } from '../common/request-context';
import { FILE_STORE, newFileKey, type FileStore } from '../files/file-store';
import { MAX_FILES_PER_VERSION, sniffFile } from '../files/file-types';
import { SubmissionFile } from '../files/submission-file.entity';
import { EMAIL_KIND, type EmailPayload } from '../mail/email-message';
import { OutboxService } from '../outbox/outbox.service';
import { Review } from '../reviews/review.entity';
import { displayName } from '../users/user.response';
import type { SaveDraftDto } from './dto/submission.dto';
import { submissionAccess } from './submission-access';
import { Submission } from './submission.entity';
import { SubmissionVersion } from './submission-version.entity';
import { toFileResponse, type SubmissionFileResponse, type SubmissionResponse } from './submission.response';

export interface Upload {
  fileName: string;
  data: Buffer;
}

export interface Download {
  stream: Readable;
  mediaType: string;
  fileName: string;
  sizeBytes: number;
}

@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  /** The caller's own submission of an assignment (created empty on first use); 404 unless they are its trainee. */
  private async own(manager: EntityManager, caller: Caller, assignmentId: string, lock = false): Promise<{ assignment: Assignment; submission: Submission }> {
    const { assignment, access } = await this.assignments.assignmentFor(manager, caller, assignmentId, 'view');
    if (!access.enrollmentId) throw new NotFoundException();
    await manager.query(`INSERT INTO submissions (assignment_id, enrollment_id) VALUES ($1, $2) ON CONFLICT (assignment_id, enrollment_id) DO NOTHING`, [assignmentId, access.enrollmentId]);
    const submission = await manager.findOneOrFail(Submission, {
      where: { assignmentId, enrollmentId: access.enrollmentId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return { assignment, submission };
  }

  /** The whole submission as its author (`own`) or staff see it, in a handful of queries. */
  private async respond(manager: EntityManager, submission: Submission, view: 'own' | 'staff'): Promise<SubmissionResponse> {
    const [info] = await manager.query<{ cohort_id: string; user_id: string; name_latin: string; name_arabic: string; locale: Locale; due_at: Date }[]>(
      `SELECT e.cohort_id, u.id AS user_id, u.name_latin, u.name_arabic, u.locale, COALESCE(x.due_at, a.due_at) AS due_at
         FROM submissions s JOIN enrollments e ON e.id = s.enrollment_id JOIN users u ON u.id = e.user_id
         JOIN assignments a ON a.id = s.assignment_id
         LEFT JOIN assignment_extensions x ON x.assignment_id = a.id AND x.enrollment_id = e.id
        WHERE s.id = $1`,
      [submission.id],
    );
    const versions = await manager.find(SubmissionVersion, { where: { submissionId: submission.id }, order: { number: 'ASC' } });
    const files = await manager.find(SubmissionFile, { where: { submissionId: submission.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const reviews = versions.length
      ? await manager.createQueryBuilder(Review, 'r').where('r.version_id IN (:...ids)', { ids: versions.map((v) => v.id) }).getMany()
      : [];
    const reviewOf = new Map(reviews.map((r) => [r.versionId, r]));
    const filesOf = (versionId: string | null): SubmissionFileResponse[] => files.filter((f) => f.versionId === versionId).map(toFileResponse);
    return {
      id: submission.id,
      assignmentId: submission.assignmentId,
      cohortId: info.cohort_id,
      trainee: { userId: info.user_id, enrollmentId: submission.enrollmentId, displayName: displayName({ nameLatin: info.name_latin, nameArabic: info.name_arabic, locale: info.locale }) },
      status: submission.status,
      draftText: view === 'own' ? submission.draftText : null,
      draftSavedAt: view === 'own' ? (submission.draftSavedAt?.toISOString() ?? null) : null,
      draftFiles: view === 'own' ? filesOf(null) : [],
      latestVersion: submission.latestVersion,
      submittedAt: submission.submittedAt?.toISOString() ?? null,
      effectiveDueAt: new Date(info.due_at).toISOString(),
      versions: versions.map((v) => {
        const r = reviewOf.get(v.id);
        const visible = r && (view === 'staff' || r.releasedAt !== null);
        return {
          number: v.number,
          text: v.text,
          late: v.late,
          submittedAt: v.submittedAt.toISOString(),
          files: filesOf(v.id),
          review: visible
            ? { scores: r.scores, points: r.points, feedback: r.feedback, criterionFeedback: r.criterionFeedback, decision: r.decision, releasedAt: r.releasedAt?.toISOString() ?? null }
            : null,
        };
      }),
    };
  }

  async getOwn(caller: Caller, assignmentId: string): Promise<SubmissionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { submission } = await this.own(manager, caller, assignmentId);
      return this.respond(manager, submission, 'own');
    });
  }

  async saveDraft(caller: Caller, assignmentId: string, dto: SaveDraftDto): Promise<SubmissionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { submission } = await this.own(manager, caller, assignmentId, true);
      // Only the draft: versions are never touched.
      submission.draftText = dto.text;
      submission.draftSavedAt = new Date();
      await manager.update(Submission, { id: submission.id }, { draftText: submission.draftText, draftSavedAt: submission.draftSavedAt });
      return this.respond(manager, submission, 'own');
    });
  }

  async uploadFile(caller: Caller, assignmentId: string, upload: Upload, ctx: RequestContext): Promise<SubmissionFileResponse> {
    const sniffed = await sniffFile(upload.data, upload.fileName);
    if (!sniffed.ok) {
      throw new DomainException(415, sniffed.reason === 'unsupported' ? 'file.unsupported_type' : 'file.extension_mismatch', sniffed.reason === 'unsupported' ? 'errors.file_unsupported_type' : 'errors.file_extension_mismatch');
    }
    const id = randomUUID();
    const key = newFileKey(id);
    const saved = await this.dataSource.transaction(async (manager) => {
      const { submission } = await this.own(manager, caller, assignmentId, true);
      const count = await manager.count(SubmissionFile, { where: { submissionId: submission.id, versionId: IsNull() } });
      if (count >= MAX_FILES_PER_VERSION) throw new ConflictException('file.too_many', 'errors.file_too_many');
      const file = manager.create(SubmissionFile, {
        id,
        submissionId: submission.id,
        versionId: null,
        fileKey: key,
        originalName: upload.fileName,
        mediaType: sniffed.mediaType,
        sizeBytes: upload.data.length,
        sha256: createHash('sha256').update(upload.data).digest('hex'),
        uploadedById: caller.userId,
      });
      await manager.save(file);
      await this.audit.record(manager, { actorId: caller.userId, action: 'submission.file_uploaded', entityType: 'submission', entityId: submission.id, data: { fileId: id, mediaType: sniffed.mediaType, sizeBytes: upload.data.length }, ip: ctx.ip });
      // Stored before the row commits: a failed write rolls the row back; a failed commit leaves an orphan file only.
      await this.files.put(key, upload.data);
      return file;
    });
    return toFileResponse(saved);
  }

  async deleteFile(caller: Caller, assignmentId: string, fileId: string, ctx: RequestContext): Promise<void> {
    const key = await this.dataSource.transaction(async (manager) => {
      const { submission } = await this.own(manager, caller, assignmentId, true);
      const file = await manager.findOne(SubmissionFile, { where: { id: fileId, submissionId: submission.id, versionId: IsNull() } });
      if (!file) throw new NotFoundException();
      await manager.delete(SubmissionFile, { id: file.id });
      await this.audit.record(manager, { actorId: caller.userId, action: 'submission.file_deleted', entityType: 'submission', entityId: submission.id, data: { fileId }, ip: ctx.ip });
      return file.fileKey;
    });
    await this.files.delete(key);
  }

  async submit(caller: Caller, assignmentId: string, ctx: RequestContext, now = new Date()): Promise<SubmissionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, submission } = await this.own(manager, caller, assignmentId, true);
      if (submission.status === 'submitted' || submission.status === 'passed') throw new ConflictException(`submission.${submission.status}`, `errors.submission_${submission.status}`);
      const [ext] = await manager.query<{ due_at: Date }[]>(`SELECT due_at FROM assignment_extensions WHERE assignment_id = $1 AND enrollment_id = $2`, [assignmentId, submission.enrollmentId]);
      const dueAt = ext ? new Date(ext.due_at) : assignment.dueAt;
      const late = now > dueAt;
      if (late && assignment.latePolicy === 'close') throw new ConflictException('assignment.closed', 'errors.assignment_closed');
      const draftFiles = await manager.find(SubmissionFile, { where: { submissionId: submission.id, versionId: IsNull() } });
      const missing = [];
      if (assignment.submissionKind !== 'file' && submission.draftText.trim() === '') missing.push({ field: 'text', code: 'textRequired', messageKey: 'textRequired' });
      if (assignment.submissionKind !== 'text' && draftFiles.length === 0) missing.push({ field: 'files', code: 'fileRequired', messageKey: 'fileRequired' });
      if (missing.length) throw new ValidationFailedException(missing);
      const number = submission.latestVersion + 1;
      const version = await manager.save(manager.create(SubmissionVersion, { submissionId: submission.id, number, text: submission.draftText, late, submittedAt: now }));
      if (draftFiles.length) await manager.update(SubmissionFile, { submissionId: submission.id, versionId: IsNull() }, { versionId: version.id });
      submission.status = 'submitted';
      submission.latestVersion = number;
      submission.submittedAt = now;
      await manager.update(Submission, { id: submission.id }, { status: 'submitted', latestVersion: number, submittedAt: now });
      await this.audit.record(manager, { actorId: caller.userId, action: 'submission.submitted', entityType: 'submission', entityId: submission.id, data: { version: number, late, files: draftFiles.length }, ip: ctx.ip });
      await this.queueReceived(manager, submission, assignment);
      return this.respond(manager, submission, 'own');
    });
  }

  /** `submission_received` to the coaches of the trainee's current circle, or the cohort's lead trainers when none. */
  private async queueReceived(manager: EntityManager, submission: Submission, assignment: Assignment): Promise<void> {
    const rows = await manager.query<{ id: string; email: string; locale: Locale; trainee_latin: string; trainee_arabic: string; course_title: LocalizedText }[]>(
      `WITH t AS (
         SELECT e.id, e.cohort_id, u.name_latin, u.name_arabic, m.circle_id FROM enrollments e JOIN users u ON u.id = e.user_id
           LEFT JOIN circle_memberships m ON m.enrollment_id = e.id AND m.left_at IS NULL WHERE e.id = $1),
       coaches AS (SELECT k.user_id FROM circle_coaches k JOIN t ON k.circle_id = t.circle_id),
       leads AS (SELECT s.user_id FROM cohort_staff s JOIN t ON s.cohort_id = t.cohort_id WHERE s.role = 'lead_trainer' AND NOT EXISTS (SELECT 1 FROM coaches))
       SELECT u.id, u.email, u.locale, t.name_latin AS trainee_latin, t.name_arabic AS trainee_arabic, co.title AS course_title
         FROM (SELECT user_id FROM coaches UNION SELECT user_id FROM leads) r
         JOIN users u ON u.id = r.user_id AND u.disabled_at IS NULL
         CROSS JOIN t JOIN cohorts h ON h.id = t.cohort_id JOIN courses co ON co.id = h.course_id
        ORDER BY u.id`,
      [submission.enrollmentId],
    );
    for (const row of rows) {
      const locale = row.locale;
      const email: EmailPayload = {
        template: 'submission_received',
        to: row.email,
        locale,
        data: {
          name: '',
          traineeName: displayName({ nameLatin: row.trainee_latin, nameArabic: row.trainee_arabic, locale }),
          assignmentTitle: resolveText(assignment.title, locale).text,
          courseTitle: resolveText(row.course_title, locale).text,
          url: `/${locale}/grading/${submission.id}`,
        },
      };
      await this.outbox.enqueue(manager, { kind: EMAIL_KIND, payload: email, dedupeKey: `submission_received:${submission.id}:${submission.latestVersion}:${row.id}` });
    }
  }

  /** Staff read: a coach of the trainee's current circle, a lead trainer of the cohort, an admin. */
  async getForStaff(caller: Caller, submissionId: string): Promise<SubmissionResponse> {
    const manager = this.dataSource.manager;
    const { submission } = await submissionAccess(manager, caller, submissionId, 'review');
    return this.respond(manager, submission, 'staff');
  }

  /**
   * A file, scoped like what it belongs to: a draft file only to its author; a version's file to its author, the
   * staff who may review it, and circle-mates only once the version's review is released and passed.
   */
  async download(caller: Caller, fileId: string): Promise<Download> {
    const manager = this.dataSource.manager;
    const file = await manager.findOne(SubmissionFile, { where: { id: fileId } });
    if (!file) throw new NotFoundException();
    const access = await submissionAccess(manager, caller, file.submissionId, 'peer');
    if (file.versionId === null && access.role !== 'owner') throw new NotFoundException();
    if (access.role === 'peer') {
      const passed = await manager.exists(Review, { where: { versionId: file.versionId!, decision: 'pass' } });
      const released = passed && (await manager.findOne(Review, { where: { versionId: file.versionId! } }))?.releasedAt;
      if (!released) throw new NotFoundException();
    }
    const stream = await this.files.open(file.fileKey).catch(() => {
      throw new NotFoundException();
    });
    return { stream, mediaType: file.mediaType, fileName: file.originalName, sizeBytes: file.sizeBytes };
  }
}
