import type { PlanDetail } from '@marsad/contracts';
import { Activity } from '../plan/entities/activity.entity';
import { Evidence } from '../plan/entities/evidence.entity';
import { Milestone } from '../plan/entities/milestone.entity';
import { ProgressUpdate } from '../plan/entities/progress-update.entity';
import { DEMO_LEADS } from '../plan/plan.demo-seed';
import { Institution } from '../institutions/entities/institution.entity';
import { OfficerAppointment } from '../officers/entities/officer-appointment.entity';
import { startTestApp, type TestApp } from '../testing/test-app';
import { DemoSeedService } from './demo-seed.service';
import { ReferenceSeedService } from './reference-seed.service';

describe('Seeds', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const counts = async () => ({
    institutions: await t.dataSource.getRepository(Institution).count(),
    activities: await t.dataSource.getRepository(Activity).count(),
    updates: await t.dataSource.getRepository(ProgressUpdate).count(),
    milestones: await t.dataSource.getRepository(Milestone).count(),
    evidence: await t.dataSource.getRepository(Evidence).count(),
  });

  it('loads the central administrations (committee members among them), the territorial divisions and the plan once', async () => {
    const before = await counts();
    expect(before.institutions).toBe(130 + 12 + 83 + 1503);
    expect(before.activities).toBe(26);
    const report = await t.app.get(ReferenceSeedService).run();
    expect(report).toEqual({ inserted: 0, updated: 0 });
    expect(await counts()).toEqual(before);
  });

  it('compares the territorial divisions only when the reference files changed', async () => {
    const [stored] = await t.dataSource.query(`SELECT value FROM app_settings WHERE key = 'divisions_checksum'`);
    expect(stored.value).toMatch(/^[0-9a-f]{64}$/);
    // A renamed commune stays as it is while the files are unchanged…
    await t.dataSource.query(
      `UPDATE institutions SET name = jsonb_set(name, '{fr}', '"Renommée"') WHERE code = '04.421.01.0'`,
    );
    expect(await t.app.get(ReferenceSeedService).run()).toEqual({ inserted: 0, updated: 0 });
    // …and the next import after a change of files (simulated by forgetting the checksum) restores it.
    await t.dataSource.query(`DELETE FROM app_settings WHERE key = 'divisions_checksum'`);
    expect(await t.app.get(ReferenceSeedService).run()).toEqual({ inserted: 0, updated: 1 });
    const [rabat] = await t.dataSource.query(`SELECT name->>'fr' AS fr FROM institutions WHERE code = '04.421.01.0'`);
    expect(rabat.fr).toBe('Rabat');
  });

  it('loads the 130 central administrations keyed on code, with their supervising ministry, once', async () => {
    const rows: { code: string; type: string; parent: string | null; ar: string }[] = await t.dataSource.query(
      `SELECT i.code, i.type, p.code AS parent, i.name->>'ar' AS ar FROM institutions i LEFT JOIN institutions p ON p.id = i.parent_id
        WHERE i.code IN ('MEF', 'MEF-DGI', 'HCP', 'ADD', 'ONEE', 'MSPS', 'CNDP')`,
    );
    const byCode = Object.fromEntries(rows.map((row) => [row.code, row]));
    expect(byCode['HCP'].type).toBe('other');
    expect(byCode['MEF-DGI']).toEqual(expect.objectContaining({ type: 'ministry', parent: 'MEF' }));
    expect(byCode['ADD']).toEqual(expect.objectContaining({ type: 'public_institution', parent: 'MTNRA' }));
    expect(byCode['ONEE']).toEqual(expect.objectContaining({ type: 'public_enterprise', parent: 'MTEDD' }));
    expect(byCode['MSPS'].ar).toContain('الصحة');
    expect(byCode['CNDP'].type).toBe('independent_authority');
    // A renamed ministry is restored at the next change of the file (forgotten checksum), and only it.
    await t.dataSource.query(`UPDATE institutions SET name = jsonb_set(name, '{fr}', '"Renommé"') WHERE code = 'MSPS'`);
    await t.dataSource.query(`DELETE FROM app_settings WHERE key = 'central_administrations_checksum'`);
    expect(await t.app.get(ReferenceSeedService).run()).toEqual({ inserted: 0, updated: 1 });
    expect(await t.app.get(ReferenceSeedService).run()).toEqual({ inserted: 0, updated: 0 });
  });

  it('never overwrites what people edited', async () => {
    const repo = t.dataSource.getRepository(Activity);
    const activity = await repo.findOneByOrFail({ code: '1.1' });
    activity.weight = 4;
    await repo.save(activity);
    await t.app.get(ReferenceSeedService).run();
    expect((await repo.findOneByOrFail({ code: '1.1' })).weight).toBe(4);
  });

  it('restores reference text that was altered, and only that', async () => {
    const repo = t.dataSource.getRepository(Activity);
    const activity = await repo.findOneByOrFail({ code: '2.1' });
    const original = activity.title;
    activity.title = { ...original, fr: 'modifié à la main' };
    await repo.save(activity);
    expect(await t.app.get(ReferenceSeedService).run()).toEqual({ inserted: 0, updated: 1 });
    expect((await repo.findOneByOrFail({ code: '2.1' })).title).toEqual(original);
  });

  it('loads demo data once, every row marked as demo, with every status represented', async () => {
    const before = await counts();
    expect(before.updates).toBeGreaterThan(20);
    expect(before.milestones).toBe(78);
    expect(await t.app.get(DemoSeedService).run()).toEqual({ loaded: false });
    expect(await counts()).toEqual(before);
    expect(await t.dataSource.getRepository(ProgressUpdate).countBy({ isDemo: false })).toBe(0);
    const files = await t.dataSource.getRepository(Evidence).findBy({ kind: 'file' });
    expect(files.length).toBeGreaterThan(0);
    const plan = (await t.http.get('/api/v1/plans/PANDO-2021').expect(200)).body;
    expect(plan.demo).toBe(true);
    // Demo figures say so, on the plan and on each activity.
    expect(plan.provenance.source).toBe('demo');
    expect(plan.measures[0].activities[0].provenance).toEqual(expect.objectContaining({ source: 'demo' }));
    for (const status of ['not_started', 'in_progress', 'completed', 'delayed', 'cancelled']) {
      expect(plan.statusCounts[status]).toBeGreaterThan(0);
    }
    const download = await t.http.get(`/api/v1/evidence/${files[0].id}/file`).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
  });

  it("spreads the demo plan's leads among the committee's members, as a real plan would, once", async () => {
    const plan = (await t.http.get('/api/v1/plans/PANDO-2021').expect(200)).body as PlanDetail;
    const measureLeads = Object.fromEntries(plan.measures.map((m) => [m.number, m.leadInstitution?.code]));
    expect(measureLeads).toEqual(
      Object.fromEntries(Object.entries(DEMO_LEADS).map(([n, e]) => [Number(n), e.measure])),
    );
    const activityLeads = plan.measures.flatMap((m) => m.activities.map((a) => [a.code, a.leadInstitution?.code]));
    expect(Object.fromEntries(activityLeads)).toEqual(
      expect.objectContaining({ '1.1': 'SGG', '5.1': 'HCP', '7.1': 'ANRT', '9.1': 'MJCC-COM', '10.1': 'MTNRA' }),
    );
    // ADD no longer leads everything, but still most of the work (the portal, the network, publication).
    const byAdd = activityLeads.filter(([, lead]) => lead === 'ADD').length;
    expect(byAdd).toBeGreaterThan(5);
    expect(byAdd).toBeLessThan(26);
    // No administration contributes to an activity it leads.
    for (const activity of plan.measures.flatMap((m) => m.activities)) {
      expect(activity.contributors.map((c) => c.code)).not.toContain(activity.leadInstitution?.code);
    }
    // Loading again (an installation whose demo is loaded) rewrites nothing, nor does the reference seed.
    expect(await t.app.get(DemoSeedService).run()).toEqual({ loaded: false });
    await t.app.get(ReferenceSeedService).run();
    const again = (await t.http.get('/api/v1/plans/PANDO-2021').expect(200)).body as PlanDetail;
    expect(again.measures.flatMap((m) => m.activities.map((a) => [a.code, a.leadInstitution?.code]))).toEqual(
      activityLeads,
    );
  });

  it('names demo officers across the registry once, so coverage is not empty', async () => {
    const coverage = (await t.http.get('/api/v1/coverage').expect(200)).body;
    expect(coverage.withRod).toBeGreaterThan(100);
    expect(coverage.withRod).toBeLessThan(coverage.total);
    expect(coverage.byType.find((row: { type: string }) => row.type === 'ministry')).toEqual(
      expect.objectContaining({ total: 47 }),
    );
    const before = await t.dataSource.getRepository(OfficerAppointment).count();
    expect(await t.app.get(DemoSeedService).ensureDemoAppointments()).toBe(false);
    expect(await t.dataSource.getRepository(OfficerAppointment).count()).toBe(before);
    // The demo officers of MEF and HCP are the demo accounts.
    const mef = await t.dataSource.getRepository(OfficerAppointment).findOneByOrFail({ email: 'rod@mef.gov.ma' });
    expect(mef.role).toBe('ROD');
  });

  it('holds a year of events with demo officers, feedback and targets, once, so reach is alive', async () => {
    const reach = (await t.http.get('/api/v1/reach').expect(200)).body;
    expect(reach.trained.rod.trained).toBeGreaterThan(10);
    expect(reach.trained.gdd.trained).toBeGreaterThan(3);
    const held = reach.eventsByType.reduce((n: number, row: { held: number }) => n + row.held, 0);
    expect(held).toBe(9);
    expect(
      reach.eventsByType.find((row: { type: string }) => row.type === 'training').satisfaction.responses,
    ).toBeGreaterThan(10);
    expect(reach.targets.some((row: { type: string; events: { target: number } }) => row.events.target > 0)).toBe(true);
    const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM event_participants`);
    expect(await t.app.get(DemoSeedService).ensureDemoEvents()).toBe(false);
    const [{ n: after }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM event_participants`);
    expect(after).toBe(before);
    // The MEF open-data officer, a demo account, took part in trainings.
    const mef = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM event_participants p JOIN officer_appointments a ON a.id = p.appointment_id
        WHERE a.email = 'rod@mef.gov.ma'`,
    );
    expect(mef[0].n).toBeGreaterThan(0);
  });
});
