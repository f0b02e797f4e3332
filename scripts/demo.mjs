#!/usr/bin/env node
// `npm run demo`: from a fresh clone to a running Halaqa (api :3333, worker, web :3000) with the demo data.
// Every step is idempotent; Ctrl-C stops all three processes.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, ensureDependencies, ensureServices, root, run, step } from './lib.mjs';

const TOTAL = 6;
const env = {
  DATABASE_URL: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  REDIS_URL: process.env.REDIS_URL ?? DEFAULT_REDIS_URL,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
};
Object.assign(process.env, env);

step(1, TOTAL, 'Installing dependencies');
ensureDependencies();

step(2, TOTAL, 'Checking PostgreSQL and Redis');
await ensureServices({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL });

step(3, TOTAL, 'Building api, worker and web');
run('npx', ['nx', 'run-many', '-t', 'build', '--projects=migrations,api,web', '--outputStyle=static'], { failure: 'The build failed; the messages above say where.' });

step(4, TOTAL, 'Migrating the database');
run('node', ['api/dist/database/migrate.js'], { failure: 'Migrating the database failed; the message above says why.' });

step(5, TOTAL, 'Loading the demo data');
run('node', ['api/dist/courses/import-courses.js'], { failure: 'Importing the courses failed; the message above says which file and line.' });
run('node', ['api/dist/demo/seed.js'], { failure: 'Loading the demo data failed; the message above says why.' });

step(6, TOTAL, 'Starting api (http://localhost:3333/api/docs), worker and web (http://localhost:3000)');
process.stdout.write('Demo accounts (password halaqa-demo): admin@, trainer@, coach@, trainee@, partner@, graduate@example.org\nCtrl-C stops everything.\n\n');
// The web signs its cookies with SESSION_SECRET: the demo makes one per checkout and keeps it, so a restart does not
// sign everybody out. It serves plain http on localhost, hence cookies without the Secure flag.
function demoSessionSecret() {
  const file = join(root, 'var/demo-session-secret');
  if (!existsSync(file)) {
    mkdirSync(join(root, 'var'), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
// Calendar feed URLs are signed with CALENDAR_FEED_SECRET: kept per checkout too, so subscribed calendars keep working
// across restarts of the demo.
function demoCalendarFeedSecret() {
  const file = join(root, 'var/demo-calendar-feed-secret');
  if (!existsSync(file)) {
    mkdirSync(join(root, 'var'), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
// Certificate credentials are signed with a key derived from CREDENTIAL_SIGNING_SECRET: kept per checkout, so
// credentials issued in an earlier run still verify.
function demoCredentialSigningSecret() {
  const file = join(root, 'var/demo-credential-signing-secret');
  if (!existsSync(file)) {
    mkdirSync(join(root, 'var'), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
const secretsEnv = {
  CALENDAR_FEED_SECRET: process.env.CALENDAR_FEED_SECRET ?? demoCalendarFeedSecret(),
  CREDENTIAL_SIGNING_SECRET: process.env.CREDENTIAL_SIGNING_SECRET ?? demoCredentialSigningSecret(),
};
const webEnv = {
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  WEB_PORT: process.env.WEB_PORT ?? '3000',
  SESSION_SECRET: process.env.SESSION_SECRET ?? demoSessionSecret(),
  COOKIE_SECURE: process.env.COOKIE_SECURE ?? 'false',
};

const { default: concurrently } = await import('concurrently');
const { result } = concurrently(
  [
    { command: 'node api/dist/main.js', name: 'api', env: { PORT: process.env.PORT ?? '3333', ...secretsEnv } },
    { command: 'node api/dist/worker.js', name: 'worker', env: secretsEnv },
    { command: 'node web/server.mjs', name: 'web', env: webEnv },
  ],
  { cwd: root, prefix: 'name', killOthersOn: ['failure'], handleInput: false, killSignal: 'SIGTERM' },
);
result.then(
  () => process.exit(0),
  (events) => {
    const interrupted = Array.isArray(events) && events.every((e) => e.killed || e.exitCode === 0 || e.exitCode === 130 || e.exitCode === 'SIGINT' || e.exitCode === 'SIGTERM');
    process.exit(interrupted ? 0 : 1);
  },
);
