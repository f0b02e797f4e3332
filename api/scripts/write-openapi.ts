import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the committed document lives; the web generates its typed client from it. */
export const OPENAPI_FILE = join(__dirname, '..', 'openapi.json');

/** Objects with their keys sorted (arrays keep their order), so the file only changes when the API does. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The document exactly as the app serves it, as the committed file's text. */
export function formatOpenApi(document: unknown): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

/**
 * Boots the application module (database included, no port opened), asks it for /api/openapi.json and writes
 * api/openapi.json. Run with `npm run -w api openapi` after changing a controller or DTO, and commit the result.
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'silent';
  const { createApp } = await import('../src/app.factory');
  const app = await createApp({ logger: false });
  await app.init();
  try {
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/openapi.json' });
    if (response.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${response.statusCode}`);
    writeFileSync(OPENAPI_FILE, formatOpenApi(JSON.parse(response.body)));
    process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Writing the OpenAPI document failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
