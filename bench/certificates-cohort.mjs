#!/usr/bin/env node
/**
 * Certificates benchmark, part 3: a cohort of 1,000 eligible trainees, issued at once. A fresh database, the trainees
 * inserted with SQL, the compiled api and one compiled worker (relay + certificate and email processors), a local
 * SMTP server; then the lead trainer's `POST /api/cohorts/{id}/certificates` and the clock runs until 1,000 emails,
 * each with its PDF attached, have arrived → `cohort_1000_seconds`. bench/certificates.mjs calls `issueCohort1000()`;
 * run alone it prints its JSON line too. Needs a built api, PostgreSQL and Redis.
 *
 *   node bench/certificates-cohort.mjs
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { ROOT, benchDatabase, newToken, sha256, startApi, step, withClient } from './lib.mjs';

const DB = 'halaqa_bench_certificates';
const TRAINEES = 1000;
const TIMEOUT_MS = 10 * 60_000;

/** A cohort whose rule every active trainee meets (no attendance minimum, no exercises, no final review). */
async function seed(c) {
  const [{ id: trainer }] = (await c.query(`INSERT INTO users (email, name_latin, name_arabic, locale) VALUES ('trainer@bench.org', 'Rania Haddad', 'رانيا حدّاد', 'ar') RETURNING id`)).rows;
  const [{ id: cohortId }] = (
    await c.query(
      `INSERT INTO cohorts (course_version_id, course_id, name, starts_on, ends_on, time_zone, city, capacity, enrollment_mode, status, completion_rule)
       SELECT v.id, v.course_id, '{"ar":"دفعة عمّان الكبرى","en":"Amman, large cohort","fr":"Amman, grande cohorte"}'::jsonb, current_date - 90, current_date - 1,
         'Asia/Amman', '{"ar":"عمّان","en":"Amman","fr":"Amman"}'::jsonb, $1, 'open', 'completed', '{"minAttendancePercent":0,"requiredExercises":"all","finalReview":false}'::jsonb
       FROM (SELECT id, course_id FROM course_versions ORDER BY id LIMIT 1) v RETURNING id`,
      [TRAINEES + 10],
    )
  ).rows;
  await c.query(`INSERT INTO cohort_staff (cohort_id, user_id, role) VALUES ($1, $2, 'lead_trainer')`, [cohortId, trainer]);
  // Varied names: Arabic and Latin, some with only one script, long ones; the three locales for the emails.
  await c.query(
    `INSERT INTO users (email, name_latin, name_arabic, locale)
     SELECT 'cert-' || i || '@example.org',
            CASE WHEN i % 10 = 3 THEN '' WHEN i % 25 = 0 THEN 'Abdulrahman Mohammed Al-Khatib Al-Hashimi ' || i ELSE (ARRAY['Salma','Karim','Nour','Yasmine','Omar','Lina'])[1 + i % 6] || ' Haddad ' || i END,
            CASE WHEN i % 10 = 7 THEN '' ELSE (ARRAY['سلمى','كريم','نور','ياسمين','عمر','لينا'])[1 + i % 6] || ' الحدّاد ' || i END,
            (ARRAY['ar','en','fr'])[1 + i % 3]
       FROM generate_series(1, $1::int) i`,
    [TRAINEES],
  );
  await c.query(`INSERT INTO enrollments (cohort_id, user_id, status) SELECT $1, id, 'active' FROM users WHERE email LIKE 'cert-%'`, [cohortId]);
  const token = newToken();
  await c.query(`INSERT INTO sessions (token_hash, user_id, last_seen_at, expires_at) VALUES ($1, $2, now(), now() + interval '1 day')`, [sha256(token), trainer]);
  await c.query('ANALYZE');
  return { cohortId, token };
}

