import type { CompletenessCriterion, Frequency } from '@marsad/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A resource as kept: its format normalised, the raw spelling beside it. */
export interface StoredResource {
  id: string | null;
  name: string | null;
  format: string | null;
  formatRaw: string | null;
  url: string | null;
  lastModified: string | null;
}

/**
 * What Marsad keeps of a CKAN dataset, and what it computed of it at harvest
 * time (stars, completeness). Freshness depends on the day, so it is computed
 * when metrics are, from `frequency` and `last_updated_at`.
 */
export abstract class PortalDatasetColumns {
  @PrimaryColumn({ name: 'ckan_id', type: 'varchar', length: 100 })
  ckanId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text' })
  title!: string;

  /** The CKAN organisation's name (slug). */
  @Column({ name: 'organization_name', type: 'varchar', length: 100, nullable: true })
  organizationName!: string | null;

  @Column({ name: 'metadata_created', type: 'timestamptz', nullable: true })
  metadataCreated!: Date | null;

  @Column({ name: 'metadata_modified', type: 'timestamptz', nullable: true })
  metadataModified!: Date | null;

  /** The newest resource change, else the metadata change: the age of the data. */
  @Column({ name: 'last_updated_at', type: 'timestamptz', nullable: true })
  lastUpdatedAt!: Date | null;

  @Column({ name: 'license_id', type: 'varchar', length: 100, nullable: true })
  licenseId!: string | null;

  @Column({ name: 'open_licence', type: 'boolean', default: false })
  openLicence!: boolean;

  @Column({ type: 'varchar', length: 16, nullable: true })
  frequency!: Frequency | null;

  @Column({ name: 'frequency_raw', type: 'varchar', length: 200, nullable: true })
  frequencyRaw!: string | null;

  /** Distinct normalised formats of its resources. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  formats!: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  resources!: StoredResource[];

  @Column({ name: 'resource_count', type: 'integer', default: 0 })
  resourceCount!: number;

  /** Openness stars: the best of its resources' formats; 0 without an open licence. */
  @Column({ type: 'smallint', default: 0 })
  stars!: number;

  @Column({ name: 'machine_readable', type: 'boolean', default: false })
  machineReadable!: boolean;

  /** Metadata completeness points (0–100). */
  @Column({ type: 'smallint', default: 0 })
  completeness!: number;

  @Column({ name: 'completeness_filled', type: 'text', array: true, default: () => "'{}'" })
  completenessFilled!: CompletenessCriterion[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  groups!: string[];

  /** Normalised title, for matching inventory items. */
  @Column({ name: 'title_key', type: 'text', default: '' })
  titleKey!: string;
}

@Entity({ name: 'portal_datasets' })
@Index(['organizationName'])
@Index(['metadataModified'])
export class PortalDataset extends PortalDatasetColumns {
  /** When a full run no longer found it on the portal; null while it is there. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' })
  firstSeenAt!: Date;

  @Column({ name: 'last_run_id', type: 'uuid', nullable: true })
  lastRunId!: string | null;
}

/**
 * Datasets fetched by a run that has not finished. A run writes here page by
 * page and merges into portal_datasets in one transaction at the end, so a run
 * that fails leaves the last good data (and metrics) untouched.
 */
@Entity({ name: 'portal_dataset_staging' })
export class PortalDatasetStaging extends PortalDatasetColumns {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;
}
