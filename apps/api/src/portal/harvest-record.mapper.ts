import type { HarvestMode } from '@marsad/contracts';
import { getMetadataArgsStorage } from 'typeorm';
import { PortalDatasetColumns } from './entities/portal-dataset.entity';
import type { HarvestRunState } from './harvest-run-state';
import { MalformedRecordError, normaliseDataset, type NormalisedDataset } from './normalise-dataset';

/**
 * A page of CKAN `package_search` records → the datasets to stage. A record that cannot be
 * read is skipped and noted, never the end of the run. `start` is the page's offset, for the note.
 */
export function mapDatasetRecords(
  records: unknown[],
  state: HarvestRunState,
  mode: HarvestMode,
  start: number,
): NormalisedDataset[] {
  const datasets: NormalisedDataset[] = [];
  for (const record of records) {
    state.seen++;
    try {
      const dataset = normaliseDataset(record);
      datasets.push(dataset);
      if (dataset.organizationName) state.datasetOrganizations.add(dataset.organizationName);
      // A full run also keeps the organisations only its datasets name (organization_list may omit some).
      if (mode === 'full') state.rememberOrganization((record as { organization?: unknown }).organization, false);
    } catch (error) {
      if (!(error instanceof MalformedRecordError)) throw error;
      state.skipped++;
      state.note({
        kind: 'skipped_record',
        message: error.message,
        dataset: error.dataset,
        action: 'package_search',
        start,
      });
    }
  }
  return datasets;
}

/** A column of portal_datasets (and of its staging twin) that a harvest writes. */
export interface StagedColumn {
  property: keyof NormalisedDataset;
  /** Its name in the database. */
  name: string;
  /** Its type for jsonb_to_recordset, e.g. `text[]`. */
  sqlType: string;
}

/**
 * The harvested columns, read from the entity's decorators (`PortalDatasetColumns`): the entity
 * is the one list, and the staging SQL and the rows below follow it.
 */
export const STAGED_COLUMNS: readonly StagedColumn[] = getMetadataArgsStorage()
  .filterColumns(PortalDatasetColumns)
  .map(({ propertyName, options }) => {
    if (typeof options.type !== 'string')
      throw new Error(`PortalDatasetColumns.${propertyName} needs an explicit column type`);
    return {
      property: propertyName as keyof NormalisedDataset,
      name: options.name ?? propertyName,
      sqlType: `${options.type}${options.array ? '[]' : ''}`,
    };
  });

/** One dataset as a row for jsonb_to_recordset, keyed by column name (dates become ISO strings in JSON). */
export function toStagedRow(dataset: NormalisedDataset): Record<string, unknown> {
  return Object.fromEntries(STAGED_COLUMNS.map((column) => [column.name, dataset[column.property] ?? null]));
}
