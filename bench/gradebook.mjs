#!/usr/bin/env node
/**
 * Gradebook benchmark (issue 5). Fixed sizes: a cohort of 2,000 active trainees in 100 circles of 20 with 25
 * assignments, every trainee × assignment seeded with SQL (about 70 % passed with a released review, 10 % returned,
 * 10 % waiting for review, 10 % not started): 50,000 cells; a second cohort of 200 trainees × 25 the same way.
 * Measures the gradebook page (100 rows, the largest page) as the lead trainer, counts the SQL statements each
 * request sends (the api counts them when BENCH_COUNT_QUERIES=1), downloads the whole CSV and reads the api
 * process's peak RSS (VmHWM). Needs a built api, PostgreSQL and Redis. Last line: one JSON object.
 *
 *   npm run bench:gradebook
 */
import { benchDatabase, newToken, queriesFor, request, sha256, startApi, step, timed, withClient } from './lib.mjs';
import { readFileSync } from 'node:fs';

const DB = 'halaqa_bench_gradebook';
const SIZES = { trainees: 2000, smallTrainees: 200, assignments: 25, circleSize: 20, pageSize: 100, samples: 100, csvRuns: 3 };

const level = (key, points, en) => ({ key, points, label: { en }, description: { en } });
const RUBRIC = JSON.stringify(
  ['story', 'choice', 'outcome'].map((key) => ({ key, title: { en: key, ar: key }, levels: [level('beginning', 1, 'Beginning'), level('developing', 2, 'Developing'), level('proficient', 3, 'Proficient')] })),
);

/** One cohort of `trainees` with its circles, assignments, submissions, versions and reviews; returns its id. */
async function seedCohort(c, tag, trainees, trainer) {
  const [{ id: cohortId }] = (
    await c.query(
      `INSERT INTO cohorts (course_version_id, course_id, name, starts_on, ends_on, time_zone, city, capacity, enrollment_mode, status, completion_rule)
       SELECT v.id, v.course_id, jsonb_build_object('ar', 'فوج ' || $1::text, 'en', 'Cohort ' || $1::text), current_date - 120, current_date + 60,
         'Asia/Amman', '{"ar":"عمّان","en":"Amman"}'::jsonb, $2, 'open', 'running', '{"minAttendancePercent":75,"requiredExercises":"all","finalReview":false}'::jsonb
       FROM (SELECT id, course_id FROM course_versions ORDER BY id LIMIT 1) v RETURNING id`,
      [tag, trainees + 100],
    )
  ).rows;
  await c.query(`INSERT INTO cohort_staff (cohort_id, user_id, role) VALUES ($1, $2, 'lead_trainer')`, [cohortId, trainer]);
  await c.query(
    `INSERT INTO users (email, name_latin, name_arabic, locale) SELECT 'gb-' || $1::text || '-' || i || '@example.org', 'Trainee ' || i, 'متدرّب ' || i, (ARRAY['ar','en','fr'])[1 + i % 3]
     FROM generate_series(1, $2::int) i`,
    [tag, trainees],
  );
  await c.query(`INSERT INTO enrollments (cohort_id, user_id, status) SELECT $1, id, 'active' FROM users WHERE email LIKE 'gb-' || $2::text || '-%'`, [cohortId, tag]);
  await c.query(`INSERT INTO learning_circles (cohort_id, name) SELECT $1, jsonb_build_object('ar', 'حلقة ' || j, 'en', 'Circle ' || j) FROM generate_series(1, $2::int) j`, [
    cohortId,
    Math.ceil(trainees / SIZES.circleSize),
  ]);
  await c.query(
    `WITH e AS (SELECT id, row_number() OVER (ORDER BY id) - 1 n FROM enrollments WHERE cohort_id = $1),
       lc AS (SELECT id, row_number() OVER (ORDER BY id) - 1 k FROM learning_circles WHERE cohort_id = $1)
     INSERT INTO circle_memberships (circle_id, enrollment_id, joined_at) SELECT lc.id, e.id, now() - interval '100 days' FROM e JOIN lc ON lc.k = e.n / $2`,
    [cohortId, SIZES.circleSize],
  );
  await c.query(
    `INSERT INTO assignments (cohort_id, module_key, exercise_key, position, title, instructions, rubric, pass_mark, submission_kind, due_at)
     SELECT $1, 'module-' || (1 + i / 5), 'exercise-' || i, i, jsonb_build_object('ar', 'تمرين ' || i, 'en', 'Exercise ' || i), '{"en":"Write."}', $2::jsonb, 6, 'text', now() - ((30 - i) || ' days')::interval
     FROM generate_series(1, $3::int) i`,
    [cohortId, RUBRIC, SIZES.assignments],
  );
  // r in [0, 10): 0–6 passed, 7 returned, 8 waiting, 9 nothing.
  await c.query(
    `INSERT INTO submissions (assignment_id, enrollment_id, status, latest_version, submitted_at)
     SELECT a.id, e.id, CASE WHEN r < 7 THEN 'passed' WHEN r = 7 THEN 'returned' ELSE 'submitted' END, 1, a.due_at - interval '1 day'
     FROM (SELECT id, due_at FROM assignments WHERE cohort_id = $1) a CROSS JOIN (SELECT id FROM enrollments WHERE cohort_id = $1) e
     CROSS JOIN LATERAL (SELECT abs(hashtext(a.id::text || e.id::text)) % 10 AS r) x WHERE r < 9`,
    [cohortId],
  );
  await c.query(
    `INSERT INTO submission_versions (submission_id, number, text, late, submitted_at)
     SELECT s.id, 1, 'My work', (abs(hashtext(s.id::text)) % 8 = 0), s.submitted_at FROM submissions s JOIN assignments a ON a.id = s.assignment_id WHERE a.cohort_id = $1`,
    [cohortId],
  );
  await c.query(
    `INSERT INTO reviews (version_id, reviewer_id, scores, points, feedback, decision, released_at)
     SELECT v.id, $2, '{"story":"proficient","choice":"developing","outcome":"proficient"}', CASE WHEN s.status = 'passed' THEN 8 ELSE 4 END, 'Feedback',
       CASE WHEN s.status = 'passed' THEN 'pass' ELSE 'revise' END, s.submitted_at + interval '2 days'
     FROM submission_versions v JOIN submissions s ON s.id = v.submission_id JOIN assignments a ON a.id = s.assignment_id
     WHERE a.cohort_id = $1 AND s.status IN ('passed', 'returned')`,
    [cohortId, trainer],
  );
  return cohortId;
}

