#!/usr/bin/env node
/**
 * Catalog and enrollment benchmark (issue 3). Fixed sizes: 3 courses, 300 cohorts (100 active people each, 10 on a
 * waitlist, one 20-seat allocation), 33,000 people. Measures the read endpoints a trainee, a trainer and a partner
 * open most, sequentially (latency), then 200 people enrolling at once into a cohort of 100 (throughput under the
 * cohort row lock). Needs a built api (`npx nx build api`), PostgreSQL and Redis. Last line: one JSON object.
 *
 *   npm run bench:enrollment
 */
import { benchDatabase, newToken, percentile, sha256, startApi, step, withClient } from './lib.mjs';

const DB = 'halaqa_bench_enrollment';
const SIZES = { cohorts: 300, activePerCohort: 100, waitlistedPerCohort: 10, people: 33_000, organizations: 20, racers: 200, raceCapacity: 100, samples: 200 };







async function seed(c) {
  await c.query(`INSERT INTO organizations (name, kind, country, city)
    SELECT jsonb_build_object('ar', 'جمعية ' || i, 'en', 'Association ' || i), 'cso', 'JO', '{"ar":"عمّان","en":"Amman"}'::jsonb
    FROM generate_series(1, ${SIZES.organizations}) i`);
  await c.query(`INSERT INTO users (email, name_latin, name_arabic, locale, time_zone)
    SELECT 'bench-' || i || '@example.org', 'Person ' || i, 'شخص ' || i, (ARRAY['ar','en','fr'])[1 + i % 3], 'Asia/Amman'
    FROM generate_series(1, ${SIZES.people}) i`);
  await c.query(`INSERT INTO organization_members (organization_id, user_id, role)
    SELECT o.id, u.id, CASE WHEN u.rn <= ${SIZES.organizations} THEN 'manager' ELSE 'staff' END
    FROM (SELECT id, row_number() OVER (ORDER BY email) rn FROM users) u
    JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 k FROM organizations) o ON o.k = u.rn % ${SIZES.organizations}
    WHERE u.rn <= 2000`);
  await c.query(`INSERT INTO cohorts (course_version_id, course_id, name, starts_on, ends_on, time_zone, city, capacity, enrollment_mode, status, completion_rule)
    SELECT v.id, v.course_id, jsonb_build_object('ar', 'فوج ' || i, 'en', 'Cohort ' || i), current_date + (i % 90), current_date + (i % 90) + 60,
      'Asia/Amman', '{"ar":"عمّان","en":"Amman"}'::jsonb, 150, 'open',
      CASE WHEN i % 10 = 0 THEN 'completed' WHEN i % 10 = 1 THEN 'running' ELSE 'open' END,
      '{"minAttendancePercent":75,"requiredExercises":"all","finalReview":false}'::jsonb
    FROM generate_series(1, ${SIZES.cohorts}) i
    JOIN (SELECT id, course_id, row_number() OVER (ORDER BY course_id) - 1 k FROM course_versions) v ON v.k = i % 3`);
  // People 1..30000 fill the cohorts in order; the next 3000 wait.
  await c.query(`WITH co AS (SELECT id, row_number() OVER (ORDER BY id) - 1 k FROM cohorts),
      us AS (SELECT id, row_number() OVER (ORDER BY email) - 1 n FROM users)
    INSERT INTO enrollments (cohort_id, user_id, status, waitlisted_at)
    SELECT co.id, us.id,
      CASE WHEN us.n < ${SIZES.cohorts * SIZES.activePerCohort} THEN 'active' ELSE 'waitlisted' END,
      CASE WHEN us.n < ${SIZES.cohorts * SIZES.activePerCohort} THEN NULL ELSE now() - (us.n || ' seconds')::interval END
    FROM us JOIN co ON co.k = (CASE WHEN us.n < ${SIZES.cohorts * SIZES.activePerCohort} THEN us.n / ${SIZES.activePerCohort} ELSE (us.n - ${SIZES.cohorts * SIZES.activePerCohort}) / ${SIZES.waitlistedPerCohort} END)`);
  await c.query(`INSERT INTO seat_allocations (cohort_id, organization_id, seats)
    SELECT co.id, o.id, 20 FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 k FROM cohorts) co
    JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 k FROM organizations) o ON o.k = co.k % ${SIZES.organizations}`);
  // A trainer leading 60 cohorts, a trainee in 12, the admin; sessions with known tokens for everyone measured.
  const [{ id: trainer }] = (await c.query(`INSERT INTO users (email, name_latin) VALUES ('trainer@bench.org', 'Trainer') RETURNING id`)).rows;
  const [{ id: admin }] = (await c.query(`INSERT INTO users (email, name_latin, is_admin) VALUES ('admin@bench.org', 'Admin', true) RETURNING id`)).rows;
  const [{ id: trainee }] = (await c.query(`INSERT INTO users (email, name_latin) VALUES ('trainee@bench.org', 'Trainee') RETURNING id`)).rows;
  await c.query(`INSERT INTO cohort_staff (cohort_id, user_id, role) SELECT id, $1, 'lead_trainer' FROM cohorts ORDER BY id LIMIT 60`, [trainer]);
  await c.query(`INSERT INTO enrollments (cohort_id, user_id, status) SELECT id, $1, 'active' FROM cohorts ORDER BY id DESC LIMIT 12`, [trainee]);
  const [manager] = (await c.query(`SELECT user_id, organization_id FROM organization_members WHERE role = 'manager' LIMIT 1`)).rows;
  const [race] = (await c.query(`INSERT INTO cohorts (course_version_id, course_id, name, starts_on, ends_on, time_zone, capacity, enrollment_mode, status, completion_rule)
    SELECT id, course_id, '{"en":"The race"}', current_date + 30, current_date + 60, 'Asia/Amman', ${SIZES.raceCapacity}, 'open', 'open', '{"minAttendancePercent":75,"requiredExercises":"all","finalReview":false}'
    FROM course_versions LIMIT 1 RETURNING id`)).rows;
  const racers = (await c.query(`INSERT INTO users (email, name_latin) SELECT 'racer-' || i || '@example.org', 'Racer ' || i FROM generate_series(1, ${SIZES.racers}) i RETURNING id`)).rows;
  const tokens = {};
  const sessions = [
    ['trainer', trainer],
    ['admin', admin],
    ['trainee', trainee],
    ['manager', manager.user_id],
    ...racers.map((r, i) => [`racer${i}`, r.id]),
  ];
  for (const [name, userId] of sessions) {
    tokens[name] = newToken();
    await c.query(`INSERT INTO sessions (token_hash, user_id, last_seen_at, expires_at) VALUES ($1, $2, now(), now() + interval '1 day')`, [sha256(tokens[name]), userId]);
  }
  const [{ id: bigCohort }] = (await c.query(`SELECT id FROM cohorts ORDER BY id LIMIT 1`)).rows;
  const [{ slug }] = (await c.query(`SELECT slug FROM courses ORDER BY slug LIMIT 1`)).rows;
  await c.query('ANALYZE');
  return { tokens, raceCohort: race.id, bigCohort, slug, organizationId: manager.organization_id, racers: racers.length };
}


