import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { ConflictException, ValidationFailedException, type FieldError } from '../common/domain.exception';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import type { RequestContext } from '../common/request-context';
import type { AttendanceStatus } from './attendance.entity';
import type { CircleSession } from './circle-session.entity';
import type { AttendanceMarksDto, MyAttendanceQuery } from './dto/session.dto';
import { localDateTime } from './recurrence';
import type { AttendanceRosterResponse, AttendanceRowResponse, MyAttendanceResponse } from './session.response';
import { SessionsService } from './sessions.service';

interface RosterRow {
  enrollment_id: string;
  user_id: string;
  name_latin: string;
  name_arabic: string;
  current_member: boolean;
  status: AttendanceStatus | null;
  marked_at: Date | null;
}

/**
 * Who may be marked for a session: members of its circle when it started, members now, and anyone already marked
 * (so a mark never disappears from the sheet). One query with their marks.
 */
async function rosterOf(manager: EntityManager, session: CircleSession): Promise<RosterRow[]> {
  return manager.query(
    `WITH people AS (
       SELECT m.enrollment_id, bool_or(m.left_at IS NULL) AS current_member
         FROM circle_memberships m
        WHERE m.circle_id = $1
          AND ((m.joined_at <= $2 AND (m.left_at IS NULL OR m.left_at > $2)) OR m.left_at IS NULL)
        GROUP BY m.enrollment_id
       UNION
       SELECT a.enrollment_id, false FROM attendance a
        WHERE a.session_id = $3
          AND NOT EXISTS (SELECT 1 FROM circle_memberships m WHERE m.circle_id = $1 AND m.enrollment_id = a.enrollment_id AND m.left_at IS NULL)
     )
     SELECT p.enrollment_id, e.user_id, u.name_latin, u.name_arabic, bool_or(p.current_member) AS current_member, a.status, a.marked_at
       FROM people p
       JOIN enrollments e ON e.id = p.enrollment_id
       JOIN users u ON u.id = e.user_id
       LEFT JOIN attendance a ON a.session_id = $3 AND a.enrollment_id = p.enrollment_id
      GROUP BY p.enrollment_id, e.user_id, u.name_latin, u.name_arabic, a.status, a.marked_at
      ORDER BY coalesce(nullif(u.name_latin, ''), u.name_arabic), p.enrollment_id`,
    [session.circleId, session.startsAt, session.id],
  );
}

function toRow(row: RosterRow): AttendanceRowResponse {
  return {
    enrollmentId: row.enrollment_id,
    userId: row.user_id,
    nameLatin: row.name_latin,
    nameArabic: row.name_arabic,
    currentMember: row.current_member,
    status: row.status,
    markedAt: row.marked_at ? new Date(row.marked_at).toISOString() : null,
  };
}

