import type { InstitutionListItem, Page, ReportingRoundDetail, TrafficLightReport } from '@marsad/contracts';
import { StampedCache } from '../common/cache/stamped-cache';
import { addDays, todayInMorocco } from '../common/time/today';
import { Institution } from '../institutions/entities/institution.entity';
import { Activity } from '../plan/entities/activity.entity';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { TrafficLightService } from './traffic-light.service';

/**
 * Administrations with known lateness, punctuality and score get the light the rule says
 * (libs/shared/contracts traffic-light.ts): the plan's lateness of the activities they lead, the
 * last closed round's punctuality as frozen at closing, and the newest snapshot's score.
 */
describe('Traffic lights of administrations', () => {
  let t: TestApp;
  let coordinator: Client;
  let mef: Client;
  let mefDataManager: Client;
  let hcp: Client;
  const today = todayInMorocco();
  const report = { status: 'in_progress', progress: 40, narrative: { fr: 'En cours' } };

  const light = async (code: string): Promise<TrafficLightReport> =>
    (await t.http.get(`/api/v1/institutions/${code}/traffic-light`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    mef = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.lights.ma' });
    mefDataManager = await t.as({ role: 'DATA_MANAGER', institution: 'MEF', email: 'gdd@mef.lights.ma' });
    hcp = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.lights.ma' });
    const institutions = t.dataSource.getRepository(Institution);
    const [mefInstitution, hcpInstitution, anrt] = await Promise.all(
      ['MEF', 'HCP', 'ANRT'].map((code) => institutions.findOneByOrFail({ code })),
    );
    // The reference seed gives every activity to ADD, with no dates: none is late.
    const activities = t.dataSource.getRepository(Activity);
    const set = async (code: string, changes: Partial<Activity>) =>
      activities.update({ code }, { ...changes, updatedAt: new Date() });
    // MEF leads two activities, one late: 50 % late (red).
    await set('1.1', {
      leadInstitutionId: mefInstitution.id,
      status: 'in_progress',
      progress: 60,
      startDate: addDays(today, -200),
      dueDate: addDays(today, -10),
    });
    await set('1.2', { leadInstitutionId: mefInstitution.id, startDate: today, dueDate: addDays(today, 100) });
    // HCP leads the four reference-data activities, one late: 25 % (amber); a completed one past its date is not late.
    for (const code of ['5.1', '5.2', '5.3', '5.4']) await set(code, { leadInstitutionId: hcpInstitution.id });
    await set('5.1', { status: 'delayed', progress: 30, dueDate: addDays(today, -1) });
    await set('5.2', { status: 'completed', progress: 100, dueDate: addDays(today, -30) });
    // ANRT leads only a cancelled activity: its plan lateness is not measured.
    await set('2.1', { leadInstitutionId: anrt.id, status: 'cancelled', dueDate: addDays(today, -30) });

    // Publication: MEF scores 70, HCP 50; ADD is matched but has no dataset; ANRT is not matched.
    await t.dataSource.query(
      `UPDATE institutions SET portal_org_name = CASE code WHEN 'MEF' THEN 'mef' WHEN 'HCP' THEN 'hcp' ELSE 'add' END
        WHERE code IN ('MEF', 'HCP', 'ADD')`,
    );
    await t.dataSource.query(
      `INSERT INTO metric_snapshots (day, institution_id, datasets, score, figures, computed_at)
       SELECT $1::date, NULL, 12, 60, '{}'::jsonb, now()
       UNION ALL SELECT $1::date - 1, id, 3, 20, '{}'::jsonb, now() FROM institutions WHERE code = 'MEF'
       UNION ALL SELECT $1::date, id, 8, 70, '{}'::jsonb, now() FROM institutions WHERE code = 'MEF'
       UNION ALL SELECT $1::date, id, 4, 50, '{}'::jsonb, now() FROM institutions WHERE code = 'HCP'
       UNION ALL SELECT $1::date, id, 0, NULL, '{}'::jsonb, now() FROM institutions WHERE code = 'ADD'`,
      [today],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says reporting is not measured before any round is closed, and decides from the rest', async () => {
    const mefLight = await light('MEF');
    expect(mefLight.inputs.find((i) => i.input === 'reporting')).toEqual(
      expect.objectContaining({ light: 'not_measured', notMeasured: 'no_closed_round' }),
    );
    expect(mefLight.light).toBe('red');
  });

  it('gives each administration the light of its lateness, its punctuality in the last closed round and its score', async () => {
    // A round on 13.2 (ADD leads; MEF and HCP contribute): each owes a report and two confirmations.
    const a132 = await t.dataSource
      .getRepository(Activity)
      .findOneOrFail({ where: { code: '13.2' }, relations: { contributors: true } });
    a132.contributors = await t.dataSource.getRepository(Institution).findBy([{ code: 'MEF' }, { code: 'HCP' }]);
    await t.dataSource.getRepository(Activity).save(a132);
    const round: ReportingRoundDetail = (
      await coordinator
        .post('/api/v1/reporting-rounds')
        .send({ name: { fr: 'T4' }, opensOn: today, closesOn: addDays(today, 30), activityIds: [a132.id] })
        .expect(201)
    ).body;
    // MEF hands in all three (100 %), ADD two (66.7 %), HCP its report only (33.3 %).
    await mef.post(`/api/v1/activities/${a132.id}/updates`).send(report).expect(201);
    await mef.post(`/api/v1/reporting-rounds/${round.id}/confirmations`).send({ kind: 'officers' }).expect(200);
    await mefDataManager
      .post(`/api/v1/reporting-rounds/${round.id}/confirmations`)
      .send({ kind: 'inventory' })
      .expect(200);
    await coordinator.post(`/api/v1/activities/${a132.id}/updates`).send(report).expect(201);
    await coordinator
      .post(`/api/v1/reporting-rounds/${round.id}/confirmations`)
      .send({ kind: 'inventory' })
      .expect(200);
    await hcp.post(`/api/v1/activities/${a132.id}/updates`).send(report).expect(201);
    const current: ReportingRoundDetail = (await coordinator.get(`/api/v1/reporting-rounds/${round.id}`).expect(200))
      .body;
    const closed: ReportingRoundDetail = (
      await coordinator
        .post(`/api/v1/reporting-rounds/${round.id}/close`)
        .send({ version: current.version })
        .expect(200)
    ).body;

    const mefLight = await light('MEF');
    expect(mefLight.light).toBe('red');
    expect(mefLight.reasons).toEqual([{ input: 'plan', light: 'red', value: 50, threshold: 25 }]);
    expect(mefLight.inputs).toEqual([
      expect.objectContaining({ input: 'plan', light: 'red', value: 50, count: 1, of: 2, asOf: today }),
      expect.objectContaining({
        input: 'reporting',
        light: 'green',
        value: 100,
        count: 3,
        of: 3,
        asOf: closed.closedAt,
        source: expect.objectContaining({ kind: 'round', roundId: round.id, name: { fr: 'T4' } }),
      }),
      // The newest snapshot's score, not the day before's.
      expect.objectContaining({
        input: 'publication',
        light: 'green',
        value: 70,
        source: { kind: 'snapshot', day: today },
      }),
    ]);
    expect(mefLight.inputs[0].source).toEqual({ kind: 'plan', planCode: 'PANDO-2021' });

    const hcpLight = await light('HCP');
    expect(hcpLight.light).toBe('red');
    expect(hcpLight.reasons).toEqual([
      { input: 'reporting', light: 'red', value: 33.3, threshold: 60 },
      { input: 'plan', light: 'amber', value: 25, threshold: 0 },
      { input: 'publication', light: 'amber', value: 50, threshold: 60 },
    ]);

    const addLight = await light('ADD');
    expect(addLight.light).toBe('amber');
    expect(addLight.reasons).toEqual([{ input: 'reporting', light: 'amber', value: 66.7, threshold: 90 }]);
    expect(addLight.inputs.map((i) => [i.input, i.light, i.notMeasured])).toEqual([
      ['plan', 'green', null],
      ['reporting', 'amber', null],
      ['publication', 'not_measured', 'no_dataset'],
    ]);

    // Nothing known: grey, "not measured", and why for each input.
    const anrtLight = await light('ANRT');
    expect(anrtLight.light).toBe('grey');
    expect(anrtLight.asOf).toBeNull();
    expect(anrtLight.inputs.map((i) => i.notMeasured)).toEqual(['leads_no_activity', 'owed_nothing', 'no_portal_org']);
    expect((await light('04.421')).light).toBe('grey');
    await t.http.get('/api/v1/institutions/NOPE/traffic-light').expect(404);
  });

  it('puts each row’s light, and whether a ROD and a GdD are in office, on the registry list', async () => {
    await coordinator
      .post('/api/v1/institutions/MEF/officers')
      .send({ role: 'ROD', fullName: { fr: 'Test' }, email: 'rod@mef.officer.ma', appointedOn: '2026-01-01' })
      .expect(201);
    const page: Page<InstitutionListItem> = (
      await t.http.get('/api/v1/institutions?type=ministry&sort=code&pageSize=100').expect(200)
    ).body;
    const mefRow = page.items.find((i) => i.code === 'MEF');
    expect(mefRow).toEqual(
      expect.objectContaining({
        hasRod: true,
        hasGdd: false,
        trafficLight: {
          light: 'red',
          reasons: [{ input: 'plan', light: 'red', value: 50, threshold: 25 }],
          asOf: expect.any(String),
        },
      }),
    );
    expect(page.items.find((i) => i.code === 'MSPS')).toEqual(
      expect.objectContaining({
        hasRod: false,
        hasGdd: false,
        trafficLight: { light: 'grey', reasons: [], asOf: null },
      }),
    );
    // The filter and the column agree.
    const withRod: Page<InstitutionListItem> = (await t.http.get('/api/v1/institutions?hasRod=true').expect(200)).body;
    expect(withRod.items.every((i) => i.hasRod)).toBe(true);
  });

  it('follows a change of its inputs (a late activity completed), computed for all 1,728 at once', async () => {
    await t.dataSource
      .getRepository(Activity)
      .update({ code: '1.1' }, { status: 'completed', progress: 100, updatedAt: new Date() });
    // As after any write through the API: the lights' stamp is read again.
    StampedCache.invalidateAll();
    expect((await light('MEF')).light).toBe('green');
    const all = await t.app.get(TrafficLightService).all();
    expect(all.size).toBe(await t.dataSource.getRepository(Institution).count());
  });
});
