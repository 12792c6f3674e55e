import type { ApiErrorBody, ProposeReuseRequest, ReusePage, ReuseView } from '@marsad/contracts';
import { SYSTEM_CALLER } from '../audit/audit.service';
import { harvestDemoPortalOnce } from '../bootstrap';
import { todayInMorocco } from '../common/time/today';
import { DemoSeedService } from '../seed/demo-seed.service';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { seedDemoReuses } from './reuses.demo-seed';
import { ReusesService } from './reuses.service';

const EMAIL = 'proposer@reuse-test.ma';

describe('Reuses of the portal’s data (real database)', () => {
  let t: TestApp;
  let coordinator: Client;
  let officer: Client;
  let ip = 0;
  const ids: Record<string, string> = {};

  /** An anonymous proposal, each from its own address (the public-form limit is 3 an hour per address). */
  const propose = (body: Partial<ProposeReuseRequest> & Record<string, unknown>) =>
    t.http
      .post('/api/v1/reuses')
      .set('X-Forwarded-For', `10.1.0.${++ip}`)
      .send({
        title: { fr: 'Réutilisation' },
        description: { fr: 'Une description.' },
        reuserType: 'civil_society',
        url: 'https://reuse.example.org',
        datasetIds: ['ds-budget'],
        ...body,
      });

  const publish = async (id: string): Promise<ReuseView> => {
    const current: ReuseView = (await coordinator.get(`/api/v1/reuses/${id}`).expect(200)).body;
    return (
      await coordinator
        .patch(`/api/v1/reuses/${id}`)
        .send({ version: current.version, status: 'published' })
        .expect(200)
    ).body;
  };

  const list = async (client: Client | null, query = ''): Promise<ReusePage> =>
    (await (client ?? t.http).get(`/api/v1/reuses${query}`).expect(200)).body;
  const titles = (page: ReusePage) => page.items.map((r) => r.title.fr).sort();

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_FORM_RATE_LIMIT: '3', TRUST_PROXY: 'loopback' } });
    coordinator = await t.as('COORDINATOR');
    officer = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.reuses.ma' });
    // A small harvested portal: two mapped organisations, one that is not, one dataset removed since.
    await t.dataSource.query(`UPDATE institutions SET portal_org_name = 'org-mef' WHERE code = 'MEF'`);
    await t.dataSource.query(`UPDATE institutions SET portal_org_name = 'org-hcp' WHERE code = 'HCP'`);
    for (const [ckanId, org, groups, deleted] of [
      ['ds-budget', 'org-mef', ['economie-et-finances'], false],
      ['ds-debt', 'org-mef', ['economie-et-finances', 'societe'], false],
      ['ds-pop', 'org-hcp', ['societe'], false],
      ['ds-orphan', 'org-unmapped', [], false],
      ['ds-gone', 'org-mef', ['societe'], true],
    ] as const)
      await t.dataSource.query(
        `INSERT INTO portal_datasets (ckan_id, name, title, organization_name, groups, deleted_at)
         VALUES ($1::text, $1::text || '-name', 'Titre ' || $1::text, $2, $3::text[], CASE WHEN $4::boolean THEN now() END)`,
        [ckanId, org, groups, deleted],
      );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps an anonymous proposal out of sight until a coordinator publishes it', async () => {
    const response = await propose({
      title: { fr: 'Budget citoyen', ar: 'الميزانية المواطنة' },
      description: { fr: 'Le budget expliqué.', ar: 'الميزانية مشروحة.' },
      datasetIds: ['ds-budget', 'ds-pop', 'ds-budget'],
      contactEmail: EMAIL,
    }).expect(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'submitted' });
    ids['budget'] = response.body.id;
    expect(JSON.stringify(response.body)).not.toContain(EMAIL);

    const anonymous = await t.http.get('/api/v1/reuses').expect(200);
    expect((anonymous.body as ReusePage).items.map((r) => r.id)).not.toContain(ids['budget']);
    await t.http.get(`/api/v1/reuses/${ids['budget']}`).expect(404);
    await officer.get(`/api/v1/reuses/${ids['budget']}`).expect(404);
    await t.http.get('/api/v1/reuses/not-a-uuid').expect(404);

    const seen: ReuseView = (await coordinator.get(`/api/v1/reuses/${ids['budget']}`).expect(200)).body;
    expect(seen).toMatchObject({ status: 'submitted', contactEmail: EMAIL, origin: 'spontaneous', publishedAt: null });
    expect(seen.datasets.map((d) => d.portalId)).toEqual(['ds-budget', 'ds-pop']);
    expect(seen.datasets[0]).toEqual({
      portalId: 'ds-budget',
      name: 'ds-budget-name',
      title: 'Titre ds-budget',
      institution: expect.objectContaining({ code: 'MEF' }),
      themes: ['economie-et-finances'],
    });
    expect(seen.themes.sort()).toEqual(['economie-et-finances', 'societe']);
    expect(seen.institutions.map((i) => i.code).sort()).toEqual(['HCP', 'MEF']);

    // Coordinators were told, in the same transaction; the trail has the proposal without the address.
    const [notification] = await t.dataSource.query(
      `SELECT params, link FROM notifications WHERE kind = 'reuse.submitted' AND user_id = $1`,
      [coordinator.userId],
    );
    expect(notification.link).toBe(`/reuses/${ids['budget']}`);
    expect(notification.params.title).toEqual({ fr: 'Budget citoyen', ar: 'الميزانية المواطنة' });
    expect(notification.params.reuserType).toMatchObject({ fr: 'société civile' });
    const [audit] = await t.dataSource.query(
      `SELECT actor_id, diff FROM audit_events WHERE action = 'reuse.propose' AND entity_id = $1`,
      [ids['budget']],
    );
    expect(audit.actor_id).toBeNull();
    expect(audit.diff.status.after).toBe('submitted');
    expect(JSON.stringify(audit.diff)).not.toContain(EMAIL);

    const published = await publish(ids['budget']);
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    const [event] = await t.dataSource.query(
      `SELECT diff FROM audit_events WHERE action = 'reuse.publish' AND entity_id = $1`,
      [ids['budget']],
    );
    expect(event.diff.status).toEqual({ before: 'submitted', after: 'published' });

    const shown = await t.http.get(`/api/v1/reuses/${ids['budget']}`).expect(200);
    expect(shown.body).toMatchObject({ status: 'published', contactEmail: null, rejectReason: null });
    expect(shown.text).not.toContain(EMAIL);
    const anonymousList = await t.http.get('/api/v1/reuses').expect(200);
    expect((anonymousList.body as ReusePage).items.map((r) => r.id)).toContain(ids['budget']);
    expect(anonymousList.text).not.toContain(EMAIL);
    expect((await officer.get(`/api/v1/reuses/${ids['budget']}`).expect(200)).body.contactEmail).toBeNull();
  });

  it('filters the showcase by theme, administration, reuser and title, with facets over published reuses', async () => {
    ids['census'] = (
      await propose({
        title: { fr: 'Atlas démographique' },
        reuserType: 'student',
        datasetIds: ['ds-pop', 'ds-orphan'],
        contactEmail: EMAIL,
      }).expect(202)
    ).body.id;
    ids['debt'] = (
      await propose({
        title: { fr: 'La dette à 100% expliquée' },
        reuserType: 'media',
        datasetIds: ['ds-debt'],
      }).expect(202)
    ).body.id;
    ids['pending'] = (
      await propose({ title: { fr: 'En attente' }, reuserType: 'company', datasetIds: ['ds-budget'] }).expect(202)
    ).body.id;
    await publish(ids['census']);
    await publish(ids['debt']);

    const all = await list(null, '?status=submitted');
    // Another reader's status filter is ignored: only published reuses.
    expect(titles(all)).toEqual(['Atlas démographique', 'Budget citoyen', 'La dette à 100% expliquée']);
    expect(all.items.every((r) => r.contactEmail === null)).toBe(true);
    expect(all.total).toBe(3);
    expect(all.items[0].title.fr).toBe('La dette à 100% expliquée'); // the newest published first
    expect(Date.parse(all.asOf)).not.toBeNaN();
    expect(all.facets.themes).toEqual([
      { theme: 'societe', count: 3 },
      { theme: 'economie-et-finances', count: 2 },
    ]);
    expect(all.facets.institutions.map((f) => `${f.institution.code}:${f.count}`).sort()).toEqual(['HCP:2', 'MEF:2']);
    expect(all.facets.reuserTypes.map((f) => `${f.reuserType}:${f.count}`).sort()).toEqual([
      'civil_society:1',
      'media:1',
      'student:1',
    ]);

    expect(titles(await list(null, '?theme=economie-et-finances'))).toEqual([
      'Budget citoyen',
      'La dette à 100% expliquée',
    ]);
    expect(titles(await list(null, '?theme=societe'))).toEqual([
      'Atlas démographique',
      'Budget citoyen',
      'La dette à 100% expliquée',
    ]);
    expect(titles(await list(null, '?institution=MEF'))).toEqual(['Budget citoyen', 'La dette à 100% expliquée']);
    expect(titles(await list(null, '?institution=HCP'))).toEqual(['Atlas démographique', 'Budget citoyen']);
    expect(titles(await list(null, '?institution=ADD'))).toEqual([]);
    expect(titles(await list(null, '?reuserType=student'))).toEqual(['Atlas démographique']);
    expect(titles(await list(null, '?reuserType=company'))).toEqual([]);
    expect(titles(await list(null, '?origin=partnership'))).toEqual([]);
    expect(titles(await list(null, '?q=budget'))).toEqual(['Budget citoyen']);
    expect(titles(await list(null, `?q=${encodeURIComponent('الميزانية')}`))).toEqual(['Budget citoyen']);
    expect(titles(await list(null, '?q=100%25'))).toEqual(['La dette à 100% expliquée']);
    expect(titles(await list(null, '?q=_'))).toEqual([]);
    const second = await list(null, '?pageSize=2&page=2');
    expect([second.items.length, second.total, second.page, second.pageSize]).toEqual([1, 3, 2, 2]);
    await t.http.get('/api/v1/reuses?pageSize=101').expect(400);
    await t.http.get('/api/v1/reuses?reuserType=robot').expect(400);

    // Coordinators see every status, the submitted ones first; facets still count published ones.
    const moderation = await list(coordinator);
    expect(moderation.items[0].id).toBe(ids['pending']);
    expect(moderation.total).toBe(4);
    expect(moderation.facets.reuserTypes.map((f) => f.reuserType)).not.toContain('company');
    expect(titles(await list(coordinator, '?status=submitted'))).toEqual(['En attente']);
    expect(moderation.items.find((r) => r.id === ids['census'])?.contactEmail).toBe(EMAIL);
  });

  it('drops a proposal that filled the honeypot, with the same answer', async () => {
    const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM reuses`);
    const response = await propose({ title: { fr: 'Spam' }, website: 'https://spam.example.com' }).expect(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'submitted' });
    const [{ n: after }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM reuses`);
    expect(after).toBe(before);
    await coordinator.get(`/api/v1/reuses/${response.body.id}`).expect(404);
    const [{ n: audits }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`,
      [response.body.id],
    );
    expect(audits).toBe(0);
  });

  it('refuses datasets the portal does not have and malformed proposals, naming the field', async () => {
    const unknown: ApiErrorBody = (
      await propose({ datasetIds: ['nope', 'ds-budget', 'ds-gone'] })
        .set('Accept-Language', 'en')
        .expect(400)
    ).body;
    expect(unknown.fields.map((f) => `${f.field}:${f.rule}`)).toEqual([
      'datasetIds.0:unknownPortalDataset',
      'datasetIds.2:unknownPortalDataset',
    ]);
    const rules = async (body: Record<string, unknown>) =>
      ((await propose(body).expect(400)).body as ApiErrorBody).fields.map((f) => `${f.field}:${f.rule}`);
    expect(await rules({ title: { en: 'Only English' } })).toEqual(['title:hasArabicOrFrench']);
    expect(await rules({ description: { fr: 'x'.repeat(4001) } })).toEqual(['description.fr:maxLength']);
    expect(await rules({ url: 'ftp://files.example.org' })).toEqual(['url:isUrl']);
    expect(await rules({ datasetIds: [] })).toEqual(['datasetIds:arrayMinSize']);
    expect(await rules({ datasetIds: Array.from({ length: 31 }, (_, i) => `ds-${i}`) })).toEqual([
      'datasetIds:arrayMaxSize',
    ]);
    expect(await rules({ contactEmail: 'not-an-address' })).toEqual(['contactEmail:isEmail']);
    expect(await rules({ reuserType: 'robot' })).toEqual(['reuserType:isIn']);
    expect(await rules({ origin: null })).toEqual(['origin:isIn']);
  });

  it('lets only coordinators moderate, on the version they read, and asks a reason to reject', async () => {
    const id = ids['pending'];
    const current: ReuseView = (await coordinator.get(`/api/v1/reuses/${id}`).expect(200)).body;
    await officer.patch(`/api/v1/reuses/${id}`).send({ version: current.version, status: 'published' }).expect(403);
    await t.http.patch(`/api/v1/reuses/${id}`).send({ version: current.version, status: 'published' }).expect(401);

    const noReason: ApiErrorBody = (
      await coordinator.patch(`/api/v1/reuses/${id}`).send({ version: current.version, status: 'rejected' }).expect(400)
    ).body;
    expect(noReason.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['rejectReason:isDefined']);
    await coordinator
      .patch(`/api/v1/reuses/${id}`)
      .send({ version: current.version, status: 'rejected', rejectReason: '   ' })
      .expect(400);
    await coordinator
      .patch(`/api/v1/reuses/${id}`)
      .send({ version: current.version, datasetIds: ['ds-budget', 'nope'] })
      .expect(400);

    const edited: ReuseView = (
      await coordinator
        .patch(`/api/v1/reuses/${id}`)
        .send({ version: current.version, title: { fr: 'En attente (corrigée)' }, origin: 'partnership' })
        .expect(200)
    ).body;
    expect(edited).toMatchObject({ status: 'submitted', origin: 'partnership', version: current.version + 1 });

    const stale: ApiErrorBody = (
      await coordinator
        .patch(`/api/v1/reuses/${id}`)
        .send({ version: current.version, status: 'published' })
        .expect(409)
    ).body;
    expect(stale.code).toBe('VERSION_CONFLICT');
    expect(stale.current).toMatchObject({ id, version: edited.version, title: { fr: 'En attente (corrigée)' } });

    const rejected: ReuseView = (
      await coordinator
        .patch(`/api/v1/reuses/${id}`)
        .send({ version: edited.version, status: 'rejected', rejectReason: 'Le lien ne fonctionne pas.' })
        .expect(200)
    ).body;
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'Le lien ne fonctionne pas.' });
    await t.http.get(`/api/v1/reuses/${id}`).expect(404);
    const actions = (
      await t.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`, [id])
    ).map((row: { action: string }) => row.action);
    expect(actions).toEqual(['reuse.propose', 'reuse.update', 'reuse.reject']);

    // Reopened, then published: the reason goes, the publication is dated.
    const reopened: ReuseView = (
      await coordinator
        .patch(`/api/v1/reuses/${id}`)
        .send({ version: rejected.version, status: 'submitted' })
        .expect(200)
    ).body;
    expect(reopened).toMatchObject({ status: 'submitted', rejectReason: null, publishedAt: null });
    const published = await publish(id);
    expect(published.publishedAt).not.toBeNull();
    // Nothing changed: nothing written, the same version.
    const same: ReuseView = (
      await coordinator
        .patch(`/api/v1/reuses/${id}`)
        .send({ version: published.version, status: 'published' })
        .expect(200)
    ).body;
    expect(same.version).toBe(published.version);
  });

  it('shows a dataset the portal no longer has by its id, and a hackathon’s reuse with its event', async () => {
    await t.dataSource.query(`DELETE FROM portal_datasets WHERE ckan_id = 'ds-orphan'`);
    const census: ReuseView = (await t.http.get(`/api/v1/reuses/${ids['census']}`).expect(200)).body;
    expect(census.datasets.find((d) => d.portalId === 'ds-orphan')).toEqual({
      portalId: 'ds-orphan',
      name: 'ds-orphan',
      title: 'ds-orphan',
      institution: null,
      themes: [],
    });
    // A dataset the reuse already has stays accepted in a change, even once gone.
    await coordinator
      .patch(`/api/v1/reuses/${ids['census']}`)
      .send({ version: census.version, datasetIds: ['ds-orphan', 'ds-pop'] })
      .expect(200);

    const today = todayInMorocco();
    const event = (
      await coordinator
        .post('/api/v1/events')
        .send({
          type: 'hackathon',
          title: { fr: 'Hackathon national' },
          startsOn: today,
          endsOn: today,
          format: 'in_person',
        })
        .expect(201)
    ).body;
    const service = t.app.get(ReusesService);
    const id = await t.dataSource.transaction((manager) =>
      service.createPublished(manager, SYSTEM_CALLER, {
        title: { fr: 'Projet lauréat' },
        description: { fr: 'Le projet de l’équipe gagnante.' },
        reuserType: 'startup',
        url: 'https://laureat.example.ma',
        origin: 'hackathon',
        datasetIds: ['ds-debt'],
        hackathonEventId: event.id,
      }),
    );
    const winner = await service.get(id, null);
    expect(winner).toMatchObject({
      status: 'published',
      origin: 'hackathon',
      hackathon: { eventId: event.id, title: { fr: 'Hackathon national' } },
    });
    await expect(
      t.dataSource.transaction((manager) =>
        service.createPublished(manager, SYSTEM_CALLER, {
          title: { fr: 'Sans données' },
          description: { fr: 'x' },
          reuserType: 'startup',
          url: 'https://x.example.ma',
          origin: 'hackathon',
          datasetIds: ['nope'],
        }),
      ),
    ).rejects.toMatchObject({ fields: [{ field: 'datasetIds.0', rule: 'unknownPortalDataset', args: ['nope'] }] });

    const counts = await service.publishedCountsByInstitution(t.dataSource.manager);
    // MEF: budget, debt, pending (published above) and the winner; HCP: budget and census.
    expect(Object.fromEntries(counts)).toEqual({ MEF: 4, HCP: 2 });
  });

  it('limits proposals from one address (PUBLIC_FORM_RATE_LIMIT an hour)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await t.http.post('/api/v1/reuses').set('X-Forwarded-For', '10.9.9.9').send({})).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    // Another address is not held back.
    await propose({ title: { fr: 'Encore une' } }).expect(202);
  });
});