async function measure(base, name, path, bearer) {
  const headers = { 'accept-language': 'ar', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) };
  const first = await fetch(base + path, { headers });
  if (first.status !== 200) throw new Error(`${name}: GET ${path} answered ${first.status}: ${await first.text()}`);
  await first.arrayBuffer();
  const times = [];
  for (let i = 0; i < SIZES.samples; i++) {
    const t0 = performance.now();
    const res = await fetch(base + path, { headers });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const result = { p50: +percentile(times, 50).toFixed(1), p95: +percentile(times, 95).toFixed(1) };
  step(`${name.padEnd(22)} p50 ${String(result.p50).padStart(6)} ms   p95 ${String(result.p95).padStart(6)} ms`);
  return result;
}

async function main() {
  const database = await benchDatabase(DB);
  const dbUrl = database.url;
  step(`seeding ${SIZES.cohorts} cohorts, ${SIZES.people} people, ${SIZES.cohorts * (SIZES.activePerCohort + SIZES.waitlistedPerCohort)} enrollments`);
  const data = await withClient(dbUrl, seed);

  const api = await startApi(dbUrl);
  const base = api.base;
  try {
    step(`api on ${base}; ${SIZES.samples} sequential requests each`);
    const results = {
      catalog: await measure(base, 'GET /api/courses', '/api/courses'),
      coursePage: await measure(base, 'GET /api/courses/{slug}', `/api/courses/${data.slug}`),
      cohortPage: await measure(base, 'GET /api/cohorts/{id}', `/api/cohorts/${data.bigCohort}`, data.tokens.trainee),
      trainerCohorts: await measure(base, 'GET /api/me/cohorts', '/api/me/cohorts', data.tokens.trainer),
      adminCohorts: await measure(base, 'GET /api/me/cohorts (admin)', '/api/me/cohorts', data.tokens.admin),
      roster: await measure(base, 'GET roster (110 people)', `/api/cohorts/${data.bigCohort}/enrollments`, data.tokens.admin),
      myEnrollments: await measure(base, 'GET /api/me/enrollments', '/api/me/enrollments', data.tokens.trainee),
      organizationSeats: await measure(base, 'GET org seats (15 cohorts)', `/api/organizations/${data.organizationId}/seats`, data.tokens.manager),
    };

    step(`${data.racers} people enrolling at once into a cohort of ${SIZES.raceCapacity}`);
    const t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: data.racers }, (_, i) =>
        fetch(`${base}/api/cohorts/${data.raceCohort}/enrollments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${data.tokens[`racer${i}`]}`, 'content-type': 'application/json' },
          body: '{}',
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    const raceMs = performance.now() - t0;
    const statuses = answers.reduce((acc, a) => ({ ...acc, [a.body.status ?? a.status]: (acc[a.body.status ?? a.status] ?? 0) + 1 }), {});
    const active = await withClient(dbUrl, async (c) => Number((await c.query(`SELECT count(*) FROM enrollments WHERE cohort_id = $1 AND status = 'active'`, [data.raceCohort])).rows[0].count));
    if (active !== SIZES.raceCapacity) throw new Error(`capacity exceeded or not filled: ${active} active`);
    step(`race: ${raceMs.toFixed(0)} ms for ${data.racers} (${((data.racers / raceMs) * 1000).toFixed(0)}/s), outcome ${JSON.stringify(statuses)}, ${active} active`);
    results.enrollmentRace = { people: data.racers, capacity: SIZES.raceCapacity, ms: Math.round(raceMs), perSecond: Math.round((data.racers / raceMs) * 1000), active, outcome: statuses };

    console.log(JSON.stringify({ bench: 'enrollment', sizes: SIZES, results }));
  } finally {
    api.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exitCode = 1;
});
