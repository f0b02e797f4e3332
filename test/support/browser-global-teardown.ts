import { rmSync } from 'node:fs';
import type { TestDatabase } from './database';
import type { RunningProcess } from './servers';

export default async function browserGlobalTeardown(): Promise<void> {
  const suite = (globalThis as { __halaqaBrowserSuite?: { processes: RunningProcess[]; db: TestDatabase } }).__halaqaBrowserSuite;
  if (!suite) return;
  await Promise.all(suite.processes.map((p) => p.stop()));
  await suite.db.drop();
  if (process.env.HALAQA_MAIL_DIR) rmSync(process.env.HALAQA_MAIL_DIR, { recursive: true, force: true });
}
