import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await bootApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/health', () => {
  it('reports the database and Redis as up', async () => {
    const res = await request(t.url).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', redis: 'up' });
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