async function seed(c) {
  const [{ id: trainer }] = (await c.query(`INSERT INTO users (email, name_latin) VALUES ('trainer@bench.org', 'Trainer') RETURNING id`)).rows;
  const big = await seedCohort(c, 'big', SIZES.trainees, trainer);
  const small = await seedCohort(c, 'small', SIZES.smallTrainees, trainer);
  const token = newToken();
  await c.query(`INSERT INTO sessions (token_hash, user_id, last_seen_at, expires_at) VALUES ($1, $2, now(), now() + interval '1 day')`, [sha256(token), trainer]);
  await c.query('ANALYZE');
  const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM submissions`)).rows;
  return { token, big, small, submissions: n };
}

const rssMb = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { hwm: +(kb('VmHWM') / 1024).toFixed(1), rss: +(kb('VmRSS') / 1024).toFixed(1) };
};

async function main() {
  const database = await benchDatabase(DB);
  const dbUrl = database.url;
  step(`seeding ${SIZES.trainees} + ${SIZES.smallTrainees} trainees × ${SIZES.assignments} assignments`);
  const data = await withClient(dbUrl, seed);
  step(`${data.submissions} submissions`);

  const api = await startApi(dbUrl, { BENCH_COUNT_QUERIES: '1' });
  const base = api.base;
  try {
    const page = (cohortId, extra = '') => `/api/cohorts/${cohortId}/gradebook?pageSize=${SIZES.pageSize}${extra}`;
    const queries = await queriesFor(base, page(data.big), data.token);
    const queriesAt200 = await queriesFor(base, page(data.small), data.token);
    const queriesFiltered = await queriesFor(base, page(data.big, '&status=returned&q=1'), data.token);
    step(`SQL statements per gradebook request: ${queries} at ${SIZES.trainees}, ${queriesAt200} at ${SIZES.smallTrainees}, ${queriesFiltered} filtered`);
    const gradebook = await timed(`GET gradebook (${SIZES.trainees}, ${SIZES.pageSize} rows)`, SIZES.samples, (i) => request(base, page(data.big, `&page=${1 + (i % 20)}`), data.token));
    const filtered = await timed('GET gradebook ?status=returned&q=1', SIZES.samples, () => request(base, page(data.big, '&status=returned&q=1'), data.token));
    const small = await timed(`GET gradebook (${SIZES.smallTrainees})`, SIZES.samples, () => request(base, page(data.small), data.token));
    const before = rssMb(api.pid);
    const csvTimes = [];
    let lines = 0;
    for (let i = 0; i < SIZES.csvRuns; i++) {
      const t0 = performance.now();
      const csv = await request(base, `/api/cohorts/${data.big}/gradebook.csv`, data.token);
      csvTimes.push((performance.now() - t0) / 1000);
      lines = csv.trimEnd().split('\r\n').length;
    }
    csvTimes.sort((a, b) => a - b);
    const after = rssMb(api.pid);
    const csvSeconds = +csvTimes[Math.floor(csvTimes.length / 2)].toFixed(2);
    step(`CSV of ${lines - 1} rows: ${csvSeconds} s (median of ${SIZES.csvRuns}); api RSS ${before.rss} MB before (peak so far ${before.hwm} MB), peak after (VmHWM) ${after.hwm} MB`);
    console.log(
      JSON.stringify({
        bench: 'gradebook',
        sizes: SIZES,
        gradebook_p50_ms: gradebook.p50,
        gradebook_p95_ms: gradebook.p95,
        gradebook_filtered_p50_ms: filtered.p50,
        gradebook_at_200_p50_ms: small.p50,
        queries_per_request: queries,
        queries_per_request_at_200: queriesAt200,
        queries_per_request_filtered: queriesFiltered,
        csv_seconds: csvSeconds,
        csv_rows: lines - 1,
        csv_peak_rss_mb: after.hwm,
        rss_before_csv_mb: before.rss,
        peak_rss_before_csv_mb: before.hwm,
      }),
    );
  } finally {
    api.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exitCode = 1;
});
