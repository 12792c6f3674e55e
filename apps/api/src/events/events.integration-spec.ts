import type { ApiErrorBody, AppointmentView, EventDetail, Page, EventSummary, ReachView } from '@marsad/contracts';
import { addDays, todayInMorocco } from '../common/time/today';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

describe('Events and their reach (real database)', () => {
  let t: TestApp;
  let coordinator: Client;
  let mefOfficer: Client;
  const today = todayInMorocco();
  const appointments: Record<string, AppointmentView> = {};
  let training: EventDetail;

  const appoint = async (code: string, role: 'ROD' | 'GDD', name: string) => {
    appointments[`${code}-${role}`] = (
      await coordinator
        .post(`/api/v1/institutions/${code}/officers`)
        .send({
          role,
          fullName: { fr: name },
          email: `${name.toLowerCase().replace(/\s+/g, '.')}@events.test.ma`,
          phone: '+212 600 11 22 33',
          appointedOn: '2024-01-15',
        })
        .expect(201)
    ).body;
  };

  const record = async (body: Record<string, unknown>): Promise<EventDetail> =>
    (await coordinator.post('/api/v1/events').send(body).expect(201)).body;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    mefOfficer = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.events.ma' });
    await appoint('MEF', 'ROD', 'Amina Tazi');
    await appoint('MEF', 'GDD', 'Karim Idrissi');
    await appoint('HCP', 'ROD', 'Salma Bennani');
    await appoint('ADD', 'ROD', 'Youssef Alami');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses what a coordinator gets wrong, in the caller’s language, and lets only coordinators record', async () => {
    const base = { type: 'training', title: { fr: 'Formation' }, startsOn: today, endsOn: today, format: 'in_person' };
    await mefOfficer.post('/api/v1/events').send(base).expect(403);
    await t.http.post('/api/v1/events').send(base).expect(401);
    const bad: ApiErrorBody = (
      await coordinator
        .post('/api/v1/events')
        .set('Accept-Language', 'fr')
        .send({ ...base, endsOn: addDays(today, -1), placeCode: 'MEF', activityCodes: ['8.1', '99.9'], title: {} })
        .expect(400)
    ).body;
    expect(bad.fields.map((f) => `${f.field}:${f.rule}`).sort()).toEqual(
      expect.arrayContaining(['startsOn:notAfter', 'title:hasSomeLocale']),
    );
    const refs: ApiErrorBody = (
      await coordinator
        .post('/api/v1/events')
        .set('Accept-Language', 'fr')
        .send({ ...base, placeCode: 'MEF', activityCodes: ['8.1', '99.9'] })
        .expect(400)
    ).body;
    expect(refs.fields.map((f) => `${f.field}:${f.rule}`).sort()).toEqual([
      'activityCodes.1:unknownActivityCode',
      'placeCode:placeNotDivision',
    ]);
    expect(refs.fields.find((f) => f.field === 'placeCode')?.message).toContain('région, une province ou une commune');
  });

  it('records a training, its participants from the register and the others by category', async () => {
    const [region] = await t.dataSource.query(
      `SELECT code FROM institutions WHERE type = 'region' ORDER BY code LIMIT 1`,
    );
    training = await record({
      type: 'training',
      title: { fr: 'Formation des ROD à la publication', ar: 'تكوين المسؤولين حول النشر' },
      startsOn: addDays(today, -30),
      endsOn: addDays(today, -29),
      format: 'hybrid',
      placeCode: region.code,
      onlineUrl: 'https://visio.example.ma/formation',
      organiserCode: 'ADD',
      partners: ['Université Mohammed V'],
      audiences: ['officers', 'students_researchers'],
      capacity: 40,
      status: 'held',
      materials: [{ title: 'Supports', url: 'https://add.gov.ma/supports.pdf' }],
      activityCodes: ['8.1'],
    });
    expect(training).toEqual(expect.objectContaining({ measureNumber: 8, participantCount: 0, status: 'held' }));
    const stale = training.version;
    training = (
      await coordinator
        .put(`/api/v1/events/${training.id}/participants`)
        .send({
          version: training.version,
          addAppointmentIds: [appointments['MEF-ROD'].id, appointments['HCP-ROD'].id],
          counts: [{ category: 'students_researchers', count: 10 }],
        })
        .expect(200)
    ).body;
    expect(training.participantCount).toBe(12);
    expect(training.byCategory).toEqual([
      { category: 'officers', count: 2 },
      { category: 'students_researchers', count: 10 },
    ]);
    expect(training.participants?.map((p) => p.fullName?.fr).sort()).toEqual(['Amina Tazi', 'Salma Bennani']);
    // A form read before that change is stale: 409, nothing written.
    await coordinator
      .put(`/api/v1/events/${training.id}/participants`)
      .send({ version: stale, removeParticipantIds: [training.participants?.[0].id] })
      .expect(409);
    const unknown: ApiErrorBody = (
      await coordinator
        .put(`/api/v1/events/${training.id}/participants`)
        .send({ version: training.version, addAppointmentIds: ['00000000-0000-4000-8000-000000000000'] })
        .expect(400)
    ).body;
    expect(unknown.fields).toEqual([
      expect.objectContaining({ field: 'addAppointmentIds.0', rule: 'unknownAppointment' }),
    ]);

    // A workshop long ago (the GdD), and a training more than 12 months ago (ADD's ROD).
    const workshop = await record({
      type: 'workshop',
      title: { fr: 'Atelier de coordination' },
      startsOn: addDays(today, -400),
      endsOn: addDays(today, -400),
      format: 'online',
      status: 'held',
    });
    await coordinator
      .put(`/api/v1/events/${workshop.id}/participants`)
      .send({ version: workshop.version, addAppointmentIds: [appointments['MEF-GDD'].id] })
      .expect(200);
    const old = await record({
      type: 'training',
      title: { fr: 'Ancienne formation' },
      startsOn: addDays(today, -400),
      endsOn: addDays(today, -399),
      format: 'in_person',
      status: 'held',
    });
    await coordinator
      .put(`/api/v1/events/${old.id}/participants`)
      .send({ version: old.version, addAppointmentIds: [appointments['ADD-ROD'].id] })
      .expect(200);
    // Planned: it reaches nobody yet.
    await record({
      type: 'promotion',
      title: { fr: 'Campagne auprès des startups' },
      startsOn: addDays(today, 20),
      endsOn: addDays(today, 20),
      format: 'in_person',
    });
  });

  it('computes the reach by hand: trained in the last 12 months, by type and region, never reached, per quarter', async () => {
    const reach: ReachView = (await t.http.get('/api/v1/reach').expect(200)).body;
    expect(reach.source).toBe('recorded');
    expect(reach.since).toBe(addDays(today, -365));
    // ROD in office: MEF, HCP, ADD; trained within 12 months: MEF, HCP. GdD: MEF's, not trained (a workshop).
    expect(reach.trained).toEqual({
      rod: { trained: 2, total: 3, share: 66.7 },
      gdd: { trained: 0, total: 1, share: 0 },
    });
    const types: { code: string; type: string; region_code: string | null }[] = await t.dataSource.query(
      `SELECT code, type, region_code FROM institutions WHERE code IN ('MEF', 'HCP', 'ADD')`,
    );
    const expected = new Map<string, { rodTotal: number; rodTrained: number }>();
    for (const i of types) {
      const row = expected.get(i.type) ?? { rodTotal: 0, rodTrained: 0 };
      row.rodTotal += 1;
      if (i.code !== 'ADD') row.rodTrained += 1;
      expected.set(i.type, row);
    }
    for (const row of reach.byType) {
      const hand = expected.get(row.type);
      expect([row.rod.total, row.rod.trained]).toEqual([hand?.rodTotal, hand?.rodTrained]);
    }
    expect(reach.byRegion.reduce((n, r) => n + r.rod.total, 0)).toBe(3);
    // Never reached: every active administration but MEF, HCP and ADD (participants; ADD also organised).
    const [{ active }] = await t.dataSource.query(`SELECT count(*)::int AS active FROM institutions WHERE active`);
    expect(reach.neverReached.total).toBe(active - 3);
    expect(reach.neverReached.items.some((i) => ['MEF', 'HCP', 'ADD'].includes(i.code))).toBe(false);
    expect(reach.neverReached.items.length).toBe(Math.min(100, active - 3));
    const quarter = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    const recent = quarter(addDays(today, -30));
    expect(reach.byQuarter.filter((q) => q.quarter === recent)).toEqual(
      expect.arrayContaining([
        { quarter: recent, category: 'officers', count: 2 },
        { quarter: recent, category: 'students_researchers', count: 10 },
      ]),
    );
    expect(reach.byQuarter.reduce((n, q) => n + q.count, 0)).toBe(14);
    expect(reach.eventsByType.find((e) => e.type === 'training')).toEqual({
      type: 'training',
      held: 2,
      planned: 0,
      participants: 13,
      satisfaction: { responses: 0, overall: null, content: null, organisation: null },
    });
    expect(reach.eventsByType.find((e) => e.type === 'promotion')).toEqual(
      expect.objectContaining({ held: 0, planned: 1 }),
    );
  });

  it('sets yearly targets and shows them against what was held', async () => {
    const year = Number(addDays(today, -30).slice(0, 4));
    await mefOfficer
      .put('/api/v1/reach/targets')
      .send({ targets: [{ year, type: 'training', events: 4, participants: 100 }] })
      .expect(403);
    const reach: ReachView = (
      await coordinator
        .put('/api/v1/reach/targets')
        .send({ targets: [{ year, type: 'training', events: 4, participants: 100 }] })
        .expect(200)
    ).body;
    const row = reach.targets.find((r) => r.year === year && r.type === 'training');
    expect(row?.events.target).toBe(4);
    expect(row?.participants.target).toBe(100);
    expect(row?.events.actual).toBeGreaterThanOrEqual(1);
    const bad: ApiErrorBody = (
      await coordinator
        .put('/api/v1/reach/targets')
        .send({ targets: [{ year, type: 'training', events: -1 }] })
        .expect(400)
    ).body;
    expect(bad.fields).toEqual([expect.objectContaining({ field: 'targets.0.events', rule: 'min' })]);
  });

  it('the public sees events and the reach without any name, e-mail or phone', async () => {
    const list: Page<EventSummary> = (await t.http.get('/api/v1/events?type=training&status=held').expect(200)).body;
    expect(list.items.map((e) => e.title.fr)).toEqual(['Formation des ROD à la publication', 'Ancienne formation']);
    const byMef: Page<EventSummary> = (await t.http.get('/api/v1/events?institution=MEF').expect(200)).body;
    expect(byMef.total).toBe(2);
    const detail: EventDetail = (await t.http.get(`/api/v1/events/${training.id}`).expect(200)).body;
    expect(detail.participants).toBeNull();
    expect((await mefOfficer.get(`/api/v1/events/${training.id}`).expect(200)).body.participants).toBeNull();
    const responses = [
      JSON.stringify(list),
      JSON.stringify(byMef),
      JSON.stringify(detail),
      JSON.stringify((await t.http.get('/api/v1/reach').expect(200)).body),
      JSON.stringify((await t.http.get('/api/v1/events').expect(200)).body),
    ];
    for (const body of responses) {
      expect(body).not.toMatch(/@events\.test\.ma/);
      expect(body).not.toMatch(/\+212/);
      for (const name of ['Amina Tazi', 'Salma Bennani', 'Karim Idrissi', 'Youssef Alami'])
        expect(body).not.toContain(name);
    }
  });

  it('lands every change in the audit trail', async () => {
    const events: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_type IN ('event', 'reach_target') ORDER BY occurred_at`,
    );
    const actions = events.map((e) => e.action);
    expect(actions.filter((a) => a === 'event.create')).toHaveLength(4);
    expect(actions.filter((a) => a === 'event.participants')).toHaveLength(3);
    expect(actions).toContain('reach.targets');
  });
});
