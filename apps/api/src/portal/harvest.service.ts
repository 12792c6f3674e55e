import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HarvestIssue, HarvestMode, HarvestRunView, HarvestTrigger } from '@marsad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { ActorContext } from '../auth/actor';
import { AppException } from '../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InventoryMatchingService } from '../inventory/inventory-matching.service';
import { MetricsService } from '../metrics/metrics.service';
import { CkanClient, CkanRequestError } from './ckan-client';
import { HarvestRun } from './entities/harvest-run.entity';
import { MalformedRecordError, normaliseDataset, type NormalisedDataset } from './normalise-dataset';
import { PortalSource } from './portal-source';

const LOCK_KEY = 'marsad.portal.harvest';
/** A running run whose heartbeat is older than this was abandoned (its process died). */
const ABANDONED_AFTER_MS = 10 * 60_000;
const ISSUES_KEPT = 100;
/** organization_list returns at most 25 organisations a call with all_fields. */
const ORGANIZATION_PAGE = 25;

interface CkanOrganization {
  id?: string;
  name?: string;
  title?: string;
  display_name?: string;
  package_count?: number;
}

interface SearchResult {
  count: number;
  results: unknown[];
}

const STAGED_COLUMNS = [
  ['ckan_id', 'varchar'],
  ['name', 'varchar'],
  ['title', 'text'],
  ['organization_name', 'varchar'],
  ['metadata_created', 'timestamptz'],
  ['metadata_modified', 'timestamptz'],
  ['last_updated_at', 'timestamptz'],
  ['license_id', 'varchar'],
  ['open_licence', 'boolean'],
  ['frequency', 'varchar'],
  ['frequency_raw', 'varchar'],
  ['formats', 'text[]'],
  ['resources', 'jsonb'],
  ['resource_count', 'integer'],
  ['stars', 'smallint'],
  ['machine_readable', 'boolean'],
  ['completeness', 'smallint'],
  ['completeness_filled', 'text[]'],
  ['tags', 'text[]'],
  ['groups', 'text[]'],
  ['title_key', 'text'],
] as const;
const COLUMN_LIST = STAGED_COLUMNS.map(([name]) => `"${name}"`).join(', ');
const RECORD_TYPE = STAGED_COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(', ');
/** Every staged column but the key, taken from the incoming row on conflict. */
const UPDATE_FROM_EXCLUDED = STAGED_COLUMNS.filter(([name]) => name !== 'ckan_id')
  .map(([name]) => `"${name}" = EXCLUDED."${name}"`)
  .join(', ');

function toRow(dataset: NormalisedDataset): Record<string, unknown> {
  return {
    ckan_id: dataset.ckanId,
    name: dataset.name,
    title: dataset.title,
    organization_name: dataset.organizationName,
    metadata_created: dataset.metadataCreated?.toISOString() ?? null,
    metadata_modified: dataset.metadataModified?.toISOString() ?? null,
    last_updated_at: dataset.lastUpdatedAt?.toISOString() ?? null,
    license_id: dataset.licenseId,
    open_licence: dataset.openLicence,
    frequency: dataset.frequency,
    frequency_raw: dataset.frequencyRaw,
    formats: dataset.formats,
    resources: dataset.resources,
    resource_count: dataset.resourceCount,
    stars: dataset.stars,
    machine_readable: dataset.machineReadable,
    completeness: dataset.completeness,
    completeness_filled: dataset.completenessFilled,
    tags: dataset.tags,
    groups: dataset.groups,
    title_key: dataset.titleKey,
  };
}

/** Solr wants whole seconds in UTC. */
const solrDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function toRunView(run: HarvestRun): HarvestRunView {
  return {
    id: run.id,
    mode: run.mode,
    trigger: run.trigger,
    triggeredBy: run.triggeredBy,
    status: run.status,
    portalUrl: run.portalUrl,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    since: run.since?.toISOString() ?? null,
    requests: run.requests,
    pages: run.pages,
    organizations: run.organizations,
    seen: run.seen,
    created: run.created,
    updated: run.updated,
    deleted: run.deleted,
    skipped: run.skipped,
    issues: run.issues,
    issueCount: run.issueCount,
    failure: run.failure,
  };
}

class RunState {
  issues: HarvestIssue[] = [];
  issueCount = 0;
  pages = 0;
  seen = 0;
  skipped = 0;
  organizations = new Map<string, CkanOrganization>();
  datasetOrganizations = new Set<string>();

