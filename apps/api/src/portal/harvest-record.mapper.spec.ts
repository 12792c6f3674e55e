import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { PortalDataset, PortalDatasetStaging } from './entities/portal-dataset.entity';
import { mapDatasetRecords, STAGED_COLUMNS, toStagedRow } from './harvest-record.mapper';
import { HarvestRunState } from './harvest-run-state';

const SAMPLES = join(__dirname, 'testing/ckan-samples');
const sample = (file: string) => JSON.parse(readFileSync(join(SAMPLES, file), 'utf8')).response.result;

describe('the harvest mapper', () => {
  it('stages every column the entities share, under its database name and type', () => {
    const byName = Object.fromEntries(STAGED_COLUMNS.map((column) => [column.name, column.sqlType]));
    expect(byName).toMatchObject({
      ckan_id: 'varchar',
      metadata_created: 'timestamptz',
      formats: 'text[]',
      resources: 'jsonb',
      stars: 'smallint',
    });
    // Both tables add their own columns to the shared ones, and nothing else is left out.
    const own = (target: typeof PortalDataset | typeof PortalDatasetStaging) =>
      getMetadataArgsStorage()
        .filterColumns(target)
        .map((column) => column.propertyName);
    expect(own(PortalDatasetStaging)).toEqual(['runId']);
    expect(own(PortalDataset).sort()).toEqual(['deletedAt', 'firstSeenAt', 'lastRunId']);
    expect(new Set(STAGED_COLUMNS.map((column) => column.name)).size).toBe(21);
  });

  it('maps a CKAN page to rows keyed by column, skipping and noting what it cannot read', () => {
    const state = new HarvestRunState();
    const datasets = mapDatasetRecords(
      [sample('ckan-package_show-demo.ckan.org-2017.json'), { id: 'x', name: 42 }],
      state,
      'full',
      0,
    );
    expect(datasets).toHaveLength(1);
    expect(state).toMatchObject({ seen: 2, skipped: 1, issueCount: 1 });
    expect(state.datasetOrganizations).toEqual(new Set(['sdb']));
    expect(state.organizations.has('sdb')).toBe(true);
    const row = JSON.parse(JSON.stringify(toStagedRow(datasets[0])));
    expect(Object.keys(row).sort()).toEqual(STAGED_COLUMNS.map((column) => column.name).sort());
    expect(row).toMatchObject({
      ckan_id: '17be64bb-da74-4195-9bb8-565c39846af2',
      organization_name: 'sdb',
      metadata_created: '2017-07-05T19:28:19.620Z',
      formats: ['CSV'],
      open_licence: true,
    });
  });
});
