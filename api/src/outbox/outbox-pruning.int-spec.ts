import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from '@halaqa/migrations';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import type { AppConfig } from '../config/config';
import { ENTITIES } from '../database/entities';
import { OutboxPruner } from './outbox-pruner.service';
import { OutboxRepository } from './outbox.repository';

// Done outbox rows are deleted OUTBOX_RETENTION_DAYS after they were processed; nothing else is. Real PostgreSQL,
// and two pruners on two connection pools, as two workers would be.

let db: TestDatabase;
let ds: DataSource;
let other: DataSource;
const config = { OUTBOX_RETENTION_DAYS: 30 } as AppConfig;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await new DataSource({ ...baseDataSourceOptions(db.url), entities: ENTITIES }).initialize();
  other = await new DataSource({ ...baseDataSourceOptions(db.url), entities: ENTITIES }).initialize();
});

beforeEach(async () => {
  await ds.query('DELETE FROM outbox_messages');
});

afterAll(async () => {
  await other?.destroy();
  await ds?.destroy();
  await db?.drop();
});

/** `count` rows in `status`, created and (if done) processed `daysAgo` days ago; returns their dedupe keys. */
async function rows(status: string, daysAgo: number, count = 1, prefix = `${status}-${daysAgo}`): Promise<string[]> {
  const inserted = await ds.query<Array<{ dedupe_key: string }>>(
    `INSERT INTO outbox_messages (kind, payload, dedupe_key, status, attempts, available_at, created_at, processed_at, enqueued_at, claimed_at)
     SELECT 'email', '{}'::jsonb, $1 || ':' || lpad(i::text, 5, '0'), $2::varchar, 1, at, at, CASE WHEN $2::varchar = 'done' THEN at END,
            CASE WHEN $2::varchar = 'enqueued' THEN at END, CASE WHEN $2::varchar = 'processing' THEN at END
       FROM generate_series(1, $3::int) i, (SELECT now() - make_interval(days => $4) AS at) t
     RETURNING dedupe_key`,
    [prefix, status, count, daysAgo],
  );
  return inserted.map((r) => r.dedupe_key).sort();
}

async function remaining(): Promise<string[]> {
  const found = await ds.query<Array<{ dedupe_key: string }>>('SELECT dedupe_key FROM outbox_messages ORDER BY dedupe_key');
  return found.map((r) => r.dedupe_key);
}

describe('pruning done outbox messages', () => {
  it('deletes done rows processed more than the retention ago, and nothing else', async () => {
    await rows('done', 31);
    await rows('done', 400);
    const kept = [
      ...(await rows('done', 29)),
      ...(await rows('done', 0)),
      // Old, but not done: work still to do (or being done), or evidence of what failed.
      ...(await rows('pending', 90)),
      ...(await rows('enqueued', 90)),
      ...(await rows('processing', 90)),
      ...(await rows('failed', 90)),
    ];

    expect(await new OutboxPruner(new OutboxRepository(ds), config).prune()).toBe(2);
    expect(await remaining()).toEqual(kept.sort());
    // Again: nothing left to do.
    expect(await new OutboxPruner(new OutboxRepository(ds), config).prune()).toBe(0);
    expect(await remaining()).toEqual(kept.sort());
  });

  it('follows OUTBOX_RETENTION_DAYS', async () => {
    await rows('done', 8);
    const kept = await rows('done', 6);
    expect(await new OutboxPruner(new OutboxRepository(ds), { OUTBOX_RETENTION_DAYS: 7 } as AppConfig).prune()).toBe(1);
    expect(await remaining()).toEqual(kept);
  });

  it('two workers pruning at once delete every old row once, in bounded batches', async () => {
    await rows('done', 45, 2_500);
    const young = await rows('done', 1, 50);
    const pruners = [new OutboxPruner(new OutboxRepository(ds), config), new OutboxPruner(new OutboxRepository(other), config)];

    // Batches of 100, so the two rounds overlap for many statements.
    const deleted = await Promise.all(pruners.map((p) => p.prune(100)));

    expect(deleted[0] + deleted[1]).toBe(2_500);
    expect(await remaining()).toEqual(young);
  });

});
