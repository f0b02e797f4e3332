#!/usr/bin/env node
/**
 * Partner reporting benchmark (issue 7). Fixed sizes: one organization with 5,000 consenting staff enrollments
 * (and 250 more who did not consent) across 50 cohorts of the three courses in five cities — each cohort 105 staff
 * in 5 circles, 8 sessions held with about 80 % attendance, 6 exercises of which about 70 % are passed, the
 * completed tenth holding certificates — all seeded with multi-row SQL. Measures the organization dashboard
 * (`staff-progress`, first page of 20 with its summary) as the organization's manager, a filtered page and the
 * dashboard's attendance chart (`attendance-timeline`), counts the SQL statements each request sends (the api counts
 * them when BENCH_COUNT_QUERIES=1), and downloads the whole completion CSV. Needs a built api, PostgreSQL and Redis.
 * Last line: one JSON object.
 *
 *   npm run bench:partners
 */
import { benchDatabase, newToken, queriesFor, request, sha256, startApi, step, timed, withClient } from './lib.mjs';

const DB = 'halaqa_bench_partners';
const SIZES = { cohorts: 50, staffPerCohort: 100, hiddenPerCohort: 5, circlesPerCohort: 5, sessions: 8, assignments: 6, pageSize: 20, samples: 100, csvRuns: 3 };
const CITIES = [
  { ar: 'عمّان', en: 'Amman', fr: 'Amman' },
  { ar: 'رام الله', en: 'Ramallah', fr: 'Ramallah' },
  { ar: 'تونس', en: 'Tunis', fr: 'Tunis' },
  { ar: 'بغداد', en: 'Baghdad', fr: 'Bagdad' },
  { ar: 'الخليل', en: 'Hebron', fr: 'Hébron' },
];

