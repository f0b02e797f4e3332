import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from './config/config';
import { WorkerModule } from './worker.module';

/** After a stop signal, the process exits by this time even if something (Redis away, a hung job) holds it. */
const SHUTDOWN_DEADLINE_MS = 25_000;

/** Boots the worker (processors start taking jobs, the relay starts polling). Tests boot it the same way. */
export async function createWorker(options: { logger?: boolean } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: true,
    // Throw instead of aborting the process, so main() can say what went wrong in one line.
    abortOnError: false,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  return app;
}

async function main(): Promise<void> {
  loadConfig();
  const app = await createWorker();
  // SIGTERM/SIGINT: stop the relay, take no new jobs, let in-flight ones finish (bounded), close queues and the
  // database, then exit 0 (process.exit rather than re-raising the signal, so orchestrators see a clean stop).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`Halaqa worker did not stop within ${SHUTDOWN_DEADLINE_MS} ms of ${signal}; exiting. Unfinished outbox messages will be taken back by another worker.\n`);
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
    });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // One clear sentence, not a stack trace, for what a person can fix (e.g. PostgreSQL unreachable).
    const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`Halaqa worker could not start: ${message}\n`);
    process.exit(1);
  });
}
