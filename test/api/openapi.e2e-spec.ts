import { readFileSync } from 'node:fs';
import request from 'supertest';
import { OPENAPI_FILE, formatOpenApi } from '../../api/scripts/write-openapi';
import { bootApp, type TestApp } from '../support/app';
import { discoverRoutes } from './routes';

let t: TestApp;
beforeAll(async () => {
  t = await bootApp();
});
afterAll(async () => {
  await t.close();
});

interface Operation {
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('the OpenAPI document', () => {
  it('is committed as api/openapi.json exactly as the app serves it (run `npm run -w api openapi` after API changes)', async () => {
    const served = (await request(t.url).get('/api/openapi.json').expect(200)).body as unknown;
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(formatOpenApi(served));
  });

  it('describes every route, with a schema for every body it takes and every JSON it answers', async () => {
    const doc = (await request(t.url).get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
    const gaps: string[] = [];
    for (const route of discoverRoutes(t.app)) {
      const op = doc.paths[route.openApiPath]?.[route.method.toLowerCase()];
      if (!op) {
        gaps.push(`${route.method} ${route.path}: missing`);
        continue;
      }
      const success = Object.entries(op.responses).filter(([status]) => /^2/.test(status));
      if (success.length === 0) gaps.push(`${route.method} ${route.path}: no success response`);
      for (const [status, response] of success) {
        // JSON mostly; calendars answer text/calendar (described as a string).
        if (status !== '202' && status !== '204' && !Object.values(response.content ?? {}).some((c) => c.schema)) gaps.push(`${route.method} ${route.path}: ${status} has no schema`);
      }
      if (!op.responses.default) gaps.push(`${route.method} ${route.path}: no problem response`);
    }
    expect(gaps).toEqual([]);
  });

  it('renders the interactive docs at /api/docs', async () => {
    const res = await request(t.url).get('/api/docs').redirects(1).expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('swagger-ui');
  });
});
