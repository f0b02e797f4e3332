import type { EntityManager } from 'typeorm';

/** Sessions held and attended (present or late) by one person, and the share; `rate` is null before any was held. */
export interface AttendanceRate {
  held: number;
  attended: number;
  /** attended / held, between 0 and 1; null when no session was held while they were a member. */
  rate: number | null;
}

export interface CircleAttendanceRates {
  /** Every enrollment that has ever been a member of the circle, keyed by enrollment id. */
  members: Map<string, AttendanceRate>;
  /** All members' attended sessions over all members' held sessions. */
  circle: AttendanceRate;
}

function rateOf(held: number, attended: number): AttendanceRate {
  return { held, attended, rate: held === 0 ? null : attended / held };
}

/**
 * When a held session counts for a person (`enrollment` and `session` are SQL expressions; the session row needs
 * `id`, `circle_id` and `starts_at`): they were a member of the session's circle when it started, or were marked
 * for it anyway (someone who joined since and was marked counts).
 */
function countsFor(enrollment: string, session: string): string {
  return `(EXISTS (SELECT 1 FROM circle_memberships m
             WHERE m.circle_id = ${session}.circle_id AND m.enrollment_id = ${enrollment}
               AND m.joined_at <= ${session}.starts_at AND (m.left_at IS NULL OR m.left_at > ${session}.starts_at))
          OR EXISTS (SELECT 1 FROM attendance x WHERE x.session_id = ${session}.id AND x.enrollment_id = ${enrollment}))`;
}

/**
 * Attendance rates of a circle, as docs/learning-circles.md defines them: a session counts as held for a person when
 * it is scheduled (not cancelled), started before now, and the person was a member of this circle when it started —
 * or was marked for it anyway (someone who joined since and was marked counts). Attended = present + late.
 * One query, whatever the circle's size.
 */
export async function attendanceRates(manager: EntityManager, circleId: string, now: Date = new Date()): Promise<CircleAttendanceRates> {
  const rows = await manager.query<{ enrollment_id: string; held: number; attended: number }[]>(
    `WITH held AS (
       SELECT s.id, s.circle_id, s.starts_at FROM circle_sessions s
        WHERE s.circle_id = $1 AND s.status = 'scheduled' AND s.starts_at < $2
     ), members AS (
       SELECT DISTINCT m.enrollment_id FROM circle_memberships m WHERE m.circle_id = $1
     )
     SELECT mb.enrollment_id,
            count(h.id)::int AS held,
            count(a.id) FILTER (WHERE a.status IN ('present', 'late'))::int AS attended
       FROM members mb
       LEFT JOIN held h ON ${countsFor('mb.enrollment_id', 'h')}
       LEFT JOIN attendance a ON a.session_id = h.id AND a.enrollment_id = mb.enrollment_id
      GROUP BY mb.enrollment_id`,
    [circleId, now],
  );
  const members = new Map<string, AttendanceRate>();
  let held = 0;
  let attended = 0;
  for (const row of rows) {
    members.set(row.enrollment_id, rateOf(row.held, row.attended));
    held += row.held;
    attended += row.attended;
  }
  return { members, circle: rateOf(held, attended) };
}

/**
 * The same definition per enrollment across every circle of its cohort the person was ever in (moving circle keeps
 * what was held and attended in the old one): for completion. One query for any number of enrollments; an
 * enrollment that never was in a circle gets `{held: 0, attended: 0, rate: null}`.
 */
export async function enrollmentAttendanceRates(manager: EntityManager, enrollmentIds: readonly string[], now: Date = new Date()): Promise<Map<string, AttendanceRate>> {
  const result = new Map<string, AttendanceRate>(enrollmentIds.map((id) => [id, rateOf(0, 0)]));
  if (enrollmentIds.length === 0) return result;
  const rows = await manager.query<{ enrollment_id: string; held: number; attended: number }[]>(
    `${heldByEnrollment('= ANY($1::uuid[])', '$2')}
     SELECT h.enrollment_id, ${HELD_AND_ATTENDED} FROM held h GROUP BY h.enrollment_id`,
    [enrollmentIds, now],
  );
  for (const row of rows) result.set(row.enrollment_id, rateOf(row.held, row.attended));
  return result;
}