@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async roster(caller: Caller, sessionId: string, locale: Locale): Promise<AttendanceRosterResponse> {
    const manager = this.dataSource.manager;
    const { session } = await this.sessions.sessionFor(manager, caller, sessionId, 'coach');
    const [rows, response] = await Promise.all([rosterOf(manager, session), this.sessions.get(caller, sessionId, locale)]);
    return { session: response, items: rows.map(toRow) };
  }

  /** Upserts marks; people who were not members at the start and are not now are refused (422, naming the row). */
  async mark(caller: Caller, sessionId: string, dto: AttendanceMarksDto, ctx: RequestContext): Promise<AttendanceRosterResponse> {
    await this.dataSource.transaction(async (manager) => {
      const { session } = await this.sessions.sessionFor(manager, caller, sessionId, 'coach', true);
      if (session.status === 'cancelled') throw new ConflictException('session.cancelled', 'errors.session_cancelled');
      const roster = new Map((await rosterOf(manager, session)).map((r) => [r.enrollment_id, r]));
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      dto.marks.forEach((mark, index) => {
        const id = mark.enrollmentId.toLowerCase();
        if (!roster.has(id)) errors.push({ field: `marks.${index}.enrollmentId`, code: 'notCircleMember', messageKey: 'notCircleMember' });
        else if (seen.has(id)) errors.push({ field: `marks.${index}.enrollmentId`, code: 'arrayUnique', messageKey: 'arrayUnique' });
        seen.add(id);
      });
      if (errors.length > 0) throw new ValidationFailedException(errors);
      const changes = dto.marks
        .map((mark) => ({ enrollmentId: mark.enrollmentId.toLowerCase(), from: roster.get(mark.enrollmentId.toLowerCase())!.status, to: mark.status }))
        .filter((c) => c.from !== c.to);
      if (changes.length === 0) return;
      await manager.query(
        `INSERT INTO attendance (session_id, enrollment_id, status, marked_by_id, marked_at)
         SELECT $1, x.enrollment_id, x.status, $2, now()
           FROM unnest($3::uuid[], $4::varchar[]) AS x(enrollment_id, status)
         ON CONFLICT (session_id, enrollment_id) DO UPDATE SET status = excluded.status, marked_by_id = excluded.marked_by_id, marked_at = now()`,
        [session.id, caller.userId, changes.map((c) => c.enrollmentId), changes.map((c) => c.to)],
      );
      await this.audit.record(manager, { actorId: caller.userId, action: 'attendance.marked', entityType: 'circle_session', entityId: session.id, data: { changes }, ip: ctx.ip });
    });
    return this.roster(caller, sessionId, ctx.locale);
  }

  /**
   * The caller's own record: each session held (scheduled, started) while they were a member of its circle, or that
   * they were marked for, with their mark or null. Never anyone else's.
   */
  async mine(caller: Caller, query: MyAttendanceQuery, locale: Locale): Promise<MyAttendanceResponse> {
    const rows = await this.dataSource.query<
      { session_id: string; starts_at: Date; time_zone: string; circle_id: string; cohort_id: string; circle_name: LocalizedText; course_title: LocalizedText; status: AttendanceStatus | null }[]
    >(
      `SELECT s.id AS session_id, s.starts_at, s.time_zone, c.id AS circle_id, c.cohort_id, c.name AS circle_name, co.title AS course_title, a.status
         FROM enrollments e
         JOIN learning_circles c ON c.cohort_id = e.cohort_id
         JOIN circle_sessions s ON s.circle_id = c.id AND s.status = 'scheduled' AND s.starts_at < now()
         JOIN cohorts h ON h.id = c.cohort_id
         JOIN courses co ON co.id = h.course_id
         LEFT JOIN attendance a ON a.session_id = s.id AND a.enrollment_id = e.id
        WHERE e.user_id = $1 AND ($2::uuid IS NULL OR e.cohort_id = $2)
          AND (a.id IS NOT NULL OR EXISTS (
                SELECT 1 FROM circle_memberships m WHERE m.enrollment_id = e.id AND m.circle_id = c.id
                   AND m.joined_at <= s.starts_at AND (m.left_at IS NULL OR m.left_at > s.starts_at)))
        ORDER BY s.starts_at DESC
        LIMIT 500`,
      [caller.userId, query.cohortId ?? null],
    );
    const attended = rows.filter((r) => r.status === 'present' || r.status === 'late').length;
    return {
      items: rows.map((r) => {
        const local = localDateTime(new Date(r.starts_at), r.time_zone);
        return {
          sessionId: r.session_id,
          startsAt: new Date(r.starts_at).toISOString(),
          timeZone: r.time_zone,
          localStart: `${local.date}T${local.time}`,
          circle: { id: r.circle_id, cohortId: r.cohort_id, displayName: resolveText(r.circle_name, locale).text, courseTitle: resolveText(r.course_title, locale).text },
          status: r.status,
        };
      }),
      held: rows.length,
      attended,
      rate: rows.length === 0 ? null : attended / rows.length,
    };
  }
}
