import { Actions } from './actions';
import { Catalogue, formatCkanDate } from './catalogue';
import type { CkanPackage } from './types';

const NOW = new Date('2026-01-01T00:00:00Z');
const THREE_YEARS_MS = 3 * 365.25 * 86_400_000;

describe('Catalogue', () => {
  it('is deterministic: same options, same bytes; another seed, other data', () => {
    const a = new Actions(new Catalogue({ organizations: 20, datasets: 300, seed: 7 }));
    const b = new Actions(new Catalogue({ organizations: 20, datasets: 300, seed: 7 }));
    const c = new Actions(new Catalogue({ organizations: 20, datasets: 300, seed: 8 }));
    const params = { rows: '300', facet: 'true', 'facet.field': '["organization","res_format","license_id"]' };
    const pa = a.call('package_search', params).body;
    expect(b.call('package_search', params).body).toBe(pa);
    expect(c.call('package_search', params).body).not.toBe(pa);
    const orgs = { all_fields: 'true', limit: '25' };
    expect(b.call('organization_list', orgs).body).toBe(a.call('organization_list', orgs).body);
  });

  it('generates realistic, messy datasets', () => {
    const cat = new Catalogue({ organizations: 50, datasets: 2000 });
    const all = cat.activeIndexes().map((i) => cat.dataset(i) as CkanPackage);
    const formats = new Set(all.flatMap((d) => d.resources.map((r) => r.format)));
    for (const f of ['CSV', 'csv', '.csv', 'text/csv', 'xlsx', 'PDF', 'json', 'geojson', 'ZIP', ''])
      expect(formats).toContain(f);
    const licences = new Set(all.map((d) => d.license_id));
    for (const l of ['cc-by', 'odc-odbl', 'cc-zero', 'notspecified', 'other-closed', '']) expect(licences).toContain(l);
    const inExtras = all.filter((d) => d.extras.some((e) => e.key === 'frequency')).length;
    const topLevel = all.filter((d) => d.frequency !== undefined).length;
    expect(inExtras / all.length).toBeGreaterThan(0.4);
    expect(inExtras / all.length).toBeLessThan(0.6);
    expect(topLevel).toBeGreaterThan(200);
    expect(all.length - inExtras - topLevel).toBeGreaterThan(400);
    const values = new Set(
      all.flatMap((d) => [d.frequency, ...d.extras.filter((e) => e.key === 'frequency').map((e) => e.value)]),
    );
    for (const v of [
      'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
      'annual',
      'ANNUAL',
      'mensuelle',
      'trimestrielle',
    ])
      expect(values).toContain(v);
    expect(all.some((d) => d.notes === '')).toBe(true);
    expect(all.some((d) => d.tags.length === 0)).toBe(true);
    expect(all.some((d) => d.groups.length === 0)).toBe(true);
    expect(all.some((d) => d.resources.length === 0)).toBe(true);
    expect(all.some((d) => d.resources.some((r) => r.last_modified === null))).toBe(true);
    expect(all.some((d) => d.temporal_start !== undefined)).toBe(true);
    expect(all.some((d) => d.extras.some((e) => e.key === 'temporal_coverage'))).toBe(true);
    expect(all.some((d) => d.extras.some((e) => e.key === 'spatial'))).toBe(true);
    for (const d of all) {
      expect(d.num_resources).toBe(d.resources.length);
      expect(d.num_tags).toBe(d.tags.length);
      expect(d.metadata_modified >= d.metadata_created).toBe(true);
      const modified = Date.parse(d.metadata_modified + 'Z');
      expect(modified).toBeLessThan(NOW.getTime());
      expect(Date.parse(d.metadata_created + 'Z')).toBeGreaterThan(NOW.getTime() - THREE_YEARS_MS - 1000);
      expect(d.metadata_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
      expect(d.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(d.name).toMatch(/^[a-z0-9-]{1,100}$/);
    }
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
    expect(new Set(all.map((d) => d.name)).size).toBe(all.length);
  });

  it('spreads datasets unevenly over organisations, some with none', () => {
    const cat = new Catalogue({ organizations: 50, datasets: 5000 });
    const counts = cat.organizations.map((o) => cat.packageCount(o.index));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeGreaterThan(5 * (5000 / 50));
    expect(cat.organizations[0].name).toBe('haut-commissariat-au-plan');
    expect(cat.organizations[49].name).toBe('org-0049');
  });

  it('finds datasets by name and by id', () => {
    const cat = new Catalogue({ organizations: 5, datasets: 100 });
    expect(cat.findDataset(cat.nameOf(17))).toBe(17);
    expect(cat.findDataset(cat.idOf(17))).toBe(17);
    expect(cat.findDataset('nope-17')).toBeUndefined();
    expect(cat.findDataset(cat.idOf(17).replace(/^./, (c) => (c === 'a' ? 'b' : 'a')))).toBeUndefined();
  });

  it('modifies, deletes and adds datasets', () => {
    const cat = new Catalogue({ organizations: 5, datasets: 100 });
    const before = cat.dataset(3) as CkanPackage;
    const at = new Date('2026-02-01T10:00:00Z');
    expect(cat.modify([3], { at })).toEqual([3]);
    const after = cat.dataset(3) as CkanPackage;
    expect(after.metadata_modified).toBe('2026-02-01T10:00:00.000000');
    expect(after.title).not.toBe(before.title);
    expect(after.name).toBe(before.name);
    expect(after.id).toBe(before.id);
    expect(after.metadata_created).toBe(before.metadata_created);

    const picked = cat.modify(10, { at });
    expect(picked).toHaveLength(10);
    expect(new Set(picked).size).toBe(10);
    // the same sequence of mutations picks the same datasets
    const twin = new Catalogue({ organizations: 5, datasets: 100 });
    twin.modify([3], { at });
    expect(twin.modify(10, { at })).toEqual(picked);

    const orgOf5 = cat.orgIndexOf(5);
    const countBefore = cat.packageCount(orgOf5);
    cat.delete([5]);
    expect(cat.dataset(5)).toBeUndefined();
    expect(cat.count).toBe(99);
    expect(cat.packageCount(orgOf5)).toBe(countBefore - 1);

    const added = cat.add(3, { at, organization: 'haut-commissariat-au-plan' });
    expect(added).toEqual([100, 101, 102]);
    expect(cat.count).toBe(102);
    const fresh = cat.dataset(101) as CkanPackage;
    expect(fresh.organization?.name).toBe('haut-commissariat-au-plan');
    expect(fresh.metadata_created).toBe(fresh.metadata_modified);
    expect(() => cat.modify([5])).toThrow(/deleted/);
  });

  it('formats dates like CKAN', () => {
    expect(formatCkanDate(Date.parse('2017-08-05T03:19:33.886Z') * 1000 + 925)).toBe('2017-08-05T03:19:33.886925');
  });
});
