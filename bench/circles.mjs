#!/usr/bin/env node
/**
 * Learning circles benchmark (issue 4). Fixed sizes: 20 cohorts × 96 active trainees, 8 circles of 12 per cohort
 * (160 circles), each circle a 26-session every-2-weeks series (half held, every member marked): 4,160 sessions and
 * 24,960 attendance marks. One coach holds 8 circles (their feed: the last 60 days and the future, 136 sessions). Measures the pages coaches
 * and trainees open most, the feed a calendar app polls, marking a circle's attendance, and scheduling a 26-session
 * series through HTTP. Needs a built api (`npx nx build api`), PostgreSQL and Redis. Last line: one JSON object.
 *
 *   npm run bench:circles
 */
import { benchDatabase, newToken, sha256, startApi, step, timed, withClient } from './lib.mjs';

const DB = 'halaqa_bench_circles';
const SIZES = { cohorts: 20, traineesPerCohort: 96, circlesPerCohort: 8, sessionsPerCircle: 26, heldPerCircle: 13, coachCircles: 8, samples: 200, writes: 50 };






async function seed(c) {
  const people = SIZES.cohorts * SIZES.traineesPerCohort;
  await c.query(`INSERT INTO users (email, name_latin, name_arabic, locale, time_zone)
    SELECT 'bench-' || i || '@example.org', 'Person ' || i, 'شخص ' || i, (ARRAY['ar','en','fr'])[1 + i % 3], 'Asia/Amman'
    FROM generate_series(1, ${people}) i`);
  await c.query(`INSERT INTO cohorts (course_version_id, course_id, name, starts_on, ends_on, time_zone, city, capacity, enrollment_mode, status, completion_rule)
    SELECT v.id, v.course_id, jsonb_build_object('ar', 'فوج ' || i, 'en', 'Cohort ' || i), current_date - 180, current_date + 180,
      'Asia/Amman', '{"ar":"عمّان","en":"Amman"}'::jsonb, 120, 'open', 'running',
      '{"minAttendancePercent":75,"requiredExercises":"all","finalReview":false}'::jsonb
    FROM generate_series(1, ${SIZES.cohorts}) i CROSS JOIN (SELECT id, course_id FROM course_versions ORDER BY id LIMIT 1) v`);
  await c.query(`WITH co AS (SELECT id, row_number() OVER (ORDER BY id) - 1 k FROM cohorts),
      us AS (SELECT id, row_number() OVER (ORDER BY email) - 1 n FROM users)
    INSERT INTO enrollments (cohort_id, user_id, status) SELECT co.id, us.id, 'active' FROM us JOIN co ON co.k = us.n / ${SIZES.traineesPerCohort}`);
  await c.query(`INSERT INTO learning_circles (cohort_id, name)
    SELECT co.id, jsonb_build_object('ar', 'حلقة ' || j, 'en', 'Circle ' || j) FROM cohorts co CROSS JOIN generate_series(1, ${SIZES.circlesPerCohort}) j`);
  await c.query(`WITH e AS (SELECT id, cohort_id, row_number() OVER (PARTITION BY cohort_id ORDER BY id) - 1 n FROM enrollments),
      lc AS (SELECT id, cohort_id, row_number() OVER (PARTITION BY cohort_id ORDER BY id) - 1 k FROM learning_circles)
    INSERT INTO circle_memberships (circle_id, enrollment_id, joined_at)
    SELECT lc.id, e.id, now() - interval '200 days' FROM e JOIN lc ON lc.cohort_id = e.cohort_id AND lc.k = e.n % ${SIZES.circlesPerCohort}`);
  // Every 2 weeks at 18:00 Amman time, half in the past.
  await c.query(`INSERT INTO circle_sessions (circle_id, series_index, starts_at, duration_minutes, time_zone, place, status, sequence)
    SELECT lc.id, s, (date_trunc('day', now() AT TIME ZONE 'Asia/Amman') + interval '18 hours' + ((s - ${SIZES.heldPerCircle} - 1) * 14 || ' days')::interval) AT TIME ZONE 'Asia/Amman',
      120, 'Asia/Amman', '{"ar":"مركز الشباب","en":"Youth centre"}'::jsonb, 'scheduled', 0
    FROM learning_circles lc CROSS JOIN generate_series(1, ${SIZES.sessionsPerCircle}) s`);
  await c.query(`INSERT INTO attendance (session_id, enrollment_id, status)
    SELECT s.id, m.enrollment_id, (ARRAY['present','present','present','late','excused','absent'])[1 + (abs(hashtext(s.id::text || m.enrollment_id::text)) % 6)]
    FROM circle_sessions s JOIN circle_memberships m ON m.circle_id = s.circle_id WHERE s.starts_at < now()`);
  const [{ id: coach }] = (await c.query(`INSERT INTO users (email, name_latin) VALUES ('coach@bench.org', 'Coach') RETURNING id`)).rows;
  const [{ id: trainer }] = (await c.query(`INSERT INTO users (email, name_latin) VALUES ('trainer@bench.org', 'Trainer') RETURNING id`)).rows;
  const circles = (await c.query(`SELECT id, cohort_id FROM learning_circles ORDER BY cohort_id, id LIMIT ${SIZES.coachCircles}`)).rows;
  for (const circle of circles) {
    await c.query(`INSERT INTO circle_coaches (circle_id, user_id) VALUES ($1, $2)`, [circle.id, coach]);
    await c.query(`INSERT INTO cohort_staff (cohort_id, user_id, role) VALUES ($1, $2, 'coach') ON CONFLICT DO NOTHING`, [circle.cohort_id, coach]);
  }
  await c.query(`INSERT INTO cohort_staff (cohort_id, user_id, role) VALUES ($1, $2, 'lead_trainer')`, [circles[0].cohort_id, trainer]);
  const [member] = (await c.query(`SELECT e.user_id FROM circle_memberships m JOIN enrollments e ON e.id = m.enrollment_id WHERE m.circle_id = $1 LIMIT 1`, [circles[0].id])).rows;
  const [nextSession] = (await c.query(`SELECT id FROM circle_sessions WHERE circle_id = $1 AND starts_at < now() ORDER BY starts_at DESC LIMIT 1`, [circles[0].id])).rows;
  const marks = (await c.query(`SELECT enrollment_id FROM circle_memberships WHERE circle_id = $1 AND left_at IS NULL`, [circles[0].id])).rows;
  const tokens = {};
  for (const [name, userId] of [['coach', coach], ['trainer', trainer], ['trainee', member.user_id]]) {
    tokens[name] = newToken();
    await c.query(`INSERT INTO sessions (token_hash, user_id, last_seen_at, expires_at) VALUES ($1, $2, now(), now() + interval '1 day')`, [sha256(tokens[name]), userId]);
  }
  await c.query('ANALYZE');
  return { tokens, circleId: circles[0].id, cohortId: circles[0].cohort_id, sessionId: nextSession.id, enrollmentIds: marks.map((m) => m.enrollment_id) };
}



