import { z } from 'zod';

/**
 * The process's settings, read from the environment once at boot. A bad value stops the process with one sentence
 * naming the variable, never a stack trace (see `loadConfig`).
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3333),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/halaqa'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Key prefix of every Bull queue: lets several test files share one Redis without seeing each other's jobs. */
  BULL_PREFIX: z.string().regex(/^[\w:-]+$/).default('halaqa'),
  PUBLIC_WEB_URL: z.string().url().default('http://localhost:3000'),
  /** e.g. smtp://user:pass@mail.example.org:587; unset: emails are written as .eml files to MAIL_OUTBOX_DIR. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Halaqa <no-reply@halaqa.local>'),
  MAIL_OUTBOX_DIR: z.string().default('var/mail-outbox'),
  /** Where the local FileStore keeps uploaded attachments. */
  FILES_DIR: z.string().min(1).default('var/files'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Trust X-Forwarded-For from the web server in front (for per-IP rate limits). */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Outbox relay: how often due rows are moved to Bull, and after how long an unfinished one is taken back. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1000),
  OUTBOX_RECLAIM_AFTER_MS: z.coerce.number().int().min(100).default(60_000),
  /** Done outbox rows are deleted this many days after they were processed (docs/decisions/002, amendment). */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * How often each worker records that it is alive; GET /api/health reports the worker down after 3 intervals
   * without one. Give the api and the workers the same value.
   */
  WORKER_HEARTBEAT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Where the api is reached from outside (calendar feed URLs point here). */
  PUBLIC_API_URL: z.string().url().default('http://localhost:3333'),
  /**
   * Signs calendar feed tokens (HMAC-SHA256); changing it invalidates every feed URL. Required in production; a fixed
   * development value otherwise, so tests and demos need no setup.
   */
  CALENDAR_FEED_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * The Ed25519 key that signs certificate credentials is derived from it (docs/decisions/008). Required in
   * production; a fixed development value otherwise, like CALENDAR_FEED_SECRET.
   */
  CREDENTIAL_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Comma-separated secrets signed with before a rotation: their public keys stay in the JWKS. */
  CREDENTIAL_PREVIOUS_SECRETS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((secrets) => secrets.every((s) => s.length >= 32), 'each must be at least 32 characters'),
  /** The issuer printed on certificates and named in credentials when a cohort sets none. */
  CERTIFICATE_ISSUER_NAME_AR: z.string().min(1).max(200).default('حلقة'),
  CERTIFICATE_ISSUER_NAME_EN: z.string().min(1).max(200).default('Halaqa'),
  CERTIFICATE_ISSUER_NAME_FR: z.string().min(1).max(200).default('Halaqa'),
});

/** Development and test only: never used in production, where CALENDAR_FEED_SECRET must be set. */
const DEV_CALENDAR_FEED_SECRET = 'halaqa-development-calendar-feed-secret';
const DEV_CREDENTIAL_SIGNING_SECRET = 'halaqa-development-credential-signing-secret';

export type AppConfig = Omit<z.infer<typeof schema>, 'CALENDAR_FEED_SECRET' | 'CREDENTIAL_SIGNING_SECRET'> & {
  CALENDAR_FEED_SECRET: string;
  CREDENTIAL_SIGNING_SECRET: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue.path.join('.');
    const shown = /SECRETS?$/.test(name) ? '(hidden)' : JSON.stringify(env[name] ?? '');
    throw new ConfigError(`Invalid setting ${name}=${shown}: ${issue.message}.`);
  }
  if (!parsed.data.CALENDAR_FEED_SECRET && parsed.data.NODE_ENV === 'production') {
    throw new ConfigError('Invalid setting CALENDAR_FEED_SECRET="": required in production (at least 32 random characters).');
  }
  if (!parsed.data.CREDENTIAL_SIGNING_SECRET && parsed.data.NODE_ENV === 'production') {
    throw new ConfigError('Invalid setting CREDENTIAL_SIGNING_SECRET="": required in production (at least 32 random characters).');
  }
  return {
    ...parsed.data,
    CALENDAR_FEED_SECRET: parsed.data.CALENDAR_FEED_SECRET ?? DEV_CALENDAR_FEED_SECRET,
    CREDENTIAL_SIGNING_SECRET: parsed.data.CREDENTIAL_SIGNING_SECRET ?? DEV_CREDENTIAL_SIGNING_SECRET,
  };
}

/** Injection token of the parsed config. */
export const APP_CONFIG = Symbol('APP_CONFIG');
