import { ROLES, hasPermission, type Role } from '@marsad/contracts';
import { Activity } from '../plan/entities/activity.entity';
import { Measure } from '../plan/entities/measure.entity';
import { registeredRoutes } from '../testing/routes';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import type { AccessRule } from './auth.decorators';

describe('Access control', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  const clients: Partial<Record<Role, Client>> = {};

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    for (const role of ROLES) clients[role] = await t.as(role);
    // An activity the MEF officer (the officer every matrix row uses) works on, with reports.
    const all = await t.dataSource
      .getRepository(Activity)
      .find({ relations: { leadInstitution: true, contributors: true, updates: { evidence: true } } });
    const activity = all.find(
      (a) => (a.contributors ?? []).some((c) => c.code === 'MEF') && (a.updates ?? []).length > 0,
    ) as Activity;
    const update = activity.updates?.[0];
    const evidence = all
      .flatMap((a) => a.updates ?? [])
      .flatMap((u) => u.evidence ?? [])
      .find((e) => e.kind === 'file');
    const measure = await t.dataSource.getRepository(Measure).findOneByOrFail({ id: activity.measureId });
    const user = await t.createAccount({ role: 'COMMITTEE', email: 'target@test.ma' });
    const coordinator = clients.COORDINATOR as Client;
    const appointment = (
      await coordinator
        .post('/api/v1/institutions/MEF/officers')
        .send({ role: 'GDD', fullName: { fr: 'Test' }, email: 'gdd@mef.test', appointedOn: '2026-01-01' })
        .expect(201)
    ).body;
    await coordinator
      .post(`/api/v1/officers/${appointment.id}/act`)
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'acte.pdf')
      .expect(200);
    // A published MEF inventory item: the matrix's DELETE is refused (400) rather than removing it for the roles after.
    const item = (
      await coordinator
        .post('/api/v1/institutions/MEF/inventory')
        .send({
          reference: 'MATRIX-1',
          title: { ar: 'عنصر', fr: 'Élément' },
          classification: 'open',
          status: 'published',
        })
        .expect(201)
    ).body;
    ids = {
      inventoryItem: item.id,
      activity: activity.id,
      measure: measure.id,
      progressUpdate: update?.id ?? '',
      evidence: evidence?.id ?? '00000000-0000-4000-8000-000000000000',
      user: user.id,
      appointment: appointment.id,
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every route declares who may call it', () => {
    const routes = registeredRoutes(t);
    expect(routes.length).toBeGreaterThan(15);
    const undeclared = routes
      .filter((route) => !route.rule)
      .map((route) => `${route.method} ${route.path} (${route.name})`);
    expect(undeclared).toEqual([]);
  });

  const concrete = (path: string) =>
    path
      .replace('/institutions/:code', '/institutions/MEF')
      .replace('/officers/:id', `/officers/${ids.appointment}`)
      .replace('/inventory/:id', `/inventory/${ids.inventoryItem}`)
      .replace(':code', 'PANDO-2021')
      .replace('/measures/:id', `/measures/${ids.measure}`)
      .replace('/activities/:id', `/activities/${ids.activity}`)
      .replace('/progress-updates/:id', `/progress-updates/${ids.progressUpdate}`)
      .replace('/evidence/:id', `/evidence/${ids.evidence}`)
      .replace('/users/:id', `/users/${ids.user}`);

  const call = (client: Client | null, method: string, path: string) => {
    const url = concrete(path);
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    if (client) return client[verb](url).send({});
    return t.http[verb](url).send({});
  };

  it('answers every route × every role as its rule says', async () => {
    const failures: string[] = [];
    for (const route of registeredRoutes(t)) {
      if (route.path.endsWith('/auth/sign-in') || route.path.endsWith('/auth/sign-out')) continue; // they change the session itself
      const rule = route.rule as AccessRule;
      const anonymous = await call(null, route.method, route.path);
      if (rule.kind === 'public' && [401, 403].includes(anonymous.status))
        failures.push(`anonymous ${route.method} ${route.path} → ${anonymous.status}`);
      if (rule.kind !== 'public' && anonymous.status !== 401)
        failures.push(`anonymous ${route.method} ${route.path} → ${anonymous.status}, expected 401`);
      for (const role of ROLES) {
        const response = await call(clients[role] as Client, route.method, route.path);
        const allowed = rule.kind !== 'permission' || hasPermission(role, rule.permission);
        if (allowed && [401, 403].includes(response.status)) {
          failures.push(`${role} ${route.method} ${route.path} → ${response.status}, expected access`);
        }
        if (!allowed && response.status !== 403)
          failures.push(`${role} ${route.method} ${route.path} → ${response.status}, expected 403`);
      }
    }
    expect(failures).toEqual([]);
  });

  describe('an officer reaches only their own institution’s activities', () => {
    const body = { status: 'in_progress', progress: 33, narrative: { fr: 'avancement' } };

    it('lets the MEF officer report on an activity MEF works on, and refuses the HCP officer', async () => {
      const activities = await t.dataSource
        .getRepository(Activity)
        .find({ relations: { leadInstitution: true, contributors: true } });
      const involves = (a: Activity, code: string) =>
        a.leadInstitution?.code === code || (a.contributors ?? []).some((c) => c.code === code);
      const mefOnly = activities.find((a) => involves(a, 'MEF') && !involves(a, 'HCP'));
      expect(mefOnly).toBeDefined();
      const mef = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod-a@test.ma' });
      const hcp = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod-b@test.ma' });
      const id = (mefOnly as Activity).id;

      const refused = await hcp.post(`/api/v1/activities/${id}/updates`).send(body).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      const created = await mef.post(`/api/v1/activities/${id}/updates`).send(body).expect(201);
      expect(created.body.state).toBe('submitted');

      // Nor may the other administration attach files to it.
      const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
      await hcp.post(`/api/v1/progress-updates/${created.body.id}/evidence`).attach('file', pdf, 'x.pdf').expect(403);
      await mef.post(`/api/v1/progress-updates/${created.body.id}/evidence`).attach('file', pdf, 'x.pdf').expect(201);

      // Planning fields stay with the coordinators.
      await mef.patch(`/api/v1/activities/${id}`).send({ version: 1, weight: 9 }).expect(403);
      const activity = await t.dataSource.getRepository(Activity).findOneByOrFail({ id });
      // A report awaiting validation leaves the official figure where it was.
      expect(activity.progress).toBe((mefOnly as Activity).progress);
      expect(activity.weight).not.toBe(9);
    });

    it('gives a data manager no write on the plan', async () => {
      await (clients.DATA_MANAGER as Client).post(`/api/v1/activities/${ids.activity}/updates`).send(body).expect(403);
    });
  });
});
