import request from 'supertest';
import { bootApp, type TestApp } from '../support/app';
import { PASSWORD, adminAccount, bearer, tableCounts, type Account } from './fixtures';
import { concretePath, discoverRoutes, type DiscoveredRoute } from './routes';

/**
 * Sends hostile and malformed bodies to every POST/PATCH route the app has (found from Nest's own registry, field
 * names from the OpenAPI document) and requires a 4xx problem with a code — never a 500 — and no row written.
 */
let t: TestApp;
let admin: Account;
let routes: DiscoveredRoute[];
let openapi: OpenApi;

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
}
interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content: { 'application/json'?: { schema: Schema }; 'multipart/form-data'?: { schema: Schema } } } }>>;
  components: { schemas: Record<string, Schema> };
}

beforeAll(async () => {
  t = await bootApp();
  admin = await adminAccount(t);
  routes = discoverRoutes(t.app).filter((r) => r.method === 'POST' || r.method === 'PATCH');
  openapi = (await request(t.url).get('/api/openapi.json').expect(200)).body as OpenApi;
});
afterAll(async () => {
  await t.close();
});

function resolve(schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(openapi.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
  return schema;
}

/** The route's body fields: name → 'string' | 'object' | other type. Empty for routes without a body. */
function fieldsOf(route: DiscoveredRoute): Record<string, Schema> {
  const body = openapi.paths[route.openApiPath]?.[route.method.toLowerCase()]?.requestBody;
  return resolve(body?.content['application/json']?.schema)?.properties ?? {};
}

function hasRequiredFields(route: DiscoveredRoute): boolean {
  const body = openapi.paths[route.openApiPath]?.[route.method.toLowerCase()]?.requestBody;
  return (resolve(body?.content['application/json']?.schema)?.required ?? []).length > 0;
}

/** Uploads take multipart/form-data (their JSON attempts are the parsing ones: the JSON parser still guards them). */
function isUpload(route: DiscoveredRoute): boolean {
  return openapi.paths[route.openApiPath]?.[route.method.toLowerCase()]?.requestBody?.content['multipart/form-data'] !== undefined;
}

/** Every field (and every field inside an object field) set to the text `value`. */
function everyString(fields: Record<string, Schema>, value: string): Record<string, unknown> {
  const entries: [string, unknown][] = Object.entries(fields).map(([name, schema]) => {
    const nested = resolve(schema)?.properties;
    return [name, nested ? everyString(nested, value) : value];
  });
  return Object.fromEntries(entries);
}

const HOSTILE: Record<string, string> = {
  'a 100 000-character string': 'x'.repeat(100_000),
  'a NUL byte': 'abc\u0000def@example.org',
  'an RTL override': 'admin\u202Egro.elpmaxe@\u202C',
  'an SQL snippet': "' OR 1=1; DROP TABLE users; --",
  'an HTML snippet': '<script>alert(1)</script><img src=x onerror=alert(1)>',
  'control characters': 'line\u0007\u001b[31mred',
};

interface Attempt {
  name: string;
  status?: number;
  body?: string | Buffer | object | null;
  contentType?: string;
}

function attemptsFor(route: DiscoveredRoute): Attempt[] {
  const fields = fieldsOf(route);
  const names = Object.keys(fields);
  const parsing: Attempt[] = [
    { name: 'malformed JSON', status: 400, body: '{"email": "a@b.c", ' },
    { name: 'a 2 MB body', status: 413, body: JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }) },
    { name: 'invalid UTF-8', status: 400, body: Buffer.concat([Buffer.from('{"email": "'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')]) },
  ];
  // A route without a body (logout) ignores whatever else it is sent.
  if (names.length === 0) return parsing;
  return [
    ...parsing,
    { name: 'a body that is not JSON at all', body: 'email=a@b.c', contentType: 'text/plain' },
    // An empty PATCH is a valid no-op; an empty POST lacks its required fields (a POST whose fields are all optional,
    // such as a new invite code, is valid when empty and then meets the unknown record: a 404).
    ...(route.method === 'POST' ? [{ name: 'an empty object', status: hasRequiredFields(route) ? 422 : 404, body: {} }] : []),
    { name: 'a JSON array', body: [] },
    { name: 'a JSON array of the fields', body: [Object.fromEntries(names.map((n) => [n, 'x']))] },
    { name: 'a JSON number', body: '42' },
    { name: 'JSON null', body: 'null' },
    { name: 'a JSON string', body: '"hello"' },
    { name: 'unknown fields only', status: 422, body: { isAdmin: true, __proto__x: 1, passwordHash: 'x' } },
    { name: 'numbers for every field', status: 422, body: Object.fromEntries(names.map((n) => [n, 12345])) },
    { name: 'arrays for every field', status: 422, body: Object.fromEntries(names.map((n) => [n, ['a', 'b']])) },
    { name: 'nested objects for every field', status: 422, body: Object.fromEntries(names.map((n) => [n, { $gt: '', nested: { deep: [1] } }])) },
    { name: 'null for every field', body: Object.fromEntries(names.map((n) => [n, null])) },
    { name: 'booleans for every field', body: Object.fromEntries(names.map((n) => [n, true])) },
    ...Object.entries(HOSTILE).map(([what, value]) => ({ name: `${what} in every field`, body: everyString(fields, value) })),
  ];
}

describe('bad input on every POST and PATCH route', () => {
  it('covers the routes that take bodies', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /api/auth/register', 'POST /api/auth/login', 'PATCH /api/me', 'POST /api/me/password', 'POST /api/organizations', 'POST /api/invitations/:token/accept']),
    );
    // Logout, rotating the calendar feed, instantiating assignments, submitting a draft and releasing a review take no
    // body (issuing certificates takes none either); uploads are multipart.
    const bodyless = ['/logout', '/calendar-feed/rotate', '/assignments/instantiate', '/submission/submit', '/review/release', '/:id/certificate', '/:id/certificates'];
    for (const route of routes.filter((r) => !bodyless.some((end) => r.path.endsWith(end)) && !isUpload(r))) expect({ route: route.path, fields: Object.keys(fieldsOf(route)).length > 0 }).toEqual({ route: route.path, fields: true });
  });

  it('answers every attempt with a 4xx problem that has a code, and writes nothing', async () => {
    const logoutSession = (await request(t.url).post('/api/auth/login').send({ email: admin.email, password: PASSWORD }).expect(200)).body.token as string;
    const before = await tableCounts(t);
    const failures: string[] = [];
    for (const route of routes) {
      for (const attempt of attemptsFor(route)) {
        // fetch sends the bytes exactly as given (supertest would re-encode a Buffer as JSON).
        const raw = typeof attempt.body === 'string' || Buffer.isBuffer(attempt.body) ? attempt.body : JSON.stringify(attempt.body);
        const response = await fetch(`${t.url}${concretePath(route)}`, {
          method: route.method,
          headers: { authorization: bearer(route.path.endsWith('/logout') ? logoutSession : admin), 'accept-language': 'en', 'content-type': attempt.contentType ?? 'application/json' },
          body: typeof raw === 'string' ? raw : new Uint8Array(raw),
        });
        const text = await response.text();
        const res = { status: response.status, headers: { 'content-type': response.headers.get('content-type') }, body: (text.startsWith('{') ? JSON.parse(text) : {}) as { code?: unknown; errors?: unknown } };
        const ok =
          res.status >= 400 &&
          res.status < 500 &&
          (attempt.status === undefined || res.status === attempt.status) &&
          String(res.headers['content-type']).startsWith('application/problem+json') &&
          typeof res.body.code === 'string' &&
          res.body.code !== '' &&
          (res.status !== 422 || (Array.isArray(res.body.errors) && res.body.errors.length > 0));
        if (!ok) failures.push(`${route.method} ${route.path} with ${attempt.name}: ${res.status} ${text.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await tableCounts(t)).toEqual(before);
  });
});

describe('hostile text on the fields that accept free text', () => {
  const base = () => ({ email: `hostile-${Math.random().toString(36).slice(2)}@example.org`, password: 'a long enough password', locale: 'en', timeZone: 'UTC' });

  it.each([
    ['a NUL byte', 'Layla\u0000'],
    ['an RTL override', 'Layla\u202Eevil'],
    ['a line break', 'Layla\nHaddad'],
    ['201 characters', 'x'.repeat(201)],
  ])('refuses %s in a name with a field error (no 500, nothing stored)', async (_what, nameLatin) => {
    const before = await tableCounts(t);
    const res = await request(t.url).post('/api/auth/register').set('accept-language', 'en').send({ ...base(), nameLatin }).expect(422);
    expect(res.body.errors).toEqual([{ field: 'nameLatin', code: expect.stringMatching(/^(isSafeText|maxLength)$/), message: expect.any(String) }]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('stores SQL and HTML in a name literally and gives it back unchanged', async () => {
    const nameLatin = "Robert'); DROP TABLE users;-- <b>bold</b>";
    const res = await request(t.url).post('/api/auth/register').send({ ...base(), nameLatin, nameArabic: 'روبرت \u200Fمختلط\u2067abc\u2069' }).expect(201);
    expect(res.body.user.nameLatin).toBe(nameLatin);
    const me = await request(t.url).get('/api/me').set('authorization', bearer(res.body.token)).expect(200);
    expect(me.body.nameLatin).toBe(nameLatin);
    expect(me.body.nameArabic).toBe('روبرت \u200Fمختلط\u2067abc\u2069');
  });

  it('refuses a NUL byte in a search query rather than failing in PostgreSQL', async () => {
    const res = await request(t.url).get('/api/organizations').query({ q: 'a\u0000b' }).expect(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'q', code: 'isSafeText' });
    await request(t.url).get('/api/organizations?q=a&q=b').expect(422);
  });
});
