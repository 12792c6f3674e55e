import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HarvestMode, HarvestRunView, HarvestTrigger } from '@marsad/contracts';
import { DataSource } from 'typeorm';
import type { ActorContext } from '../auth/actor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InventoryMatchingService } from '../inventory/inventory-matching.service';
import { MetricsService } from '../metrics/metrics.service';
import { CkanClient, CkanRequestError } from './ckan-client';
import { HarvestRun } from './entities/harvest-run.entity';
import { mapDatasetRecords } from './harvest-record.mapper';
import { HarvestRunLifecycleService } from './harvest-run-lifecycle.service';
import { HarvestRunState } from './harvest-run-state';
import { HarvestStagingStore, type MergeOutcome } from './harvest-staging.store';

/** organization_list returns at most 25 organisations a call with all_fields. */
const ORGANIZATION_PAGE = 25;

interface SearchResult {
  count: number;
  results: unknown[];
}

/** Solr wants whole seconds in UTC. */
const solrDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

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
    private readonly lifecycle: HarvestRunLifecycleService,
    private readonly staging: HarvestStagingStore,
    private readonly metrics: MetricsService,
    private readonly matching: InventoryMatchingService,
  ) {}

  /** Claims the single run slot and records the run. 409 when one is running. */
  async start(mode: HarvestMode, trigger: HarvestTrigger, caller: ActorContext | null): Promise<HarvestRun> {
    return this.lifecycle.claim(mode, trigger, caller);
  }

  /** Starts a run and waits for its end. */
  async run(mode: HarvestMode, trigger: HarvestTrigger, caller: ActorContext | null = null): Promise<HarvestRunView> {
    const run = await this.start(mode, trigger, caller);
    return this.execute(run);
  }

  /** Does the work of a started run; never throws: the outcome is in the run's record. */
  async execute(run: HarvestRun): Promise<HarvestRunView> {
    const state = new HarvestRunState();
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
      this.logger.log(
        `Harvest ${run.id} (${run.mode}) succeeded: ${state.seen} seen, ${outcome.created} new, ${outcome.updated} updated, ${outcome.deleted} deleted, ${state.skipped} skipped`,
      );
    } catch (error) {
      const message =
        error instanceof CkanRequestError ? error.message : error instanceof Error ? error.message : String(error);
      state.note({ kind: 'failure', message });
      this.logger.warn(`Harvest ${run.id} failed: ${message}`);
      await this.staging.discard(run.id);
      await this.lifecycle.fail(run.id, message, state.progress(client.requests));
    } finally {
      await client.stop();
    }
    return this.lifecycle.view(run.id);
  }

  private async heartbeat(run: HarvestRun, state: HarvestRunState, client: CkanClient): Promise<void> {
    await this.lifecycle.heartbeat(run.id, state.progress(client.requests));
  }

  private async fetchOrganizations(client: CkanClient, run: HarvestRun, state: HarvestRunState): Promise<void> {
    for (let offset = 0; ; offset += ORGANIZATION_PAGE) {
      const page = await client.call<unknown>('organization_list', {
        all_fields: true,
        limit: ORGANIZATION_PAGE,
        offset,
        sort: 'name asc',
      });
      if (!Array.isArray(page)) throw new CkanRequestError('organization_list', 'the result is not a list', false);
      page.forEach((org) => state.rememberOrganization(org));
      if (page.length < ORGANIZATION_PAGE) break;
    }
    await this.heartbeat(run, state, client);
  }

  /** Incremental runs do not list organisations; they ask for the ones their datasets name and Marsad does not know. */
  private async fetchMissingOrganizations(client: CkanClient, run: HarvestRun, state: HarvestRunState): Promise<void> {
    const names = [...state.datasetOrganizations];
    if (names.length === 0) return;
    const knownNames = await this.staging.knownOrganizations(names);
    for (const name of names.filter((n) => !knownNames.has(n))) {
      try {
        state.rememberOrganization(await client.call<unknown>('organization_show', { id: name }));
      } catch (error) {
        if (!(error instanceof CkanRequestError) || error.retryable) throw error;
        state.note({ kind: 'skipped_record', message: error.message, action: 'organization_show' });
        state.rememberOrganization({ name, title: name });
      }
    }
    await this.heartbeat(run, state, client);
  }

  private async fetchDatasets(client: CkanClient, run: HarvestRun, state: HarvestRunState): Promise<void> {
    const rows = this.config.portal.pageSize;
    const fq = run.since ? `metadata_modified:[${solrDate(run.since)} TO *]` : undefined;
    const fetchPage = (start: number) =>
      client.call<SearchResult>('package_search', {
        q: '*:*',
        fq,
        rows,
        start,
        sort: 'metadata_modified asc',
        include_private: false,
      });
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
      await this.staging.stage(run.id, mapDatasetRecords(page.results, state, run.mode, start));
      state.pages++;
      await this.heartbeat(run, state, client);
      start += rows;
    }
  }

  private async merge(run: HarvestRun, state: HarvestRunState, client: CkanClient): Promise<MergeOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const outcome = await this.staging.mergeDatasets(manager, run.id, run.mode);
      await this.staging.mergeOrganizations(manager, state.organizations.values(), run.mode);
      await this.matching.suggestMatches(manager);
      await this.metrics.recompute(manager, { runId: run.id });
      await this.lifecycle.succeed(manager, run.id, outcome, state.progress(client.requests));
      return outcome;
    });
  }
}
