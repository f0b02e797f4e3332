import 'reflect-metadata';
import { DataSource, type EntityManager } from 'typeorm';
import { baseDataSourceOptions } from '@halaqa/migrations';
import { loadCourses } from '@halaqa/courses';
import { hashPassword } from '../auth/password';
import { hashToken } from '../common/tokens';
import { loadConfig } from '../config/config';
import { importCourses } from '../courses/course-import';
import { Course } from '../courses/course.entity';
import { ENTITIES } from '../database/entities';
import { OrganizationMember } from '../organizations/organization-member.entity';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { DEMO_CIRCLES, DEMO_COHORTS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, demoSeriesId, demoSessionId, type DemoCircle, type DemoCohort, type DemoEnrollment } from './demo-data';
import { seedExercises } from './demo-exercises';
import { DEMO_GRADUATE_CERTIFICATE_CODE, seedCertificates } from './demo-certificates';

export interface SeedReport {
  created: number;
  existing: number;
  /** Demo cohorts whose course is not imported (yet): a later run adds them. */
  skipped: string[];
}

/**
 * Loads the demo data. Idempotent: a row that exists (same id or email) is left exactly as it is, so a second run
 * changes nothing — not even a demo user's edited profile.
 */
export async function seedDemo(manager: EntityManager, onProgress: (done: number, total: number) => void = () => undefined): Promise<SeedReport> {
  const report: SeedReport = { created: 0, existing: 0, skipped: [] };
  const total = DEMO_ORGANIZATIONS.length + DEMO_USERS.length + DEMO_COHORTS.length + DEMO_CIRCLES.length;
  let done = 0;
  let passwordHash: string | null = null;

  for (const org of DEMO_ORGANIZATIONS) {
    const result = await manager.createQueryBuilder().insert().into(Organization).values(org).orIgnore().execute();
    count(report, result.raw as unknown[]);
    onProgress(++done, total);
  }
  for (const user of DEMO_USERS) {
    const exists = await manager.exists(User, { where: [{ id: user.id }, { email: user.email }] });
    if (exists) {
      report.existing++;
    } else {
      passwordHash ??= await hashPassword(DEMO_PASSWORD);
      const { memberships, ...fields } = user;
      await manager.insert(User, { ...fields, isAdmin: fields.isAdmin ?? false, passwordHash });
      for (const m of memberships ?? []) {
        await manager.createQueryBuilder().insert().into(OrganizationMember).values({ ...m, userId: user.id }).orIgnore().execute();
      }
      report.created++;
    }
    onProgress(++done, total);
  }
  await ensureCourses(manager);
  for (const cohort of DEMO_COHORTS) {
    const result = await seedCohort(manager, cohort);
    if (result === 'no_course') report.skipped.push(`${cohort.id} (course ${cohort.courseSlug} is not imported)`);
    else count(report, result);
    onProgress(++done, total);
  }
  for (const circle of DEMO_CIRCLES) {
    const result = await seedCircle(manager, circle);
    if (result === 'no_cohort') report.skipped.push(`circle ${circle.id} (its cohort ${circle.cohortId} is not loaded)`);
    else count(report, result);
    onProgress(++done, total);
  }
  // Assignments of the Ramallah and Baghdad cohorts and work in every state (fixed ids; a second run adds nothing).
  report.created += await seedExercises(manager);
  // Baghdad's certificates: graduate@'s (rendered by the worker), a revoked one, an eligible trainee without one.
  const config = loadConfig();
  report.created += await seedCertificates(manager, {
    publicWebUrl: config.PUBLIC_WEB_URL,
    defaultIssuerName: { ar: config.CERTIFICATE_ISSUER_NAME_AR, en: config.CERTIFICATE_ISSUER_NAME_EN, fr: config.CERTIFICATE_ISSUER_NAME_FR },
  });
  return report;
}

