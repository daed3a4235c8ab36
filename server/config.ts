import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log.js';

const booleanText = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    SEED_DEMO: booleanText.optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    COOKIE_SECURE: booleanText.optional(),
    TRUST_PROXY: booleanText.default(false),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/\s]+/, 'must be smtp://user:password@host:port or smtps://…')
      .refine((v) => URL.canParse(v), 'is not a valid URL')
      .optional(),
    MAIL_FROM: z
      .string()
      .regex(
        /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/,
        'must be an address, e.g. "Spot Otonari <info@npo.example>"',
      )
      .optional(),
    PUBLIC_BASE_URL: z
      .string()
      .regex(/^https?:\/\/[^/\s]+(\/[^\s]*)?$/, 'must be the https:// address people open, e.g. https://office.npo.example')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required when DATABASE_URL is set' });
    }
    if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEB_CONCURRENCY'],
        message: 'above 1 needs DATABASE_URL (the embedded database is opened by one process only)',
      });
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'is required when SMTP_URL is set' });
    }
    if (env.SMTP_URL && !env.PUBLIC_BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'is required when SMTP_URL is set (the links in e-mails)' });
    }
    if (!!env.ADMIN_EMAIL !== !!env.ADMIN_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
  });

export type Config = {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  seedDemo: boolean;
  /** Undefined on the embedded database until start-up generates or reads one in DATA_DIR. */
  sessionSecret: string | undefined;
  sessionHours: number;
  sessionMaxDays: number;
  cookieSecure: boolean | undefined;
  trustProxy: boolean;
  logLevel: LogLevel;
  /** On SIGTERM/SIGINT, how long running requests (a long export) may take to finish. */
  shutdownGraceSeconds: number;
  /** Server processes sharing the port (PostgreSQL only); each has its own pool and event loop. */
  processes: number;
  /** Unset: messages are held in the outbox for sending by hand. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Base of the links in messages, without a trailing slash. */
  publicBaseUrl: string;
};

export class ConfigError extends Error {}

/** Parses the environment once; throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET,
    sessionHours: e.SESSION_HOURS,
    sessionMaxDays: e.SESSION_MAX_DAYS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    processes: e.WEB_CONCURRENCY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? 'スポットおとなりさん <no-reply@otonari.invalid>',
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
  };
}
