import { resolve } from 'node:path';
import { ConfigError, EnvSchema, parseEnv, parseTrustProxy } from './env.schema';

export interface AppConfig {
  env: EnvSchema['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demoData: boolean;
  /** In-memory answer caches (StampedCache); off only to measure the cold path. */
  answerCache: boolean;
  logLevel: EnvSchema['LOG_LEVEL'];
  poolSize: number;
  webDist: string;
  version: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  publicUrl: string;
  signInRateLimit: number;
  /** Express's "trust proxy": which peers' X-Forwarded-* headers are believed. */
  trustProxy: boolean | number | string;
  writeRateLimit: number;
  /** Public forms (reuse proposals, feedback) per client IP per hour. */
  publicFormRateLimit: number;
  /** Anonymous reads (GET, HEAD) per client IP per minute. */
  publicReadRateLimit: number;
  /** Public comments on the plan's measures and activities per client IP per minute. */
  publicCommentRateLimit: number;
  portal: PortalConfig;
  mail: MailConfig;
}

export interface MailConfig {
  /** Null: no SMTP server; e-mails wait in the outbox. */
  smtpUrl: string | null;
  from: string | null;
  pollMs: number;
  connections: number;
  /** Cron (Morocco time) for reminders and digests; null: none. */
  reminderSchedule: string | null;
}

export interface PortalConfig {
  /** The CKAN Action API base; null = the in-process demo catalogue (demo mode) or none. */
  url: string | null;
  /** Cron expression, or null when runs are on demand only. */
  schedule: string | null;
  rateLimit: number;
  timeoutMs: number;
  retries: number;
  pageSize: number;
  overlapMinutes: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The product version, reported by /api/health. */
export const MARSAD_VERSION = '0.1.0';

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = parseEnv(source);
  if (env.SMTP_URL && !env.MAIL_FROM) throw new ConfigError('MAIL_FROM: required when SMTP_URL is set');
  const databaseUrl = env.DATABASE_URL ?? null;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    databaseUrl,
    // Demo data makes a fresh embedded install look alive; a real PostgreSQL starts clean.
    demoData: env.DEMO_DATA === 'auto' ? databaseUrl === null : env.DEMO_DATA === 'true',
    answerCache: env.ANSWER_CACHE !== 'off',
    logLevel: env.LOG_LEVEL,
    poolSize: env.DB_POOL_SIZE,
    webDist: resolve(env.WEB_DIST ?? 'dist/apps/web/browser'),
    version: MARSAD_VERSION,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionMaxHours: env.SESSION_MAX_HOURS,
    signInRateLimit: env.SIGN_IN_RATE_LIMIT,
    trustProxy: parseTrustProxy(env.TRUST_PROXY) ?? false,
    writeRateLimit: env.WRITE_RATE_LIMIT,
    publicFormRateLimit: env.PUBLIC_FORM_RATE_LIMIT,
    publicReadRateLimit: env.PUBLIC_READ_RATE_LIMIT,
    publicCommentRateLimit: env.PUBLIC_COMMENT_RATE_LIMIT,
    portal: {
      url: env.PORTAL_URL ? env.PORTAL_URL.replace(/\/+$/, '') : null,
      schedule: env.HARVEST_SCHEDULE === 'off' ? null : env.HARVEST_SCHEDULE,
      rateLimit: env.HARVEST_RATE_LIMIT,
      timeoutMs: env.HARVEST_TIMEOUT_MS,
      retries: env.HARVEST_RETRIES,
      pageSize: env.HARVEST_PAGE_SIZE,
      overlapMinutes: env.HARVEST_OVERLAP_MINUTES,
    },
    mail: {
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM ?? null,
      pollMs: env.MAIL_POLL_MS,
      connections: env.MAIL_CONNECTIONS,
      reminderSchedule: env.REMINDER_SCHEDULE === 'off' ? null : env.REMINDER_SCHEDULE,
    },
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
  };
}
