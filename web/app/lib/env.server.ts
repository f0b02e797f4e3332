/** The web's own configuration, read once. Only API_URL and SESSION_SECRET matter to the Remix app. */
const production = process.env.NODE_ENV === 'production';
const devSecret = 'halaqa-dev-session-secret-change-me';

if (production && !process.env.SESSION_SECRET) {
  throw new Error('SESSION_SECRET must be set when NODE_ENV=production (it signs the session cookie).');
}

export const env = {
  production,
  /** Secure cookies in production; COOKIE_SECURE=false lets a production build run over plain HTTP in tests. */
  secureCookies: process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === 'true' : production,
  apiUrl: (process.env.API_URL ?? 'http://127.0.0.1:3333').replace(/\/+$/, ''),
  sessionSecret: process.env.SESSION_SECRET ?? devSecret,
} as const;