/**
 * `WITH … held AS (enrollment_id, id, circle_id, starts_at, time_zone, attended)`: every session held for each
 * enrollment whose id satisfies `enrollmentIs` (an SQL condition on an enrollment id, e.g. `= ANY($1::uuid[])` or
 * `IN (SELECT …)`) before `now` (an SQL expression) across the circles of its cohort it was ever in, once per person
 * and session; `attended` is true for present or late. The mark is joined in bulk and doubles as "marked anyway", so
 * membership at the start is looked up only for people without one: testing both per row (`countsFor`) made the
 * plan's estimate so high for a partner's 5,000 staff that PostgreSQL JIT-compiled the query (0.4 of its 0.7 s).
 */
function heldByEnrollment(enrollmentIs: string, now: string): string {
  return `WITH circles AS (
       SELECT DISTINCT m.enrollment_id, m.circle_id FROM circle_memberships m WHERE m.enrollment_id ${enrollmentIs}
     ), held AS (
       SELECT c.enrollment_id, s.id, s.circle_id, s.starts_at, s.time_zone, x.status IN ('present', 'late') AS attended
         FROM circles c JOIN circle_sessions s ON s.circle_id = c.circle_id AND s.status = 'scheduled' AND s.starts_at < ${now}
         LEFT JOIN attendance x ON x.session_id = s.id AND x.enrollment_id = c.enrollment_id
        WHERE x.id IS NOT NULL
           OR EXISTS (SELECT 1 FROM circle_memberships m
                WHERE m.circle_id = s.circle_id AND m.enrollment_id = c.enrollment_id
                  AND m.joined_at <= s.starts_at AND (m.left_at IS NULL OR m.left_at > s.starts_at))
     )`;
}

const HELD_AND_ATTENDED = `count(*)::int AS held, count(*) FILTER (WHERE h.attended)::int AS attended`;

export interface PeriodAttendance extends AttendanceRate {
  /** First day of the period (a Monday for ISO weeks, the 1st for months), as YYYY-MM-DD. */
  periodStart: string;
}

/** Beyond this many weeks between the first and the last session held, the timeline counts per month. */
export const WEEKS_BEFORE_MONTHS = 26;

/**
 * The same definition summed over many enrollments per period of time: per ISO week, or per calendar month when
 * the sessions held span more than 26 weeks. A session falls on its day in its own time zone. Every period from
 * the first session held to the last is listed, those without a session with `held: 0` and `rate: null`.
 * `enrollments` selects the enrollments' ids in SQL (with its parameters, `$1`…), so they are never sent to the
 * database one by one: one query for any number of enrollments.
 *
 * @example attendanceTimeline(manager, { sql: 'SELECT e.id FROM enrollments e WHERE e.cohort_id = $1', params: [cohortId] })
 */
export async function attendanceTimeline(
  manager: EntityManager,
  enrollments: { sql: string; params: readonly unknown[] },
  now: Date = new Date(),
): Promise<{ period: 'week' | 'month'; periods: PeriodAttendance[] }> {
  // Summed per session first, so the zone-local day is worked out once per session rather than once per person.
  const days = await manager.query<{ day: string; held: number; attended: number }[]>(
    `${heldByEnrollment(`IN (${enrollments.sql})`, `$${enrollments.params.length + 1}`)},
     sessions AS (SELECT h.starts_at, h.time_zone, ${HELD_AND_ATTENDED} FROM held h GROUP BY h.id, h.starts_at, h.time_zone)
     SELECT to_char((s.starts_at AT TIME ZONE s.time_zone)::date, 'YYYY-MM-DD') AS day, sum(s.held)::int AS held, sum(s.attended)::int AS attended
       FROM sessions s
      GROUP BY 1 ORDER BY 1`,
    [...enrollments.params, now],
  );
  if (days.length === 0) return { period: 'week', periods: [] };
  const first = days[0].day;
  const last = days[days.length - 1].day;
  const period = daysBetween(first, last) > WEEKS_BEFORE_MONTHS * 7 ? 'month' : 'week';
  const startOf = period === 'week' ? mondayOf : (day: string) => `${day.slice(0, 8)}01`;
  const totals = new Map<string, { held: number; attended: number }>();
  for (let start = startOf(first); start <= last; start = next(start, period)) totals.set(start, { held: 0, attended: 0 });
  for (const row of days) {
    const total = totals.get(startOf(row.day))!;
    total.held += row.held;
    total.attended += row.attended;
  }
  return { period, periods: [...totals].map(([periodStart, { held, attended }]) => ({ periodStart, ...rateOf(held, attended) })) };
}

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
}

/** The Monday of the ISO week a day (YYYY-MM-DD) is in. */
function mondayOf(day: string): string {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

function next(start: string, period: 'week' | 'month'): string {
  const date = utc(start);
  if (period === 'week') date.setUTCDate(date.getUTCDate() + 7);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}
