/* global process, console, URL, fetch, AbortSignal, Buffer, setTimeout */
// The web's HTTP server: security headers with a per-request CSP nonce, static assets, the JWKS proxy, and the
// Remix request handler (the Vite dev server in development, the built app in production).
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';

const here = dirname(fileURLToPath(import.meta.url));
const production = process.env.NODE_ENV === 'production';

function fail(message) {
  console.error(`web: ${message}`);
  process.exit(1);
}

if (production && !process.env.SESSION_SECRET) fail('SESSION_SECRET must be set when NODE_ENV=production.');
const port = Number(process.env.WEB_PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`WEB_PORT must be a port number, got "${process.env.WEB_PORT}".`);
const apiUrl = (process.env.API_URL ?? 'http://127.0.0.1:3333').replace(/\/+$/, '');
try {
  new URL(apiUrl);
} catch {
  fail(`API_URL must be a URL, got "${process.env.API_URL}".`);
}
// HTTPS-only headers (HSTS, upgrade-insecure-requests) follow the cookie setting, so a production build can be
// exercised over plain HTTP on a test machine with COOKIE_SECURE=false.
const secureTransport = process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === 'true' : production;

const vite = production
  ? null
  : await import('vite').then((v) => v.createServer({ root: here, server: { middlewareMode: true } }));

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', 'loopback');

app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
});

app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': production ? ["'self'"] : ["'self'", 'ws:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
        ...(secureTransport ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: production && secureTransport ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  }),
);
app.use(compression());

// The issuer's public keys are served by the api and reachable through the web (DESIGN.md, Stable public surfaces).
app.get('/.well-known/jwks.json', async (_req, res) => {
  try {
    const upstream = await fetch(`${apiUrl}/.well-known/jwks.json`, { signal: AbortSignal.timeout(5_000) });
    res.status(upstream.status);
    res.type(upstream.headers.get('content-type') ?? 'application/json');
    res.set('Cache-Control', upstream.headers.get('cache-control') ?? 'public, max-age=300');
    res.send(Buffer.from(await upstream.arrayBuffer()));
  } catch {
    res.status(503).type('application/problem+json').json({ status: 503, code: 'service_unavailable', title: 'Service unavailable' });
  }
});

// Calendar feeds are served by the api and reachable through the web too, so a deployment that exposes only the
// web can set PUBLIC_API_URL to the web's origin and calendar apps still subscribe (the token is the only key).
app.get('/api/calendar/:file', async (req, res) => {
  if (!/^[\w-]{16,200}\.ics$/.test(req.params.file)) {
    res.status(404).type('application/problem+json').json({ status: 404, code: 'not_found', title: 'Not found' });
    return;
  }
  try {
    const upstream = await fetch(`${apiUrl}/api/calendar/${req.params.file}`, {
      headers: { 'accept-language': req.get('accept-language') ?? '' },
      signal: AbortSignal.timeout(10_000),
    });
    res.status(upstream.status);
    res.type(upstream.headers.get('content-type') ?? 'text/calendar');
    res.set('Cache-Control', upstream.headers.get('cache-control') ?? 'private, no-store');
    res.send(Buffer.from(await upstream.arrayBuffer()));
  } catch {
    res.status(503).type('application/problem+json').json({ status: 503, code: 'service_unavailable', title: 'Service unavailable' });
  }
});

if (vite) {
  app.use(vite.middlewares);
} else {
  // Fingerprinted files never change; everything else in public/ may.
  app.use('/assets', express.static(join(here, 'build/client/assets'), { immutable: true, maxAge: '1y' }));
  app.use(express.static(join(here, 'build/client'), { maxAge: '1h' }));
}

const build = vite
  ? () => vite.ssrLoadModule('virtual:remix/server-build')
  : await import(join(here, 'build/server/index.js'));

app.all(
  '*',
  createRequestHandler({
    build,
    mode: production ? 'production' : 'development',
    // The client's address (X-Forwarded-For is trusted from a proxy on loopback only): public pages pass it on to
    // the api, so its per-IP limits (certificate verification) count each visitor, not the web server.
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? '' }),
  }),
);

const server = app.listen(port, '0.0.0.0', () => {
  console.log(`web: listening on http://0.0.0.0:${port} (${production ? 'production' : 'development'}), api at ${apiUrl}`);
});

let closing = false;
function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`web: ${signal} received, closing`);
  // Stop accepting connections, let in-flight requests finish, then leave; force it after 10 seconds.
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(() => {
    void (vite ? vite.close() : Promise.resolve()).then(() => process.exit(0));
  });
  server.closeIdleConnections?.();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
