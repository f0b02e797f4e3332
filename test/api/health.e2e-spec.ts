import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { spawnWorker, type WorkerProcess } from '../support/worker';

// A short heartbeat, so "down after three missed beats" takes 0.6 s here.
const HEARTBEAT_MS = 200;
let t: TestApp;
beforeAll(async () => {
  t = await bootApp({ WORKER_HEARTBEAT_MS: String(HEARTBEAT_MS) });
});
afterAll(async () => {
  await t.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
interface Health {
  status: string;
  database: string;
  redis: string;
  worker: { status: string; lastSeenSeconds: number | null };
}
const health = async (): Promise<Health> => (await request(t.url).get('/api/health').expect(200)).body as Health;

/** A real worker process (`api/src/worker.ts`) against this file's database, beating every HEARTBEAT_MS. */
function startWorkerProcess(): WorkerProcess {
  return spawnWorker({ DATABASE_URL: t.db.url, BULL_PREFIX: `test-${t.db.name}`, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', WORKER_HEARTBEAT_MS: String(HEARTBEAT_MS) });
}

async function waitForWorker(status: 'up' | 'down', worker: WorkerProcess): Promise<number> {
  const started = Date.now();
  for (;;) {
    if ((await health()).worker.status === status) return Date.now() - started;
    if (Date.now() - started > 30_000) throw new Error(`the worker never read as ${status}:\n${worker.output()}`);
    await sleep(50);
  }
}

describe('GET /api/health', () => {
  it('reports the database and Redis as up, and no worker yet: degraded, but 200 (the api itself serves)', async () => {
    const res = await request(t.url).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'degraded', database: 'up', redis: 'up', worker: { status: 'down', lastSeenSeconds: null } });
  });

  it('reports a running worker up, and down as soon as it is stopped', async () => {
    const worker = startWorkerProcess();
    try {
      await waitForWorker('up', worker);
      // Still up a few beats later: it keeps beating.
      await sleep(HEARTBEAT_MS * 5);
      const up = await health();
      expect(up).toEqual({ status: 'ok', database: 'up', redis: 'up', worker: { status: 'up', lastSeenSeconds: expect.any(Number) } });
      expect(up.worker.lastSeenSeconds).toBeLessThanOrEqual(1);

      worker.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      const body = await health();
      expect(body).toMatchObject({ status: 'degraded', worker: { status: 'down' } });
      expect(body.worker.lastSeenSeconds).toBeLessThanOrEqual(1);
    } finally {
      worker.kill('SIGKILL');
      await worker.exited;
    }
  });

  it('reports a worker that died without a word (SIGKILL) down after three missed heartbeats, and how long ago it was seen', async () => {
    const worker = startWorkerProcess();
    await waitForWorker('up', worker);
    worker.kill('SIGKILL');
    await worker.exited;
    const killedAt = Date.now();
    await waitForWorker('down', worker);
    const tookMs = Date.now() - killedAt;
    expect(tookMs).toBeLessThanOrEqual(3 * HEARTBEAT_MS + 500);
    await sleep(1200);
    const body = await health();
    expect(body).toMatchObject({ status: 'degraded', database: 'up', redis: 'up', worker: { status: 'down' } });
    expect(body.worker.lastSeenSeconds).toBeGreaterThanOrEqual(1);
  });

  it('reports Redis down (503) when it cannot be reached, without failing the request', async () => {
    await t.app.close();
    const other = await bootApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await request(other.url).get('/api/health').expect(503);
      expect(res.body).toMatchObject({ status: 'degraded', database: 'up', redis: 'down' });
    } finally {
      await other.close();
    }
    t = await bootApp();
  });
});

describe('bad input', () => {
  it('answers malformed JSON with a 400 problem in the caller’s language', async () => {
    const res = await request(t.url).post('/api/health').set('content-type', 'application/json').set('accept-language', 'fr').send('{"oops":');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, code: 'request.invalid_json', title: 'Requête mal formée' });
  });

  it('answers an unknown address with 404 in Arabic by default', async () => {
    const res = await request(t.url).get('/api/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ code: 'not_found', title: 'غير موجود' });
  });
});
