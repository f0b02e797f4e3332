import { ensureTemplate } from './database';

export default async function globalSetup(): Promise<void> {
  await ensureTemplate();
}