async function seed(c) {
  const [{ id: orgId }] = (
    await c.query(`INSERT INTO organizations (name, kind, country, city) VALUES ('{"ar":"شبكة الشباب","en":"Youth Network"}', 'ngo', 'JO', '{"ar":"عمّان","en":"Amman"}') RETURNING id`)
  ).rows;
  const [{ id: managerId }] = (await c.query(`INSERT INTO users (email, name_latin, name_arabic, locale) VALUES ('partner@bench.org', 'Partner Manager', 'مديرة الشراكة', 'ar') RETURNING id`)).rows;
  await c.query(`INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'manager')`, [orgId, managerId]);
  const token = newToken();
  await c.query(`INSERT INTO sessions (token_hash, user_id, last_seen_at, expires_at) VALUES ($1, $2, now(), now() + interval '1 day')`, [sha256(token), managerId]);

  const perCohort = SIZES.staffPerCohort + SIZES.hiddenPerCohort;
  // Cohorts: round-robin over the imported course versions and the cities; half running, half completed.
  await c.query(
    `INSERT INTO cohorts (course_version_id, course_id, name, starts_on, ends_on, time_zone, city, capacity, enrollment_mode, status, completion_rule)
     SELECT v.id, v.course_id, jsonb_build_object('ar', 'دفعة ' || k, 'en', 'Cohort ' || k, 'fr', 'Promotion ' || k),
       current_date - (60 + k * 3), current_date + (60 - k * 3), 'Asia/Amman', ($2::jsonb -> (k % 5)), $3, 'open',
       CASE WHEN k % 2 = 0 THEN 'running' ELSE 'completed' END,
       CASE WHEN k % 3 = 0 THEN '{"minAttendancePercent":75,"requiredExercises":["exercise-1","exercise-2","exercise-3"],"finalReview":false}'::jsonb
            ELSE '{"minAttendancePercent":75,"requiredExercises":"all","finalReview":false}'::jsonb END
     FROM generate_series(1, $1::int) k
     JOIN LATERAL (SELECT id, course_id FROM course_versions ORDER BY id OFFSET (k % (SELECT count(*) FROM course_versions)) LIMIT 1) v ON true`,
    [SIZES.cohorts, JSON.stringify(CITIES), perCohort + 20],
  );
  const { rows: cohorts } = await c.query(`SELECT id FROM cohorts ORDER BY starts_on, id`);
  await c.query(`INSERT INTO seat_allocations (cohort_id, organization_id, seats) SELECT id, $1, $2 FROM cohorts`, [orgId, perCohort + 10]);
  await c.query(
    `INSERT INTO users (email, name_latin, name_arabic, locale)
     SELECT 'staff-' || i || '@bench.org', 'Staff ' || i, 'موظف ' || i, (ARRAY['ar','en','fr'])[1 + i % 3] FROM generate_series(1, $1::int) i`,
    [SIZES.cohorts * perCohort],
  );
  // i-th staff user → cohort (i / perCohort); the last `hiddenPerCohort` of each cohort did not consent.
  await c.query(
    `WITH u AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM users WHERE email LIKE 'staff-%'),
       co AS (SELECT id, row_number() OVER (ORDER BY starts_on, id) - 1 AS k FROM cohorts)
     INSERT INTO enrollments (cohort_id, user_id, status, sponsoring_organization_id, reporting_organization_id, consent_to_share)
     SELECT co.id, u.id,
       CASE WHEN u.n % 20 = 0 THEN 'withdrawn' WHEN co.k % 2 = 1 AND u.n % 10 < 6 THEN 'completed' ELSE 'active' END,
       $1, $1, (u.n % $2) < $3
     FROM u JOIN co ON co.k = u.n / $2`,
    [orgId, perCohort, SIZES.staffPerCohort],
  );
  await c.query(
    `INSERT INTO learning_circles (cohort_id, name) SELECT co.id, jsonb_build_object('ar', 'حلقة ' || j, 'en', 'Circle ' || j) FROM cohorts co, generate_series(1, $1::int) j`,
    [SIZES.circlesPerCohort],
  );
  await c.query(
    `WITH e AS (SELECT id, cohort_id, row_number() OVER (PARTITION BY cohort_id ORDER BY id) - 1 AS n FROM enrollments),
       lc AS (SELECT id, cohort_id, row_number() OVER (PARTITION BY cohort_id ORDER BY id) - 1 AS j FROM learning_circles)
     INSERT INTO circle_memberships (circle_id, enrollment_id, joined_at)
     SELECT lc.id, e.id, now() - interval '200 days' FROM e JOIN lc ON lc.cohort_id = e.cohort_id AND lc.j = e.n % $1`,
    [SIZES.circlesPerCohort],
  );
  await c.query(
    `INSERT INTO circle_sessions (circle_id, starts_at, duration_minutes, time_zone, status)
     SELECT lc.id, now() - make_interval(days => 7 * s), 90, 'Asia/Amman', 'scheduled' FROM learning_circles lc, generate_series(1, $1::int) s`,
    [SIZES.sessions],
  );
  await c.query(
    `INSERT INTO attendance (session_id, enrollment_id, status)
     SELECT s.id, m.enrollment_id, CASE WHEN r < 7 THEN 'present' WHEN r < 8 THEN 'late' WHEN r < 9 THEN 'excused' ELSE 'absent' END
     FROM circle_sessions s JOIN circle_memberships m ON m.circle_id = s.circle_id
     CROSS JOIN LATERAL (SELECT abs(hashtext(s.id::text || m.enrollment_id::text)) % 10 AS r) x`,
  );
  await c.query(
    `INSERT INTO assignments (cohort_id, module_key, exercise_key, position, title, instructions, rubric, pass_mark, submission_kind, due_at)
     SELECT co.id, 'module-1', 'exercise-' || i, i, jsonb_build_object('ar', 'تمرين ' || i, 'en', 'Exercise ' || i), '{"en":"Write."}', '[]'::jsonb, 0, 'text', now() - make_interval(days => 10 * i)
     FROM cohorts co, generate_series(1, $1::int) i`,
    [SIZES.assignments],
  );
  await c.query(
    `INSERT INTO submissions (assignment_id, enrollment_id, status, latest_version, submitted_at)
     SELECT a.id, e.id, CASE WHEN r < 7 THEN 'passed' WHEN r = 7 THEN 'returned' ELSE 'submitted' END, 1, a.due_at - interval '1 day'
     FROM assignments a JOIN enrollments e ON e.cohort_id = a.cohort_id
     CROSS JOIN LATERAL (SELECT abs(hashtext(a.id::text || e.id::text)) % 10 AS r) x WHERE r < 9`,
  );
  await c.query(
    `INSERT INTO submission_versions (submission_id, number, text, late, submitted_at) SELECT id, 1, 'My private work', false, submitted_at FROM submissions`,
  );
  await c.query(
    `INSERT INTO certificates (enrollment_id, cohort_id, user_id, code, revision, fields, identity_salt, issued_at, pdf_revision, revoked_at)
     SELECT e.id, e.cohort_id, e.user_id, upper(substr(md5(e.id::text), 1, 24)), 1, '{}', md5(e.user_id::text), now() - interval '3 days', 1,
       CASE WHEN abs(hashtext(e.id::text)) % 50 = 0 THEN now() ELSE NULL END
     FROM enrollments e WHERE e.status = 'completed'`,
  );
  await c.query('ANALYZE');
  const [counts] = (
    await c.query(
      `SELECT count(*) FILTER (WHERE consent_to_share)::int AS consenting, count(*) FILTER (WHERE NOT consent_to_share)::int AS hidden,
         (SELECT count(*)::int FROM attendance) AS attendance, (SELECT count(*)::int FROM submissions) AS submissions, (SELECT count(*)::int FROM certificates) AS certificates
       FROM enrollments WHERE reporting_organization_id = $1`,
      [orgId],
    )
  ).rows;
  return { token, orgId, cohortId: cohorts[7].id, ...counts };
}

