import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { circleAccess, type CircleAccess } from '../circles/circle-access';
import { ConflictException, NotFoundException, ValidationFailedException } from '../common/domain.exception';
import type { Locale, LocalizedText } from '../common/localized-text';
import type { RequestContext } from '../common/request-context';
import { OutboxService } from '../outbox/outbox.service';
import { CircleSession } from './circle-session.entity';
import type { CancelSessionDto, CreateSessionDto, SessionRangeQuery, UpdateSessionDto } from './dto/session.dto';
import { expandSchedule, localDateTime, shiftWallClock, zonedInstant } from './recurrence';
import { queueSessionReminders } from './session-reminders';
import { SessionSeries } from './session-series.entity';
import { toSessionResponse, type CreatedSessionsResponse, type SessionLabels, type SessionPage, type SessionResponse, type UpdatedSessionsResponse } from './session.response';

/** Drops locales sent empty, so `{en: ''}` clears English instead of storing an empty string. */
function compact(text: LocalizedText | undefined | null): LocalizedText {
  return Object.fromEntries(Object.entries(text ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
}

interface LabelRow {
  circle_id: string;
  cohort_id: string;
  circle_name: LocalizedText;
  course_title: LocalizedText;
  time_zone: string;
}

/** Circle name, cohort and course title of some circles, in one query. */
export async function sessionLabels(manager: EntityManager, circleIds: readonly string[]): Promise<Map<string, SessionLabels & { timeZone: string }>> {
  if (circleIds.length === 0) return new Map();
  const rows: LabelRow[] = await manager.query(
    `SELECT c.id AS circle_id, c.cohort_id, c.name AS circle_name, co.title AS course_title, h.time_zone
       FROM learning_circles c JOIN cohorts h ON h.id = c.cohort_id JOIN courses co ON co.id = h.course_id
      WHERE c.id = ANY($1::uuid[])`,
    [[...new Set(circleIds)]],
  );
  return new Map(rows.map((r) => [r.circle_id, { circleName: r.circle_name, cohortId: r.cohort_id, courseTitle: r.course_title, timeZone: r.time_zone }]));
}

/** The circles a user sees sessions of: those they coach, and the one they are a current member of. */
export const MY_CIRCLES_SQL = `
  SELECT k.circle_id FROM circle_coaches k WHERE k.user_id = $1
  UNION
  SELECT m.circle_id FROM circle_memberships m JOIN enrollments e ON e.id = m.enrollment_id
   WHERE e.user_id = $1 AND m.left_at IS NULL AND e.status = 'active'`;

function rangeOf(query: SessionRangeQuery): { from: Date | null; to: Date | null } {
  return { from: query.from ? new Date(query.from) : null, to: query.to ? new Date(query.to) : null };
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** A session and the caller's standing on its circle; 404 when the session does not exist or is out of scope. */
  async sessionFor(manager: EntityManager, caller: Caller, sessionId: string, need: 'coach' | 'view', lock = false): Promise<{ session: CircleSession; access: CircleAccess }> {
    const session = await manager.findOne(CircleSession, { where: { id: sessionId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!session) throw new NotFoundException();
    const access = await circleAccess(manager, caller, session.circleId, need);
    return { session, access };
  }

  private async respond(manager: EntityManager, sessions: CircleSession[], locale: Locale, canManage: (s: CircleSession) => boolean): Promise<SessionResponse[]> {
    const labels = await sessionLabels(
      manager,
      sessions.map((s) => s.circleId),
    );
    return sessions.map((s) => toSessionResponse(s, labels.get(s.circleId)!, locale, canManage(s)));
  }

  async create(caller: Caller, circleId: string, dto: CreateSessionDto, ctx: RequestContext): Promise<CreatedSessionsResponse> {
    // A series needs both; a single session neither.
    if (dto.occurrences !== undefined && dto.repeat === undefined) throw new ValidationFailedException([{ field: 'repeat', code: 'required', messageKey: 'required' }]);
    if (dto.repeat !== undefined && dto.occurrences === undefined) throw new ValidationFailedException([{ field: 'occurrences', code: 'required', messageKey: 'required' }]);
    return this.dataSource.transaction(async (manager) => {
      const access = await circleAccess(manager, caller, circleId, 'coach');
      const [{ time_zone: timeZone }] = await manager.query<{ time_zone: string }[]>(`SELECT time_zone FROM cohorts WHERE id = $1`, [access.circle.cohortId]);
      const occurrences = expandSchedule({ date: dto.date, time: dto.time, timeZone, repeat: dto.repeat ?? null, occurrences: dto.occurrences });
      let seriesId: string | null = null;
      if (dto.repeat) {
        const series = await manager.save(
          manager.create(SessionSeries, { circleId, frequency: dto.repeat, firstDate: dto.date, localTime: dto.time, timeZone, durationMinutes: dto.durationMinutes, occurrences: occurrences.length }),
        );
        seriesId = series.id;
      }
      const place = compact(dto.place ?? access.circle.place);
      const sessions = await manager.save(
        occurrences.map((o) =>
          manager.create(CircleSession, {
            circleId,
            seriesId,
            seriesIndex: seriesId ? o.index : null,
            startsAt: o.startsAt,
            durationMinutes: dto.durationMinutes,
            timeZone,
            place,
            onlineUrl: dto.onlineUrl ?? null,
            agenda: compact(dto.agenda),
            status: 'scheduled' as const,
            sequence: 0,
          }),
        ),
      );
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: seriesId ? 'session.series_created' : 'session.created',
        entityType: 'circle_session',
        entityId: seriesId ?? sessions[0].id,
        data: { circleId, date: dto.date, time: dto.time, timeZone, repeat: dto.repeat ?? null, occurrences: sessions.length },
        ip: ctx.ip,
      });
      await queueSessionReminders(
        manager,
        this.outbox,
        sessions.map((s) => s.id),
      );
      return { seriesId, items: await this.respond(manager, sessions, ctx.locale, () => true) };
    });
  }

  async listForCircle(caller: Caller, circleId: string, query: SessionRangeQuery, locale: Locale): Promise<SessionPage> {
    const manager = this.dataSource.manager;
    const access = await circleAccess(manager, caller, circleId, 'view');
    const { from, to } = rangeOf(query);
    const qb = manager.createQueryBuilder(CircleSession, 's').where('s.circleId = :circleId', { circleId });
    if (from) qb.andWhere('s.startsAt >= :from', { from });
    if (to) qb.andWhere('s.startsAt < :to', { to });
    const [sessions, total] = await qb
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const canManage = access.role !== 'member';
    return { items: await this.respond(manager, sessions, locale, () => canManage), total, page: query.page, pageSize: query.pageSize };
  }

  /** Sessions of the circles the caller coaches or belongs to now. */
  async mine(caller: Caller, query: SessionRangeQuery, locale: Locale): Promise<SessionPage> {
    const manager = this.dataSource.manager;
    const { from, to } = rangeOf(query);
    const qb = manager
      .createQueryBuilder(CircleSession, 's')
      .where(`s.circle_id IN (${MY_CIRCLES_SQL.replace(/\$1/g, ':userId')})`, { userId: caller.userId });
    if (from) qb.andWhere('s.startsAt >= :from', { from });
    if (to) qb.andWhere('s.startsAt < :to', { to });
    const [sessions, total] = await qb
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const coached = new Set(
      (await manager.query<{ circle_id: string }[]>(`SELECT circle_id FROM circle_coaches WHERE user_id = $1`, [caller.userId])).map((r) => r.circle_id),
    );
    return { items: await this.respond(manager, sessions, locale, (s) => coached.has(s.circleId)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(caller: Caller, sessionId: string, locale: Locale): Promise<SessionResponse> {
    const manager = this.dataSource.manager;
    const { session, access } = await this.sessionFor(manager, caller, sessionId, 'view');
    const [response] = await this.respond(manager, [session], locale, () => access.role !== 'member');
    return response;
  }

  /**
   * Edits one session, or it and the later ones of its series (`following`): date/time as a wall-clock shift,
   * duration, place, link and agenda as given. Cancelled sessions are left as they are. Every session that changed
   * gets `sequence + 1` and fresh reminders.
   */
  async update(caller: Caller, sessionId: string, dto: UpdateSessionDto, ctx: RequestContext): Promise<UpdatedSessionsResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { session } = await this.sessionFor(manager, caller, sessionId, 'coach', true);
      if (session.status === 'cancelled') throw new ConflictException('session.cancelled', 'errors.session_cancelled');
      const targets = await this.scopeOf(manager, session, dto.scope ?? 'this');
      const from = localDateTime(session.startsAt, session.timeZone);
      const to = { date: dto.date ?? from.date, time: dto.time ?? from.time };
      const moved = to.date !== from.date || to.time !== from.time;
      const changed: CircleSession[] = [];
      for (const target of targets) {
        const before = JSON.stringify([target.startsAt.getTime(), target.durationMinutes, target.place, target.onlineUrl, target.agenda]);
        if (moved) {
          target.startsAt = target.id === session.id ? zonedInstant(to.date, to.time, target.timeZone) : shiftWallClock(target.startsAt, target.timeZone, from, to);
        }
        if (dto.durationMinutes !== undefined) target.durationMinutes = dto.durationMinutes;
        if (dto.place !== undefined) target.place = compact(dto.place);
        if (dto.onlineUrl !== undefined) target.onlineUrl = dto.onlineUrl;
        if (dto.agenda !== undefined) target.agenda = compact(dto.agenda);
        const after = JSON.stringify([target.startsAt.getTime(), target.durationMinutes, target.place, target.onlineUrl, target.agenda]);
        if (before !== after) {
          target.sequence += 1;
          changed.push(target);
        }
      }
      if (changed.length > 0) {
        await manager.save(changed);
        await this.audit.record(manager, {
          actorId: caller.userId,
          action: 'session.updated',
          entityType: 'circle_session',
          entityId: session.id,
          data: { scope: dto.scope ?? 'this', sessions: changed.map((s) => s.id), fields: Object.keys(dto).filter((k) => k !== 'scope') },
          ip: ctx.ip,
        });
        await queueSessionReminders(
          manager,
          this.outbox,
          changed.map((s) => s.id),
        );
      }
      return { items: await this.respond(manager, changed.length > 0 ? changed : [session], ctx.locale, () => true) };
    });
  }

  async cancel(caller: Caller, sessionId: string, dto: CancelSessionDto, ctx: RequestContext): Promise<UpdatedSessionsResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { session } = await this.sessionFor(manager, caller, sessionId, 'coach', true);
      if (session.status === 'cancelled') throw new ConflictException('session.cancelled', 'errors.session_cancelled');
      const targets = await this.scopeOf(manager, session, dto.scope ?? 'this');
      for (const target of targets) {
        target.status = 'cancelled';
        target.cancelReason = dto.reason;
        target.sequence += 1;
      }
      await manager.save(targets);
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'session.cancelled',
        entityType: 'circle_session',
        entityId: session.id,
        data: { scope: dto.scope ?? 'this', sessions: targets.map((s) => s.id), reason: dto.reason },
        ip: ctx.ip,
      });
      return { items: await this.respond(manager, targets, ctx.locale, () => true) };
    });
  }

  /** This session, or it and the later scheduled ones of its series (locked, in order). */
  private async scopeOf(manager: EntityManager, session: CircleSession, scope: 'this' | 'following'): Promise<CircleSession[]> {
    if (scope === 'this' || !session.seriesId || session.seriesIndex === null) return [session];
    const later = await manager
      .createQueryBuilder(CircleSession, 's')
      .setLock('pessimistic_write')
      .where('s.seriesId = :seriesId AND s.seriesIndex > :index AND s.status = :status', { seriesId: session.seriesId, index: session.seriesIndex, status: 'scheduled' })
      .orderBy('s.seriesIndex', 'ASC')
      .getMany();
    return [session, ...later];
  }
}