  note(issue: Omit<HarvestIssue, 'at'>): void {
    this.issueCount++;
    if (this.issues.length < ISSUES_KEPT) this.issues.push({ at: new Date().toISOString(), ...issue });
  }
}

/**
 * Harvests the CKAN portal: organisations, then datasets page by page into a
 * staging table, then one transaction merges them, marks what disappeared
 * (full runs), matches inventory items and recomputes the metrics. A run that
 * fails before the merge changes nothing but its own record.
 */
@Injectable()
export class HarvestService {
  private readonly logger = new Logger(HarvestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly source: PortalSource,
    private readonly metrics: MetricsService,
    private readonly audit: AuditService,
    private readonly matching: InventoryMatchingService,
  ) {}

  /**
   * Claims the single run slot (advisory lock around the check, so two
   * instances cannot both start) and records the run. 409 when one is running.
   */
  async start(mode: HarvestMode, trigger: HarvestTrigger, caller: ActorContext | null): Promise<HarvestRun> {
    const portalUrl = await this.source.url();
    if (!portalUrl) throw new AppException(HttpStatus.CONFLICT, 'PORTAL_NOT_CONFIGURED');
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [LOCK_KEY]);
      if (!locked) throw new AppException(HttpStatus.CONFLICT, 'HARVEST_RUNNING');
      const runs = manager.getRepository(HarvestRun);
      await manager.query(
        `UPDATE harvest_runs SET status = 'failed', finished_at = now(), failure = 'abandoned: the process running it stopped'
          WHERE status = 'running' AND heartbeat_at < now() - ($1 || ' milliseconds')::interval`,
        [String(ABANDONED_AFTER_MS)],
      );
      const running = await runs.findOne({ where: { status: 'running' } });
      if (running) throw new AppException(HttpStatus.CONFLICT, 'HARVEST_RUNNING', {}, [], toRunView(running));
      let since: Date | null = null;
      let chosen = mode;
      if (mode === 'incremental') {
        const lastGood = await runs.findOne({ where: { status: 'succeeded' }, order: { startedAt: 'DESC' } });
        if (lastGood) since = new Date(lastGood.startedAt.getTime() - this.config.portal.overlapMinutes * 60_000);
        else chosen = 'full';
      }
      const run = await runs.save(
        runs.create({ mode: chosen, trigger, triggeredBy: caller?.actor?.userId ?? null, status: 'running', portalUrl, since }),
      );
      if (caller) {
        await this.audit.record(manager, caller, {
          action: 'harvest.start',
          entityType: 'harvest_run',
          entityId: run.id,
          diff: { mode: { before: null, after: chosen } },
        });
      }
      return run;
    });
  }

  /** Starts a run and waits for its end. */
  async run(mode: HarvestMode, trigger: HarvestTrigger, caller: ActorContext | null = null): Promise<HarvestRunView> {
    const run = await this.start(mode, trigger, caller);
    return this.execute(run);
  }

  /** Does the work of a started run; never throws: the outcome is in the run's record. */
  async execute(run: HarvestRun): Promise<HarvestRunView> {
    const state = new RunState();
    const client = new CkanClient({
      baseUrl: run.portalUrl,
      timeoutMs: this.config.portal.timeoutMs,
      retries: this.config.portal.retries,
      rateLimit: this.config.portal.rateLimit,
      backoffMs: this.config.env === 'test' ? 20 : 500,
      onRetry: (error) => state.note({ kind: 'retry', message: error.message, action: error.action }),
    });
    try {
      if (run.mode === 'full') await this.fetchOrganizations(client, run, state);
      await this.fetchDatasets(client, run, state);
      if (run.mode === 'incremental') await this.fetchMissingOrganizations(client, run, state);
      const outcome = await this.merge(run, state, client);
      this.logger.log(`Harvest ${run.id} (${run.mode}) succeeded: ${state.seen} seen, ${outcome.created} new, ${outcome.updated} updated, ${outcome.deleted} deleted, ${state.skipped} skipped`);
    } catch (error) {
      const message = error instanceof CkanRequestError ? error.message : error instanceof Error ? error.message : String(error);
      state.note({ kind: 'failure', message });
      this.logger.warn(`Harvest ${run.id} failed: ${message}`);
      await this.dataSource.query(`DELETE FROM portal_dataset_staging WHERE run_id = $1`, [run.id]);
      await this.dataSource.getRepository(HarvestRun).update(run.id, {
        status: 'failed',
        finishedAt: new Date(),
        failure: message.slice(0, 2000),
        ...this.progress(state, client),
      });
    } finally {
      await client.stop();
    }
    return toRunView(await this.dataSource.getRepository(HarvestRun).findOneByOrFail({ id: run.id }));
  }

  private progress(state: RunState, client: CkanClient) {
    return {
      requests: client.requests,
      pages: state.pages,
      seen: state.seen,
      skipped: state.skipped,
      organizations: state.organizations.size,
      issues: state.issues,
      issueCount: state.issueCount,
    };
  }

  private async heartbeat(run: HarvestRun, state: RunState, client: CkanClient): Promise<void> {
    await this.dataSource.getRepository(HarvestRun).update(run.id, { heartbeatAt: new Date(), ...this.progress(state, client) });
  }

  private rememberOrganization(state: RunState, org: unknown, replace = true): void {
    if (typeof org !== 'object' || org === null) return;
    const { name } = org as CkanOrganization;
    if (typeof name !== 'string' || !name.trim()) return;
    if (replace || !state.organizations.has(name)) state.organizations.set(name, org as CkanOrganization);
  }

  private async fetchOrganizations(client: CkanClient, run: HarvestRun, state: RunState): Promise<void> {
    for (let offset = 0; ; offset += ORGANIZATION_PAGE) {
      const page = await client.call<unknown>('organization_list', { all_fields: true, limit: ORGANIZATION_PAGE, offset, sort: 'name asc' });
      if (!Array.isArray(page)) throw new CkanRequestError('organization_list', 'the result is not a list', false);
      page.forEach((org) => this.rememberOrganization(state, org));
      if (page.length < ORGANIZATION_PAGE) break;
    }
    await this.heartbeat(run, state, client);
  }

  /** Incremental runs do not list organisations; they ask for the ones their datasets name and Marsad does not know. */
  private async fetchMissingOrganizations(client: CkanClient, run: HarvestRun, state: RunState): Promise<void> {
    const names = [...state.datasetOrganizations];
    if (names.length === 0) return;
    const known: { name: string }[] = await this.dataSource.query(`SELECT name FROM portal_organizations WHERE name = ANY($1)`, [names]);
    const knownNames = new Set(known.map((row) => row.name));
    for (const name of names.filter((n) => !knownNames.has(n))) {
      try {
        this.rememberOrganization(state, await client.call<unknown>('organization_show', { id: name }));
      } catch (error) {
        if (!(error instanceof CkanRequestError) || error.retryable) throw error;
        state.note({ kind: 'skipped_record', message: error.message, action: 'organization_show' });
        this.rememberOrganization(state, { name, title: name });
      }
    }
    await this.heartbeat(run, state, client);
  }

  private async fetchDatasets(client: CkanClient, run: HarvestRun, state: RunState): Promise<void> {
    const rows = this.config.portal.pageSize;
    const fq = run.since ? `metadata_modified:[${solrDate(run.since)} TO *]` : undefined;
    const fetchPage = (start: number) =>
      client.call<SearchResult>('package_search', { q: '*:*', fq, rows, start, sort: 'metadata_modified asc', include_private: false });
    let start = 0;
    let next: Promise<SearchResult> | null = fetchPage(0);
    while (next) {
      const page: SearchResult = await next;
      if (!page || typeof page.count !== 'number' || !Array.isArray(page.results)) {
        throw new CkanRequestError('package_search', `the result at start=${start} has no count or results`, false);
      }
      const more = page.results.length > 0 && start + rows < page.count;
      next = more ? fetchPage(start + rows) : null;
      // Do not leave a prefetch unobserved if staging fails.
      next?.catch(() => undefined);
      await this.stage(run, state, page.results, start);
      state.pages++;
      await this.heartbeat(run, state, client);
      start += rows;
    }
  }

  private async stage(run: HarvestRun, state: RunState, records: unknown[], start: number): Promise<void> {
    const rows: Record<string, unknown>[] = [];
    for (const record of records) {
      state.seen++;
      try {
        const dataset = normaliseDataset(record);
        rows.push(toRow(dataset));
        if (dataset.organizationName) state.datasetOrganizations.add(dataset.organizationName);
        // A full run also keeps the organisations only its datasets name (organization_list may omit some).
        if (run.mode === 'full') this.rememberOrganization(state, (record as { organization?: unknown }).organization, false);
      } catch (error) {
        if (!(error instanceof MalformedRecordError)) throw error;
        state.skipped++;
        state.note({ kind: 'skipped_record', message: error.message, dataset: error.dataset, action: 'package_search', start });
      }
    }
    if (rows.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO portal_dataset_staging ("run_id", ${COLUMN_LIST})
       SELECT $1::uuid, ${COLUMN_LIST} FROM jsonb_to_recordset($2::jsonb) AS x(${RECORD_TYPE})
       ON CONFLICT ("run_id", "ckan_id") DO UPDATE SET ${UPDATE_FROM_EXCLUDED}`,
      [run.id, JSON.stringify(rows)],
    );
  }

  private async merge(run: HarvestRun, state: RunState, client: CkanClient): Promise<{ created: number; updated: number; deleted: number }> {
    return this.dataSource.transaction(async (manager) => {
        const [counts] = await manager.query(
        `WITH merged AS (
           INSERT INTO portal_datasets (${COLUMN_LIST}, "deleted_at", "last_run_id")
           SELECT ${COLUMN_LIST}, NULL, $1::uuid FROM portal_dataset_staging WHERE run_id = $1
           ON CONFLICT ("ckan_id") DO UPDATE SET ${UPDATE_FROM_EXCLUDED}, "deleted_at" = NULL, "last_run_id" = EXCLUDED."last_run_id"
           WHERE portal_datasets.deleted_at IS NOT NULL
              OR (portal_datasets.metadata_modified, portal_datasets.title, portal_datasets.organization_name, portal_datasets.last_updated_at,
                  portal_datasets.stars, portal_datasets.completeness, portal_datasets.frequency, portal_datasets.formats, portal_datasets.resources)
                 IS DISTINCT FROM
                 (EXCLUDED.metadata_modified, EXCLUDED.title, EXCLUDED.organization_name, EXCLUDED.last_updated_at,
                  EXCLUDED.stars, EXCLUDED.completeness, EXCLUDED.frequency, EXCLUDED.formats, EXCLUDED.resources)
           RETURNING (xmax = 0) AS inserted
         )
         SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM merged`,
        [run.id],
      );
      let deleted = 0;
      if (run.mode === 'full') {
        const [gone] = await manager.query(
          `WITH gone AS (
             UPDATE portal_datasets d SET deleted_at = now(), last_run_id = $1
              WHERE d.deleted_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM portal_dataset_staging s WHERE s.run_id = $1 AND s.ckan_id = d.ckan_id)
             RETURNING 1)
           SELECT count(*)::int AS deleted FROM gone`,
          [run.id],
        );
        deleted = gone.deleted;
      }
      await this.mergeOrganizations(manager, run, state);
      await manager.query(`DELETE FROM portal_dataset_staging WHERE run_id = $1`, [run.id]);
      await this.matching.suggestMatches(manager);
      await this.metrics.recompute(manager, { runId: run.id });
      await manager.getRepository(HarvestRun).update(run.id, {
        status: 'succeeded',
        finishedAt: new Date(),
        created: counts.created,
        updated: counts.updated,
        deleted,
        ...this.progress(state, client),
      });
      return { created: counts.created, updated: counts.updated, deleted };
    });
  }

  private async mergeOrganizations(manager: EntityManager, run: HarvestRun, state: RunState): Promise<void> {
    const rows = [...state.organizations.values()].map((org) => ({
      name: String(org.name).slice(0, 100),
      ckan_id: typeof org.id === 'string' ? org.id.slice(0, 100) : null,
      title: typeof org.title === 'string' && org.title.trim() ? org.title : typeof org.display_name === 'string' ? org.display_name : String(org.name),
      package_count: Number.isInteger(org.package_count) ? org.package_count : 0,
    }));
    if (rows.length > 0) {
      await manager.query(
        `INSERT INTO portal_organizations (name, ckan_id, title, package_count, last_seen_at, removed_at)
         SELECT name, ckan_id, title, package_count, now(), NULL
           FROM jsonb_to_recordset($1::jsonb) AS x(name varchar, ckan_id varchar, title text, package_count integer)
         ON CONFLICT (name) DO UPDATE SET ckan_id = EXCLUDED.ckan_id, title = EXCLUDED.title,
           package_count = EXCLUDED.package_count, last_seen_at = now(), removed_at = NULL`,
        [JSON.stringify(rows)],
      );
    }
    if (run.mode === 'full') {
      await manager.query(`UPDATE portal_organizations SET removed_at = now() WHERE removed_at IS NULL AND NOT (name = ANY($1))`, [rows.map((row) => row.name)]);
    }
  }
}
