import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { ConflictException, DomainException, NotFoundException, ValidationFailedException, type FieldError } from '../common/domain.exception';
import { resolveText, type Locale } from '../common/localized-text';
import type { RequestContext } from '../common/request-context';
import { isSafeText } from '../common/text-rules';
import { EMAIL_KIND, type EmailPayload } from '../mail/email-message';
import { OutboxService } from '../outbox/outbox.service';
import { MAX_CRITERION_FEEDBACK, type CreateCommentDto, type SaveReviewDto } from './dto/review.dto';
import type { CommentKind } from './feedback-comment.entity';
import { nameSql, submissionScope, type ScopedSubmission } from './review-scope';
import type { CommentList, CommentResponse, ReviewResponse } from './review.response';
import type { ReviewDecision } from './review.entity';

interface ReviewRow {
  id: string;
  version_id: string;
  scores: Record<string, string>;
  points: number;
  feedback: string;
  criterion_feedback: Record<string, string>;
  decision: ReviewDecision | null;
  released_at: Date | null;
  updated_at: Date;
}

interface VersionRow {
  id: string;
  number: number;
}

/** Reviews of submitted versions (draft, release, edit after release), comment threads and peer comments. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Staff see any review; the trainee only a released one of their own work (an unreleased one does not exist for them). */
  async get(caller: Caller, submissionId: string, n: number): Promise<ReviewResponse> {
    const manager = this.dataSource.manager;
    const s = await submissionScope(manager, caller, submissionId, ['review', 'own']);
    const version = await this.version(manager, s, n);
    const review = await this.reviewOf(manager, version.id);
    if (!review || (s.role !== 'review' && !review.released_at)) throw new NotFoundException();
    return toReview(s, n, review);
  }

  async save(caller: Caller, submissionId: string, n: number, dto: SaveReviewDto, ctx: RequestContext): Promise<ReviewResponse> {
    return this.dataSource.transaction(async (manager) => {
      const s = await submissionScope(manager, caller, submissionId, ['review']);
      const version = await this.version(manager, s, n, true);
      const points = checkScores(s, dto);
      const before = await this.reviewOf(manager, version.id);
      if (before?.released_at && !(Object.keys(dto.scores).length === s.rubric.length && dto.decision)) {
        // A released review stays complete: the trainee has already read it.
        throw new DomainException(422, 'review.incomplete', 'errors.review_incomplete');
      }
      const [row] = await manager.query<ReviewRow[]>(
        `INSERT INTO reviews (version_id, reviewer_id, scores, points, feedback, criterion_feedback, decision)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (version_id) DO UPDATE SET reviewer_id = EXCLUDED.reviewer_id, scores = EXCLUDED.scores, points = EXCLUDED.points,
           feedback = EXCLUDED.feedback, criterion_feedback = EXCLUDED.criterion_feedback, decision = EXCLUDED.decision, updated_at = now()
         RETURNING id, version_id, scores, points, feedback, criterion_feedback, decision, released_at, updated_at`,
        [version.id, caller.userId, JSON.stringify(dto.scores), points, dto.feedback, JSON.stringify(dto.criterionFeedback ?? {}), dto.decision ?? null],
      );
      const released = row.released_at !== null;
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: released ? 'review.edited_after_release' : before ? 'review.updated' : 'review.created',
        entityType: 'review',
        entityId: row.id,
        data: {
          submissionId: s.id,
          version: n,
          before: before ? { scores: before.scores, points: before.points, decision: before.decision } : null,
          after: { scores: row.scores, points: row.points, decision: row.decision },
          feedbackChanged: before ? before.feedback !== row.feedback : true,
        },
        ip: ctx.ip,
      });
      // A released decision that changes moves the submission with it (latest version only).
      if (released && before?.decision !== row.decision && n === s.latestVersion) {
        await this.setStatus(manager, s, row.decision!, caller, ctx);
      }
      return toReview(s, n, row);
    });
  }

  async release(caller: Caller, submissionId: string, n: number, ctx: RequestContext): Promise<ReviewResponse> {
    return this.dataSource.transaction(async (manager) => {
      const s = await submissionScope(manager, caller, submissionId, ['review']);
      await manager.query('SELECT id FROM submissions WHERE id = $1 FOR UPDATE', [s.id]);
      const version = await this.version(manager, s, n, true);
      const review = await this.reviewOf(manager, version.id);
      if (!review || !isComplete(s, review)) throw new DomainException(422, 'review.incomplete', 'errors.review_incomplete');
      if (review.released_at) throw new ConflictException('review.already_released', 'errors.review_already_released');
      // An UPDATE answers [rows, count] through TypeORM's postgres driver.
      const [[row]] = await manager.query<[ReviewRow[], number]>(
        `UPDATE reviews SET released_at = now(), updated_at = now() WHERE id = $1
         RETURNING id, version_id, scores, points, feedback, criterion_feedback, decision, released_at, updated_at`,
        [review.id],
      );
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'review.released',
        entityType: 'review',
        entityId: row.id,
        data: { submissionId: s.id, version: n, points: row.points, decision: row.decision },
        ip: ctx.ip,
      });
      if (n === s.latestVersion) await this.setStatus(manager, s, row.decision!, caller, ctx);
      const locale = s.traineeLocale;
      const email: EmailPayload = {
        template: row.decision === 'pass' ? 'feedback_released' : 'returned_for_revision',
        to: s.traineeEmail,
        locale,
        data: {
          name: s.traineeName,
          assignmentTitle: resolveText(s.assignmentTitle, locale).text,
          courseTitle: resolveText(s.courseTitle, locale).text,
          cohortName: resolveText(s.cohortName, locale).text,
          url: `/${locale}/exercises/${s.assignmentId}`,
        },
      };
      await this.outbox.enqueue(manager, { kind: EMAIL_KIND, payload: email, dedupeKey: `review-released:${row.id}:${row.released_at!.toISOString()}` });
      return toReview(s, n, row);
    });
  }

  async comments(caller: Caller, submissionId: string, n: number, locale: Locale): Promise<CommentList> {
    const manager = this.dataSource.manager;
    const s = await submissionScope(manager, caller, submissionId, ['review', 'own', 'peer']);
    const version = await this.version(manager, s, n);
    if (s.role === 'peer') await this.mustBePassed(manager, version.id);
    const rows: CommentRow[] = await manager.query(
      `SELECT f.id, f.kind, f.criterion_key, f.body, f.created_at, f.author_id, ${nameSql('u', locale)} AS author_name
       FROM feedback_comments f JOIN users u ON u.id = f.author_id
       WHERE f.version_id = $1 ${s.role === 'peer' ? `AND f.kind = 'peer'` : ''}
       ORDER BY f.created_at ASC, f.id ASC LIMIT 500`,
      [version.id],
    );
    return { items: rows.map((r) => toComment(r, caller.userId)) };
  }

  async comment(caller: Caller, submissionId: string, n: number, dto: CreateCommentDto, ctx: RequestContext): Promise<CommentResponse> {
    return this.dataSource.transaction(async (manager) => {
      const s = await submissionScope(manager, caller, submissionId, ['review', 'own', 'peer']);
      const kind: CommentKind = dto.kind ?? (s.role === 'peer' ? 'peer' : 'thread');
      const version = await this.version(manager, s, n);
      if (s.role === 'peer') await this.mustBePassed(manager, version.id);
      const errors: FieldError[] = [];
      if (!dto.body) errors.push({ field: 'body', code: 'isNotEmpty', messageKey: 'isNotEmpty' });
      if ((kind === 'peer') !== (s.role === 'peer')) errors.push({ field: 'kind', code: 'isIn', messageKey: 'commentKind' });
      if (dto.criterionKey !== undefined && !s.rubric.some((c) => c.key === dto.criterionKey)) {
        errors.push({ field: 'criterionKey', code: 'unknownCriterion', messageKey: 'unknownCriterion' });
      }
      if (errors.length) throw new ValidationFailedException(errors);
      const [row] = await manager.query<CommentRow[]>(
        `INSERT INTO feedback_comments (version_id, author_id, kind, criterion_key, body) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, kind, criterion_key, body, created_at, author_id`,
        [version.id, caller.userId, kind, dto.criterionKey ?? null, dto.body],
      );
      const [author] = await manager.query<{ name: string }[]>(`SELECT ${nameSql('u', ctx.locale)} AS name FROM users u WHERE u.id = $1`, [caller.userId]);
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: kind === 'peer' ? 'feedback_comment.peer_added' : 'feedback_comment.added',
        entityType: 'feedback_comment',
        entityId: row.id,
        data: { submissionId: s.id, version: n, criterionKey: row.criterion_key },
        ip: ctx.ip,
      });
      return toComment({ ...row, author_name: author?.name ?? '' }, caller.userId);
    });
  }

  private async version(manager: EntityManager, s: ScopedSubmission, n: number, forUpdate = false): Promise<VersionRow> {
    const rows: VersionRow[] = await manager.query(
      `SELECT id, number FROM submission_versions WHERE submission_id = $1 AND number = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [s.id, n],
    );
    if (!rows[0]) throw new NotFoundException();
    return rows[0];
  }

  private async reviewOf(manager: EntityManager, versionId: string): Promise<ReviewRow | null> {
    const rows: ReviewRow[] = await manager.query(
      `SELECT id, version_id, scores, points, feedback, criterion_feedback, decision, released_at, updated_at FROM reviews WHERE version_id = $1`,
      [versionId],
    );
    return rows[0] ?? null;
  }

  /** A circle-mate reads (and comments on) a version only once its review is released and passed. */
  private async mustBePassed(manager: EntityManager, versionId: string): Promise<void> {
    const review = await this.reviewOf(manager, versionId);
    if (!review?.released_at || review.decision !== 'pass') throw new NotFoundException();
  }

  private async setStatus(manager: EntityManager, s: ScopedSubmission, decision: ReviewDecision, caller: Caller, ctx: RequestContext): Promise<void> {
    const status = decision === 'pass' ? 'passed' : 'returned';
    await manager.query('UPDATE submissions SET status = $2, updated_at = now() WHERE id = $1', [s.id, status]);
    await this.audit.record(manager, {
      actorId: caller.userId,
      action: 'submission.status_changed',
      entityType: 'submission',
      entityId: s.id,
      data: { from: s.status, to: status },
      ip: ctx.ip,
    });
  }
}

interface CommentRow {
  id: string;
  kind: CommentKind;
  criterion_key: string | null;
  body: string;
  created_at: Date;
  author_id: string;
  author_name: string;
}

function toComment(r: CommentRow, callerId: string): CommentResponse {
  return {
    id: r.id,
    kind: r.kind,
    criterionKey: r.criterion_key,
    body: r.body,
    author: { id: r.author_id, displayName: r.author_name },
    mine: r.author_id === callerId,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Scores name criteria and levels of the rubric; returns their points. */
function checkScores(s: ScopedSubmission, dto: SaveReviewDto): number {
  const errors: FieldError[] = [];
  let points = 0;
  for (const [key, level] of Object.entries(dto.scores)) {
    const criterion = s.rubric.find((c) => c.key === key);
    const chosen = criterion?.levels.find((l) => l.key === level);
    if (!criterion) errors.push({ field: `scores.${key}`, code: 'unknownCriterion', messageKey: 'unknownCriterion' });
    else if (!chosen) errors.push({ field: `scores.${key}`, code: 'unknownLevel', messageKey: 'unknownLevel' });
    else points += chosen.points;
  }
  for (const [key, text] of Object.entries(dto.criterionFeedback ?? {})) {
    if (!s.rubric.some((c) => c.key === key)) errors.push({ field: `criterionFeedback.${key}`, code: 'unknownCriterion', messageKey: 'unknownCriterion' });
    else if (typeof text !== 'string' || !isSafeText(text, true)) errors.push({ field: `criterionFeedback.${key}`, code: 'isString', messageKey: 'isString' });
    else if (text.length > MAX_CRITERION_FEEDBACK) errors.push({ field: `criterionFeedback.${key}`, code: 'maxLength', messageKey: 'maxLength', params: { max: MAX_CRITERION_FEEDBACK } });
  }
  if (errors.length) throw new ValidationFailedException(errors);
  return points;
}

function isComplete(s: ScopedSubmission, r: Pick<ReviewRow, 'scores' | 'decision'>): boolean {
  return r.decision !== null && s.rubric.every((c) => typeof r.scores[c.key] === 'string');
}

function toReview(s: ScopedSubmission, n: number, r: ReviewRow): ReviewResponse {
  return {
    id: r.id,
    submissionId: s.id,
    versionNumber: n,
    scores: r.scores,
    points: r.points,
    maxPoints: s.rubric.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0),
    passMark: s.passMark,
    feedback: r.feedback,
    criterionFeedback: r.criterion_feedback,
    decision: r.decision,
    released: r.released_at !== null,
    releasedAt: r.released_at ? new Date(r.released_at).toISOString() : null,
    complete: isComplete(s, r),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
