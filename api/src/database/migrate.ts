import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from '@halaqa/migrations';
import { loadConfig } from '../config/config';

/** Applies pending migrations (used by `npm run demo` and deployments). Prints what it applied. */
export async function migrate(url: string, log: (line: string) => void = () => undefined): Promise<string[]> {
  const ds = new DataSource({ ...baseDataSourceOptions(url), entities: [] });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    for (const m of applied) log(`applied migration ${m.name}`);
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  migrate(loadConfig().DATABASE_URL, (l) => process.stdout.write(`${l}\n`)).then(
    (applied) => process.stdout.write(applied.length ? '' : 'database schema is up to date\n'),
    (error: unknown) => {
      process.stderr.write(`Migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
