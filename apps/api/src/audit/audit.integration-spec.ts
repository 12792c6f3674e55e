import { Activity } from '../plan/entities/activity.entity';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { AuditEvent } from './audit-event.entity';

describe('Audit trail', () => {
  let t: TestApp;
  let coordinator: Client;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
  });
  afterAll(async () => {
    await t?.close();
  });

  const events = () => t.dataSource.getRepository(AuditEvent).find({ order: { occurredAt: 'ASC' } });
  const activity = (code: string) => t.dataSource.getRepository(Activity).findOneByOrFail({ code });

  it('records an activity edit once, with who, what changed and the request id', async () => {
    const before = (await events()).length;
    const target = await activity('2.2');
    await coordinator
      .patch(`/api/v1/activities/${target.id}`)
      .set('X-Request-Id', 'audit-check-000001')
      .set('User-Agent', 'jest-audit')
      .send({ version: target.version, dueDate: '2027-06-30', weight: 2, contributorCodes: ['HCP'] })
      .expect(200);
    const after = await events();
    expect(after).toHaveLength(before + 1);
    const event = after[after.length - 1];
    expect(event).toEqual(
      expect.objectContaining({
        action: 'activity.update',
        entityType: 'activity',
        entityId: target.id,
        actorId: coordinator.userId,
        actorRole: 'COORDINATOR',
        requestId: 'audit-check-000001',
        userAgent: 'jest-audit',
      }),
    );
    expect(event.diff).toEqual({
      dueDate: { before: null, after: '2027-06-30' },
      weight: { before: 1, after: 2 },
      contributors: { before: [], after: ['HCP'] },
    });
  });

  it('records a progress update once, with the change it made to the activity', async () => {
    const target = await activity('9.1');
    const before = (await events()).length;
    const created = await coordinator
      .post(`/api/v1/activities/${target.id}/updates`)
      .send({ status: 'in_progress', progress: 45, narrative: { fr: 'campagne lancée' } })
      .expect(201);
    const after = await events();
    expect(after).toHaveLength(before + 1);
    const event = after[after.length - 1];
    expect(event.action).toBe('progress-update.create');
    expect(event.entityId).toBe(created.body.id);
    expect(event.diff).toEqual(
      expect.objectContaining({
        progress: { before: null, after: 45 },
        'activity.progress': { before: 0, after: 45 },
        'activity.status': { before: 'not_started', after: 'in_progress' },
      }),
    );
    const history = (await coordinator.get(`/api/v1/activities/${target.id}/history`).expect(200)).body;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['progress-update.create']);
    expect(history[0].actor.email).toBe(coordinator.email);
    const page = (await coordinator.get(`/api/v1/audit-events?entityType=progress-update&pageSize=5`).expect(200)).body;
    expect(page.total).toBe(1);
  });

  it('leaves no event when the change is refused', async () => {
    const target = await activity('3.1');
    const before = (await events()).length;
    await coordinator
      .patch(`/api/v1/activities/${target.id}`)
      .send({ version: target.version + 5, weight: 3 })
      .expect(409);
    await coordinator
      .post(`/api/v1/activities/${target.id}/updates`)
      .send({ status: 'in_progress', progress: 101, narrative: { fr: 'x' } })
      .expect(400);
    await coordinator
      .patch(`/api/v1/activities/${target.id}`)
      .send({ version: target.version, contributorCodes: ['NOPE'] })
      .expect(400);
    expect(await events()).toHaveLength(before);
  });

  it('rolls the event back with the change when the transaction fails', async () => {
    const target = await activity('4.1');
    const before = (await events()).length;
    // Make the activity row's write fail inside the transaction, after the audit insert was prepared.
    await t.dataSource.query(`ALTER TABLE activities ADD CONSTRAINT test_no_weight_5 CHECK (weight <> 5)`);
    try {
      await coordinator
        .patch(`/api/v1/activities/${target.id}`)
        .send({ version: target.version, weight: 5 })
        .expect(500);
    } finally {
      await t.dataSource.query(`ALTER TABLE activities DROP CONSTRAINT test_no_weight_5`);
    }
    expect(await events()).toHaveLength(before);
  });

  it('cannot be altered or deleted, even by SQL', async () => {
    await expect(t.dataSource.query(`UPDATE audit_events SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });

  it('is readable only with the audit permission', async () => {
    await t.http.get('/api/v1/audit-events').expect(401);
    const officer = await t.as('OFFICER');
    await officer.get('/api/v1/audit-events').expect(403);
    const committee = await t.as('COMMITTEE');
    await committee.get('/api/v1/audit-events?from=2020-01-01&to=2099-12-31').expect(200);
  });
});
