import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { NotFoundException } from '../common/domain.exception';
import type { Locale } from '../common/localized-text';
import { submissionAccess } from '../submissions/submission-access';
import { nameSql } from './review-scope';
import type { PeerWorkItem, PeerWorkResponse } from './peer-work.response';

/** The newest version of a submission that has a released review, if that review passed. */
const PASSED_VERSION = `
  SELECT v.id, v.number, v.text, v.submitted_at FROM submission_versions v JOIN reviews r ON r.version_id = v.id
  WHERE v.submission_id = s.id AND r.released_at IS NOT NULL
  ORDER BY v.number DESC LIMIT 1`;

/** Peer feedback, read side: what a circle-mate may see of passed work (advisory; it never changes a result). */
@Injectable()
export class PeerWorkService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The caller's current circle-mates' passed work on an assignment. The caller must be a trainee of the
   * assignment's cohort (else 404); without an open circle membership the list is empty.
   */
  async list(caller: Caller, assignmentId: string): Promise<PeerWorkItem[]> {
    const manager = this.dataSource.manager;
    const me: { id: string }[] = await manager.query(
      `SELECT e.id FROM assignments a JOIN enrollments e ON e.cohort_id = a.cohort_id
       WHERE a.id = $1 AND e.user_id = $2 AND e.status IN ('active', 'completed')`,
      [assignmentId, caller.userId],
    );
    if (!me[0]) throw new NotFoundException();
    const rows: { submission_id: string; number: number; submitted_at: Date; name_latin: string; name_arabic: string }[] = await manager.query(
      `SELECT s.id AS submission_id, pv.number, pv.submitted_at, u.name_latin, u.name_arabic
       FROM circle_memberships mm
       JOIN circle_memberships pm ON pm.circle_id = mm.circle_id AND pm.left_at IS NULL AND pm.enrollment_id <> mm.enrollment_id
       JOIN enrollments pe ON pe.id = pm.enrollment_id
       JOIN users u ON u.id = pe.user_id
       JOIN submissions s ON s.enrollment_id = pe.id AND s.assignment_id = $2
       JOIN LATERAL (${PASSED_VERSION}) pv ON true
       JOIN reviews pr ON pr.version_id = pv.id AND pr.decision = 'pass'
       WHERE mm.enrollment_id = $1 AND mm.left_at IS NULL AND pe.user_id <> $3
       ORDER BY pv.submitted_at ASC, s.id ASC LIMIT 500`,
      [me[0].id, assignmentId, caller.userId],
    );
    return rows.map((r) => ({
      submissionId: r.submission_id,
      versionNumber: r.number,
      author: { nameLatin: r.name_latin, nameArabic: r.name_arabic },
      submittedAt: new Date(r.submitted_at).toISOString(),
    }));
  }

  /** One circle-mate's passed version: a current circle-mate only (the author, staff and everyone else: 404). */
  async get(caller: Caller, submissionId: string, locale: Locale): Promise<PeerWorkResponse> {
    const manager = this.dataSource.manager;
    const access = await submissionAccess(manager, caller, submissionId, 'peer');
    if (access.role !== 'peer') throw new NotFoundException();
    const versions: { id: string; number: number; text: string; submitted_at: Date; name_latin: string; name_arabic: string }[] = await manager.query(
      `SELECT pv.id, pv.number, pv.text, pv.submitted_at, u.name_latin, u.name_arabic
       FROM submissions s
       JOIN LATERAL (${PASSED_VERSION}) pv ON true
       JOIN reviews pr ON pr.version_id = pv.id AND pr.decision = 'pass'
       JOIN users u ON u.id = $2
       WHERE s.id = $1`,
      [submissionId, access.traineeUserId],
    );
    const version = versions[0];
    if (!version) throw new NotFoundException();
    const files: { id: string; original_name: string; media_type: string; size_bytes: number }[] = await manager.query(
      `SELECT id, original_name, media_type, size_bytes FROM submission_files WHERE version_id = $1 ORDER BY created_at, id`,
      [version.id],
    );
    const comments: { id: string; body: string; criterion_key: string | null; created_at: Date; author_id: string; author_name: string }[] = await manager.query(
      `SELECT f.id, f.body, f.criterion_key, f.created_at, f.author_id, ${nameSql('u', locale)} AS author_name
       FROM feedback_comments f JOIN users u ON u.id = f.author_id
       WHERE f.version_id = $1 AND f.kind = 'peer'
       ORDER BY f.created_at ASC, f.id ASC LIMIT 500`,
      [version.id],
    );
    return {
      submissionId,
      assignmentId: access.submission.assignmentId,
      versionNumber: version.number,
      author: { nameLatin: version.name_latin, nameArabic: version.name_arabic },
      submittedAt: new Date(version.submitted_at).toISOString(),
      text: version.text,
      files: files.map((f) => ({ id: f.id, originalName: f.original_name, mediaType: f.media_type, sizeBytes: f.size_bytes })),
      comments: comments.map((c) => ({
        id: c.id,
        author: { displayName: c.author_name },
        body: c.body,
        criterionKey: c.criterion_key,
        mine: c.author_id === caller.userId,
        createdAt: new Date(c.created_at).toISOString(),
      })),
    };
  }
}
