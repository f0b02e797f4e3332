import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { baseDataSourceOptions } from '@halaqa/migrations';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

// `migration:generate` would write a new migration exactly when this list is not empty: the entities and the
// migrations disagree, and someone changed an entity without generating a migration.
it('the migrations create exactly the schema the entities describe', async () => {
  const ds = new DataSource({ ...baseDataSourceOptions(db.url), entities: ENTITIES });
  await ds.initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  } finally {
    await ds.destroy();
  }
});