async function request(base, method, path, token, body, expected = 200) {
  const res = await fetch(base + path, {
    method,
    headers: { 'accept-language': 'ar', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

async function main() {
  const database = await benchDatabase(DB);
  const dbUrl = database.url;
  const circles = SIZES.cohorts * SIZES.circlesPerCohort;
  step(`seeding ${circles} circles, ${circles * SIZES.sessionsPerCircle} sessions, ${SIZES.cohorts * SIZES.traineesPerCohort * SIZES.heldPerCircle} attendance marks`);
  const data = await withClient(dbUrl, seed);

  const api = await startApi(dbUrl);
  const base = api.base;
  try {
    const { url: feedUrl } = JSON.parse(await request(base, 'GET', '/api/me/calendar-feed', data.tokens.coach));
    const feedPath = new URL(feedUrl).pathname;
    const feed = await request(base, 'GET', feedPath, null);
    const events = (feed.match(/BEGIN:VEVENT/g) ?? []).length;
    step(`api on ${base}; the coach's feed holds ${events} sessions; ${SIZES.samples} sequential requests per read`);
    const get = (path, token) => () => request(base, 'GET', path, token);
    const results = {
      circlePage: await timed('GET /api/circles/{id} (coach)', SIZES.samples, get(`/api/circles/${data.circleId}`, data.tokens.coach)),
      circleBoard: await timed('GET cohort circle board', SIZES.samples, get(`/api/cohorts/${data.cohortId}/circles`, data.tokens.trainer)),
      myCirclesCoach: await timed('GET /api/me/circles (coach, 8)', SIZES.samples, get('/api/me/circles', data.tokens.coach)),
      mySessionsTrainee: await timed('GET /api/me/sessions (trainee)', SIZES.samples, get('/api/me/sessions', data.tokens.trainee)),
      myAttendance: await timed('GET /api/me/attendance (trainee)', SIZES.samples, get('/api/me/attendance', data.tokens.trainee)),
      attendanceRoster: await timed('GET session attendance', SIZES.samples, get(`/api/sessions/${data.sessionId}/attendance`, data.tokens.coach)),
      calendarFeed: await timed(`GET calendar feed (${events} events)`, SIZES.samples, get(feedPath, null)),
      markAttendance: await timed(`PUT attendance (${data.enrollmentIds.length} marks)`, SIZES.writes, (i) =>
        request(base, 'PUT', `/api/sessions/${data.sessionId}/attendance`, data.tokens.coach, {
          marks: data.enrollmentIds.map((enrollmentId, k) => ({ enrollmentId, status: (i + k) % 2 ? 'present' : 'late' })),
        }),
      ),
      scheduleSeries: await timed('POST a 26-session series', 20, (i) =>
        request(base, 'POST', `/api/circles/${data.circleId}/sessions`, data.tokens.coach, {
          date: new Date(Date.now() + (30 + i) * 86_400_000).toISOString().slice(0, 10),
          time: '18:00',
          durationMinutes: 90,
          repeat: 'every_2_weeks',
          occurrences: 26,
        }, 201),
      ),
    };
    results.calendarFeed.events = events;
    console.log(JSON.stringify({ bench: 'circles', sizes: SIZES, results }));
  } finally {
    api.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exitCode = 1;
});
