import type { INestApplicationContext } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';

const root = join(__dirname, '../..');

export interface TestWorker {
  app: INestApplicationContext;
  /** Graceful stop, as on SIGTERM: in-flight jobs finish, queues and database close. */
  stop(): Promise<void>;
}

/**
 * Runs the real worker (relay, reconciler, email processor) in this process, so an e2e test can assert that the
 * email its request caused arrived:
 *
 *   const smtp = await startSmtpServer();
 *   const worker = await startWorker({ DATABASE_URL: db.url, SMTP_URL: smtp.url, BULL_PREFIX: `test-${db.name}` });
 *   …  await smtp.waitFor((m) => m.to?.text === 'salma@example.org');
 *   await worker.stop();
 *
 * `env` is merged into process.env (the worker reads its settings from there); give it the same DATABASE_URL and
 * BULL_PREFIX as the api under test. Short OUTBOX_POLL_MS default here keeps tests fast.
 */
export async function startWorker(env: Record<string, string | undefined> = {}): Promise<TestWorker> {
  // An undefined value unsets the variable (e.g. SMTP_URL: undefined for the .eml file transport).
  for (const [name, value] of Object.entries({ NODE_ENV: 'test', LOG_LEVEL: 'silent', OUTBOX_POLL_MS: '100', ...env })) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  // Imported late so the config is read after the environment is set.
  const { createWorker } = await import('../../api/src/worker');
  const app = await createWorker({ logger: false });
  return { app, stop: () => app.close() };
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal that ended it). */
  exited: Promise<number | NodeJS.Signals>;
  kill(signal?: NodeJS.Signals): void;
}

/** Runs `api/src/worker.ts` as a separate process (through @swc-node/register), for tests that kill it. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'api/src/worker.ts')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', SWC_NODE_PROJECT: join(root, 'tsconfig.base.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, output: () => output, exited, kill: (signal = 'SIGTERM') => void child.kill(signal) };
}

export interface TestRedis {
  url: string;
  port: number;
  /** Starts (or restarts) the server on the same port, empty. */
  start(): Promise<void>;
  /** Kills the server (SIGKILL): everything in it is gone, as with Redis without persistence. */
  stop(): Promise<void>;
  flushAll(): Promise<void>;
}

/**
 * A Redis of this test file's own (no persistence) on a free port, for fault injection without disturbing the
 * shared Redis other test files use. Call `stop()` in afterAll.
 */
export async function startRedisServer(): Promise<TestRedis> {
  const port = await freePort();
  let server: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  const client = () => new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  const redis: TestRedis = {
    url,
    port,
    async start() {
      server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      for (let i = 0; i < 100; i++) {
        const c = client();
        c.on('error', () => undefined);
        try {
          await c.connect();
          await c.ping();
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 50));
        } finally {
          c.disconnect();
        }
      }
      throw new Error(`redis-server did not start on port ${port}`);
    },
    async stop() {
      if (!server || server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGKILL');
      await exited;
    },
    async flushAll() {
      const c = client();
      await c.connect();
      await c.flushall();
      c.disconnect();
    },
  };
  await redis.start();
  return redis;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
