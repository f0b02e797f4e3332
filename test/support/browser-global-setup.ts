import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from '@halaqa/migrations';
import { ENTITIES } from '../../api/src/database/entities';
import { seedDemo } from '../../api/src/demo/seed';
import { createTestDatabase, ensureTemplate } from './database';
import { freePort, ROOT, startProcess, waitForHttp, type RunningProcess } from './servers';

export const BROWSER_STATE = join(ROOT, 'var/browser-suite.json');

/**
 * The browser suite runs against the real thing: the compiled api, worker and web (as `npm run demo` runs them),
 * on free ports, over a database of its own loaded with the demo data.
 */
export default async function browserGlobalSetup(): Promise<void> {
  for (const built of ['api/dist/main.js', 'api/dist/worker.js', 'web/build/server/index.js']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: build first (npm test does, or npx nx run-many -t build).`);
  }
  await ensureTemplate();
  const db = await createTestDatabase();
  const ds = new DataSource({ ...baseDataSourceOptions(db.url), entities: ENTITIES });
  await ds.initialize();
  await ds.transaction((m) => seedDemo(m));
  await ds.destroy();

  const [apiPort, webPort] = [await freePort(), await freePort()];
  const mailDir = join(ROOT, `var/browser-mail-${db.name}`);
  mkdirSync(mailDir, { recursive: true });
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    BULL_PREFIX: `test-${db.name}`,
    MAIL_OUTBOX_DIR: mailDir,
    PUBLIC_WEB_URL: `http://127.0.0.1:${webPort}`,
    PORT: String(apiPort),
    WEB_PORT: String(webPort),
    API_URL: `http://127.0.0.1:${apiPort}`,
    // Calendar feed URLs point at the api; production mode requires a feed secret of its own.
    PUBLIC_API_URL: `http://127.0.0.1:${apiPort}`,
    CALENDAR_FEED_SECRET: 'browser-suite-calendar-feed-secret-not-for-production',
    CREDENTIAL_SIGNING_SECRET: 'browser-suite-credential-signing-secret-not-for-production',
    SESSION_SECRET: 'browser-suite-secret-not-for-production',
    COOKIE_SECURE: 'false',
    OUTBOX_POLL_MS: '200',
  };
  const processes: RunningProcess[] = [
    startProcess('api', ['api/dist/main.js'], env),
    startProcess('worker', ['api/dist/worker.js'], env),
    startProcess('web', ['web/server.mjs'], env),
  ];
  await waitForHttp(`${env.API_URL}/api/health`, processes[0]);
  await waitForHttp(`http://127.0.0.1:${webPort}/en`, processes[2]);

  process.env.HALAQA_WEB_URL = `http://127.0.0.1:${webPort}`;
  process.env.HALAQA_API_URL = env.API_URL;
  process.env.HALAQA_MAIL_DIR = mailDir;
  writeFileSync(BROWSER_STATE, JSON.stringify({ db: db.name, webUrl: process.env.HALAQA_WEB_URL }));
  (globalThis as { __halaqaBrowserSuite?: unknown }).__halaqaBrowserSuite = { processes, db };
}
