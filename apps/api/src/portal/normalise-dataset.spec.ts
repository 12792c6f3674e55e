import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedRecordError, normaliseDataset } from './normalise-dataset';

// Real responses, copied from the project's reference material with their SOURCE.md (licences and origin).
const SAMPLES = join(__dirname, 'testing/ckan-samples');
const sample = (file: string) => JSON.parse(readFileSync(join(SAMPLES, file), 'utf8')).response.result;

describe('normaliseDataset on real CKAN responses', () => {
  it('reads package_show (demo.ckan.org): organisation, dates in UTC, CSV resource, open licence, 3 stars', () => {
    const dataset = normaliseDataset(sample('ckan-package_show-demo.ckan.org-2017.json'));
    expect(dataset).toMatchObject({
      ckanId: '17be64bb-da74-4195-9bb8-565c39846af2',
      name: '2016-regione-asia-est-oceania-classi-di-eta',
      organizationName: 'sdb',
      licenseId: 'cc-by',
      openLicence: true,
      formats: ['CSV'],
      resourceCount: 1,
      stars: 3,
      machineReadable: true,
      frequency: null,
      tags: ['2016', 'RASE', 'età'],
      groups: [],
    });
    expect(dataset.metadataCreated?.toISOString()).toBe('2017-07-05T19:28:19.620Z');
    // The resource carries no last_modified: its creation date is the data's age.
    expect(dataset.lastUpdatedAt?.toISOString()).toBe('2017-07-05T19:29:04.818Z');
    // description (79 chars) 15 + tags 10 + licence 15 = 40; no theme, frequency, temporal, spatial, contact or resource dates.
    expect(dataset.completenessFilled).toEqual(['description', 'tags', 'licence']);
    expect(dataset.completeness).toBe(40);
  });

  it('reads every package_search result (a PDF-only dataset earns 1 star; a contact e-mail counts)', () => {
    const results = sample('ckan-package_search-demo.ckan.org-2017.json').results as unknown[];
    const datasets = results.map(normaliseDataset);
    expect(datasets.map((d) => [d.formats, d.stars])).toEqual([
      [['CSV'], 3],
      [['PDF'], 1],
      [['CSV'], 3],
    ]);
    // other-open with maintainer e-mail, 64-char description, 3 tags: 15 + 10 + 15 + 10 = 50.
    expect(datasets[0].completenessFilled).toEqual(['description', 'tags', 'licence', 'contact']);
    expect(datasets[0].completeness).toBe(50);
    // An 8-character description does not count.
    expect(datasets[1].completenessFilled).not.toContain('description');
  });
});

describe('normaliseDataset on the shapes portals vary in', () => {
  const base = { id: 'abc', name: 'abc', title: 'Budget', metadata_modified: '2026-01-10T08:00:00.000000' };

  it('frequency from extras, or from a top-level field (ckanext-scheming), which wins', () => {
    expect(
      normaliseDataset({
        ...base,
        extras: [{ key: 'frequency', value: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL' }],
      }).frequency,
    ).toBe('annual');
    expect(
      normaliseDataset({ ...base, frequency: 'mensuelle', extras: [{ key: 'frequency', value: 'annual' }] }).frequency,
    ).toBe('monthly');
  });

  it('format from the MIME type or the URL when the format field is empty', () => {
    const dataset = normaliseDataset({
      ...base,
      license_id: 'cc-by',
      resources: [
        { format: '', mimetype: 'text/csv', url: 'https://x/a' },
        { format: null, url: 'https://x/data.geojson?download=1' },
        { format: 'Excel', url: 'https://x/b' },
      ],
    });
    expect(dataset.formats).toEqual(['CSV', 'GEOJSON', 'XLS']);
    expect(dataset.stars).toBe(3);
  });

  it('no open licence: no stars, whatever the format (five-star scheme); machine-readable still said', () => {
    const dataset = normaliseDataset({ ...base, license_id: 'other-closed', resources: [{ format: 'RDF' }] });
    expect(dataset).toMatchObject({ openLicence: false, stars: 0, machineReadable: true });
    expect(
      normaliseDataset({ ...base, isopen: true, license_id: 'odc-odbl', resources: [{ format: 'rdf' }] }).stars,
    ).toBe(5);
  });

  it('the newest resource change is the age of the data', () => {
    const dataset = normaliseDataset({
      ...base,
      resources: [
        { format: 'CSV', last_modified: '2025-03-01T00:00:00', created: '2024-01-01T00:00:00' },
        { format: 'CSV', last_modified: null, created: '2025-06-01T00:00:00' },
      ],
    });
    expect(dataset.lastUpdatedAt?.toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(dataset.completenessFilled).toContain('dates');
  });

  it.each([
    ['resources is a string', { resources: 'none' }],
    ['metadata_modified is a number', { metadata_modified: 1700000000 }],
    ['metadata_created is not a date', { metadata_created: 'yesterday' }],
    ['tags is an object', { tags: { name: 'x' } }],
    ['the id is missing', { id: undefined }],
    ['the title is a number', { title: 42 }],
  ])('a record where %s is malformed', (_, change) => {
    expect(() => normaliseDataset({ ...base, ...change })).toThrow(MalformedRecordError);
  });
});
