import { Transform, plainToInstance } from 'class-transformer';
import { Cron } from 'croner';
import { isIP } from 'node:net';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  validateSync,
  type ValidatorConstraintInterface,
} from 'class-validator';

@ValidatorConstraint({ name: 'isCronExpression' })
class IsCronExpression implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (value === 'off') return true;
    try {
      new Cron(String(value), { paused: true }).stop();
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'must be a cron expression (e.g. "30 2 * * *") or off';
  }
}

@ValidatorConstraint({ name: 'isTrustProxy' })
class IsTrustProxy implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return parseTrustProxy(String(value)) !== undefined;
  }
  defaultMessage(): string {
    return 'must be false, true, a number of hops, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal';
  }
}

/** TRUST_PROXY as Express's "trust proxy" setting; undefined when it is not valid. */
export function parseTrustProxy(value: string): boolean | number | string | undefined {
  const text = value.trim();
  if (text === 'false' || text === '') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const parts = text.split(',').map((part) => part.trim());
  const valid = parts.every((part) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(part)) return true;
    const [address, bits, extra] = part.split('/');
    if (extra !== undefined || isIP(address) === 0) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
  });
  return valid ? parts.join(',') : undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable the API reads. `.env.example` documents each one;
 * a bad value stops the start with a message naming the variable.
 */
export class EnvSchema {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** A PostgreSQL URL; unset means the embedded PostgreSQL (PGlite) under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  DATA_DIR = './data';

  /**
   * off: compute every answer as if its data had just changed (no in-memory answer caches).
   * For measuring the cold path (`npm run bench`) and for diagnosis; on in production.
   */
  @IsIn(['on', 'off'])
  ANSWER_CACHE: 'on' | 'off' = 'on';

  /** auto: load the demo data set in embedded mode only. */
  @IsIn(['auto', 'true', 'false'])
  DEMO_DATA: 'auto' | 'true' | 'false' = 'auto';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE = 10;

  /** A signed-in session ends after this many minutes without a request. */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt()
  @Min(5)
  @Max(1440)
  SESSION_IDLE_MINUTES = 30;

  /** ...and after this many hours in any case. */
  @Transform(({ value }) => (value === undefined || value === '' ? 12 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(720)
  SESSION_MAX_HOURS = 12;

  /** Sign-in and password-reset attempts allowed per client IP per minute. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  SIGN_IN_RATE_LIMIT = 10;

  /** Writes (POST, PATCH, PUT, DELETE) allowed per client IP per minute. */
  @Transform(({ value }) => (value === undefined || value === '' ? 120 : Number(value)))
  @IsInt()
  @Min(1)
  WRITE_RATE_LIMIT = 120;

  /** Public forms (a reuse proposed, feedback given) accepted per client IP per hour. */
  @Transform(({ value }) => (value === undefined || value === '' ? 20 : Number(value)))
  @IsInt()
  @Min(1)
  PUBLIC_FORM_RATE_LIMIT = 20;

  /** Reads (GET, HEAD) by anonymous callers allowed per client IP per minute, across the whole API. */
  @Transform(({ value }) => (value === undefined || value === '' ? 600 : Number(value)))
  @IsInt()
  @Min(1)
  PUBLIC_READ_RATE_LIMIT = 600;

  /** Public comments on measures and activities accepted per client IP per minute. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  PUBLIC_COMMENT_RATE_LIMIT = 10;

  /** The address people use to reach Marsad, for links it hands out (password reset). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'must be an http:// or https:// address' })
  PUBLIC_URL?: string;

  /**
   * The CKAN portal's Action API base, e.g. https://data.gov.ma/data/api/3/action.
   * Unset: in demo mode, a generated catalogue served in-process; otherwise no harvests.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'must be an http:// or https:// address' })
  PORTAL_URL?: string;

  /** When to harvest (cron expression, server time zone); `off` for on demand only. */
  @IsString()
  @Validate(IsCronExpression)
  HARVEST_SCHEDULE = '30 2 * * *';

  /** Most portal requests per second. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1000)
  HARVEST_RATE_LIMIT = 5;

  /** One portal request may take this long before it is abandoned and retried. */
  @Transform(({ value }) => (value === undefined || value === '' ? 30000 : Number(value)))
  @IsInt()
  @Min(100)
  HARVEST_TIMEOUT_MS = 30000;

  /** Retries of a failed portal request (with exponential backoff and jitter). */
  @Transform(({ value }) => (value === undefined || value === '' ? 4 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(10)
  HARVEST_RETRIES = 4;

  /** Datasets asked for per package_search call (CKAN allows at most 1000). */
  @Transform(({ value }) => (value === undefined || value === '' ? 1000 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1000)
  HARVEST_PAGE_SIZE = 1000;

  /** An incremental run asks for datasets modified since the last good run minus this margin. */
  @Transform(({ value }) => (value === undefined || value === '' ? 60 : Number(value)))
  @IsInt()
  @Min(0)
  HARVEST_OVERLAP_MINUTES = 60;

  /**
   * Which peers may tell the client's address and scheme in X-Forwarded-For / -Proto
   * (Express's "trust proxy"): false (default: none), a number of hops, or a comma-separated
   * list of addresses, CIDR ranges and the names loopback, linklocal, uniquelocal.
   */
  @Validate(IsTrustProxy)
  TRUST_PROXY = 'false';

  /**
   * The SMTP server that sends e-mails, e.g. smtp://user:password@mail.example.ma:587 or smtps://…:465.
   * Unset: e-mails wait in the outbox (visible to administrators) and only the in-app inbox works.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of e-mails, e.g. "Marsad <marsad@add.gov.ma>"; required with SMTP_URL. */
  @IsOptional()
  @Matches(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'must be an address, e.g. Marsad <marsad@add.gov.ma>' })
  MAIL_FROM?: string;

  /** How often the delivery worker looks for e-mails to send. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5000 : Number(value)))
  @IsInt()
  @Min(100)
  MAIL_POLL_MS = 5000;

  /** SMTP connections used at once. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_CONNECTIONS = 5;

  /** When reminders and digests are prepared (cron, Morocco time); `off` to prepare none. */
  @IsString()
  @Validate(IsCronExpression)
  REMINDER_SCHEDULE = '0 8 * * *';

  /** Where the built web app lives; the API serves it on the same port. */
  @IsOptional()
  @IsString()
  WEB_DIST?: string;
}

export class ConfigError extends Error {}

export function parseEnv(source: NodeJS.ProcessEnv): EnvSchema {
  const known = Object.keys(new EnvSchema()).concat([
    'DATABASE_URL',
    'WEB_DIST',
    'PUBLIC_URL',
    'PORTAL_URL',
    'SMTP_URL',
    'MAIL_FROM',
  ]);
  const picked: Record<string, string> = {};
  for (const key of known) {
    const value = source[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const env = plainToInstance(EnvSchema, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: true });
  if (errors.length > 0) {
    const first = errors[0];
    const reasons = Object.values(first.constraints ?? {}).join('; ');
    throw new ConfigError(
      `Invalid environment variable ${first.property}=${JSON.stringify(picked[first.property])}: ${reasons}. See .env.example.`,
    );
  }
  return env;
}
