import type { ImportPreview, InstitutionDetail } from '@marsad/contracts';
import { AuditEvent } from '../audit/audit-event.entity';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

describe('Keeping the registry', () => {
  let t: TestApp;
  let coordinator: Client;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets a coordinator add and correct an administration, with versions and the audit trail', async () => {
    const created: InstitutionDetail = (
      await coordinator
        .post('/api/v1/institutions')
        .send({
          code: 'ANRAC',
          name: {
            fr: 'Agence nationale de réglementation des activités du cannabis',
            ar: 'الوكالة الوطنية لتقنين الأنشطة المتعلقة بالقنب الهندي',
          },
          type: 'public_institution',
          parentCode: 'MEF',
          portalOrgName: 'anrac',
        })
        .expect(201)
    ).body;
    expect(created).toEqual(
      expect.objectContaining({
        code: 'ANRAC',
        parent: expect.objectContaining({ code: 'MEF' }),
        portalOrgName: 'anrac',
        version: 1,
      }),
    );
    const found = (await t.http.get(`/api/v1/institutions?q=${encodeURIComponent('القنب')}`).expect(200)).body;
    expect(found.items.map((i: { code: string }) => i.code)).toEqual(['ANRAC']);

    const updated: InstitutionDetail = (
      await coordinator
        .patch('/api/v1/institutions/ANRAC')
        .send({ version: 1, acronym: 'ANRAC', website: 'https://www.anrac.ma' })
        .expect(200)
    ).body;
    expect(updated.version).toBe(2);
    const stale = await coordinator
      .patch('/api/v1/institutions/ANRAC')
      .send({ version: 1, website: 'https://x.ma' })
      .expect(409);
    expect(stale.body.current.website).toBe('https://www.anrac.ma');
    const events = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ entityType: 'institution', entityId: 'ANRAC' });
    expect(events.map((e) => e.action).sort()).toEqual(['institution.create', 'institution.update']);

    const bad = await coordinator
      .patch('/api/v1/institutions/MEF')
      .send({ version: 1, parentCode: 'ANRAC', portalOrgName: 'anrac' })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`)).toEqual([
      'parentCode:parentCycle',
    ]);
    const taken = await coordinator
      .patch('/api/v1/institutions/MEF')
      .send({ version: 1, portalOrgName: 'anrac' })
      .expect(400);
    expect(taken.body.fields.map((f: { rule: string }) => f.rule)).toEqual(['portalNameTaken']);
    await (
      await t.as('OFFICER')
    )
      .patch('/api/v1/institutions/MEF')
      .send({ version: 1, website: 'https://x.ma' })
      .expect(403);
  });

  it('imports administrations from a CSV: preview, all or nothing, idempotent', async () => {
    const csv = [
      'code,name_fr,name_ar,type,parent_code,portal_org_name,active',
      'XRADEEF,Régie de distribution d’eau de Fictiville,الوكالة المستقلة لتوزيع الماء بالمدينة الوهمية,public_enterprise,MTNRA-X,,oui',
      'XTRAM,Société du tramway de Fictiville,شركة ترامواي المدينة الوهمية,public_enterprise,,xtram,oui',
      'XPORT,Agence du port de Fictiville,وكالة ميناء المدينة الوهمية,planet,,,oui',
    ].join('\n');
    const preview: ImportPreview = (
      await coordinator
        .post('/api/v1/institutions/import/preview')
        .attach('file', Buffer.from(csv), 'a.csv')
        .expect(200)
    ).body;
    expect(preview.issues.map((i) => `${i.row}:${i.column}:${i.rule}:${i.value}`)).toEqual([
      '2:parent_code:unknownInstitution:MTNRA-X',
      '4:type:isIn:planet',
    ]);
    await coordinator.post('/api/v1/institutions/import').attach('file', Buffer.from(csv), 'a.csv').expect(400);
    expect((await t.http.get('/api/v1/institutions?q=xtram').expect(200)).body.total).toBe(0);

    const fixed = csv.replace('MTNRA-X', 'XTRAM').replace('planet', 'public_enterprise');
    expect(
      (await coordinator.post('/api/v1/institutions/import').attach('file', Buffer.from(fixed), 'a.csv').expect(200))
        .body,
    ).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect((await t.http.get('/api/v1/institutions/XRADEEF').expect(200)).body.parent.code).toBe('XTRAM');
    expect(
      (await coordinator.post('/api/v1/institutions/import').attach('file', Buffer.from(fixed), 'a.csv').expect(200))
        .body,
    ).toEqual({ created: 0, updated: 0, unchanged: 3 });

    const exported = (
      await t.http.get('/api/v1/institutions/export?format=csv&type=public_enterprise').buffer(true).expect(200)
    ).text;
    expect(exported.charCodeAt(0)).toBe(0xfeff);
    expect(exported).toContain('شركة ترامواي المدينة الوهمية');
    expect(exported).not.toContain('04.421');
    // Every filter of the list, not only some: the search text and the parent narrow the export too.
    const searched = (
      await t.http.get('/api/v1/institutions/export?format=csv&q=tramway%20fictiville').buffer(true).expect(200)
    ).text;
    expect(searched).toContain('XTRAM');
    expect(searched).not.toContain('XRADEEF');
    const children = (await t.http.get('/api/v1/institutions/export?format=csv&parent=XTRAM').buffer(true).expect(200))
      .text;
    expect(
      children
        .split('\n')
        .filter((line) => line.trim())
        .slice(1)
        .map((line) => line.split(',')[0]),
    ).toEqual(['XRADEEF']);
  });

  it('reads a blank "active" cell as active (its column\'s explicit default), and audits the import as the caller', async () => {
    const csv = [
      'code,name_fr,name_ar,type,active',
      'XTOUR,Office du tourisme de Fictiville,مكتب السياحة بالمدينة الوهمية,public_enterprise,',
      'XGRAIN,Office des grains de Fictiville,مكتب الحبوب بالمدينة الوهمية,public_enterprise,non',
    ].join('\n');
    expect(
      (await coordinator.post('/api/v1/institutions/import').attach('file', Buffer.from(csv), 'b.csv').expect(200))
        .body,
    ).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect((await t.http.get('/api/v1/institutions/XTOUR').expect(200)).body.active).toBe(true);
    expect((await t.http.get('/api/v1/institutions/XGRAIN').expect(200)).body.active).toBe(false);
    const [event] = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ entityType: 'institution', entityId: 'XTOUR' });
    expect(event).toEqual(expect.objectContaining({ action: 'institution.create', actorRole: 'COORDINATOR' }));
    expect(event.actorId).toBeTruthy();
    expect(event.diff['via']).toEqual({ before: null, after: 'import' });
  });
});
