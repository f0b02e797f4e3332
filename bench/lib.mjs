/**
 * What every benchmark needs: its own migrated database with the courses imported, the compiled api started on a
 * free port against it, timing and small helpers. Each benchmark keeps only its data and its measurements.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const step = (message) => process.stdout.write(`• ${message}\n`);
export const sha256 = (value) => createHash('sha256').update(value, 'utf8').digest('hex');
/** A session token as the api issues them (43 base64url characters); insert its sha256 into `sessions`. */
export const newToken = () => randomBytes(32).toString('base64url');

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh database `name`, migrated, with the shipped courses imported. `drop()` removes it. */
export async function benchDatabase(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  step(`database ${name}`);
  await withClient(ADMIN_URL, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  await run(['api/dist/database/migrate.js'], { DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' });
  step('importing the three courses');
  await run(['api/dist/courses/import-courses.js'], { DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' });
  return {
    url: dbUrl,
    drop: () => withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined),
  };
}

/** The compiled api in production mode on a free port, once it answers its health check. */
export async function startApi(dbUrl, env = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['api/dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      CALENDAR_FEED_SECRET: randomBytes(32).toString('hex'),
      CREDENTIAL_SIGNING_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_API_URL: base,
      BULL_PREFIX: `bench-${randomBytes(3).toString('hex')}`,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null || i > 240) throw new Error('api did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs `once` n times in a row; prints and returns p50/p95 in milliseconds. */
export async function timed(name, n, once) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await once(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const result = { p50: +percentile(times, 50).toFixed(1), p95: +percentile(times, 95).toFixed(1) };
  step(`${name.padEnd(34)} p50 ${String(result.p50).padStart(6)} ms   p95 ${String(result.p95).padStart(6)} ms`);
  return result;
}

/** GET as an Arabic reader (with a session token if given); anything but 200 stops the bench with the api's answer. */
export async function request(base, path, token) {
  const res = await fetch(base + path, { headers: { 'accept-language': 'ar', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

/** SQL statements the api sent for one request (the api started with BENCH_COUNT_QUERIES=1). */
export async function queriesFor(base, path, token) {
  const count = async () => JSON.parse(await request(base, '/api/bench/query-count')).queries;
  const before = await count();
  await request(base, path, token);
  return (await count()) - before;
}
