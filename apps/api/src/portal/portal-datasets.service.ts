import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DatasetSort,
  FreshnessStatus,
  InstitutionType,
  LocalizedText,
  Page,
  PortalDatasetQuery,
  PortalDatasetView,
} from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { normalizeForSearch } from '../common/text/search-normalize.util';
import { THRESHOLDS_CTE, ageSql, freshnessSql } from '../metrics/freshness.sql';
import type { StoredResource } from './entities/portal-dataset.entity';
import { datasetPortalUrl } from './portal-url.util';

const ORDER: Record<DatasetSort, string> = {
  modified: 'd.metadata_modified DESC NULLS LAST, d.ckan_id',
  title: 'd.title_key, d.ckan_id',
  stars: 'd.stars DESC, d.ckan_id',
  completeness: 'd.completeness DESC, d.ckan_id',
  age: 'd.last_updated_at ASC NULLS FIRST, d.ckan_id',
};

interface Row {
  ckan_id: string;
  name: string;
  title: string;
  organization_name: string | null;
  metadata_created: Date | null;
  metadata_modified: Date | null;
  last_updated_at: Date | null;
  license_id: string | null;
  open_licence: boolean;
  frequency: PortalDatasetView['frequency'];
  frequency_raw: string | null;
  formats: string[];
  resources: StoredResource[];
  resource_count: number;
  stars: number;
  machine_readable: boolean;
  completeness: number;
  completeness_filled: PortalDatasetView['completenessFilled'];
  tags: string[];
  groups: string[];
  freshness: FreshnessStatus;
  age_days: number | null;
  institution_code: string | null;
  institution_name: LocalizedText;
  institution_type: InstitutionType | null;
  total: number;
}

/** Harvested datasets, with freshness computed for today. Public, like the portal. */
@Injectable()
export class PortalDatasetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `freshnessIn`: several statuses at once (for the overdue list). */
  async list(
    query: PortalDatasetQuery & { freshnessIn?: FreshnessStatus[] },
    asOf = new Date(),
  ): Promise<Page<PortalDatasetView>> {
    const page = Math.max(1, query.page ?? 1);
    const pageSize = Math.min(100, Math.max(1, query.pageSize ?? 25));
    const params: unknown[] = [asOf.toISOString()];
    const where = ['d.deleted_at IS NULL'];
    if (query.organization) {
      params.push(query.organization);
      where.push(`d.organization_name = $${params.length}`);
    }
    if (query.institution) {
      params.push(query.institution);
      where.push(`i.code = $${params.length}`);
    }
    if (query.format) {
      params.push(query.format.toUpperCase());
      where.push(`$${params.length} = ANY(d.formats)`);
    }
    if (query.q) {
      params.push(`%${normalizeForSearch(query.q)}%`);
      where.push(`d.title_key LIKE $${params.length}`);
    }
    const statuses = query.freshnessIn ?? (query.freshness ? [query.freshness] : null);
    const freshnessFilter = statuses ? (params.push(statuses), `WHERE freshness = ANY($${params.length})`) : '';
    params.push(pageSize, (page - 1) * pageSize);
    const rows: Row[] = await this.dataSource.query(
      `WITH ${THRESHOLDS_CTE},
       d AS (
         SELECT d.*, ${freshnessSql('d', '$1')} AS freshness, CASE WHEN d.last_updated_at IS NULL THEN NULL ELSE ${ageSql('d.last_updated_at', '$1')} END AS age_days,
                i.code AS institution_code, i.name AS institution_name, i.type AS institution_type
           FROM portal_datasets d
           LEFT JOIN institutions i ON i.portal_org_name = d.organization_name
           LEFT JOIN freshness_thresholds ft ON ft.frequency = d.frequency
          WHERE ${where.join(' AND ')}
       )
       SELECT d.*, count(*) OVER ()::int AS total FROM d ${freshnessFilter}
        ORDER BY ${ORDER[query.sort ?? 'modified']}
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows[0]?.total ?? (page > 1 ? await this.count(query, asOf) : 0);
    return { items: rows.map((row) => this.toView(row)), total, page, pageSize };
  }

  /** The total when the requested page is past the end. */
  private async count(query: PortalDatasetQuery, asOf: Date): Promise<number> {
    const first = await this.list({ ...query, page: 1, pageSize: 1 }, asOf);
    return first.total;
  }

  /** Overdue and delinquent datasets of one organisation, the oldest first. */
  async overdue(organization: string, limit: number, asOf = new Date()): Promise<PortalDatasetView[]> {
    // The oldest first: delinquent ones come before overdue ones.
    return (
      await this.list({ organization, freshnessIn: ['delinquent', 'overdue'], sort: 'age', pageSize: limit }, asOf)
    ).items;
  }

  private toView(row: Row): PortalDatasetView {
    return {
      ckanId: row.ckan_id,
      name: row.name,
      title: row.title,
      organization: row.organization_name,
      institution: row.institution_code
        ? { code: row.institution_code, name: row.institution_name, type: row.institution_type as InstitutionType }
        : null,
      portalUrl: datasetPortalUrl(this.config.portal.url, row.name),
      createdAt: row.metadata_created ? new Date(row.metadata_created).toISOString() : null,
      modifiedAt: row.metadata_modified ? new Date(row.metadata_modified).toISOString() : null,
      lastUpdatedAt: row.last_updated_at ? new Date(row.last_updated_at).toISOString() : null,
      licenseId: row.license_id,
      openLicence: row.open_licence,
      frequency: row.frequency,
      frequencyRaw: row.frequency_raw,
      freshness: row.freshness,
      ageDays: row.age_days,
      formats: row.formats,
      resourceCount: row.resource_count,
      stars: row.stars,
      machineReadable: row.machine_readable,
      completeness: row.completeness,
      completenessFilled: row.completeness_filled,
      tags: row.tags,
      groups: row.groups,
      resources: row.resources,
    };
  }
}
