import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** The base URL of the listening server, for supertest or fetch. */
  url: string;
  close(): Promise<void>;
}

/**
 * Boots the real api (same factory as production) against a database of this file's own, on a free port.
 * `env` overrides settings for this app only (e.g. SMTP_URL of the suite's SMTP server, BULL_PREFIX).
 */
export async function bootApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  Object.assign(process.env, { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: db.url, BULL_PREFIX: `test-${db.name}`, ...env });
  // Imported late so the config is read after the environment is set.
  const { createApp } = await import('../../api/src/app.factory');
  const app = await createApp({ logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    db,
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
