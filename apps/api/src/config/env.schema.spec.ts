import { loadConfig } from './app-config';
import { ConfigError, parseEnv } from './env.schema';

describe('parseEnv', () => {
  it('applies defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./data');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEMO_DATA).toBe('auto');
  });

  it('limits public comments to 10 a minute per client IP unless told otherwise', () => {
    expect(loadConfig({}).publicCommentRateLimit).toBe(10);
    expect(loadConfig({ PUBLIC_COMMENT_RATE_LIMIT: '3' }).publicCommentRateLimit).toBe(3);
    expect(() => parseEnv({ PUBLIC_COMMENT_RATE_LIMIT: '0' })).toThrow(/PUBLIC_COMMENT_RATE_LIMIT/);
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(/PORT="abc"/);
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL="mysql:\/\/x".*postgres/);
    expect(() => parseEnv({ DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA/);
  });

  it('accepts a PostgreSQL URL', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/marsad' }).DATABASE_URL).toBe(
      'postgres://postgres@127.0.0.1:5432/marsad',
    );
  });

  it('takes an SMTP server with its sender, or none', () => {
    expect(loadConfig({}).mail).toEqual(
      expect.objectContaining({ smtpUrl: null, from: null, reminderSchedule: '0 8 * * *' }),
    );
    const mail = loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.ma:465', MAIL_FROM: 'Marsad <m@add.gov.ma>' }).mail;
    expect([mail.smtpUrl, mail.from]).toEqual(['smtps://u:p@mail.example.ma:465', 'Marsad <m@add.gov.ma>']);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.ma' })).toThrow(/MAIL_FROM/);
    expect(() => parseEnv({ SMTP_URL: 'http://mail.example.ma' })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
    expect(() => parseEnv({ REMINDER_SCHEDULE: 'every day' })).toThrow(/REMINDER_SCHEDULE/);
    expect(loadConfig({ REMINDER_SCHEDULE: 'off' }).mail.reminderSchedule).toBeNull();
  });
});