/**
 * Cohorts need imported courses. `npm run demo` imports them just before seeding; a caller that only seeds (the
 * browser suite's fresh database) gets the shipped courses imported here, each in its own transaction.
 */
async function ensureCourses(manager: EntityManager): Promise<void> {
  if (await manager.exists(Course)) return;
  const { courses } = await loadCourses();
  await importCourses(manager.connection, courses);
}

function day(offset: number): string {
  const date = new Date();
  date.setUTCHours(0, 0, 0, 0);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** Status history an enrollment in `status` went through, in the cohort's mode. */
function history(cohort: DemoCohort, e: DemoEnrollment): DemoEnrollment['status'][] {
  const start: DemoEnrollment['status'][] = cohort.enrollmentMode === 'application' && !e.organizationId ? ['applied'] : [];
  switch (e.status) {
    case 'applied':
    case 'waitlisted':
      return [e.status];
    case 'rejected':
      return ['applied', 'rejected'];
    case 'active':
      return [...start, 'active'];
    case 'completed':
    case 'withdrawn':
      return [...start, 'active', e.status];
  }
}

/**
 * One demo cohort with its staff, seats, invite code and people (rows with their status history; the enrollment
 * rules themselves are the api's business, this is only data). Returns the inserted cohort rows (none when the
 * cohort exists already: it is then left exactly as it is), or `no_course` when its course is not imported.
 */
async function seedCohort(manager: EntityManager, cohort: DemoCohort): Promise<unknown[] | 'no_course'> {
  const [course] = await manager.query<{ id: string; version_id: string; completion: unknown }[]>(
    `SELECT c.id, c.current_version_id AS version_id, v.content->'completion' AS completion
       FROM courses c JOIN course_versions v ON v.id = c.current_version_id WHERE c.slug = $1`,
    [cohort.courseSlug],
  );
  if (!course) return 'no_course';
  const inserted = await manager.query<{ id: string }[]>(
    `INSERT INTO cohorts (id, course_version_id, course_id, name, starts_on, ends_on, time_zone, online, city, capacity, enrollment_mode, application_questions, status, completion_rule)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      cohort.id,
      course.version_id,
      course.id,
      cohort.name,
      day(cohort.startsInDays),
      day(cohort.startsInDays + cohort.lengthInDays),
      cohort.timeZone,
      cohort.online,
      cohort.city,
      cohort.capacity,
      cohort.enrollmentMode,
      JSON.stringify(cohort.applicationQuestions ?? []),
      cohort.status,
      course.completion,
    ],
  );
  if (inserted.length === 0) return [];

  const emails = [...cohort.staff.map((s) => s.email), ...cohort.enrollments.map((e) => e.email)];
  const users = await manager.query<{ id: string; email: string }[]>('SELECT id, email FROM users WHERE email = ANY($1)', [emails]);
  const idOf = new Map(users.map((u) => [u.email, u.id]));
  const lead = idOf.get(cohort.staff.find((s) => s.role === 'lead_trainer')?.email ?? '') ?? null;
  for (const member of cohort.staff) {
    await manager.query('INSERT INTO cohort_staff (cohort_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [cohort.id, idOf.get(member.email), member.role]);
  }
  for (const allocation of cohort.seats ?? []) {
    await manager.query('INSERT INTO seat_allocations (cohort_id, organization_id, seats) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [cohort.id, allocation.organizationId, allocation.seats]);
  }
  let inviteCodeId: string | null = null;
  if (cohort.inviteCode) {
    const uses = cohort.enrollments.filter((e) => e.viaInviteCode).length;
    const expiresAt = cohort.inviteCode.expiresInDays === null ? null : `${day(cohort.inviteCode.expiresInDays)}T21:59:59Z`;
    const [code] = await manager.query<{ id: string }[]>(
      `INSERT INTO cohort_invite_codes (cohort_id, code_hash, max_uses, uses, expires_at, created_by_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code_hash) DO NOTHING RETURNING id`,
      [cohort.id, hashToken(cohort.inviteCode.code), cohort.inviteCode.maxUses, uses, expiresAt, lead],
    );
    inviteCodeId = code?.id ?? null;
  }
  for (const e of cohort.enrollments) {
    const userId = idOf.get(e.email);
    if (!userId) continue;
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO enrollments (cohort_id, user_id, status, sponsoring_organization_id, reporting_organization_id, consent_to_share, application_answers, waitlisted_at, invite_code_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $3::varchar = 'waitlisted' THEN clock_timestamp() END, $8) ON CONFLICT (cohort_id, user_id) DO NOTHING RETURNING id`,
      [
        cohort.id,
        userId,
        e.status,
        e.organizationId ?? null,
        e.organizationId ?? e.namedOrganizationId ?? null,
        e.consentToShare ?? false,
        JSON.stringify(e.answers ?? {}),
        e.viaInviteCode ? inviteCodeId : null,
      ],
    );
    if (!row) continue;
    let from: string | null = null;
    for (const to of history(cohort, e)) {
      // The trainee acts when joining and withdrawing; the lead trainer when deciding and closing the cohort.
      const actor = from === null || to === 'withdrawn' ? userId : lead;
      await manager.query('INSERT INTO enrollment_events (enrollment_id, from_status, to_status, actor_id, created_at) VALUES ($1, $2, $3, $4, clock_timestamp())', [row.id, from, to, actor]);
      from = to;
    }
  }
  return inserted;
}

