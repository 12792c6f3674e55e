import type { InventoryItemView, InventoryMatchCandidate, Page } from '@marsad/contracts';
import { AuditEvent } from '../audit/audit-event.entity';
import { normalizeForSearch } from '../common/text/search-normalize.util';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { InventoryItem } from './entities/inventory-item.entity';
import { InventoryMatchingService } from './inventory-matching.service';

describe('The data inventory (measure 6)', () => {
  let t: TestApp;
  let coordinator: Client;
  let mefOfficer: Client;
  let mefDataManager: Client;
  let hcpOfficer: Client;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    mefOfficer = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.test' });
    mefDataManager = await t.as({ role: 'DATA_MANAGER', institution: 'MEF', email: 'gdd@mef.test' });
    hcpOfficer = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.test' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const budget = {
    reference: 'BUD-001',
    title: { ar: 'الميزانية العامة', fr: 'Budget général' },
    classification: 'open',
    theme: 'ECON',
    frequency: 'annual',
    plannedDate: '2026-06-30',
    formats: ['csv', '.CSV', 'text/csv', 'xlsx'],
    public: true,
  };
  const payroll = {
    reference: 'RH_2026.1',
    title: { ar: 'كتلة الأجور', fr: 'Masse salariale' },
    classification: 'restricted',
    legalBasis: 'Loi 09-08 (données personnelles)',
  };
  const list = async (client: Client | null, query = '') =>
    (await (client ?? t.http).get(`/api/v1/institutions/MEF/inventory${query}`).expect(200))
      .body as Page<InventoryItemView>;
  const auditActions = async (id: string) =>
    (await t.dataSource.getRepository(AuditEvent).find({ where: { entityId: id }, order: { occurredAt: 'ASC' } })).map(
      (e) => e.action,
    );

  let publicItem: InventoryItemView;
  let privateItem: InventoryItemView;

  it('creates items, normalises formats, and shows outsiders only the public ones', async () => {
    publicItem = (await mefOfficer.post('/api/v1/institutions/MEF/inventory').send(budget).expect(201)).body;
    expect(publicItem).toEqual(
      expect.objectContaining({
        reference: 'BUD-001',
        institution: expect.objectContaining({ code: 'MEF' }),
        formats: ['CSV', 'XLSX'],
        status: 'identified',
        priority: 'medium',
        public: true,
        version: 1,
        match: {
          state: 'none',
          ckanId: null,
          name: null,
          title: null,
          portalUrl: null,
          basis: null,
          freshness: null,
          publishedAt: null,
        },
      }),
    );
    privateItem = (await mefDataManager.post('/api/v1/institutions/MEF/inventory').send(payroll).expect(201)).body;
    expect(await auditActions(publicItem.id)).toEqual(['inventory.create']);

    expect((await list(null)).items.map((i) => i.reference)).toEqual(['BUD-001']);
    expect((await list(hcpOfficer)).total).toBe(1);
    expect((await list(await t.as('COMMITTEE'))).total).toBe(1);
    expect((await list(mefOfficer)).items.map((i) => i.reference)).toEqual(['BUD-001', 'RH_2026.1']);
    expect((await list(coordinator)).total).toBe(2);
    expect((await list(coordinator, '?q=salariale')).items.map((i) => i.reference)).toEqual(['RH_2026.1']);
    expect((await list(coordinator, '?q=الاجور')).items.map((i) => i.reference)).toEqual(['RH_2026.1']);
    expect((await list(coordinator, '?classification=open&pageSize=1')).items.map((i) => i.reference)).toEqual([
      'BUD-001',
    ]);

    await t.http.get(`/api/v1/inventory/${privateItem.id}`).expect(404);
    await hcpOfficer.get(`/api/v1/inventory/${privateItem.id}`).expect(404);
    expect((await mefDataManager.get(`/api/v1/inventory/${privateItem.id}`).expect(200)).body.reference).toBe(
      'RH_2026.1',
    );
    expect((await t.http.get(`/api/v1/inventory/${publicItem.id}`).expect(200)).body.reference).toBe('BUD-001');
    await t.http.get('/api/v1/inventory/not-a-uuid').expect(404);
    await t.http.get('/api/v1/institutions/NOPE/inventory').expect(404);
  });

  it("keeps writes to the administration's own people and the coordinators", async () => {
    const refused = await hcpOfficer
      .post('/api/v1/institutions/MEF/inventory')
      .send({ ...budget, reference: 'X-1' })
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await hcpOfficer.patch(`/api/v1/inventory/${publicItem.id}`).send({ version: 1, priority: 'high' }).expect(403);
    await hcpOfficer.delete(`/api/v1/inventory/${privateItem.id}`).expect(403);
    await (
      await t.as('COMMITTEE')
    )
      .post('/api/v1/institutions/MEF/inventory')
      .send({ ...budget, reference: 'X-2' })
      .expect(403);
    await t.http
      .post('/api/v1/institutions/MEF/inventory')
      .send({ ...budget, reference: 'X-3' })
      .expect(401);
    await coordinator
      .post('/api/v1/institutions/HCP/inventory')
      .send({ ...budget, reference: 'X-4' })
      .expect(201);
  });

  it('names the field and the rule of every broken invariant, in the caller’s language', async () => {
    const post = (body: object, language = 'en') =>
      mefOfficer.post('/api/v1/institutions/MEF/inventory').set('Accept-Language', language).send(body).expect(400);
    const rules = async (body: object) =>
      (await post(body)).body.fields.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`);

    expect(await rules({ ...budget, reference: 'T-1', title: { fr: 'Sans arabe' } })).toContain('title.ar:isNotEmpty');
    expect(await rules({ ...budget, reference: 'T-2', title: { ar: 'بدون فرنسية', fr: '  ' } })).toContain(
      'title.fr:isNotEmpty',
    );
    expect(await rules({ ...budget, reference: 'with space' })).toEqual(['reference:matches']);
    expect(await rules({ ...budget, reference: 'x'.repeat(65) })).toEqual(['reference:matches']);
    expect(await rules(budget)).toEqual(['reference:referenceTaken']);
    expect(await rules({ ...payroll, reference: 'T-3', legalBasis: ' ' })).toEqual(['legalBasis:legalBasisRequired']);
    expect(await rules({ ...payroll, reference: 'T-4', public: true })).toEqual(['public:publicNeedsOpen']);
    expect(await rules({ ...payroll, reference: 'T-5', status: 'published' })).toEqual(['status:publishedNeedsOpen']);
    expect(await rules({ ...budget, reference: 'T-6', frequency: 'hourly' })).toEqual(['frequency:isIn']);
    expect(await rules({ ...budget, reference: 'T-7', theme: 'SPORT' })).toEqual(['theme:isIn']);
    expect(await rules({ ...budget, reference: 'T-8', plannedDate: '2026-02-30' })).toEqual(['plannedDate:isIsoDate']);
    expect(await rules({ ...budget, reference: 'T-9', classification: 'secret' })).toEqual(['classification:isIn']);

    const arabic = await post({ ...payroll, reference: 'T-10', legalBasis: null }, 'ar');
    expect(arabic.body.fields).toEqual([
      {
        field: 'legalBasis',
        rule: 'legalBasisRequired',
        message: expect.stringContaining('إلزامي عندما يكون العنصر مقيدا'),
      },
    ]);
    expect(arabic.body.message).toContain('الطلب غير صالح');

    // The rules hold on the item as a PATCH leaves it.
    const patched = await mefOfficer
      .patch(`/api/v1/inventory/${publicItem.id}`)
      .send({ version: publicItem.version, classification: 'not_disclosable' })
      .expect(400);
    expect(patched.body.fields.map((f: { rule: string }) => f.rule)).toEqual(['legalBasisRequired', 'publicNeedsOpen']);
    const renamed = await mefOfficer
      .patch(`/api/v1/inventory/${privateItem.id}`)
      .send({ version: privateItem.version, reference: 'BUD-001' })
      .expect(400);
    expect(renamed.body.fields).toEqual([expect.objectContaining({ field: 'reference', rule: 'referenceTaken' })]);
    expect(
      await t.dataSource
        .getRepository(InventoryItem)
        .countBy({ institutionId: (await t.dataSource.query(`SELECT id FROM institutions WHERE code = 'MEF'`))[0].id }),
    ).toBe(2);
  });

  it('answers a stale version with 409 and the current state, and audits each change', async () => {
    const updated: InventoryItemView = (
      await mefOfficer
        .patch(`/api/v1/inventory/${publicItem.id}`)
        .send({ version: 1, priority: 'high', formats: ['json', 'JSON', 'application/json'] })
        .expect(200)
    ).body;
    expect(updated).toEqual(expect.objectContaining({ version: 2, priority: 'high', formats: ['JSON'] }));
    const stale = await mefDataManager
      .patch(`/api/v1/inventory/${publicItem.id}`)
      .send({ version: 1, priority: 'low' })
      .expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.current).toEqual(expect.objectContaining({ version: 2, priority: 'high' }));
    // Nothing changed: no new version, no event.
    await mefOfficer.patch(`/api/v1/inventory/${publicItem.id}`).send({ version: 2, priority: 'high' }).expect(200);
    const [event] = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ entityId: publicItem.id, action: 'inventory.update' });
    expect(event.diff).toEqual({
      priority: { before: 'medium', after: 'high' },
      formats: { before: ['CSV', 'XLSX'], after: ['JSON'] },
    });
    expect(await auditActions(publicItem.id)).toEqual(['inventory.create', 'inventory.update']);
    publicItem = updated;
  });

  it('removes an unpublished item, never a published one', async () => {
    const published: InventoryItemView = (
      await mefOfficer
        .post('/api/v1/institutions/MEF/inventory')
        .send({ ...budget, reference: 'PUB-1', status: 'published' })
        .expect(201)
    ).body;
    const refused = await mefOfficer.delete(`/api/v1/inventory/${published.id}`).expect(400);
    expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'status', rule: 'publishedNotDeletable' })]);
    const scratch: InventoryItemView = (
      await mefOfficer
        .post('/api/v1/institutions/MEF/inventory')
        .send({ ...budget, reference: 'OOPS-1' })
        .expect(201)
    ).body;
    await mefDataManager.delete(`/api/v1/inventory/${scratch.id}`).expect(204);
    await mefDataManager.get(`/api/v1/inventory/${scratch.id}`).expect(404);
    await mefDataManager.delete(`/api/v1/inventory/${scratch.id}`).expect(404);
    const [event] = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ entityId: scratch.id, action: 'inventory.delete' });
    expect(event.diff['reference']).toEqual({ before: 'OOPS-1', after: null });
  });

  const dataset = (
    ckanId: string,
    name: string,
    title: string,
    org: string | null,
    extra: { deleted?: boolean; frequency?: string; ageDays?: number } = {},
  ) =>
    t.dataSource.query(
      `INSERT INTO portal_datasets (ckan_id, name, title, organization_name, title_key, frequency, last_updated_at, metadata_created, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(days => $7), '2025-01-15T10:00:00Z', CASE WHEN $8 THEN now() END)`,
      [
        ckanId,
        name,
        title,
        org,
        normalizeForSearch(title),
        extra.frequency ?? null,
        extra.ageDays ?? 10,
        extra.deleted ?? false,
      ],
    );

  it('suggests matches after a harvest: one dataset by identifier, else by the portal address in its description, else by title; ambiguity and deletion suggest nothing', async () => {
    await t.dataSource.query(`UPDATE institutions SET portal_org_name = 'hcp' WHERE code = 'HCP'`);
    const hcpItem = async (reference: string, fr: string, ar = 'عنصر') =>
      (
        await hcpOfficer
          .post('/api/v1/institutions/HCP/inventory')
          .send({ reference, title: { fr, ar }, classification: 'open' })
          .expect(201)
      ).body as InventoryItemView;
    const byId = await hcpItem('emploi-2024', 'Enquête emploi');
    const byTitle = await hcpItem('T1', 'Population légale des communes');
    const byArabic = await hcpItem('T1-AR', 'Titre sans équivalent', 'السكان القانونيون');
    const ambiguous = await hcpItem('T2', 'Indice des prix');
    const vanishing = await hcpItem('T3', 'Chômage');
    const elsewhere = await hcpItem('T4', 'Comptes nationaux');
    const byUrl = (
      await hcpOfficer
        .post('/api/v1/institutions/HCP/inventory')
        .send({
          reference: 'U1',
          title: { fr: 'Recensement', ar: 'الإحصاء' },
          classification: 'open',
          description: 'Publié sur https://data.gov.ma/data/fr/dataset/rgph-2024-resultats.',
        })
        .expect(201)
    ).body as InventoryItemView;
    await dataset('c-rgph', 'rgph-2024-resultats', 'RGPH 2024 : résultats', 'hcp');
    await dataset('c-emploi', 'emploi-2024', 'Emploi 2024', 'hcp');
    await dataset('c-pop', 'population-legale', 'POPULATION légale des Communes', 'hcp');
    await dataset('c-pop-ar', 'sukkan', 'السكان القانونيون', 'hcp');
    await dataset('c-prix-1', 'ipc-2023', 'Indice des prix', 'hcp');
    await dataset('c-prix-2', 'ipc-2024', 'Indice des prix', 'hcp');
    await dataset('c-chomage', 'chomage', 'Chômage', 'hcp');
    await dataset('c-comptes', 'comptes', 'Comptes nationaux', 'other-org');
    await dataset('c-gone', 'old-comptes', 'Comptes nationaux', 'hcp', { deleted: true });

    const matching = t.app.get(InventoryMatchingService);
    const run = () => t.dataSource.transaction((manager) => matching.suggestMatches(manager));
    const state = async (item: InventoryItemView) => {
      const row = await t.dataSource.getRepository(InventoryItem).findOneByOrFail({ id: item.id });
      return [row.matchState, row.matchCkanId, row.matchBasis];
    };
    expect(await run()).toBe(5);
    expect(await state(byId)).toEqual(['suggested', 'c-emploi', 'identifier']);
    expect(await state(byUrl)).toEqual(['suggested', 'c-rgph', 'url']);
    expect(await state(byTitle)).toEqual(['suggested', 'c-pop', 'title']);
    expect(await state(byArabic)).toEqual(['suggested', 'c-pop-ar', 'title']);
    expect(await state(ambiguous)).toEqual(['none', null, null]);
    expect(await state(vanishing)).toEqual(['suggested', 'c-chomage', 'title']);
    expect(await state(elsewhere)).toEqual(['none', null, null]);
    expect((await t.dataSource.getRepository(InventoryItem).findOneByOrFail({ id: byId.id })).version).toBe(1);
    const view: InventoryItemView = (await hcpOfficer.get(`/api/v1/inventory/${byId.id}`).expect(200)).body;
    expect(view.match).toEqual(
      expect.objectContaining({
        state: 'suggested',
        name: 'emploi-2024',
        title: 'Emploi 2024',
        portalUrl: 'https://data.gov.ma/data/dataset/emploi-2024',
      }),
    );

    // The dataset leaves the portal: its suggestion goes; nothing else moves, and running again changes nothing.
    await t.dataSource.query(`UPDATE portal_datasets SET deleted_at = now() WHERE ckan_id = 'c-chomage'`);
    expect(await run()).toBe(1);
    expect(await state(vanishing)).toEqual(['none', null, null]);
    expect(await run()).toBe(0);
    const events = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ entityType: 'inventory_item', entityId: vanishing.id });
    expect(events.map((e) => e.action).sort()).toEqual([
      'inventory.create',
      'inventory.suggest',
      'inventory.unsuggest',
    ]);
    expect(events.find((e) => e.action === 'inventory.unsuggest')?.diff['matchCkanId']).toEqual({
      before: 'c-chomage',
      after: null,
    });
  });

  it('lists match candidates best first and confirms one, publishing the item', async () => {
    await t.dataSource.query(`UPDATE institutions SET portal_org_name = 'mef' WHERE code = 'MEF'`);
    await dataset('m-title', 'budget-general', 'Budget général', 'mef', { frequency: 'annual', ageDays: 10 });
    await dataset('m-words', 'budget-communes', 'Budget des collectivités', 'mef');
    await dataset('m-id', 'bud-001', 'Lois de finances', 'mef');
    await dataset('m-none', 'meteo', 'Météo', 'mef');
    await dataset('m-gone', 'budget-ancien', 'Budget général', 'mef', { deleted: true });
    await dataset('m-other', 'budget-hcp', 'Budget général', 'hcp');

    const candidates: InventoryMatchCandidate[] = (
      await mefDataManager.get(`/api/v1/inventory/${publicItem.id}/match-candidates`).expect(200)
    ).body;
    expect(candidates.map((c) => [c.ckanId, c.basis])).toEqual([
      ['m-id', 'identifier'],
      ['m-title', 'title'],
      ['m-words', null],
    ]);
    expect(candidates[0]).toEqual({
      ckanId: 'm-id',
      name: 'bud-001',
      title: 'Lois de finances',
      portalUrl: 'https://data.gov.ma/data/dataset/bud-001',
      basis: 'identifier',
    });
    await hcpOfficer.get(`/api/v1/inventory/${publicItem.id}/match-candidates`).expect(403);
    await t.http.get(`/api/v1/inventory/${publicItem.id}/match-candidates`).expect(401);

    const path = `/api/v1/inventory/${publicItem.id}/match`;
    await hcpOfficer.put(path).send({ version: publicItem.version, ckanId: 'm-title' }).expect(403);
    const other = await mefOfficer.put(path).send({ version: publicItem.version, ckanId: 'm-other' }).expect(400);
    expect(other.body.fields).toEqual([expect.objectContaining({ field: 'ckanId', rule: 'unknownDataset' })]);
    await mefOfficer.put(path).send({ version: publicItem.version, ckanId: 'm-gone' }).expect(400);

    const confirmed: InventoryItemView = (
      await mefOfficer.put(path).send({ version: publicItem.version, ckanId: 'm-title' }).expect(200)
    ).body;
    expect(confirmed.status).toBe('published');
    expect(confirmed.version).toBe(publicItem.version + 1);
    expect(confirmed.match).toEqual({
      state: 'confirmed',
      ckanId: 'm-title',
      name: 'budget-general',
      title: 'Budget général',
      portalUrl: 'https://data.gov.ma/data/dataset/budget-general',
      basis: 'title',
      freshness: 'fresh',
      publishedAt: '2025-01-15T10:00:00.000Z',
    });
    const stale = await mefOfficer.put(path).send({ version: publicItem.version, ckanId: 'm-words' }).expect(409);
    expect(stale.body.current.match.ckanId).toBe('m-title');
    const manual: InventoryItemView = (
      await mefOfficer.put(path).send({ version: confirmed.version, ckanId: 'm-words' }).expect(200)
    ).body;
    // No frequency on the portal: freshness is judged on the one the inventory plans (annual).
    expect(manual.match).toEqual(
      expect.objectContaining({ state: 'confirmed', ckanId: 'm-words', basis: 'manual', freshness: 'fresh' }),
    );
    // The harvest leaves confirmed matches alone.
    await t.dataSource.transaction((manager) => t.app.get(InventoryMatchingService).suggestMatches(manager));
    expect((await mefOfficer.get(`/api/v1/inventory/${publicItem.id}`).expect(200)).body.match).toEqual(
      expect.objectContaining({ state: 'confirmed', ckanId: 'm-words' }),
    );
    const cleared: InventoryItemView = (
      await mefOfficer.put(path).send({ version: manual.version, ckanId: null }).expect(200)
    ).body;
    expect(cleared.match).toEqual(expect.objectContaining({ state: 'none', ckanId: null, basis: null }));
    expect(cleared.status).toBe('published');
    const events = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ entityId: publicItem.id, action: 'inventory.match' });
    expect(events).toHaveLength(3);
    expect(events.find((e) => e.diff['status'])?.diff['status']).toEqual({ before: 'identified', after: 'published' });
    expect((await list(null)).items.find((i) => i.id === publicItem.id)?.status).toBe('published');
  });
});
