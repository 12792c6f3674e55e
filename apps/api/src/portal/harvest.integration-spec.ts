import { startCkanFixtureServer, type CkanFixtureServer } from '@marsad/ckan-fixture-server';
import type {
  HarvestRunView,
  InstitutionMetrics,
  NationalMetrics,
  Page,
  PortalDatasetView,
  PortalOrganizationView,
  PortalStatus,
} from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../testing/test-app';
import { STAGED_COLUMNS } from './harvest-record.mapper';
import { HarvestRunsService } from './harvest-runs.service';
import { HarvestService } from './harvest.service';

const HCP_ORG = 'haut-commissariat-au-plan';

describe('Portal harvest against a CKAN fixture server', () => {
  let fixture: CkanFixtureServer;
  let t: TestApp;
  let harvest: HarvestService;
  let db: DataSource;

  beforeAll(async () => {
    fixture = await startCkanFixtureServer({ organizations: 12, datasets: 1001, seed: 7 });
    t = await startTestApp({
      env: {
        PORTAL_URL: fixture.url,
        HARVEST_RATE_LIMIT: '1000',
        HARVEST_TIMEOUT_MS: '2000',
        HARVEST_RETRIES: '2',
        HARVEST_SCHEDULE: 'off',
        LOG_LEVEL: 'error',
      },
    });
    harvest = t.app.get(HarvestService);
    db = t.app.get(DataSource);
    await db.query(`UPDATE institutions SET portal_org_name = $1 WHERE code = 'HCP'`, [HCP_ORG]);
  });

  afterAll(async () => {
    await t?.close();
    await fixture?.close();
  });

  beforeEach(() => {
    fixture.setFaults({});
    fixture.requests.length = 0;
  });

  const searches = () => fixture.requests.filter((r) => r.action === 'package_search');
  const activeCount = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM portal_datasets WHERE deleted_at IS NULL`))[0].n as number;
  const snapshotState = async () =>
    db.query(
      `SELECT day, institution_id, score, datasets, figures FROM metric_snapshots ORDER BY institution_id NULLS FIRST`,
    );

  it('a full run pages package_search at 1000 rows: 1001 datasets take two pages, every dataset is stored and scored', async () => {
    const run = await harvest.run('full', 'cli');
    expect(run).toMatchObject({
      status: 'succeeded',
      mode: 'full',
      seen: 1001,
      created: 1001,
      updated: 0,
      deleted: 0,
      skipped: 0,
      pages: 2,
    });
    // The pages asked for, in order (a page that was slow under load may be asked again: a retry, recorded).
    const pagesAsked = [...new Set(searches().map((r) => `${r.params['start']}/${r.params['rows']}`))];
    expect(pagesAsked).toEqual(['0/1000', '1000/1000']);
    expect(searches().length - pagesAsked.length).toBeLessThanOrEqual(
      run.issues.filter((i) => i.kind === 'retry').length,
    );
    expect(searches().every((r) => r.params['sort'] === 'metadata_modified asc')).toBe(true);
    // organization_list with all_fields is paged by 25.
    const orgCalls = fixture.requests.filter((r) => r.action === 'organization_list');
    expect(orgCalls[0].params).toMatchObject({ all_fields: 'true', limit: '25', offset: '0' });
    expect(run.organizations).toBe(12);
    expect(await activeCount()).toBe(1001);

    const national = (await t.http.get('/api/v1/metrics/national').expect(200)).body as NationalMetrics;
    expect(national.figures?.datasets).toBe(1001);
    expect(national.lastGoodRun?.id).toBe(run.id);
    const hcp = (await t.http.get('/api/v1/institutions/HCP/metrics').expect(200)).body as InstitutionMetrics;
    const hcpCount = fixture.catalogue.packageCount(fixture.catalogue.organizationIndex(HCP_ORG) as number);
    expect(hcp.figures?.datasets).toBe(hcpCount);
    expect(hcp.figures?.score.value).not.toBeNull();
    expect(hcp.rank).toMatchObject({ rank: 1, of: 1 });
  });

  it('a full run of exactly 1000 datasets takes one page, and marks the one that disappeared as deleted', async () => {
    const [gone] = fixture.catalogue.delete([fixture.catalogue.activeIndexes()[10]]);
    const run = await harvest.run('full', 'cli');
    expect(run).toMatchObject({ status: 'succeeded', seen: 1000, created: 0, deleted: 1, pages: 1 });
    expect(searches()).toHaveLength(1);
    const [row] = await db.query(`SELECT deleted_at FROM portal_datasets WHERE ckan_id = $1`, [
      fixture.catalogue.idOf(gone),
    ]);
    expect(row.deleted_at).not.toBeNull();
    expect(await activeCount()).toBe(1000);
  });

  it('an incremental run asks only for what changed since the last good run (with the overlap) and updates it', async () => {
    const changed = fixture.catalogue.modify(fixture.catalogue.activeIndexes().slice(0, 5));
    const added = fixture.catalogue.add(2, { organization: HCP_ORG });
    const run = await harvest.run('incremental', 'cli');
    expect(run).toMatchObject({
      status: 'succeeded',
      mode: 'incremental',
      seen: 7,
      created: 2,
      updated: 5,
      deleted: 0,
    });
    expect(run.since).not.toBeNull();
    expect(searches()[0].params['fq']).toMatch(/^metadata_modified:\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ TO \*\]$/);
    expect(fixture.requests.some((r) => r.action === 'organization_list')).toBe(false);
    const [stored] = await db.query(`SELECT title FROM portal_datasets WHERE ckan_id = $1`, [
      fixture.catalogue.idOf(changed[0]),
    ]);
    expect(stored.title).toBe(fixture.catalogue.titleOf(changed[0]));
    expect(await activeCount()).toBe(1002);
    expect(added).toHaveLength(2);
  });

  it('HTTP 500 twice on a page, a hung call and a truncated body are retried: the run still succeeds and records the retries', async () => {
    fixture.setFaults({
      http500: { actions: ['package_search'], from: 3, times: 2 },
      timeout: { actions: ['organization_list'], times: 1 },
      truncatedJson: { actions: ['package_search'], from: 1, times: 1 },
    });
    const run = await harvest.run('full', 'cli');
    expect(run).toMatchObject({ status: 'succeeded', failure: null, seen: fixture.catalogue.activeIndexes().length });
    expect(run.issues.filter((i) => i.kind === 'retry').length).toBeGreaterThanOrEqual(4);
    expect(run.issues.map((i) => i.message).join('\n')).toMatch(/HTTP 500/);
    expect(run.issues.map((i) => i.message).join('\n')).toMatch(/no answer within 2000 ms/);
    expect(run.issues.map((i) => i.message).join('\n')).toMatch(/not JSON/);
  });

  it('a record with wrong types is skipped and recorded; the rest of the run lands', async () => {
    const [bad] = fixture.catalogue.activeIndexes().slice(3, 4);
    fixture.setFaults({ wrongTypes: { datasetIndexes: [bad] } });
    const run = await harvest.run('full', 'cli');
    expect(run).toMatchObject({ status: 'succeeded', skipped: 1, seen: fixture.catalogue.activeIndexes().length });
    expect(run.issues.find((i) => i.kind === 'skipped_record')).toMatchObject({ dataset: fixture.catalogue.idOf(bad) });
    // The skipped dataset was not seen, so this full run counts it as gone from the portal.
    expect(run.deleted).toBe(1);
  });

  it.each([
    ['HTTP 500 on every call', { http500: { actions: ['package_search'] } }, /HTTP 500/],
    ['success: false with HTTP 200', { successFalse: { actions: ['package_search'] } }, /Internal Error/],
    [
      'a page that never answers',
      { timeout: { actions: ['package_search'], params: { start: 1000 } } },
      /no answer within/,
    ],
  ])('%s: the run fails cleanly and the last good data and metrics stay as they were', async (_, faults, message) => {
    const before = await snapshotState();
    const datasetsBefore = await db.query(
      `SELECT ckan_id, metadata_modified, deleted_at FROM portal_datasets ORDER BY ckan_id`,
    );
    fixture.catalogue.modify(fixture.catalogue.activeIndexes().slice(0, 3));
    fixture.setFaults(faults);
    const run = await harvest.run('full', 'cli');
    expect(run.status).toBe('failed');
    expect(run.failure).toMatch(message);
    expect(run.finishedAt).not.toBeNull();
    expect(await snapshotState()).toEqual(before);
    expect(
      await db.query(`SELECT ckan_id, metadata_modified, deleted_at FROM portal_datasets ORDER BY ckan_id`),
    ).toEqual(datasetsBefore);
    expect((await db.query(`SELECT count(*)::int AS n FROM portal_dataset_staging`))[0].n).toBe(0);
    fixture.setFaults({});
  });

  it('one run at a time: a second start while one runs gets 409; coordinators start runs over the API and follow them', async () => {
    const coordinator = await t.as('COORDINATOR');
    fixture.setFaults({ latencyMs: 150 });
    const started = await coordinator.post('/api/v1/portal/runs').send({ mode: 'full' }).expect(202);
    const run = started.body as HarvestRunView;
    expect(run.status).toBe('running');
    const again = await coordinator.post('/api/v1/portal/runs').send({ mode: 'incremental' }).expect(409);
    expect(again.body.code).toBe('HARVEST_RUNNING');
    await expect(harvest.start('full', 'schedule', null)).rejects.toMatchObject({ code: 'HARVEST_RUNNING' });
    let current = run;
    for (let i = 0; i < 100 && current.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = (await coordinator.get(`/api/v1/portal/runs/${run.id}`).expect(200)).body;
    }
    expect(current).toMatchObject({ status: 'succeeded', failure: null });
    const list = (await coordinator.get('/api/v1/portal/runs').expect(200)).body as Page<HarvestRunView>;
    expect(list.items[0].id).toBe(run.id);
    expect(list.items.some((r) => r.status === 'failed')).toBe(true);
    await (
      await t.as({ role: 'OFFICER', institution: 'HCP' })
    )
      .post('/api/v1/portal/runs')
      .send({ mode: 'full' })
      .expect(403);
    await coordinator.post('/api/v1/portal/runs').send({ mode: 'everything' }).expect(400);
  });

  it('a run left running by a process that died is released with its staged datasets: at once on the embedded database, after 10 min without a heartbeat on PostgreSQL', async () => {
    const coordinator = await t.as('COORDINATOR');
    // What a kill -9 during a run leaves: its record running, its staged datasets, no process.
    const [dead] = await db.query(
      `INSERT INTO harvest_runs (mode, trigger, status, portal_url) VALUES ('full', 'manual', 'running', $1) RETURNING id`,
      [fixture.url],
    );
    const columns = STAGED_COLUMNS.map(({ name }) => `"${name}"`).join(', ');
    await db.query(
      `INSERT INTO portal_dataset_staging (run_id, ${columns}) SELECT $1, ${columns} FROM portal_datasets LIMIT 50`,
      [dead.id],
    );
    const staged = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM portal_dataset_staging WHERE run_id = $1`, [dead.id]))[0].n;
    const status = async () => (await t.http.get('/api/v1/portal/status').expect(200)).body as PortalStatus;
    expect(await staged()).toBe(50);
    if (t.database.kind === 'postgres') {
      // Another instance may be running it: it keeps the slot while its heartbeat is recent.
      expect((await status()).running?.id).toBe(dead.id);
      const refused = await coordinator.post('/api/v1/portal/runs').send({ mode: 'full' }).expect(409);
      expect(refused.body.code).toBe('HARVEST_RUNNING');
      await db.query(`UPDATE harvest_runs SET heartbeat_at = now() - interval '10 minutes 1 second' WHERE id = $1`, [
        dead.id,
      ]);
    }
    // Not shown as running (the page would not offer to start one), and a new run starts.
    expect((await status()).running).toBeNull();
    const started = (await coordinator.post('/api/v1/portal/runs').send({ mode: 'full' }).expect(202))
      .body as HarvestRunView;
    expect((await db.query(`SELECT status, failure FROM harvest_runs WHERE id = $1`, [dead.id]))[0]).toEqual({
      status: 'failed',
      failure:
        t.database.kind === 'postgres'
          ? 'abandoned: the process running it stopped'
          : 'interrupted: the server stopped during the run',
    });
    expect(await staged()).toBe(0);
    let current = started;
    for (let i = 0; i < 100 && current.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = (await coordinator.get(`/api/v1/portal/runs/${started.id}`).expect(200)).body;
    }
    expect(current.status).toBe('succeeded');
    expect((await db.query(`SELECT count(*)::int AS n FROM portal_dataset_staging`))[0].n).toBe(0);
  });

  it('lists unmapped organisations; mapping one to an administration gives it a scorecard at once', async () => {
    const unmapped = (await t.http.get('/api/v1/portal/organizations?mapped=false&pageSize=100').expect(200))
      .body as Page<PortalOrganizationView>;
    expect(unmapped.items.map((o) => o.name)).not.toContain(HCP_ORG);
    const target = unmapped.items.find(
      (o) => o.name === 'ministere-de-l-economie-et-des-finances',
    ) as PortalOrganizationView;
    expect(target.institution).toBeNull();
    const coordinator = await t.as('COORDINATOR');
    const mapped = (
      await coordinator
        .put(`/api/v1/portal/organizations/${target.name}/institution`)
        .send({ institutionCode: 'MEF' })
        .expect(200)
    ).body;
    expect(mapped.institution.code).toBe('MEF');
    const mef = (await t.http.get('/api/v1/institutions/MEF/metrics').expect(200)).body as InstitutionMetrics;
    expect(mef.figures?.datasets).toBe(target.datasets);
    // HCP already has an organisation: mapping another one to it is refused, naming the field and the rule.
    const refused = await coordinator
      .put(`/api/v1/portal/organizations/${unmapped.items[1].name}/institution`)
      .set('Accept-Language', 'ar')
      .send({ institutionCode: 'HCP' })
      .expect(400);
    expect(refused.body.fields[0]).toMatchObject({ field: 'institutionCode', rule: 'hasOtherPortalOrganization' });
    const audit = await db.query(
      `SELECT action FROM audit_events WHERE entity_type = 'institution' AND diff->'portalOrgName' IS NOT NULL`,
    );
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('serves the datasets with normalised formats, freshness, stars and completeness, filtered by organisation', async () => {
    const page = (await t.http.get(`/api/v1/portal/datasets?organization=${HCP_ORG}&pageSize=100`).expect(200))
      .body as Page<PortalDatasetView>;
    expect(page.total).toBeGreaterThan(0);
    for (const dataset of page.items) {
      expect(dataset.organization).toBe(HCP_ORG);
      expect(dataset.institution?.code).toBe('HCP');
      for (const format of dataset.formats) expect(format).toBe(format.toUpperCase());
      expect(['fresh', 'due', 'overdue', 'delinquent', 'not_applicable', 'unknown']).toContain(dataset.freshness);
      expect(dataset.stars).toBeGreaterThanOrEqual(0);
      expect(dataset.portalUrl).toBe(`${fixture.origin}/dataset/${dataset.name}`);
    }
    const csv = (await t.http.get(`/api/v1/portal/datasets?format=CSV&pageSize=5`).expect(200))
      .body as Page<PortalDatasetView>;
    expect(csv.items.every((d) => d.formats.includes('CSV'))).toBe(true);
    await t.http.get('/api/v1/portal/datasets?freshness=stale').expect(400);
  });

  it('the scheduled run is incremental after a recent full run, and full when the last full run is a week old', async () => {
    const runs = t.app.get(HarvestRunsService);
    expect((await runs.scheduled())?.mode).toBe('incremental');
    await db.query(`UPDATE harvest_runs SET started_at = started_at - interval '8 days' WHERE mode = 'full'`);
    expect((await runs.scheduled())?.mode).toBe('full');
    const status = (await t.http.get('/api/v1/portal/status').expect(200)).body;
    expect(status).toMatchObject({ portalUrl: fixture.url, running: null, schedule: null });
    expect(status.lastGoodRun.mode).toBe('full');
  });
});