describe('The demo showcase (real database, demo data)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    await harvestDemoPortalOnce(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows demo reuses of the demo portal’s datasets after the first harvest, once', async () => {
    const count = async () =>
      (
        await t.dataSource.query(
          `SELECT status, count(*)::int AS n FROM reuses WHERE is_demo AND origin <> 'hackathon' GROUP BY status ORDER BY status`,
        )
      ).map((row: { status: string; n: number }) => `${row.status}:${row.n}`);
    expect(await count()).toEqual(['published:5', 'submitted:1']);
    const page: ReusePage = (await t.http.get('/api/v1/reuses').expect(200)).body;
    expect(page.items.filter((r) => r.origin !== 'hackathon')).toHaveLength(5);
    expect(new Set(page.items.map((r) => r.reuserType)).size).toBeGreaterThanOrEqual(5);
    expect(page.items.map((r) => r.origin)).toEqual(expect.arrayContaining(['spontaneous', 'partnership']));
    for (const reuse of page.items) {
      expect(reuse).toMatchObject({ isDemo: true, contactEmail: null, url: expect.stringMatching(/^https:\/\//) });
      expect(reuse.title.ar && reuse.title.fr && reuse.description.ar && reuse.description.fr).toBeTruthy();
      expect(reuse.datasets.length).toBeGreaterThan(0);
      expect(reuse.datasets.every((d) => d.institution !== null)).toBe(true);
    }
    expect(page.facets.themes.length).toBeGreaterThan(0);
    expect(page.facets.institutions.length).toBeGreaterThan(0);

    // Again: nothing added.
    expect(await seedDemoReuses(t.dataSource)).toBeNull();
    await t.app.get(DemoSeedService).run();
    await harvestDemoPortalOnce(t.app);
    expect(await count()).toEqual(['published:5', 'submitted:1']);
  });
});
