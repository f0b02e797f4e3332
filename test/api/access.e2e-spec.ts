import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { adminAccount, bearer, registerAccount, sql, type Account } from './fixtures';
import { concretePath, discoverRoutes, type DiscoveredRoute } from './routes';

let t: TestApp;
let routes: DiscoveredRoute[];
let member: Account;
beforeAll(async () => {
  t = await bootApp();
  routes = discoverRoutes(t.app);
  member = await registerAccount(t);
});
afterAll(async () => {
  await t.close();
});

function send(route: DiscoveredRoute, authorization?: string): request.Test {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
  const req = request(t.url)[method](concretePath(route));
  if (authorization) void req.set('authorization', authorization);
  return route.method === 'GET' || route.method === 'DELETE' ? req : req.send({});
}

describe('every route declares who may call it', () => {
  it('finds the routes of every controller (and every one is served by Fastify)', () => {
    expect(routes.length).toBeGreaterThanOrEqual(17);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['GET /api/health', 'POST /api/auth/login', 'GET /api/me', 'GET /api/organizations/:id/members']));
    const fastify = t.app.getHttpAdapter().getInstance();
    for (const route of routes) expect({ route: `${route.method} ${route.path}`, served: fastify.hasRoute({ method: route.method, url: route.path }) }).toEqual({ route: `${route.method} ${route.path}`, served: true });
  });

  it('has an @Access rule on every handler', () => {
    const missing = routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(missing).toEqual([]);
  });

  it('answers 401 problem+json on every authenticated and admin route without a valid session', async () => {
    const closed = routes.filter((r) => r.rule !== 'public');
    expect(closed.length).toBeGreaterThan(5);
    for (const route of closed) {
      for (const authorization of [undefined, 'Bearer ' + 'A'.repeat(43), 'Bearer not-a-token']) {
        const res = await send(route, authorization);
        expect({ route: `${route.method} ${route.path}`, status: res.status, code: res.body.code, type: res.headers['content-type'] }).toEqual({
          route: `${route.method} ${route.path}`,
          status: 401,
          code: 'auth.unauthenticated',
          type: 'application/problem+json; charset=utf-8',
        });
      }
    }
  });

  it('answers 404 (not 403) on every admin route to a signed-in non-admin', async () => {
    const adminOnly = routes.filter((r) => r.rule === 'admin');
    expect(adminOnly.length).toBeGreaterThan(0);
    for (const route of adminOnly) {
      const res = await send(route, bearer(member));
      expect({ route: `${route.method} ${route.path}`, status: res.status, code: res.body.code }).toEqual({ route: `${route.method} ${route.path}`, status: 404, code: 'not_found' });
    }
  });

  it('lets anyone call the public routes (no 401)', async () => {
    for (const route of routes.filter((r) => r.rule === 'public')) {
      const res = await send(route);
      expect({ route: `${route.method} ${route.path}`, unauthenticated: res.status === 401 }).toEqual({ route: `${route.method} ${route.path}`, unauthenticated: false });
    }
  });
});

describe('records outside the caller’s scope are 404, the same as records that do not exist', () => {
  it('gives a manager of one organization the same answer for another organization as for none', async () => {
    const admin = await adminAccount(t);
    const create = (name: string) =>
      request(t.url).post('/api/organizations').set('authorization', bearer(admin)).send({ name: { en: name }, kind: 'cso', country: 'JO', city: { en: 'Irbid' } }).expect(201);
    const mine = (await create('Mine')).body.id as string;
    const theirs = (await create('Theirs')).body.id as string;
    await sql(t, "INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'manager')", [mine, member.id]);

    await request(t.url).get(`/api/organizations/${mine}/members`).set('authorization', bearer(member)).expect(200);
    const other = await request(t.url).get(`/api/organizations/${theirs}/members`).set('authorization', bearer(member)).expect(404);
    const none = await request(t.url).get('/api/organizations/00000000-0000-4000-8000-000000000000/members').set('authorization', bearer(member)).expect(404);
    expect(other.body).toEqual(none.body);
    const edit = await request(t.url).patch(`/api/organizations/${theirs}`).set('authorization', bearer(member)).send({ website: 'https://x.example' }).expect(404);
    expect(edit.body).toEqual(none.body);
  });
});
