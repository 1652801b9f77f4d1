import { isIP } from 'node:net';
import { z } from 'zod';

const DEV_JWT_SECRET = 'development-only-secret-change-me-0123456789';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An entry Express's `trust proxy` (proxy-addr) accepts: a keyword, an IP, or an IP with a prefix length. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_KEYWORDS.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const commaList = (value: string) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/, 'expected a postgres:// URL');

/**
 * Every environment variable the API and the worker read, with defaults that work on a developer machine.
 * Production refuses the development defaults that would be unsafe.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url().default('http://localhost:3000'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    DATABASE_URL: postgresUrl.default('postgres://poa_app:poa_app@127.0.0.1:5432/poa_desk'),
    DATABASE_MIGRATION_URL: postgresUrl.default('postgres://poa_owner:poa_owner@127.0.0.1:5432/poa_desk'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/, 'expected a redis:// URL')
      .default('redis://127.0.0.1:6379'),

    JWT_SECRET: z.string().min(32, 'expected at least 32 characters').default(DEV_JWT_SECRET),
    JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
    /** Log-in attempts per email and IP in 15 minutes; each lock-out of the pair lasts twice the one before. */
    LOGIN_RATE_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(10),
    LOGIN_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(50),
    SIGNUP_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(10),
    /**
     * The proxies whose X-Forwarded-For is believed: comma-separated IPs, CIDRs or Express's keywords (loopback,
     * linklocal, uniquelocal). Empty: none, the client IP is the connection's.
     */
    TRUST_PROXY: z
      .string()
      .default('')
      .refine((value) => commaList(value).every(isProxyEntry), 'expected IPs, CIDRs or loopback/linklocal/uniquelocal, comma-separated')
      .transform(commaList),

    DATA_DIR: z.string().default('.data'),
    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),

    WEB_DIST_DIR: z.string().default('dist/apps/web'),
    PUPPETEER_EXECUTABLE_PATH: z.string().optional(),
    /** The browser for PDFs; default chromium-headless-shell when installed, else PUPPETEER_EXECUTABLE_PATH / Chromium. */
    PDF_BROWSER_PATH: z.string().optional(),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    /** The address of the worker's health and metrics port: loopback by default, 0.0.0.0 in a container. */
    WORKER_HEALTH_HOST: z.string().default('127.0.0.1'),
    /** The queues this worker takes (comma-separated; all by default): a PDF-only worker runs where nothing else is reachable. */
    WORKER_QUEUES: z
      .string()
      .optional()
      .transform((value) => (value ? commaList(value) : undefined)),
    /** The API's private metrics port (GET /metrics, Prometheus text); 0: none. Never the public port. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    METRICS_HOST: z.string().default('127.0.0.1'),
    /** When set, GET /metrics (API and worker) needs `Authorization: Bearer <token>`. */
    METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
    /** OTLP/HTTP collector for traces (e.g. http://otel-collector:4318); no traces when unset. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    PDF_RECYCLE_AFTER: z.coerce.number().int().min(1).default(200),
    PDF_RENDER_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20000),
    /** BullMQ key prefix in Redis: separate deployments (or concurrent test runs) sharing one Redis never see each other's jobs. */
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'expected letters, digits, ":", "_" or "-"')
      .default('poa'),
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(250),
    /** How often the worker checks dispatched outbox rows against Redis (re-queues jobs Redis lost, marks finished ones done). */
    OUTBOX_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
    /** How often the worker looks for reminders that fell due (they wait in PostgreSQL, not in Redis). */
    REMINDER_POLL_MS: z.coerce.number().int().min(100).default(30_000),
    /** Days between an owner's request to delete the agency and the purge of all of its data (the owner may cancel meanwhile). */
    TENANT_DELETION_GRACE_DAYS: z.coerce.number().min(0).max(365).default(7),
    /** How often the worker looks for agencies whose deletion fell due. */
    TENANT_DELETION_POLL_MS: z.coerce.number().int().min(100).default(60_000),

    WEBHOOK_ALLOW_LOOPBACK: bool.default(false),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** Retry n waits min(base * 2^(n-1), max): 30 s, 1 min, 2, 4 ... capped at 4 h; 15 attempts span about a day. */
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
    WEBHOOK_RETRY_MAX_MS: z.coerce
      .number()
      .int()
      .min(1)
      .default(4 * 3600_000),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(15),
    /** An endpoint failing without a success for this long is disabled and its agency's admins are emailed. */
    WEBHOOK_DISABLE_AFTER_MS: z.coerce.number().int().min(1).default(86_400_000),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/.+/, 'expected an smtp:// URL')
      .optional(),
    MAIL_FROM: z.string().default('POA Desk <no-reply@poa-desk.local>'),
    /** The development mailbox (GET /api/v1/dev/mail: an agency's owners and admins read its .eml files). Never in production. */
    DEV_MAILBOX: bool.default(false),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEV_JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production (a random string of 32+ characters)' });
    }
    if (env.NODE_ENV === 'production' && env.DEV_MAILBOX) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEV_MAILBOX'],
        message: 'must not be true in production (it shows e-mails, log-in links included, over HTTP)',
      });
    }
    if (env.STORAGE_DRIVER === 's3') {
      for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when STORAGE_DRIVER=s3' });
      }
    }
  });

export type AppConfig = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment; throws a ConfigError naming each bad variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const got = present[name];
      return `${name}: ${issue.message}${got !== undefined ? ` (got "${String(got).slice(0, 60)}")` : ''}`;
    }),
  );
}

/** Loads the configuration or prints what is wrong and exits: used at process start, before anything connects. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
