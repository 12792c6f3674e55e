import { AuditEvent } from '../../audit/audit-event.entity';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../../testing/test-app';

const signIn = (t: TestApp, email: string, password = 'whatever-wrong') =>
  t.http.post('/api/v1/auth/sign-in').send({ email, password });

/** The IP the audit trail recorded for the newest sign-in-independent change: an account created by the admin. */
async function auditedIpOfAWrite(t: TestApp, forwardedFor: string): Promise<string | null> {
  const admin = await t.as('ADMIN');
  const email = `ip-${Date.now()}@test.ma`;
  await admin
    .post('/api/v1/users')
    .set('X-Forwarded-For', forwardedFor)
    .send({ email, displayName: 'IP', role: 'COMMITTEE' })
    .expect(201);
  const event = await t.dataSource
    .getRepository(AuditEvent)
    .findOne({ where: { entityType: 'user' }, order: { occurredAt: 'DESC' } });
  return event?.ip ?? null;
}

describe('Proxy headers are believed only from configured proxies (issue #9, finding 3)', () => {
  describe('by default (TRUST_PROXY unset)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { SIGN_IN_RATE_LIMIT: '3' } });
      await t.createAccount({ role: 'COMMITTEE', email: 'proxy@test.ma' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('X-Forwarded-Proto: https neither sets the Secure cookie flag nor HSTS', async () => {
      const response = await signIn(t, 'proxy@test.ma', TEST_PASSWORD).set('X-Forwarded-Proto', 'https').expect(200);
      expect(String(response.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
      expect(response.headers['strict-transport-security']).toBeUndefined();
    });

    it('writes the peer address, not a forged one, in the audit trail', async () => {
      const ip = await auditedIpOfAWrite(t, '6.6.6.6');
      expect(ip).not.toBe('6.6.6.6');
      expect(ip).toMatch(/127\.0\.0\.1|::1/);
    });

    it('a client rotating X-Forwarded-For does not escape the sign-in throttle', async () => {
      // The limit is 3 a minute; each attempt claims another address.
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await signIn(t, `x${i}@test.ma`).set('X-Forwarded-For', `10.0.0.${i}`)).status);
      expect(statuses.at(-1)).toBe(429);
    });
  });

  describe('behind a configured proxy (TRUST_PROXY=loopback)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
      await t.createAccount({ role: 'COMMITTEE', email: 'proxy@test.ma' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('takes the client address and scheme from the proxy: audit IP, Secure cookie and HSTS', async () => {
      expect(await auditedIpOfAWrite(t, '6.6.6.6')).toBe('6.6.6.6');
      const response = await signIn(t, 'proxy@test.ma', TEST_PASSWORD).set('X-Forwarded-Proto', 'https').expect(200);
      expect(String(response.headers['set-cookie'])).toMatch(/;\s*Secure/i);
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const plain = await t.http.get('/api/health').expect(200);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    });
  });
});

describe('Only JSON (and files where a route takes one) from the app’s own origin (issue #9, finding 6)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.createAccount({ role: 'COMMITTEE', email: 'origin@test.ma' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 415 to a form-encoded or plain-text sign-in, in the caller’s language', async () => {
    const form = await t.http
      .post('/api/v1/auth/sign-in')
      .set('Accept-Language', 'fr')
      .type('form')
      .send({ email: 'origin@test.ma', password: TEST_PASSWORD });
    expect([form.status, form.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(form.body.message).toContain('application/json');
    expect(form.headers['set-cookie']).toBeUndefined();
    const text = await t.http
      .post('/api/v1/auth/sign-in')
      .set('Content-Type', 'text/plain')
      .send('{"email":"origin@test.ma"}');
    expect(text.status).toBe(415);
  });

  it('answers 415 to multipart on a route that takes no file, and accepts it where one is taken', async () => {
    const multipart = await t.http
      .post('/api/v1/auth/sign-in')
      .field('email', 'origin@test.ma')
      .field('password', TEST_PASSWORD);
    expect([multipart.status, multipart.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const coordinator = await t.as('COORDINATOR');
    const upload = await coordinator
      .post('/api/v1/officers/import/preview')
      .attach('file', Buffer.from('institution_code\n'), 'x.csv');
    expect(upload.status).not.toBe(415);
  });

  it('refuses writes whose Origin is another site, and accepts its own and none', async () => {
    const foreign = await t.http
      .post('/api/v1/auth/sign-in')
      .set('Origin', 'https://evil.example')
      .set('Accept-Language', 'en')
      .send({ email: 'origin@test.ma', password: TEST_PASSWORD });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'ORIGIN_REJECTED']);
    expect(foreign.headers['set-cookie']).toBeUndefined();
    const nullOrigin = await t.http
      .post('/api/v1/auth/sign-in')
      .set('Origin', 'null')
      .send({ email: 'origin@test.ma', password: TEST_PASSWORD });
    expect(nullOrigin.status).toBe(403);
    const own = await t.http
      .post('/api/v1/auth/sign-in')
      .set('Origin', t.config.publicUrl)
      .send({ email: 'origin@test.ma', password: TEST_PASSWORD });
    expect(own.status).toBe(200);
    const none = await t.http.post('/api/v1/auth/sign-in').send({ email: 'origin@test.ma', password: TEST_PASSWORD });
    expect(none.status).toBe(200);
    // Reads are not concerned: a public page may be fetched from anywhere.
    await t.http.get('/api/v1/plans').set('Origin', 'https://evil.example').expect(200);
  });
});
