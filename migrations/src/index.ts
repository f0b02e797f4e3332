/**
 * Halaqa's schema history and the settings every connection shares.
 *
 * The api (and the test harness) build their DataSource from `baseDataSourceOptions(url)` plus their own entities,
 * and run `migrations`, the ordered list of every migration class. A migration is append-only once landed: change
 * the schema by adding a new file (`npm run migration:generate -- Name`) and listing it here.
 *
 * @example
 *   const ds = new DataSource({ ...baseDataSourceOptions(process.env.DATABASE_URL), entities });
 */
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { Foundation1795279437475 } from './migrations/1795279437475-foundation';
import { CohortsAndEnrollment1795286701873 } from './migrations/1795286701873-cohorts-and-enrollment';
import { LearningCircles1795292620036 } from './migrations/1795292620036-learning-circles';
import { ExercisesAndFeedback1795294548625 } from './migrations/1795294548625-exercises-and-feedback';
import { Certificates1795298703736 } from './migrations/1795298703736-certificates';
import { ReportingOrganization1795309309817 } from './migrations/1795309309817-reporting-organization';
import { OutboxPruning1795310570613 } from './migrations/1795310570613-outbox-pruning';
import { WorkerHeartbeats1795310888983 } from './migrations/1795310888983-worker-heartbeats';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';


export const migrations = [Foundation1795279437475, CohortsAndEnrollment1795286701873, LearningCircles1795292620036, ExercisesAndFeedback1795294548625, Certificates1795298703736, ReportingOrganization1795309309817, OutboxPruning1795310570613, WorkerHeartbeats1795310888983];

export function baseDataSourceOptions(url: string): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    // gen_random_uuid() is built into PostgreSQL 13+; uuid-ossp would need an extension installed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
  };
}
