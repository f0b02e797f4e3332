import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../access/access.decorator';
import { AuditService } from '../audit/audit.service';
import { lockCohort } from '../cohorts/capacity';
import { cohortForStaff } from '../cohorts/cohort-access';
import { cohortSummaries } from '../cohorts/cohort-summaries';
import type { CohortSummaryResponse } from '../cohorts/cohort.response';
import { Cohort } from '../cohorts/cohort.entity';
import { ConflictException, NotFoundException, ValidationFailedException } from '../common/domain.exception';
import { LOCALES, resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import type { RequestContext } from '../common/request-context';
import { PERSON_ORGANIZATION_ID } from '../enrollments/enrollment-queries';
import { translate } from '../i18n/i18n';
import { attendanceRates, type AttendanceRate } from '../sessions/attendance-rates';
import { assignToCircles } from './auto-assign';
import { circleAccess, type CircleAccess } from './circle-access';
import type {
  AutoAssignResponse,
  CircleCoachResponse,
  CircleDetailResponse,
  CircleMemberResponse,
  CircleSummaryResponse,
  CohortCircleResponse,
  CohortCirclesResponse,
  MyCirclesResponse,
  NextSessionResponse,
  PastCircleMemberResponse,
} from './circle.response';
import type { AddMembersDto, AutoAssignDto, CreateCircleDto, UpdateCircleDto } from './dto/circle.dto';
import { LearningCircle } from './learning-circle.entity';

/** Drops locales sent empty, so `{en: ''}` clears English instead of storing an empty string. */
function compact(text: LocalizedText | undefined | null): LocalizedText {
  return Object.fromEntries(Object.entries(text ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
}

interface PersonRow {
  enrollment_id: string;
  user_id: string;
  name_latin: string;
  name_arabic: string;
  email: string;
  circle_id: string | null;
  joined_at: Date | null;
  organization_id: string | null;
  organization_name: LocalizedText | null;
  organization_city: LocalizedText | null;
}

interface CoachRow {
  circle_id: string;
  user_id: string;
  name_latin: string;
  name_arabic: string;
  email: string;
}

/** SQL ordering people by the name a reader of `locale` sees first. */
function byName(locale: Locale): string {
  return locale === 'ar' ? `lower(COALESCE(NULLIF(u.name_arabic, ''), u.name_latin)), e.id` : `lower(COALESCE(NULLIF(u.name_latin, ''), u.name_arabic)), e.id`;
}

const PERSON_COLUMNS = `e.id AS enrollment_id, e.user_id, u.name_latin, u.name_arabic, u.email, m.circle_id, m.joined_at,
  o.id AS organization_id, o.name AS organization_name, o.city AS organization_city`;

/** The group key auto-assignment spreads by, for an enrollment `e` (null: no organization, or no city known). */
const GROUP_KEY = {
  organization: `(${PERSON_ORGANIZATION_ID})::text`,
  city: `(SELECT lower(COALESCE(NULLIF(o.city->>'en', ''), NULLIF(o.city->>'ar', ''), NULLIF(o.city->>'fr', ''))) FROM organizations o WHERE o.id = ${PERSON_ORGANIZATION_ID})`,
} as const;

const noRate: AttendanceRate = { held: 0, attended: 0, rate: null };

@Injectable()
export class CirclesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly audit: AuditService) {}

  // ——— the cohort's circle board ———

  /** Every circle of the cohort with coaches and members, and the active trainees without a circle: six queries. */
  async board(caller: Caller, cohortId: string, locale: Locale): Promise<CohortCirclesResponse> {
    const { cohort } = await cohortForStaff(this.dataSource.manager, caller, cohortId, 'lead');
    return this.boardOf(this.dataSource.manager, cohort, locale);
  }

  private async boardOf(manager: EntityManager, cohort: Cohort, locale: Locale): Promise<CohortCirclesResponse> {
    const summary = (await cohortSummaries(manager, [cohort], locale)).get(cohort.id)!.summary;
    const circles = await manager.find(LearningCircle, {
      where: { cohortId: cohort.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const coaches = await this.coachesOf(
      manager,
      circles.map((c) => c.id),
      true
    );
    const people: PersonRow[] = await manager.query(
      `SELECT ${PERSON_COLUMNS}
         FROM enrollments e
         JOIN users u ON u.id = e.user_id
         LEFT JOIN circle_memberships m ON m.enrollment_id = e.id AND m.left_at IS NULL
         LEFT JOIN organizations o ON o.id = ${PERSON_ORGANIZATION_ID}
        WHERE e.cohort_id = $1 AND (m.id IS NOT NULL OR e.status = 'active')
        ORDER BY ${byName(locale)}`,
      [cohort.id]
    );
    const membersOf = new Map<string, CircleMemberResponse[]>();
    const unassigned: CircleMemberResponse[] = [];
    for (const row of people) {
      const member = toMember(row, locale, true, null);
      if (row.circle_id) membersOf.set(row.circle_id, [...(membersOf.get(row.circle_id) ?? []), member]);
      else unassigned.push(member);
    }
    return {
      cohort: summary,
      circles: circles.map((c): CohortCircleResponse => {
        const members = membersOf.get(c.id) ?? [];
        return {
          ...toCircleSummary(c, locale, coaches.get(c.id) ?? [], members.length),
          members,
        };
      }),
      unassigned,
    };
  }

  async create(caller: Caller, cohortId: string, dto: CreateCircleDto, ctx: RequestContext): Promise<CircleDetailResponse> {
    assertNoNulls(dto);
    return this.dataSource.transaction(async (manager) => {
      await cohortForStaff(manager, caller, cohortId, 'lead');
      const circle = manager.create(LearningCircle, {
        cohortId,
        name: compact(dto.name),
        place: compact(dto.place),
        online: dto.online ?? false,
      });
      await manager.save(circle);
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'circle.created',
        entityType: 'learning_circle',
        entityId: circle.id,
        data: {
          cohortId,
          name: circle.name,
          place: circle.place,
          online: circle.online,
        },
        ip: ctx.ip,
      });
      if (dto.coachIds?.length) await this.addCoaches(manager, caller, circle, dto.coachIds, ctx, 'coachIds');
      return this.detailOf(
        manager,
        {
          circle,
          role: caller.isAdmin ? 'admin' : 'lead_trainer',
          memberEnrollmentId: null,
        },
        ctx.locale
      );
    });
  }

  // ——— one circle ———

  async detail(caller: Caller, circleId: string, locale: Locale): Promise<CircleDetailResponse> {
    const access = await circleAccess(this.dataSource.manager, caller, circleId, 'view');
    return this.detailOf(this.dataSource.manager, access, locale);
  }

  /**
   * The circle page. Staff (lead trainers, admins, its coaches) see emails, organizations, attendance rates and past
   * members; a member sees the trainee view: names of the coaches and members, nothing else about them.
   */
  private async detailOf(manager: EntityManager, access: CircleAccess, locale: Locale): Promise<CircleDetailResponse> {
    const { circle, role } = access;
    const staff = role !== 'member';
    const cohort = await manager.findOneByOrFail(Cohort, {
      id: circle.cohortId,
    });
    const summary = (await cohortSummaries(manager, [cohort], locale)).get(cohort.id)!.summary;
    const coaches = (await this.coachesOf(manager, [circle.id], staff)).get(circle.id) ?? [];
    const rates = staff ? await attendanceRates(manager, circle.id) : null;
    const current: PersonRow[] = await manager.query(
      `SELECT ${PERSON_COLUMNS}
         FROM circle_memberships m
         JOIN enrollments e ON e.id = m.enrollment_id
         JOIN users u ON u.id = e.user_id
         LEFT JOIN organizations o ON o.id = ${PERSON_ORGANIZATION_ID}
        WHERE m.circle_id = $1 AND m.left_at IS NULL
        ORDER BY ${byName(locale)}`,
      [circle.id]
    );
    const members = current.map((row) => toMember(row, locale, staff, rates ? rates.members.get(row.enrollment_id) ?? noRate : null));
    return {
      ...toCircleSummary(circle, locale, coaches, members.length),
      cohort: summary,
      viewerRole: role,
      members,
      pastMembers: staff ? await this.pastMembers(manager, circle.id, locale, rates!.members) : [],
      attendance: rates ? rates.circle : null,
    };
  }

  private async pastMembers(manager: EntityManager, circleId: string, locale: Locale, rates: Map<string, AttendanceRate>): Promise<PastCircleMemberResponse[]> {
    const rows: {
      enrollment_id: string;
      user_id: string;
      name_latin: string;
      name_arabic: string;
      joined_at: Date;
      left_at: Date;
      current_circle_id: string | null;
      current_circle_name: LocalizedText | null;
    }[] = await manager.query(
      `SELECT m.enrollment_id, e.user_id, u.name_latin, u.name_arabic, m.joined_at, m.left_at,
              cur.circle_id AS current_circle_id, cc.name AS current_circle_name
         FROM circle_memberships m
         JOIN enrollments e ON e.id = m.enrollment_id
         JOIN users u ON u.id = e.user_id
         LEFT JOIN circle_memberships cur ON cur.enrollment_id = m.enrollment_id AND cur.left_at IS NULL
         LEFT JOIN learning_circles cc ON cc.id = cur.circle_id
        WHERE m.circle_id = $1 AND m.left_at IS NOT NULL
        ORDER BY m.left_at DESC, m.id ASC`,
      [circleId]
    );
    return rows.map((r) => ({
      enrollmentId: r.enrollment_id,
      userId: r.user_id,
      nameLatin: r.name_latin,
      nameArabic: r.name_arabic,
      joinedAt: r.joined_at.toISOString(),
      leftAt: r.left_at.toISOString(),
      currentCircle: r.current_circle_id
        ? {
            id: r.current_circle_id,
            displayName: resolveText(r.current_circle_name, locale).text,
          }
        : null,
      attendance: rates.get(r.enrollment_id) ?? noRate,
    }));
  }

  async update(caller: Caller, circleId: string, dto: UpdateCircleDto, ctx: RequestContext): Promise<CircleDetailResponse> {
    assertNoNulls(dto);
    return this.dataSource.transaction(async (manager) => {
      const access = await circleAccess(manager, caller, circleId, 'manage');
      const circle = access.circle;
      const next: Partial<Pick<LearningCircle, 'name' | 'place' | 'online'>> = {};
      if (dto.name !== undefined) next.name = compact(dto.name);
      if (dto.place !== undefined) next.place = compact(dto.place);
      if (dto.online !== undefined) next.online = dto.online;
      const fields = (Object.keys(next) as (keyof typeof next)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(circle[k]));
      if (fields.length) {
        await manager.update(LearningCircle, { id: circle.id }, Object.fromEntries(fields.map((k) => [k, next[k]])));
        await this.audit.record(manager, {
          actorId: caller.userId,
          action: 'circle.updated',
          entityType: 'learning_circle',
          entityId: circle.id,
          data: {
            fields,
            changes: Object.fromEntries(fields.map((k) => [k, { from: circle[k], to: next[k] }])),
          },
          ip: ctx.ip,
        });
        Object.assign(circle, next);
      }
      return this.detailOf(manager, access, ctx.locale);
    });
  }

  /** Only a circle whose sessions have no attendance may go: attendance is a record of what happened. */
  async remove(caller: Caller, circleId: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { circle } = await circleAccess(manager, caller, circleId, 'manage');
      await lockCohort(manager, circle.cohortId);
      const [{ marked }] = await manager.query<{ marked: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM attendance a JOIN circle_sessions s ON s.id = a.session_id WHERE s.circle_id = $1) AS marked`,
        [circle.id]
      );
      if (marked) throw new ConflictException('circle.has_attendance', 'errors.circle_has_attendance');
      const members: { enrollment_id: string }[] = await manager.query(`SELECT enrollment_id FROM circle_memberships WHERE circle_id = $1 AND left_at IS NULL`, [circle.id]);
      await manager.delete(LearningCircle, { id: circle.id });
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'circle.deleted',
        entityType: 'learning_circle',
        entityId: circle.id,
        data: {
          cohortId: circle.cohortId,
          name: circle.name,
          members: members.map((m) => m.enrollment_id),
        },
        ip: ctx.ip,
      });
    });
  }

  // ——— coaches ———

  async putCoach(caller: Caller, circleId: string, userId: string, ctx: RequestContext): Promise<CircleDetailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const access = await circleAccess(manager, caller, circleId, 'manage');
      await this.addCoaches(manager, caller, access.circle, [userId], ctx, null);
      return this.detailOf(manager, access, ctx.locale);
    });
  }

  async removeCoach(caller: Caller, circleId: string, userId: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { circle } = await circleAccess(manager, caller, circleId, 'manage');
      // TypeORM answers an UPDATE or DELETE with [rows, affected].
      const [, removed] = await manager.query<[unknown, number]>(`DELETE FROM circle_coaches WHERE circle_id = $1 AND user_id = $2`, [circle.id, userId]);
      if (removed === 0) throw new NotFoundException();
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'circle.coach.removed',
        entityType: 'learning_circle',
        entityId: circle.id,
        data: { userId },
        ip: ctx.ip,
      });
    });
  }

  /**
   * Makes existing accounts coaches of the circle. Someone not yet on the cohort's staff joins it as a coach (the
   * cohort's staff list is where trainers look for who works on a cohort); lead trainers stay lead trainers.
   * Unknown accounts: a field error when they came in a body (`field`), else 404.
   */
  private async addCoaches(manager: EntityManager, caller: Caller, circle: LearningCircle, userIds: string[], ctx: RequestContext, field: string | null): Promise<void> {
    const found: { id: string }[] = await manager.query(`SELECT id FROM users WHERE id = ANY($1::uuid[])`, [userIds]);
    if (found.length !== userIds.length) {
      if (field === null) throw new NotFoundException();
      throw new ValidationFailedException([{ field, code: 'coachNotFound', messageKey: 'coachNotFound' }]);
    }
    const staffed: { id: string; user_id: string }[] = await manager.query(
      `INSERT INTO cohort_staff (cohort_id, user_id, role) SELECT $1, unnest($2::uuid[]), 'coach'
       ON CONFLICT (cohort_id, user_id) DO NOTHING RETURNING id, user_id`,
      [circle.cohortId, userIds]
    );
    for (const row of staffed) {
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'cohort.staff.added',
        entityType: 'cohort_staff',
        entityId: row.id,
        data: {
          cohortId: circle.cohortId,
          userId: row.user_id,
          role: 'coach',
          via: { circleId: circle.id },
        },
        ip: ctx.ip,
      });
    }
    const added: { user_id: string }[] = await manager.query(
      `INSERT INTO circle_coaches (circle_id, user_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT (circle_id, user_id) DO NOTHING RETURNING user_id`,
      [circle.id, userIds]
    );
    if (added.length) {
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'circle.coach.added',
        entityType: 'learning_circle',
        entityId: circle.id,
        data: { userIds: added.map((a) => a.user_id) },
        ip: ctx.ip,
      });
    }
  }

  private async coachesOf(manager: EntityManager, circleIds: string[], withEmail: boolean): Promise<Map<string, CircleCoachResponse[]>> {
    const result = new Map<string, CircleCoachResponse[]>();
    if (circleIds.length === 0) return result;
    const rows: CoachRow[] = await manager.query(
      `SELECT k.circle_id, u.id AS user_id, u.name_latin, u.name_arabic, u.email
         FROM circle_coaches k JOIN users u ON u.id = k.user_id
        WHERE k.circle_id = ANY($1::uuid[])
        ORDER BY k.created_at ASC, lower(COALESCE(NULLIF(u.name_latin, ''), u.name_arabic)) ASC, u.id ASC`,
      [circleIds]
    );
    for (const r of rows) {
      const coach = {
        userId: r.user_id,
        nameLatin: r.name_latin,
        nameArabic: r.name_arabic,
        email: withEmail ? r.email : null,
      };
      result.set(r.circle_id, [...(result.get(r.circle_id) ?? []), coach]);
    }
    return result;
  }

  // ——— members ———

  /**
   * Puts active trainees of the circle's cohort into it. Someone in another circle of the cohort is moved: their open
   * stay there ends now and a new one starts here, in one transaction, so their past attendance keeps pointing at
   * the circle they were in. People already here are left as they are.
   */
  async addMembers(caller: Caller, circleId: string, dto: AddMembersDto, ctx: RequestContext): Promise<CircleDetailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const access = await circleAccess(manager, caller, circleId, 'manage');
      const { circle } = access;
      // Cohort first, like every place-changing operation (withdrawal closes memberships under the same lock).
      await lockCohort(manager, circle.cohortId);
      const rows: {
        id: string;
        status: string;
        membership_id: string | null;
        circle_id: string | null;
      }[] = await manager.query(
        `SELECT e.id, e.status, m.id AS membership_id, m.circle_id
           FROM enrollments e LEFT JOIN circle_memberships m ON m.enrollment_id = e.id AND m.left_at IS NULL
          WHERE e.id = ANY($1::uuid[]) AND e.cohort_id = $2`,
        [dto.enrollmentIds, circle.cohortId]
      );
      if (rows.length !== dto.enrollmentIds.length || rows.some((r) => r.status !== 'active')) {
        throw new ConflictException('circle.enrollment_not_active', 'errors.circle_enrollment_not_active');
      }
      const moving = rows.filter((r) => r.circle_id !== null && r.circle_id !== circle.id);
      const joining = rows.filter((r) => r.circle_id !== circle.id);
      await this.placeInto(manager, caller, circle.id, joining, moving, ctx, 'circle.members.added');
      return this.detailOf(manager, access, ctx.locale);
    });
  }

  /** Closes the moved people's open stays and opens new ones here; one audit event for the whole change. */
  private async placeInto(
    manager: EntityManager,
    caller: Caller,
    circleId: string,
    joining: { id: string }[],
    moving: {
      id: string;
      membership_id: string | null;
      circle_id: string | null;
    }[],
    ctx: RequestContext,
    action: string
  ): Promise<void> {
    if (joining.length === 0) return;
    if (moving.length) await manager.query(`UPDATE circle_memberships SET left_at = now() WHERE id = ANY($1::uuid[])`, [moving.map((m) => m.membership_id)]);
    await manager.query(`INSERT INTO circle_memberships (circle_id, enrollment_id, added_by_id) SELECT $1, unnest($2::uuid[]), $3`, [
      circleId,
      joining.map((j) => j.id),
      caller.userId,
    ]);
    const movedFrom = new Map(moving.map((m) => [m.id, m.circle_id]));
    await this.audit.record(manager, {
      actorId: caller.userId,
      action,
      entityType: 'learning_circle',
      entityId: circleId,
      data: {
        added: joining.filter((j) => !movedFrom.has(j.id)).map((j) => j.id),
        moved: moving.map((m) => ({
          enrollmentId: m.id,
          fromCircleId: m.circle_id,
        })),
      },
      ip: ctx.ip,
    });
  }

  async removeMember(caller: Caller, circleId: string, enrollmentId: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { circle } = await circleAccess(manager, caller, circleId, 'manage');
      await lockCohort(manager, circle.cohortId);
      const [, closed] = await manager.query<[unknown, number]>(`UPDATE circle_memberships SET left_at = now() WHERE circle_id = $1 AND enrollment_id = $2 AND left_at IS NULL`, [
        circle.id,
        enrollmentId,
      ]);
      if (closed === 0) throw new NotFoundException();
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'circle.member.removed',
        entityType: 'learning_circle',
        entityId: circle.id,
        data: { enrollmentId },
        ip: ctx.ip,
      });
    });
  }

  /**
   * Shares the cohort's active trainees who have no circle among `circles` circles (creating the missing ones):
   * sizes balanced to within one, people of one organization (or city) spread out, existing members untouched.
   * When the cohort already has more circles than asked, all of them are used.
   */
  async autoAssign(caller: Caller, cohortId: string, dto: AutoAssignDto, ctx: RequestContext): Promise<AutoAssignResponse> {
    assertNoNulls({ circles: dto.circles, namePrefix: dto.namePrefix });
    return this.dataSource.transaction(async (manager) => {
      await cohortForStaff(manager, caller, cohortId, 'lead');
      const cohort = await lockCohort(manager, cohortId);
      const circles = await manager.find(LearningCircle, {
        where: { cohortId },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const created: LearningCircle[] = [];
      for (let n = circles.length + 1; n <= dto.circles; n += 1) {
        const name = dto.namePrefix ? { [ctx.locale]: `${dto.namePrefix} ${n}` } : Object.fromEntries(LOCALES.map((l) => [l, translate(l, 'circle.default_name', { n })]));
        // clock_timestamp, not now(): circles made in one transaction keep their numbered order on the board.
        const [row] = await manager.query<{ id: string; created_at: Date }[]>(
          `INSERT INTO learning_circles (cohort_id, name, place, online, created_at) VALUES ($1, $2, '{}', $3, clock_timestamp()) RETURNING id, created_at`,
          [cohortId, name, cohort.online]
        );
        created.push(
          Object.assign(new LearningCircle(), {
            id: row.id,
            cohortId,
            name,
            place: {},
            online: cohort.online,
            createdAt: row.created_at,
            updatedAt: row.created_at,
          })
        );
      }
      const all = [...circles, ...created];
      const groupKey = dto.spreadBy ? GROUP_KEY[dto.spreadBy] : 'NULL::text';
      const sizes: {
        circle_id: string;
        group_key: string | null;
        n: number;
      }[] = await manager.query(
        `SELECT m.circle_id, ${groupKey} AS group_key, count(*)::int AS n
           FROM circle_memberships m JOIN enrollments e ON e.id = m.enrollment_id
          WHERE m.circle_id = ANY($1::uuid[]) AND m.left_at IS NULL
          GROUP BY 1, 2`,
        [all.map((c) => c.id)]
      );
      const waiting: {
        id: string;
        group_key: string | null;
        sort_key: string;
      }[] = await manager.query(
        `SELECT e.id, ${groupKey} AS group_key, lower(COALESCE(NULLIF(u.name_latin, ''), u.name_arabic)) AS sort_key
           FROM enrollments e JOIN users u ON u.id = e.user_id
          WHERE e.cohort_id = $1 AND e.status = 'active'
            AND NOT EXISTS (SELECT 1 FROM circle_memberships m WHERE m.enrollment_id = e.id AND m.left_at IS NULL)`,
        [cohortId]
      );
      const assignment = assignToCircles(
        all.map((c) => {
          const own = sizes.filter((s) => s.circle_id === c.id);
          return {
            id: c.id,
            size: own.reduce((sum, s) => sum + s.n, 0),
            groups: new Map(own.filter((s) => s.group_key !== null).map((s) => [s.group_key!, s.n])),
          };
        }),
        waiting.map((w) => ({
          enrollmentId: w.id,
          group: w.group_key,
          sortKey: w.sort_key,
        }))
      );
      if (assignment.size) {
        await manager.query(`INSERT INTO circle_memberships (circle_id, enrollment_id, added_by_id) SELECT c, e, $3 FROM unnest($1::uuid[], $2::uuid[]) AS t(c, e)`, [
          [...assignment.values()],
          [...assignment.keys()],
          caller.userId,
        ]);
      }
      await this.audit.record(manager, {
        actorId: caller.userId,
        action: 'circle.auto_assigned',
        entityType: 'cohort',
        entityId: cohortId,
        data: {
          circles: dto.circles,
          spreadBy: dto.spreadBy ?? null,
          created: created.map((c) => c.id),
          assigned: Object.fromEntries(assignment),
        },
        ip: ctx.ip,
      });
      return {
        ...(await this.boardOf(manager, cohort, ctx.locale)),
        assigned: assignment.size,
        created: created.length,
      };
    });
  }

  // ——— the caller's circles ———

  /** Circles the caller coaches (with their next session) and the one(s) they are a member of (trainee view). */
  async myCircles(caller: Caller, locale: Locale): Promise<MyCirclesResponse> {
    const manager = this.dataSource.manager;
    const coached = await manager
      .createQueryBuilder(LearningCircle, 'c')
      .innerJoin('circle_coaches', 'k', 'k.circle_id = c.id AND k.user_id = :userId', { userId: caller.userId })
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    const memberOf: { circle_id: string }[] = await manager.query(
      `SELECT m.circle_id FROM circle_memberships m JOIN enrollments e ON e.id = m.enrollment_id
        WHERE e.user_id = $1 AND m.left_at IS NULL ORDER BY m.joined_at ASC, m.circle_id ASC`,
      [caller.userId]
    );
    const ids = coached.map((c) => c.id);
    const coaches = await this.coachesOf(manager, ids, true);
    const counts: { circle_id: string; n: number }[] = ids.length
      ? await manager.query(`SELECT circle_id, count(*)::int AS n FROM circle_memberships WHERE circle_id = ANY($1::uuid[]) AND left_at IS NULL GROUP BY circle_id`, [ids])
      : [];
    const next = await this.nextSessions(manager, [...ids, ...memberOf.map((m) => m.circle_id)]);
    const summaries = await this.summariesOf(manager, [...new Set(coached.map((c) => c.cohortId))], locale);
    const countOf = new Map(counts.map((c) => [c.circle_id, c.n]));
    const member: MyCirclesResponse['member'] = [];
    for (const { circle_id } of memberOf) {
      // A member's own circle: one or two at most, shown in the trainee view.
      const access = await circleAccess(manager, caller, circle_id, 'view');
      member.push({
        ...(await this.detailOf(manager, { ...access, role: 'member' }, locale)),
        nextSession: next.get(circle_id) ?? null,
      });
    }
    return {
      coaching: coached.map((c) => ({
        ...toCircleSummary(c, locale, coaches.get(c.id) ?? [], countOf.get(c.id) ?? 0),
        cohort: summaries.get(c.cohortId)!,
        nextSession: next.get(c.id) ?? null,
      })),
      member,
    };
  }

  private async summariesOf(manager: EntityManager, cohortIds: string[], locale: Locale): Promise<Map<string, CohortSummaryResponse>> {
    if (cohortIds.length === 0) return new Map();
    const cohorts = await manager.createQueryBuilder(Cohort, 'c').where('c.id IN (:...ids)', { ids: cohortIds }).getMany();
    const summaries = await cohortSummaries(manager, cohorts, locale);
    return new Map([...summaries.entries()].map(([id, s]) => [id, s.summary]));
  }

  /** The next scheduled session that has not started, per circle, in one query. */
  private async nextSessions(manager: EntityManager, circleIds: string[]): Promise<Map<string, NextSessionResponse>> {
    if (circleIds.length === 0) return new Map();
    const rows: {
      circle_id: string;
      id: string;
      starts_at: Date;
      time_zone: string;
      duration_minutes: number;
    }[] = await manager.query(
      `SELECT DISTINCT ON (s.circle_id) s.circle_id, s.id, s.starts_at, s.time_zone, s.duration_minutes
         FROM circle_sessions s
        WHERE s.circle_id = ANY($1::uuid[]) AND s.status = 'scheduled' AND s.starts_at > now()
        ORDER BY s.circle_id, s.starts_at ASC, s.id ASC`,
      [circleIds]
    );
    return new Map(
      rows.map((r) => [
        r.circle_id,
        {
          id: r.id,
          startsAt: r.starts_at.toISOString(),
          timeZone: r.time_zone,
          durationMinutes: r.duration_minutes,
        },
      ])
    );
  }
}

function toCircleSummary(circle: LearningCircle, locale: Locale, coaches: CircleCoachResponse[], memberCount: number): CircleSummaryResponse {
  return {
    id: circle.id,
    cohortId: circle.cohortId,
    name: circle.name,
    displayName: resolveText(circle.name, locale).text,
    place: circle.place,
    displayPlace: resolveText(circle.place, locale).text,
    online: circle.online,
    coaches,
    memberCount,
  };
}

function toMember(row: PersonRow, locale: Locale, staff: boolean, attendance: AttendanceRate | null): CircleMemberResponse {
  return {
    enrollmentId: row.enrollment_id,
    userId: row.user_id,
    nameLatin: row.name_latin,
    nameArabic: row.name_arabic,
    email: staff ? row.email : null,
    organization:
      staff && row.organization_id
        ? {
            id: row.organization_id,
            displayName: resolveText(row.organization_name, locale).text,
          }
        : null,
    displayCity: staff ? resolveText(row.organization_city, locale).text : '',
    joinedAt: row.joined_at?.toISOString() ?? null,
    attendance,
  };
}

/** `null` is not "leave unchanged": every field that is sent must have a value (`{}` clears a place). */
function assertNoNulls(dto: object): void {
  const nulls = Object.entries(dto).filter(([, value]) => value === null);
  if (nulls.length)
    throw new ValidationFailedException(
      nulls.map(([field]) => ({
        field,
        code: 'isNotEmpty',
        messageKey: 'isNotEmpty',
      }))
    );
}
