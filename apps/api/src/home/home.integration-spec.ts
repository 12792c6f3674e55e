import type { AdministrationHome, CommitteeHome, InstitutionMetrics, Workbench } from '@marsad/contracts';
import { addDays, todayInMorocco } from '../common/time/today';
import { HarvestService } from '../portal/harvest.service';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

describe('A home for each role (real database, demo data)', () => {
  let t: TestApp;
  let coordinator: Client;
  let committee: Client;
  let mef: Client;
  let hcp: Client;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    coordinator = await t.as('COORDINATOR');
    committee = await t.as('COMMITTEE');
    mef = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.home.ma' });
    hcp = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.home.ma' });
    // MEF leads 1.1 here, and contributes to others in the demo data.
    await t.dataSource.query(
      `UPDATE activities SET lead_institution_id = (SELECT id FROM institutions WHERE code = 'MEF'), updated_at = now()
        WHERE code = '1.1'`,
    );
    // The demo harvest, as at start-up: the publication figures come from it.
    await t.app.get(HarvestService).run('full', 'demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  const home = async (client: Client, code = 'MEF'): Promise<AdministrationHome> =>
    (await client.get(`/api/v1/home/administration/${code}`).expect(200)).body;

  it('shows an administration the activities it leads and those it contributes to, labelled', async () => {
    const mine = await home(mef);
    expect(mine.institution.code).toBe('MEF');
    const involvements = new Set(mine.activities.map((a) => a.involvement));
    expect(involvements).toEqual(new Set(['lead', 'contributor']));
    for (const activity of mine.activities) {
      expect(activity.involvement === 'lead').toBe(activity.leadInstitution?.code === 'MEF');
      if (activity.involvement === 'contributor') expect(activity.contributorCount).toBeGreaterThan(0);
    }
    expect(mine.officers.vacancies).toEqual(
      (['ROD', 'GDD'] as const).filter((role) => !mine.officers[role.toLowerCase() as 'rod' | 'gdd']),
    );
    expect(mine.publication.provenance.source).toBe('demo');
    const scorecard: InstitutionMetrics = (await t.http.get('/api/v1/institutions/MEF/metrics').expect(200)).body;
    expect(mine.publication.score).toBe(scorecard.figures?.score.value ?? null);
    expect(scorecard.provenance.source).toBe('demo');
    expect(scorecard.benchmark?.nationalMedian).toEqual(expect.any(Number));
    await hcp.get('/api/v1/home/administration/MEF').expect(403);
  });

  it("marks the administration's pending figures as self-reported, and keeps them from the committee", async () => {
    const before = await home(mef);
    const target = before.activities.find((a) => a.involvement === 'contributor') ?? before.activities[0];
    const round = (
      await coordinator
        .post('/api/v1/reporting-rounds')
        .send({ name: { fr: 'Cycle' }, opensOn: todayInMorocco(), closesOn: addDays(todayInMorocco(), 14) })
        .expect(201)
    ).body;
    await mef
      .post(`/api/v1/activities/${target.id}/updates`)
      .send({ status: 'in_progress', progress: 77, narrative: { fr: 'Point' } })
      .expect(201);
    const after = await home(mef);
    const seen = after.activities.find((a) => a.id === target.id);
    expect(seen?.progress).toBe(target.progress);
    expect(seen?.ownReport).toEqual(
      expect.objectContaining({
        state: 'submitted',
        progress: 77,
        provenance: expect.objectContaining({ source: 'self-reported' }),
      }),
    );
    expect(after.round?.round.id).toBe(round.id);
    expect(after.round?.items.find((item) => item.activity?.id === target.id)?.status).toBe('submitted');
    const committeeView = await home(committee);
    expect(committeeView.activities.every((a) => a.ownReport === null)).toBe(true);
    const coordinatorView = await home(coordinator);
    expect(coordinatorView.activities.find((a) => a.id === target.id)?.ownReport?.state).toBe('submitted');
  });

  it('gives ADD a workbench: the queue, the open round and who has not reported, what is late', async () => {
    const bench: Workbench = (await coordinator.get('/api/v1/home/workbench').expect(200)).body;
    const queue = (await coordinator.get('/api/v1/validation-queue').expect(200)).body;
    expect(bench.queue).toEqual({ total: queue.total, oldestSubmittedAt: queue.oldestSubmittedAt });
    expect(bench.round?.state).toBe('open');
    expect(bench.notReported.total).toBeGreaterThan(0);
    expect(bench.notReported.items.length).toBeLessThanOrEqual(10);
    const completions = bench.notReported.items.map((row) => row.tally.completion);
    expect(completions).toEqual([...completions].sort((a, b) => a - b));
    for (const late of bench.late) expect(late.daysLate).toBeGreaterThan(0);
    expect(bench.portal.organizations).toBeGreaterThan(0);
    await mef.get('/api/v1/home/workbench').expect(403);
  });

  it('gives the committee validated figures, blockers, coverage and the national score', async () => {
    const view: CommitteeHome = (await committee.get('/api/v1/home/committee').expect(200)).body;
    const plan = (await t.http.get('/api/v1/plans/PANDO-2021').expect(200)).body;
    expect(view.plan.progress).toBe(plan.progress);
    expect(view.plan.provenance).toEqual(plan.provenance);
    expect(view.coverage.total).toBeGreaterThan(0);
    expect(view.publication.provenance.source).toBe('demo');
    expect(view.round?.state).toBe('open');
    await mef.get('/api/v1/home/committee').expect(403);
  });
});
