import type { InstitutionDetail, InstitutionSummary, Page } from '@marsad/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';
import { DivisionsImportService } from './divisions-import.service';

describe('The registry of administrations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (query: string): Promise<Page<InstitutionSummary>> =>
    (await t.http.get(`/api/v1/institutions?${query}`).expect(200)).body;

  it('holds the 12 regions, 83 provinces and prefectures and 1,503 communes with their HCP codes', async () => {
    expect((await list('type=region')).total).toBe(12);
    expect((await list('type=province')).total).toBe(83);
    expect((await list('type=commune')).total).toBe(1503);
    const rabat: InstitutionDetail = (await t.http.get('/api/v1/institutions/04.421').expect(200)).body;
    expect(rabat).toEqual(
      expect.objectContaining({
        code: '04.421',
        type: 'province',
        subtype: 'prefecture',
        name: expect.objectContaining({ fr: 'Rabat', ar: 'الرباط' }),
        parent: expect.objectContaining({ code: '04' }),
        region: expect.objectContaining({ code: '04' }),
        childCount: 2,
      }),
    );
    const commune: InstitutionDetail = (await t.http.get('/api/v1/institutions/04.421.01.0').expect(200)).body;
    expect(commune.parent?.code).toBe('04.421');
    await t.http.get('/api/v1/institutions/99.999').expect(404);
  });

  it('holds the central administrations of the reference list, searchable in Arabic and French', async () => {
    const ministries = await list('type=ministry&pageSize=100');
    expect(ministries.total).toBe(47);
    expect(ministries.items.map((i) => i.code)).toEqual(
      expect.arrayContaining(['MEF', 'MSPS', 'MI', 'MEF-DGI', 'MTNRA']),
    );
    expect(ministries.items.map((i) => i.code)).not.toContain('HCP');
    const health = await list(`q=${encodeURIComponent('الصحة')}`);
    expect(health.items.map((i) => i.code)).toContain('MSPS');
    const cnss = await list('q=securite%20sociale');
    expect(cnss.items.map((i) => i.code)).toContain('CNSS');
    const dgi: InstitutionDetail = (await t.http.get('/api/v1/institutions/MEF-DGI').expect(200)).body;
    expect(dgi.parent?.code).toBe('MEF');
    expect((await list('type=public_enterprise')).total).toBe(10);
    expect((await list('type=independent_authority')).total).toBe(15);
  });

  it('imports again without changing anything', async () => {
    const report = await t.app.get(DivisionsImportService).run();
    expect(report).toEqual({ regions: 12, provinces: 83, communes: 1503, inserted: 0, updated: 0 });
  });

  it('finds «الرباط» with or without hamza and diacritics, and `fes` for Fès', async () => {
    const rabat = await list(`q=${encodeURIComponent('الرباط')}&pageSize=100`);
    const codes = rabat.items.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['04.421', '04.421.01.0', '04']));
    expect(rabat.items.every((i) => i.name.ar.includes('الرباط'))).toBe(true);
    expect((await list(`q=${encodeURIComponent('الرِّبَاط')}`)).total).toBe(rabat.total);

    const fes = await list('q=fes&pageSize=100');
    expect(fes.items.map((i) => i.name.fr)).toEqual(expect.arrayContaining(['Fès', 'Fès-Meknès']));
    expect((await list('q=F%C3%88S')).total).toBe(fes.total);

    // أكادير and اكادير are the same search.
    expect((await list(`q=${encodeURIComponent('أكادير')}`)).total).toBe(
      (await list(`q=${encodeURIComponent('اكادير')}`)).total,
    );
    expect((await list(`q=${encodeURIComponent('اكادير')}`)).total).toBeGreaterThan(0);
  });

  it('filters by region and parent, pages, and refuses bad parameters', async () => {
    const region = await list('region=04&type=province');
    expect(region.total).toBe(7);
    const children = await list('parent=04.421');
    expect(children.total).toBe(2);
    expect(children.items.every((i) => i.parentCode === '04.421' && i.type === 'commune')).toBe(true);
    const page2 = await list('type=commune&page=2&pageSize=10&sort=code');
    expect(page2.items).toHaveLength(10);
    expect(page2.page).toBe(2);
    const bad = (await t.http.get('/api/v1/institutions?type=planet&pageSize=5000').expect(400)).body;
    expect(bad.fields.map((f: { field: string }) => f.field).sort()).toEqual(['pageSize', 'type']);
  });
});
