import type { CoverageReport, InstitutionSummary, Page } from '@marsad/contracts';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

describe('Officer coverage', () => {
  let t: TestApp;
  let coordinator: Client;

  const appoint = (code: string, role: 'ROD' | 'GDD', extra: Record<string, unknown> = {}) =>
    coordinator
      .post(`/api/v1/institutions/${code}/officers`)
      .send({
        role,
        fullName: { fr: `${role} ${code}` },
        email: `${role}.${code}@test.ma`.toLowerCase(),
        appointedOn: '2026-03-15',
        ...extra,
      })
      .expect(201);

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    // The hand-computed fixture, among the 47 ministries of the reference list:
    await appoint('MEF', 'ROD');
    await appoint('MEF', 'GDD', { appointedOn: '2026-04-02' });
    await appoint('MSPS', 'ROD', { status: 'interim' });
    const ended = (await appoint('MTNRA', 'GDD', { appointedOn: '2025-11-20' })).body;
    await coordinator
      .post(`/api/v1/officers/${ended.id}/end`)
      .send({ version: ended.version, endedOn: '2026-01-31', reason: 'Départ' })
      .expect(200);
    // And one prefecture in Rabat-Salé-Kénitra.
    await appoint('04.421', 'ROD');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts ministries with a ROD, a GdD and both, an interim counting and an ended one not', async () => {
    const report: CoverageReport = (await t.http.get('/api/v1/coverage?type=ministry').expect(200)).body;
    // MEF: both; MSPS: ROD (interim); MTNRA: GdD ended → none; the 44 others (MJCC-COM among them): none.
    expect({
      total: report.total,
      withRod: report.withRod,
      withGdd: report.withGdd,
      withBoth: report.withBoth,
    }).toEqual({
      total: 47,
      withRod: 2,
      withGdd: 1,
      withBoth: 1,
    });
    expect(report.byType).toEqual([{ type: 'ministry', total: 47, withRod: 2, withGdd: 1, withBoth: 1 }]);
    expect(report.vacancies.total).toBe(46);
    const vacancies = report.vacancies.items.map((v) => `${v.institution.code}:${v.missing.join('+')}`);
    expect(vacancies).toEqual(expect.arrayContaining(['MSPS:GDD', 'MTNRA:ROD+GDD']));
    expect(vacancies.some((v) => v.startsWith('MEF:'))).toBe(false);
    expect(report.appointmentsByMonth).toEqual([
      { month: '2025-11', rod: 0, gdd: 1 },
      { month: '2026-03', rod: 2, gdd: 0 },
      { month: '2026-04', rod: 0, gdd: 1 },
    ]);
  });

  it('breaks provinces down by region', async () => {
    const report: CoverageReport = (await t.http.get('/api/v1/coverage?type=province').expect(200)).body;
    expect(report.total).toBe(83);
    expect(report.withRod).toBe(1);
    const rabatRegion = report.byRegion.find((r) => r.region.code === '04');
    expect(rabatRegion).toEqual(expect.objectContaining({ total: 7, withRod: 1, withGdd: 0, withBoth: 0 }));
    expect(report.byRegion).toHaveLength(12);
    expect(report.byRegion.reduce((sum, r) => sum + r.total, 0)).toBe(83);
  });

  it('filters the registry by having or lacking officers', async () => {
    const withRod: Page<InstitutionSummary> = (await t.http.get('/api/v1/institutions?hasRod=true').expect(200)).body;
    expect(withRod.items.map((i) => i.code).sort()).toEqual(['04.421', 'MEF', 'MSPS']);
    const both: Page<InstitutionSummary> = (
      await t.http.get('/api/v1/institutions?hasRod=true&hasGdd=true').expect(200)
    ).body;
    expect(both.items.map((i) => i.code)).toEqual(['MEF']);
    const lacking: Page<InstitutionSummary> = (
      await t.http.get('/api/v1/institutions?type=ministry&hasGdd=false').expect(200)
    ).body;
    expect(lacking.total).toBe(46);
    expect(lacking.items.map((i) => i.code)).not.toContain('MEF');
    await t.http.get('/api/v1/institutions?hasRod=yes').expect(400);
  });
});
