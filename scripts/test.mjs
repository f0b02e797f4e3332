#!/usr/bin/env node
// `npm test`: from a fresh clone to every suite run against real PostgreSQL, Redis, an SMTP server and Chromium.
// Test databases are created from a migrated template and dropped by the suites; the demo database is never touched.
// The last line is `N passed, N failed`, computed from jest's own results (lint and typecheck count as one test each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, ensureDebianPrograms, ensureDependencies, ensureServices, root, run, step } from './lib.mjs';

const TOTAL = 6;
const passthrough = process.argv.slice(2); // e.g. `npm test -- --selectProjects unit`
Object.assign(process.env, {
  DATABASE_URL: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  REDIS_URL: process.env.REDIS_URL ?? DEFAULT_REDIS_URL,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
});
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

step(1, TOTAL, 'Installing dependencies');
ensureDependencies();

step(2, TOTAL, 'Checking Chromium (browser tests) and poppler (certificate PDF review)');
ensureDebianPrograms([
  { path: CHROMIUM, pkg: 'chromium', why: 'The browser tests (or set CHROMIUM_PATH)' },
  // pdftoppm turns certificates into PNGs; pdftotext, pdffonts and pdfinfo read them back.
  { path: '/usr/bin/pdftoppm', pkg: 'poppler-utils', why: 'The certificate PDF review test' },
]);

step(3, TOTAL, 'Checking PostgreSQL and Redis');
await ensureServices({ databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL, createDatabase: false });

step(4, TOTAL, 'Building (cached when nothing changed)');
run('npx', ['nx', 'run-many', '-t', 'build', '--projects=migrations,api,web', '--outputStyle=static'], { failure: 'The build failed; the messages above say where.' });

step(5, TOTAL, 'Lint and typecheck (zero warnings)');
const checks = ['lint', 'typecheck'].map((target) => {
  const r = spawnSync('npx', ['nx', 'run-many', '-t', target, '--outputStyle=static'], { cwd: root, stdio: 'inherit', env: process.env });
  process.stdout.write(`${target}: ${r.status === 0 ? 'passed' : 'FAILED'}\n`);
  return r.status === 0;
});

step(6, TOTAL, 'Unit, integration, API end-to-end and browser tests');
mkdirSync(join(root, 'var'), { recursive: true });
const resultsFile = join(root, 'var/jest-results.json');
// IO-bound suites (databases, SMTP, browsers): more workers than the 2 cores keeps the run short.
const jest = spawnSync('npx', ['jest', '--maxWorkers=3', '--json', `--outputFile=${resultsFile}`, ...passthrough], { cwd: root, stdio: 'inherit', env: process.env });

let passed = checks.filter(Boolean).length;
let failed = checks.length - passed;
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed += results.numPassedTests;
  // A file that could not run counts as failed even though none of its tests was counted.
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
} else {
  failed += 1;
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && jest.status === 0 ? 0 : 1);