/** The `index`-th (0-based) date of a series from `first` (YYYY-MM-DD); months keep the day, clamped to the month's end. */
function occurrenceDate(first: string, frequency: DemoCircle['series']['frequency'], index: number): string {
  const [y, m, d] = first.split('-').map(Number);
  if (frequency === 'weekly' || frequency === 'every_2_weeks') {
    return new Date(Date.UTC(y, m - 1, d + index * (frequency === 'weekly' ? 7 : 14))).toISOString().slice(0, 10);
  }
  const month = m - 1 + index * (frequency === 'monthly' ? 1 : 2);
  const lastDay = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * One demo circle: coaches, members with their history (joined, moved, withdrawn), its series of sessions in the
 * cohort's zone (past ones held and marked, one cancelled, future ones scheduled). Sessions and attendance are data
 * here, written as rows; their rules are the api's business. A circle that exists is left exactly as it is.
 */
async function seedCircle(manager: EntityManager, circle: DemoCircle): Promise<unknown[] | 'no_cohort'> {
  const [cohort] = await manager.query<{ time_zone: string }[]>('SELECT time_zone FROM cohorts WHERE id = $1', [circle.cohortId]);
  if (!cohort) return 'no_cohort';
  const inserted = await manager.query<{ id: string }[]>(
    `INSERT INTO learning_circles (id, cohort_id, name, place, online, created_at) VALUES ($1, $2, $3, $4, $5, clock_timestamp()) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [circle.id, circle.cohortId, circle.name, circle.place, circle.online],
  );
  if (inserted.length === 0) return [];

  const zone = cohort.time_zone;
  const coaches = await manager.query<{ id: string; email: string }[]>('SELECT id, email FROM users WHERE email = ANY($1)', [circle.coaches]);
  const coachIds = circle.coaches.map((email) => coaches.find((c) => c.email === email)?.id).filter((id): id is string => id !== undefined);
  for (const userId of coachIds) await manager.query('INSERT INTO circle_coaches (circle_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [circle.id, userId]);
  const enrollments = await manager.query<{ id: string; email: string }[]>('SELECT e.id, u.email FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1', [circle.cohortId]);
  const enrollmentOf = new Map(enrollments.map((e) => [e.email, e.id]));
  const lead = await manager.query<{ user_id: string }[]>(`SELECT user_id FROM cohort_staff WHERE cohort_id = $1 AND role = 'lead_trainer' LIMIT 1`, [circle.cohortId]);
  // Midnight of a day in the cohort's zone, so a move's "left" and "joined" are the same instant.
  const dayStart = `(date_trunc('day', now() AT TIME ZONE $3) + make_interval(days => $4)) AT TIME ZONE $3`;
  for (const member of circle.members) {
    const enrollmentId = enrollmentOf.get(member.email);
    if (!enrollmentId) continue;
    const joinedDay = member.joinedDay ?? Math.min(-1, circle.series.firstDay - 2);
    await manager.query(
      `INSERT INTO circle_memberships (circle_id, enrollment_id, joined_at, left_at, added_by_id)
       VALUES ($1, $2, ${dayStart}, CASE WHEN $5::int IS NULL THEN NULL ELSE (date_trunc('day', now() AT TIME ZONE $3) + make_interval(days => $5::int)) AT TIME ZONE $3 END, $6)`,
      [circle.id, enrollmentId, zone, joinedDay, member.leftDay ?? null, lead[0]?.user_id ?? null],
    );
  }

  const { series } = circle;
  const firstDate = day(series.firstDay);
  const seriesId = demoSeriesId(circle.id);
  await manager.query(
    `INSERT INTO session_series (id, circle_id, frequency, first_date, local_time, time_zone, duration_minutes, occurrences) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [seriesId, circle.id, series.frequency, firstDate, series.time, zone, series.durationMinutes, series.occurrences],
  );
  for (let index = 1; index <= series.occurrences; index += 1) {
    const reason = circle.cancelled?.[index] ?? null;
    const [session] = await manager.query<{ id: string }[]>(
      `INSERT INTO circle_sessions (id, circle_id, series_id, series_index, starts_at, duration_minutes, time_zone, place, online_url, agenda, status, cancel_reason, sequence)
       VALUES ($1, $2, $3, $4, ($5::date + $6::time) AT TIME ZONE $7, $8, $7, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        demoSessionId(circle.id, index),
        circle.id,
        seriesId,
        index,
        occurrenceDate(firstDate, series.frequency, index - 1),
        series.time,
        zone,
        series.durationMinutes,
        circle.place,
        series.onlineUrl ?? null,
        series.agendas?.[index] ?? {},
        reason === null ? 'scheduled' : 'cancelled',
        reason,
        reason === null ? 0 : 1,
      ],
    );
    for (const [email, status] of Object.entries(circle.attendance?.[index] ?? {})) {
      const enrollmentId = enrollmentOf.get(email);
      if (!enrollmentId) continue;
      await manager.query(
        `INSERT INTO attendance (session_id, enrollment_id, status, marked_by_id, marked_at)
         SELECT $1, $2, $3, $4, s.starts_at + make_interval(mins => s.duration_minutes) FROM circle_sessions s WHERE s.id = $1`,
        [session.id, enrollmentId, status, coachIds[0] ?? null],
      );
    }
  }
  return inserted;
}

function count(report: SeedReport, raw: unknown[]): void {
  if (raw.length > 0) report.created++;
  else report.existing++;
}

if (require.main === module) {
  const ds = new DataSource({ ...baseDataSourceOptions(loadConfig().DATABASE_URL), entities: ENTITIES });
  ds.initialize()
    .then(() => ds.transaction((manager) => seedDemo(manager)))
    .then(async (report) => {
      process.stdout.write(`demo data: ${report.created} created, ${report.existing} already there\n`);
      for (const skipped of report.skipped) process.stdout.write(`  skipped cohort ${skipped}\n`);
      process.stdout.write(`graduate@example.org's certificate (rendered by the worker): ${loadConfig().PUBLIC_WEB_URL.replace(/\/+$/, '')}/en/verify/${DEMO_GRADUATE_CERTIFICATE_CODE}\n`);
      await ds.destroy();
    })
    .catch((error: unknown) => {
      process.stderr.write(`Loading demo data failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
