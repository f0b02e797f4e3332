// Shared by `npm run demo` and `npm test`: only Node's own modules here, because these run before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

export function step(n, total, text) {
  process.stdout.write(`\n[${n}/${total}] ${text}\n`);
}

export function fail(sentence) {
  process.stderr.write(`\n✗ ${sentence}\n`);
  process.exit(1);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  if (result.status !== 0) fail(options.failure ?? `${command} ${args.join(' ')} failed (exit ${result.status}).`);
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = join(root, 'node_modules/.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) {
    process.stdout.write('dependencies are installed\n');
    return;
  }
  // `npm install`, not `npm ci`: the registry reachable here lacks the other platforms' optional binaries
  // (@swc/core-darwin-*, …), so no lockfile written here lists them and `npm ci` refuses it as out of sync.
  // `npm install` still installs the versions the lockfile pins.
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { failure: 'Installing dependencies failed (npm install). Check your network access to the npm registry.' });
}

/**
 * Debian packages the tests run as programs (Chromium for the browser tests, poppler-utils for the certificate PDF
 * review): each `{ path, pkg, why }` whose program is missing is installed with apt-get when running as root (CI),
 * with one `apt-get update`; otherwise the run stops and says what to install.
 */
export function ensureDebianPrograms(programs) {
  const missing = programs.filter(({ path }) => !existsSync(path));
  for (const { path } of programs.filter((program) => !missing.includes(program))) process.stdout.write(`${path} is there\n`);
  if (missing.length === 0) return;
  const names = missing.map(({ pkg }) => pkg);
  if (process.getuid?.() !== 0) {
    fail(missing.map(({ path, pkg, why }) => `${why} need ${path}: install Debian's package (\`sudo apt-get install ${pkg}\`).`).join('\n  '));
  }
  run('apt-get', ['update', '-qq'], { failure: `apt-get update failed; cannot install ${names.join(', ')}.` });
  run('apt-get', ['install', '-y', '-qq', ...names], { env: { DEBIAN_FRONTEND: 'noninteractive' }, failure: `Installing ${names.join(', ')} failed; ${missing.map(({ why }) => why).join(' and ')} need them.` });
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/halaqa';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const START_HINT = 'Start it with `docker compose up -d postgres redis`, or start your local service';

/** Checks PostgreSQL (and creates the database if missing) and Redis, failing with one sentence each. */
export async function ensureServices({ databaseUrl, redisUrl, createDatabase = true }) {
  const { default: pg } = await import('pg');
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    fail(`PostgreSQL is not reachable at ${url.host} (${error.code ?? error.message}). ${START_HINT} (e.g. \`pg_ctlcluster 15 main start\`), or set DATABASE_URL.`);
  }
  if (createDatabase) {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      process.stdout.write(`created database ${name}\n`);
    } else {
      process.stdout.write(`database ${name} is there\n`);
    }
  }
  await client.end();

  const { default: Redis } = await import('ioredis');
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    process.stdout.write(`redis at ${new URL(redisUrl).host} answers\n`);
  } catch (error) {
    fail(`Redis is not reachable at ${new URL(redisUrl).host} (${error.code ?? error.message}). ${START_HINT} (e.g. \`redis-server --daemonize yes\`), or set REDIS_URL.`);
  } finally {
    redis.disconnect();
  }
}

export function readJson(path) {
  return JSON.parse(readFileSync(join(root, path), 'utf8'));
}
