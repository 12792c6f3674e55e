import type {
  ApiErrorBody,
  PlanDetail,
  ProgressUpdateView,
  ReportingRoundDetail,
  ReportingRoundView,
  RoundAdministrationRow,
  RoundChecklist,
  Page,
} from '@marsad/contracts';
import { AuditEvent } from '../audit/audit-event.entity';
import { StampedCache } from '../common/cache/stamped-cache';
import { addDays, todayInMorocco } from '../common/time/today';
import { Institution } from '../institutions/entities/institution.entity';
import { Activity } from '../plan/entities/activity.entity';
import { ProgressUpdate } from '../plan/entities/progress-update.entity';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

describe('Reporting rounds (real database)', () => {
  let t: TestApp;
  let coordinator: Client;
  let committee: Client;
  let mef: Client;
  let hcp: Client;
  let mefDataManager: Client;
  let a132: Activity; // ADD leads; MEF and HCP contribute
  let a11: Activity; // MEF leads alone
  let round: ReportingRoundDetail;
  const today = todayInMorocco();
  const report = { status: 'in_progress', progress: 40, narrative: { fr: 'En cours' } };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    committee = await t.as('COMMITTEE');
    mef = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.rounds.ma' });
    hcp = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.rounds.ma' });
    mefDataManager = await t.as({ role: 'DATA_MANAGER', institution: 'MEF', email: 'gdd@mef.rounds.ma' });
    const institutions = t.dataSource.getRepository(Institution);
    const [add, mefInstitution, hcpInstitution] = await Promise.all(
      ['ADD', 'MEF', 'HCP'].map((code) => institutions.findOneByOrFail({ code })),
    );
    const activities = t.dataSource.getRepository(Activity);
    a132 = await activities.findOneOrFail({ where: { code: '13.2' }, relations: { contributors: true } });
    a132.leadInstitutionId = add.id;
    a132.contributors = [mefInstitution, hcpInstitution];
    await activities.save(a132);
    a11 = await activities.findOneOrFail({ where: { code: '1.1' }, relations: { contributors: true } });
    a11.leadInstitutionId = mefInstitution.id;
    a11.contributors = [];
    await activities.save(a11);
  });
  afterAll(async () => {
    await t?.close();
  });

  const createBody = () => ({
    name: { fr: 'T4 2026', ar: 'الفصل الرابع 2026' },
    opensOn: today,
    closesOn: addDays(today, 30),
    activityIds: [a132.id, a11.id],
  });

  it('refuses a round from an officer, and bad dates or names with the field and the rule', async () => {
    await mef.post('/api/v1/reporting-rounds').send(createBody()).expect(403);
    const reversed: ApiErrorBody = (
      await coordinator
        .post('/api/v1/reporting-rounds')
        .send({ ...createBody(), opensOn: addDays(today, 40) })
        .expect(400)
    ).body;
    expect(reversed.fields).toEqual([expect.objectContaining({ field: 'opensOn', rule: 'notAfter' })]);
    const past: ApiErrorBody = (
      await coordinator
        .post('/api/v1/reporting-rounds')
        .set('Accept-Language', 'fr')
        .send({ ...createBody(), opensOn: addDays(today, -20), closesOn: addDays(today, -1) })
        .expect(400)
    ).body;
    expect(past.fields).toEqual([expect.objectContaining({ field: 'closesOn', rule: 'notInPast' })]);
    expect(past.fields[0].message).toContain('antérieur');
    const nameless: ApiErrorBody = (
      await coordinator
        .post('/api/v1/reporting-rounds')
        .send({ ...createBody(), name: { fr: '' } })
        .expect(400)
    ).body;
    expect(nameless.fields.map((f) => f.field)).toContain('name');
    const unknown: ApiErrorBody = (
      await coordinator
        .post('/api/v1/reporting-rounds')
        .send({ ...createBody(), activityIds: ['00000000-0000-4000-8000-000000000000'] })
        .expect(400)
    ).body;
    expect(unknown.fields).toEqual([expect.objectContaining({ field: 'activityIds', rule: 'unknownActivity' })]);
  });

  it('a report handed in before the round opens counts for no round', async () => {
    const early: ProgressUpdateView = (await hcp.post(`/api/v1/activities/${a132.id}/updates`).send(report).expect(201))
      .body;
    const row = await t.dataSource.getRepository(ProgressUpdate).findOneByOrFail({ id: early.id });
    expect(row.roundId).toBeNull();
    expect(row.firstSubmittedAt).not.toBeNull();
  });

  it('opens a round listing what each administration owes', async () => {
    round = (await coordinator.post('/api/v1/reporting-rounds').send(createBody()).expect(201)).body;
    expect(round).toEqual(
      expect.objectContaining({ state: 'open', daysLeft: 30, activityCount: 2, administrationCount: 3, version: 1 }),
    );
    // ADD: 13.2 + 2 confirmations; MEF: 13.2, 1.1 + 2; HCP: 13.2 + 2.
    expect(round.tally).toEqual(expect.objectContaining({ owed: 10, submitted: 0, missing: 10, completion: 0 }));
    const overlap: ApiErrorBody = (
      await coordinator
        .post('/api/v1/reporting-rounds')
        .send({ ...createBody(), opensOn: addDays(today, 10), closesOn: addDays(today, 50) })
        .expect(409)
    ).body;
    expect(overlap.code).toBe('ROUND_OVERLAP');
    expect(overlap.fields).toEqual([expect.objectContaining({ field: 'opensOn', rule: 'noOverlap' })]);
  });

  it('counts reports, returns and confirmations as computed by hand', async () => {
    await mef.post(`/api/v1/activities/${a132.id}/updates`).send(report).expect(201);
    const on11: ProgressUpdateView = (await mef.post(`/api/v1/activities/${a11.id}/updates`).send(report).expect(201))
      .body;
    await coordinator.post(`/api/v1/progress-updates/${on11.id}/return`).send({ comment: 'Joindre le PV' }).expect(200);
    await mef.post(`/api/v1/reporting-rounds/${round.id}/confirmations`).send({ kind: 'officers' }).expect(200);
    // A data manager confirms the inventory, not the officers.
    await mefDataManager
      .post(`/api/v1/reporting-rounds/${round.id}/confirmations`)
      .send({ kind: 'officers' })
      .expect(403);
    // ADD's coordinators report for ADD: validated on submission.
    await coordinator.post(`/api/v1/activities/${a132.id}/updates`).send(report).expect(201);
    const addList: RoundChecklist = (
      await coordinator
        .post(`/api/v1/reporting-rounds/${round.id}/confirmations`)
        .send({ kind: 'inventory' })
        .expect(200)
    ).body;
    expect(addList.institution.code).toBe('ADD');
    // Confirming twice changes nothing.
    await coordinator
      .post(`/api/v1/reporting-rounds/${round.id}/confirmations`)
      .send({ kind: 'inventory' })
      .expect(200);
    await committee.post(`/api/v1/reporting-rounds/${round.id}/confirmations`).send({ kind: 'inventory' }).expect(403);

    const detail: ReportingRoundDetail = (await committee.get(`/api/v1/reporting-rounds/${round.id}`).expect(200)).body;
    // Handed in: MEF 3 (one returned), ADD 2 (one validated). Completion (5 − 1) / 10.
    expect(detail.tally).toEqual({
      owed: 10,
      submitted: 5,
      onTime: 5,
      late: 0,
      validated: 1,
      returned: 1,
      missing: 5,
      overdue: 0,
      completion: 40,
    });
    const byType = Object.fromEntries(detail.byType.map((row) => [row.key, row.tally.completion]));
    expect(byType).toEqual({ ministry: 50, other: 0, public_institution: 66.7 });
    expect(detail.byRegion).toEqual([expect.objectContaining({ key: 'national', administrations: 3 })]);

    const rows: Page<RoundAdministrationRow> = (
      await coordinator.get(`/api/v1/reporting-rounds/${round.id}/administrations?filter=missing`).expect(200)
    ).body;
    // The least complete first: HCP has handed in nothing.
    expect(rows.items.map((row) => [row.institution.code, row.tally.completion])).toEqual([
      ['HCP', 0],
      ['MEF', 50],
      ['ADD', 66.7],
    ]);
    const returned: Page<RoundAdministrationRow> = (
      await coordinator.get(`/api/v1/reporting-rounds/${round.id}/administrations?filter=returned`).expect(200)
    ).body;
    expect(returned.items.map((row) => row.institution.code)).toEqual(['MEF']);
  });

  it("shows an administration its own checklist, and no other's", async () => {
    const list: RoundChecklist = (await mef.get(`/api/v1/reporting-rounds/${round.id}/administrations/MEF`).expect(200))
      .body;
    const byKey = Object.fromEntries(
      list.items.map((item) => [item.activity?.code ?? item.kind, [item.status, item.activity?.involvement ?? null]]),
    );
    expect(byKey).toEqual({
      '1.1': ['returned', 'lead'],
      '13.2': ['submitted', 'contributor'],
      officers: ['confirmed', null],
      inventory: ['owed', null],
    });
    expect(list.items.find((item) => item.status === 'returned')?.returnComment).toBe('Joindre le PV');
    await hcp.get(`/api/v1/reporting-rounds/${round.id}/administrations/MEF`).expect(403);
    await mef.get(`/api/v1/reporting-rounds/${round.id}`).expect(403);
    await mef.get(`/api/v1/reporting-rounds/${round.id}/administrations`).expect(403);
    const rounds: ReportingRoundView[] = (await mef.get('/api/v1/reporting-rounds').expect(200)).body;
    expect(rounds.map((r) => r.id)).toEqual([round.id]);
  });

  it('shows lateness once the closing date has passed, never softened', async () => {
    await t.dataSource.query(
      'UPDATE reporting_rounds SET closes_on = $2, opens_on = $3, version = version + 1 WHERE id = $1',
      [round.id, addDays(today, -1), addDays(today, -10)],
    );
    // Written around the API (as another instance would): this instance notices within a second.
    StampedCache.invalidateAll();
    const detail: ReportingRoundDetail = (await coordinator.get(`/api/v1/reporting-rounds/${round.id}`).expect(200))
      .body;
    expect(detail.daysLeft).toBe(-1);
    // Everything was handed in today, after the (moved) closing date; five things are still owed.
    expect(detail.tally).toEqual(expect.objectContaining({ onTime: 0, late: 10, missing: 5, overdue: 5 }));
    const hcpList: RoundChecklist = (
      await hcp.get(`/api/v1/reporting-rounds/${round.id}/administrations/HCP`).expect(200)
    ).body;
    expect(hcpList.items.every((item) => item.onTime === false)).toBe(true);
  });

  it('closing freezes the figures; later validations change the plan, not the round', async () => {
    const stale = await coordinator
      .post(`/api/v1/reporting-rounds/${round.id}/close`)
      .send({ version: round.version + 5 })
      .expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const current: ReportingRoundDetail = (await coordinator.get(`/api/v1/reporting-rounds/${round.id}`)).body;
    const closed: ReportingRoundDetail = (
      await coordinator
        .post(`/api/v1/reporting-rounds/${round.id}/close`)
        .send({ version: current.version })
        .expect(200)
    ).body;
    expect(closed.state).toBe('closed');
    expect(closed.closedBy).toBe('COORDINATOR');
    expect(closed.frozen?.activities.length).toBe(26);
    const planBefore: PlanDetail = (await t.http.get('/api/v1/plans/PANDO-2021').expect(200)).body;
    expect(closed.frozen?.planProgress).toBe(planBefore.progress ?? 0);

    // MEF's pending report on 13.2 is validated after closing.
    const queue = (await coordinator.get('/api/v1/validation-queue').expect(200)).body;
    const pending = queue.items.find(
      (item: ProgressUpdateView) => item.activityCode === '13.2' && item.authorInstitution?.code === 'MEF',
    );
    await coordinator.post(`/api/v1/progress-updates/${pending.id}/validate`).send({}).expect(200);
    const after: ReportingRoundDetail = (await coordinator.get(`/api/v1/reporting-rounds/${round.id}`).expect(200))
      .body;
    expect(after.tally).toEqual(closed.tally);
    expect(after.tally.validated).toBe(1);
    expect(after.frozen).toEqual(closed.frozen);

    await mef.post(`/api/v1/reporting-rounds/${round.id}/confirmations`).send({ kind: 'inventory' }).expect(409);
    const again = await coordinator
      .post(`/api/v1/reporting-rounds/${round.id}/close`)
      .send({ version: closed.version })
      .expect(409);
    expect(again.body.code).toBe('ROUND_STATE_CONFLICT');

    // The next round may start today: the closed one ended yesterday.
    const next: ReportingRoundDetail = (
      await coordinator
        .post('/api/v1/reporting-rounds')
        .send({ ...createBody(), name: { fr: 'T1 2027' }, activityIds: undefined })
        .expect(201)
    ).body;
    expect(next.activityCount).toBeGreaterThan(2);
    expect(next.tally.submitted).toBe(0);
  });

  it('records every step in the audit trail', async () => {
    const actions = (await t.dataSource.getRepository(AuditEvent).findBy({ entityType: 'reporting_round' })).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(['round.close', 'round.confirm', 'round.confirm', 'round.create', 'round.create']);
  });
});
