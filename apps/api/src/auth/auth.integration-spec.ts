import { StampedCache } from '../common/cache/stamped-cache';
import request from 'supertest';
import { User } from './entities/user.entity';
import { Session } from './entities/session.entity';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app';
import { LOCK_AFTER_FAILURES } from './auth.service';

describe('Sign-in, sessions and passwords', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const signIn = (email: string, password: string) => t.http.post('/api/v1/auth/sign-in').send({ email, password });

  it('stores passwords as argon2id hashes only', async () => {
    await t.createAccount({ role: 'COMMITTEE', email: 'hash@test.ma', password: 'A-very-secret-passphrase' });
    const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE email = 'hash@test.ma'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(row.password_hash).not.toContain('A-very-secret-passphrase');
    const dump = JSON.stringify(await t.dataSource.query('SELECT * FROM users'));
    expect(dump).not.toContain('A-very-secret-passphrase');
  });

  it('signs in with an httpOnly, SameSite session cookie and signs out', async () => {
    await t.createAccount({ role: 'COORDINATOR', email: 'coord@test.ma' });
    const agent = request.agent(t.app.getHttpServer());
    const response = await agent
      .post('/api/v1/auth/sign-in')
      .send({ email: 'COORD@test.ma ', password: TEST_PASSWORD })
      .expect(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/marsad_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(response.body.user).toEqual(
      expect.objectContaining({
        email: 'coord@test.ma',
        role: 'COORDINATOR',
        permissions: expect.arrayContaining(['activity:plan']),
      }),
    );
    const session = (await agent.get('/api/v1/auth/session').expect(200)).body;
    expect(session.user.email).toBe('coord@test.ma');
    // Only a hash of the cookie's token is stored.
    const token = cookie.match(/marsad_session=([^;]+)/)?.[1] as string;
    expect(JSON.stringify(await t.dataSource.getRepository(Session).find())).not.toContain(token);

    await agent.post('/api/v1/auth/sign-out').expect(403); // no CSRF token
    await agent.post('/api/v1/auth/sign-out').set('X-CSRF-Token', session.csrfToken).expect(204);
    expect((await agent.get('/api/v1/auth/session').expect(200)).body.user).toBeNull();
  });

  it('gives the same answer for an unknown email as for a wrong password', async () => {
    await t.createAccount({ role: 'COMMITTEE', email: 'known@test.ma' });
    const wrong = await signIn('known@test.ma', 'not-the-password').expect(401);
    const unknown = await signIn('nobody@test.ma', 'not-the-password').expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect({ ...wrong.body, requestId: '' }).toEqual({ ...unknown.body, requestId: '' });
  });

  it('locks an account name after repeated failures, known or not, then lets the right password in once it lifts', async () => {
    await t.createAccount({ role: 'COMMITTEE', email: 'target@test.ma' });
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) await signIn('target@test.ma', 'wrong').expect(401);
    const locked = await signIn('target@test.ma', 'wrong').expect(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password is refused while locked.
    expect((await signIn('target@test.ma', TEST_PASSWORD).expect(429)).body.code).toBe('ACCOUNT_LOCKED');
    // An unknown email locks the same way: the answer reveals nothing.
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) await signIn('ghost@test.ma', 'wrong').expect(401);
    expect((await signIn('ghost@test.ma', 'wrong').expect(429)).body.code).toBe('ACCOUNT_LOCKED');
    // The lock lifts with time (simulated), and a success clears the count.
    await t.dataSource.query(`UPDATE sign_in_attempts SET locked_until = now() - interval '1 second'`);
    await signIn('target@test.ma', TEST_PASSWORD).expect(200);
    await signIn('target@test.ma', 'wrong').expect(401);
  });

  it('throttles sign-in attempts per client IP', async () => {
    const strict = await startTestApp({ env: { SIGN_IN_RATE_LIMIT: '3' } });
    try {
      for (let i = 0; i < 3; i++)
        await strict.http
          .post('/api/v1/auth/sign-in')
          .send({ email: `x${i}@test.ma`, password: 'whatever-wrong' })
          .expect(401);
      const throttled = await strict.http
        .post('/api/v1/auth/sign-in')
        .send({ email: 'y@test.ma', password: 'whatever-wrong' })
        .expect(429);
      expect(throttled.body.code).toBe('TOO_MANY_REQUESTS');
      // Reading is not limited.
      await strict.http.get('/api/v1/plans').expect(200);
    } finally {
      await strict.close();
    }
  });

  it('refuses a write without the CSRF token, and writes nothing', async () => {
    const coordinator = await t.as('COORDINATOR');
    const agent = request.agent(t.app.getHttpServer());
    await agent.post('/api/v1/auth/sign-in').send({ email: coordinator.email, password: TEST_PASSWORD }).expect(200);
    const [activity] = await t.dataSource.query(`SELECT id, version FROM activities WHERE code = '1.1'`);
    const refused = await agent
      .patch(`/api/v1/activities/${activity.id}`)
      .send({ version: activity.version, weight: 7 })
      .expect(403);
    expect(refused.body.code).toBe('CSRF_REJECTED');
    await agent
      .patch(`/api/v1/activities/${activity.id}`)
      .set('X-CSRF-Token', 'forged-token-of-the-wrong-length')
      .send({ version: activity.version, weight: 7 })
      .expect(403);
    const [after] = await t.dataSource.query(`SELECT weight, version FROM activities WHERE code = '1.1'`);
    expect(Number(after.weight)).toBe(1);
    expect(after.version).toBe(activity.version);
  });

  it('ends sessions that sat idle too long, and those of a deactivated account', async () => {
    const client = await t.as({ role: 'COMMITTEE', email: 'idle@test.ma' });
    await client.get('/api/v1/audit-events').expect(200);
    await t.dataSource.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
      client.userId,
    ]);
    // Written around the API (as if 31 minutes had passed): sessions are re-read within a second.
    StampedCache.invalidateAll();
    await client.get('/api/v1/audit-events').expect(401);

    const other = await t.as({ role: 'COMMITTEE', email: 'leaver@test.ma' });
    await other.get('/api/v1/audit-events').expect(200);
    const admin = await t.as('ADMIN');
    const user = await t.dataSource.getRepository(User).findOneByOrFail({ email: 'leaver@test.ma' });
    await admin.patch(`/api/v1/users/${user.id}`).send({ version: user.version, active: false }).expect(200);
    await other.get('/api/v1/audit-events').expect(401);
    await signIn('leaver@test.ma', TEST_PASSWORD).expect(401);
  });

  it('lets an admin create an account whose owner sets a password through a one-time link', async () => {
    const admin = await t.as('ADMIN');
    const created = await admin
      .post('/api/v1/users')
      .send({
        email: 'New.Officer@Test.ma',
        displayName: 'Nouvelle ROD',
        role: 'OFFICER',
        institutionCode: 'HCP',
        preferredLocale: 'ar',
      })
      .expect(201);
    expect(created.body.user).toEqual(
      expect.objectContaining({
        email: 'new.officer@test.ma',
        role: 'OFFICER',
        institution: expect.objectContaining({ code: 'HCP' }),
      }),
    );
    const url = new URL(created.body.resetLink.url);
    expect(url.pathname).toBe('/ar/reset-password');
    const token = url.searchParams.get('token') as string;

    const weak = await t.http.post('/api/v1/auth/reset').send({ token, newPassword: 'short' }).expect(400);
    expect(weak.body.fields).toEqual([expect.objectContaining({ field: 'newPassword', rule: 'minLength' })]);
    await t.http.post('/api/v1/auth/reset').send({ token, newPassword: 'A-long-enough-passphrase' }).expect(204);
    await t.http.post('/api/v1/auth/reset').send({ token, newPassword: 'Another-long-passphrase' }).expect(400);
    await signIn('new.officer@test.ma', 'A-long-enough-passphrase').expect(200);

    const missingInstitution = await admin
      .post('/api/v1/users')
      .send({ email: 'x@test.ma', displayName: 'X', role: 'DATA_MANAGER' })
      .expect(400);
    expect(missingInstitution.body.fields).toEqual([
      expect.objectContaining({ field: 'institutionCode', rule: 'institutionRequired' }),
    ]);
    await admin
      .post('/api/v1/users')
      .send({ email: 'new.officer@test.ma', displayName: 'Dup', role: 'COMMITTEE' })
      .expect(400);
  });

  it('changes one’s own password and signs out one’s other sessions', async () => {
    const first = await t.as({ role: 'COMMITTEE', email: 'mover@test.ma' });
    const second = await t.as({ role: 'COMMITTEE', email: 'mover@test.ma' });
    const wrong = await first
      .post('/api/v1/auth/password')
      .send({ currentPassword: 'nope', newPassword: 'A-brand-new-passphrase' })
      .expect(400);
    expect(wrong.body.fields).toEqual([expect.objectContaining({ field: 'currentPassword', rule: 'wrongPassword' })]);
    await first
      .post('/api/v1/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'A-brand-new-passphrase' })
      .expect(204);
    await first.get('/api/v1/audit-events').expect(200);
    await second.get('/api/v1/audit-events').expect(401);
    await signIn('mover@test.ma', 'A-brand-new-passphrase').expect(200);
  });

  it('sends security headers and no stack or SQL in errors', async () => {
    const response = await t.http.get('/api/v1/plans/NOPE').expect(404);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts|SELECT|node_modules/);
  });
});