/** Counts the emails it accepts (and how many carried a PDF); the content is read and dropped. */
async function startSmtp() {
  let received = 0;
  let withPdf = 0;
  const waiters = new Set();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 20 * 1024 * 1024,
    onData(stream, _session, callback) {
      let tail = '';
      let pdf = false;
      stream.on('data', (chunk) => {
        if (pdf) return;
        const text = tail + chunk.toString('latin1');
        pdf = text.includes('Content-Type: application/pdf');
        tail = text.slice(-64);
      });
      stream.on('end', () => {
        received++;
        if (pdf) withPdf++;
        callback();
        for (const wake of waiters) wake();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    counts: () => ({ received, withPdf }),
    waitFor: (count, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received} of ${count} emails arrived within ${timeoutMs / 1000} s`)), timeoutMs);
        const wake = () => {
          if (received < count) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
        wake();
      }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The compiled worker in production mode against the same database and queue prefix as the api. */
function startWorker(env) {
  const child = spawn(process.execPath, ['api/dist/worker.js'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { pid: child.pid, stop: async () => (child.kill('SIGTERM'), await exited) };
}

/** Part 3: seconds from the batch request to the 1,000th email, plus what it took to get there. */
export async function issueCohort1000() {
  const database = await benchDatabase(DB);
  const filesDir = await mkdtemp(join(tmpdir(), 'halaqa-bench-files-'));
  const smtp = await startSmtp();
  const env = {
    CALENDAR_FEED_SECRET: randomBytes(32).toString('hex'),
    CREDENTIAL_SIGNING_SECRET: randomBytes(32).toString('hex'),
    BULL_PREFIX: `bench-certificates-${randomBytes(3).toString('hex')}`,
    FILES_DIR: filesDir,
  };
  let api;
  let worker;
  try {
    step(`seeding a cohort of ${TRAINEES} eligible trainees`);
    const data = await withClient(database.url, seed);
    api = await startApi(database.url, env);
    worker = startWorker({ ...env, DATABASE_URL: database.url, SMTP_URL: smtp.url, OUTBOX_POLL_MS: '100', PUBLIC_API_URL: api.base });

    step(`POST /api/cohorts/{id}/certificates, then waiting for ${TRAINEES} emails`);
    const t0 = performance.now();
    const res = await fetch(`${api.base}/api/cohorts/${data.cohortId}/certificates`, { method: 'POST', headers: { authorization: `Bearer ${data.token}`, 'accept-language': 'en' } });
    const batch = await res.json();
    if (res.status !== 202) throw new Error(`batch request answered ${res.status}: ${JSON.stringify(batch).slice(0, 300)}`);
    const requestMs = performance.now() - t0;
    // When the last PDF was recorded, to tell rendering from sending in the total.
    let renderedSeconds = null;
    const sampler = setInterval(() => {
      if (renderedSeconds !== null) return;
      withClient(database.url, (c) => c.query(`SELECT count(*)::int AS n FROM certificates WHERE pdf_revision = revision`))
        .then(({ rows }) => {
          if (rows[0].n >= TRAINEES && renderedSeconds === null) renderedSeconds = (performance.now() - t0) / 1000;
        })
        .catch(() => undefined);
    }, 250);
    await smtp.waitFor(TRAINEES, TIMEOUT_MS).finally(() => clearInterval(sampler));
    const seconds = (performance.now() - t0) / 1000;

    const state = await (await fetch(`${api.base}/api/certificate-batches/${batch.id}`, { headers: { authorization: `Bearer ${data.token}` } })).json();
    const files = (await readdir(filesDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
    const { received, withPdf } = smtp.counts();
    step(`${TRAINEES} certificates issued in ${requestMs.toFixed(0)} ms (one request), all rendered after ${renderedSeconds?.toFixed(1) ?? '?'} s, all emailed after ${seconds.toFixed(1)} s; ${withPdf} emails with a PDF, ${files} PDFs stored, batch ${state.rendered}/${state.total} rendered`);
    return { cohort_1000_seconds: +seconds.toFixed(1), cohort_1000_rendered_seconds: renderedSeconds === null ? null : +renderedSeconds.toFixed(1), cohort_1000_request_ms: +requestMs.toFixed(0), cohort_1000_emails: received, cohort_1000_emails_with_pdf: withPdf, cohort_1000_pdfs_stored: files };
  } finally {
    await worker?.stop();
    api?.stop();
    await smtp.close();
    await rm(filesDir, { recursive: true, force: true });
    await database.drop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  issueCohort1000()
    .then((result) => console.log(JSON.stringify({ bench: 'certificates-cohort', ...result })))
    .catch((error) => {
      console.error(`bench failed: ${error.message}`);
      process.exitCode = 1;
    });
}