async function main() {
  const database = await benchDatabase(DB);
  step(`seeding ${SIZES.cohorts} cohorts × ${SIZES.staffPerCohort} consenting staff (+${SIZES.hiddenPerCohort} not consenting each)`);
  const data = await withClient(database.url, seed);
  step(`${data.consenting} consenting staff enrollments, ${data.hidden} hidden; ${data.attendance} attendance marks, ${data.submissions} submissions, ${data.certificates} certificates`);

  const api = await startApi(database.url, { BENCH_COUNT_QUERIES: '1', PUBLIC_WEB_URL: 'https://halaqa.example' });
  const base = api.base;
  try {
    const dashboard = (extra = '') => `/api/organizations/${data.orgId}/staff-progress?pageSize=${SIZES.pageSize}${extra}`;
    const first = JSON.parse(await request(base, dashboard(), data.token));
    if (first.total !== data.consenting || first.items.length !== SIZES.pageSize) throw new Error(`dashboard answered total ${first.total}, ${first.items.length} items`);
    const queries = await queriesFor(base, dashboard(), data.token);
    const queriesFiltered = await queriesFor(base, dashboard(`&cohortId=${data.cohortId}&status=active`), data.token);
    step(`SQL statements per dashboard request: ${queries} (${queriesFiltered} filtered); funnel ${JSON.stringify(first.summary.funnel)}, hidden ${first.summary.hiddenCount}`);
    const page = await timed(`GET staff-progress (${data.consenting}, first page)`, SIZES.samples, () => request(base, dashboard(), data.token));
    const deep = await timed('GET staff-progress (pages 1–50)', SIZES.samples, (i) => request(base, dashboard(`&page=${1 + (i % 50)}`), data.token));
    const filtered = await timed('GET staff-progress ?city&status', SIZES.samples, () => request(base, dashboard(`&city=${encodeURIComponent('تونس')}&status=completed`), data.token));
    // The dashboard's attendance chart is a request of its own, over every consenting staff enrollment.
    const timelinePath = `/api/organizations/${data.orgId}/attendance-timeline`;
    const chart = JSON.parse(await request(base, timelinePath, data.token));
    if (chart.items.length === 0 || !chart.items.some((item) => item.held > 0)) throw new Error(`attendance timeline answered ${chart.items.length} periods, none held`);
    const timelineQueries = await queriesFor(base, timelinePath, data.token);
    step(`SQL statements per attendance-timeline request: ${timelineQueries}; ${chart.items.length} ${chart.period}s`);
    const timeline = await timed(`GET attendance-timeline (${data.consenting})`, SIZES.samples, () => request(base, timelinePath, data.token));
    const csvTimes = [];
    let lines = 0;
    for (let i = 0; i < SIZES.csvRuns; i++) {
      const t0 = performance.now();
      const csv = await request(base, `/api/organizations/${data.orgId}/completion.csv`, data.token);
      csvTimes.push((performance.now() - t0) / 1000);
      lines = csv.trimEnd().split('\r\n').length;
    }
    csvTimes.sort((a, b) => a - b);
    const csvSeconds = +csvTimes[Math.floor(csvTimes.length / 2)].toFixed(2);
    if (lines - 1 !== data.consenting) throw new Error(`CSV has ${lines - 1} rows, expected ${data.consenting}`);
    step(`CSV of ${lines - 1} rows: ${csvSeconds} s (median of ${SIZES.csvRuns})`);
    console.log(
      JSON.stringify({
        bench: 'partners',
        sizes: SIZES,
        staff_enrollments: data.consenting,
        hidden_enrollments: data.hidden,
        dashboard_p50_ms: page.p50,
        dashboard_p95_ms: page.p95,
        dashboard_any_page_p50_ms: deep.p50,
        dashboard_any_page_p95_ms: deep.p95,
        dashboard_filtered_p50_ms: filtered.p50,
        queries_per_request: queries,
        queries_per_request_filtered: queriesFiltered,
        timeline_p50_ms: timeline.p50,
        timeline_p95_ms: timeline.p95,
        timeline_queries_per_request: timelineQueries,
        csv_seconds: csvSeconds,
        csv_rows: lines - 1,
      }),
    );
  } finally {
    api.stop();
    // BENCH_KEEP_DATABASE=1 keeps the seeded database to look at query plans.
    if (process.env.BENCH_KEEP_DATABASE !== '1') await database.drop();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exitCode = 1;
});
