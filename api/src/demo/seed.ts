import 'reflect-metadata';
import { DataSource, type EntityManager } from 'typeorm';
import { baseDataSourceOptions } from '@halaqa/migrations';
import { hashPassword } from '../auth/password';
import { loadConfig } from '../config/config';
import { ENTITIES } from '../database/entities';
import { OrganizationMember } from '../organizations/organization-member.entity';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

export interface SeedReport {
  created: number;
  existing: number;
}

/**
 * Loads the demo data. Idempotent: a row that exists (same id or email) is left exactly as it is, so a second run
 * changes nothing — not even a demo user's edited profile.
 */
export async function seedDemo(manager: EntityManager, onProgress: (done: number, total: number) => void = () => undefined): Promise<SeedReport> {
  const report: SeedReport = { created: 0, existing: 0 };
  const total = DEMO_ORGANIZATIONS.length + DEMO_USERS.length;
  let done = 0;
  let passwordHash: string | null = null;

  for (const org of DEMO_ORGANIZATIONS) {
    const result = await manager.createQueryBuilder().insert().into(Organization).values(org).orIgnore().execute();
    count(report, result.raw as unknown[]);
    onProgress(++done, total);
  }
  for (const user of DEMO_USERS) {
    const exists = await manager.exists(User, { where: [{ id: user.id }, { email: user.email }] });
    if (exists) {
      report.existing++;
    } else {
      passwordHash ??= await hashPassword(DEMO_PASSWORD);
      const { memberships, ...fields } = user;
      await manager.insert(User, { ...fields, isAdmin: fields.isAdmin ?? false, passwordHash });
      for (const m of memberships ?? []) {
        await manager.createQueryBuilder().insert().into(OrganizationMember).values({ ...m, userId: user.id }).orIgnore().execute();
      }
      report.created++;
    }
    onProgress(++done, total);
  }
  return report;
}

function count(report: SeedReport, raw: unknown[]): void {
  if (raw.length > 0) report.created++;
  else report.existing++;
}

if (require.main === module) {
  const ds = new DataSource({ ...baseDataSourceOptions(loadConfig().DATABASE_URL), entities: ENTITIES });
  ds.initialize()
    .then(() => ds.transaction((manager) => seedDemo(manager)))
    .then(async (report) => {
      process.stdout.write(`demo data: ${report.created} created, ${report.existing} already there\n`);
      await ds.destroy();
    })
    .catch((error: unknown) => {
      process.stderr.write(`Loading demo data failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
