import { startCkanFixtureServer, type CkanFixtureServer } from './server';

/** GET an action; non-string values are JSON-encoded, as CKAN clients send lists. */
async function get(server: CkanFixtureServer, action: string, params: Record<string, unknown> = {}): Promise<Response> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) qs.append(k, typeof v === 'string' ? v : JSON.stringify(v));
  const query = qs.toString();
  return fetch(`${server.url}/${action}${query ? '?' + query : ''}`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function getJson(server: CkanFixtureServer, action: string, params: Record<string, unknown> = {}): Promise<any> {
  return (await get(server, action, params)).json();
}

describe('CKAN fixture server', () => {
  let server: CkanFixtureServer;
  afterEach(async () => {
    await server?.close();
  });

  describe('organization_list', () => {
    beforeEach(async () => {
      server = await startCkanFixtureServer({ organizations: 60, datasets: 500 });
    });

    it('returns every name by default, sorted by title', async () => {
      const body = await getJson(server, 'organization_list');
      expect(body.success).toBe(true);
      expect(body.help).toMatch(/help_show\?name=organization_list$/);
      expect(body.result).toHaveLength(60);
      expect(body.result).toContain('haut-commissariat-au-plan');
      expect(body.result.every((n: unknown) => typeof n === 'string')).toBe(true);
    });

    it('pages all_fields at 25 with limit and offset', async () => {
      const seen: string[] = [];
      const sizes: number[] = [];
      for (let offset = 0; ; offset += 25) {
        const body = await getJson(server, 'organization_list', {
          all_fields: 'true',
          limit: '1000',
          offset: String(offset),
        });
        sizes.push(body.result.length);
        if (!body.result.length) break;
        seen.push(...body.result.map((o: { name: string }) => o.name));
      }
      expect(sizes).toEqual([25, 25, 10, 0]);
      expect(new Set(seen).size).toBe(60);
      const first = (await getJson(server, 'organization_list', { all_fields: true })).result;
      expect(first).toHaveLength(25); // no limit: 25 too
      expect(Object.keys(first[0])).toEqual(
        expect.arrayContaining([
          'id',
          'name',
          'title',
          'display_name',
          'description',
          'image_url',
          'created',
          'is_organization',
          'state',
          'type',
          'approval_status',
          'package_count',
        ]),
      );
      const total = seen.length;
      expect(total).toBe(60);
    });

    it('sorts by name and by package_count', async () => {
      const byName = (await getJson(server, 'organization_list', { sort: 'name asc' })).result as string[];
      expect(byName).toEqual([...byName].sort());
      const byCount = (await getJson(server, 'organization_list', { sort: 'package_count desc', all_fields: true }))
        .result;
      const counts = byCount.map((o: { package_count: number }) => o.package_count);
      expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    });

    it('rejects a bad limit like CKAN (409 Validation Error)', async () => {
      const res = await get(server, 'organization_list', { limit: 'abc' });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({
        success: false,
        error: { __type: 'Validation Error', limit: ['Invalid integer'] },
      });
    });
  });

  describe('organization_show', () => {
    it('finds by name or id, 404 otherwise', async () => {
      server = await startCkanFixtureServer({ organizations: 10, datasets: 200 });
      const byName = await getJson(server, 'organization_show', { id: 'haut-commissariat-au-plan' });
      expect(byName.result).toMatchObject({
        name: 'haut-commissariat-au-plan',
        title: 'Haut-Commissariat au Plan',
        is_organization: true,
      });
      expect(byName.result.packages).toBeUndefined();
      expect(byName.result.package_count).toBe(server.catalogue.packageCount(0));
      const byId = await getJson(server, 'organization_show', { id: byName.result.id, include_datasets: 'true' });
      expect(byId.result.name).toBe('haut-commissariat-au-plan');
      expect(byId.result.packages.length).toBeGreaterThan(0);
      const missing = await get(server, 'organization_show', { id: 'nope' });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({
        success: false,
        error: { __type: 'Not Found Error', message: 'Not found' },
      });
    });
  });

  describe('package_search', () => {
    async function harvest(s: CkanFixtureServer, params: Record<string, unknown> = {}) {
      const pages: number[] = [];
      const names: string[] = [];
      for (let start = 0; ; start += 1000) {
        const body = await getJson(s, 'package_search', { ...params, rows: '1000', start: String(start) });
        pages.push(body.result.results.length);
        names.push(...body.result.results.map((d: { name: string }) => d.name));
        if (body.result.results.length < 1000) return { pages, names, count: body.result.count };
      }
    }

    it('pages exactly at rows=1000 (1000 datasets: 1000 then 0)', async () => {
      server = await startCkanFixtureServer({ organizations: 10, datasets: 1000 });
      const { pages, names, count } = await harvest(server);
      expect(pages).toEqual([1000, 0]);
      expect(count).toBe(1000);
      expect(new Set(names).size).toBe(1000);
    });

    it('pages exactly at rows=1000 (1001 datasets: 1000 then 1)', async () => {
      server = await startCkanFixtureServer({ organizations: 10, datasets: 1001 });
      const { pages, names } = await harvest(server);
      expect(pages).toEqual([1000, 1]);
      expect(new Set(names).size).toBe(1001);
    });

    it('defaults to 10 rows and clamps rows to 1000', async () => {
      server = await startCkanFixtureServer({ organizations: 3, datasets: 1500 });
      const def = await getJson(server, 'package_search');
      expect(def.result.results).toHaveLength(10);
      expect(def.result.sort).toBe('score desc, metadata_modified desc');
      expect(def.result).toMatchObject({ count: 1500, facets: {}, search_facets: {} });
      expect((await getJson(server, 'package_search', { rows: '5000' })).result.results).toHaveLength(1000);
      const bad = await get(server, 'package_search', { rows: '-1' });
      expect(bad.status).toBe(409);
      expect(await bad.json()).toMatchObject({
        error: { __type: 'Validation Error', rows: ['Must be a natural number'] },
      });
    });

    it('filters with fq organization and metadata_modified ranges', async () => {
      server = await startCkanFixtureServer({ organizations: 8, datasets: 800 });
      const cat = server.catalogue;
      const org = cat.organizations[1].name;
      const expected = cat.activeIndexes().filter((i) => cat.orgIndexOf(i) === 1).length;
      const byOrg = await getJson(server, 'package_search', { fq: `organization:${org}`, rows: '1000' });
      expect(byOrg.result.count).toBe(expected);
      expect(byOrg.result.results.every((d: { organization: { name: string } }) => d.organization.name === org)).toBe(
        true,
      );

      const since = '2025-06-01T00:00:00Z';
      const sinceUs = Date.parse(since) * 1000;
      const recent = cat.activeIndexes().filter((i) => cat.modifiedUsOf(i) >= sinceUs).length;
      const open = await getJson(server, 'package_search', { fq: `metadata_modified:[${since} TO *]`, rows: '0' });
      expect(open.result.count).toBe(recent);
      expect(recent).toBeGreaterThan(0);
      expect(recent).toBeLessThan(800);

      const until = '2025-09-01T00:00:00Z';
      const untilUs = Date.parse(until) * 1000;
      const between = cat
        .activeIndexes()
        .filter((i) => cat.modifiedUsOf(i) >= sinceUs && cat.modifiedUsOf(i) <= untilUs).length;
      const closed = await getJson(server, 'package_search', {
        fq: `metadata_modified:[${since} TO ${until}]`,
        rows: '0',
      });
      expect(closed.result.count).toBe(between);

      const both = cat.activeIndexes().filter((i) => cat.orgIndexOf(i) === 1 && cat.modifiedUsOf(i) >= sinceUs).length;
      for (const fq of [
        `organization:${org} metadata_modified:[${since} TO *]`,
        `+organization:${org} AND metadata_modified:[${since} TO *]`,
      ]) {
        expect((await getJson(server, 'package_search', { fq, rows: '0' })).result.count).toBe(both);
      }
      // Solr wants a Z: CKAN's own metadata_modified format (no zone) is rejected
      const noZone = await get(server, 'package_search', { fq: 'metadata_modified:[2025-06-01T00:00:00.000000 TO *]' });
      expect(noZone.status).toBe(409);
      expect(await noZone.json()).toMatchObject({ success: false, error: { __type: 'Search Error' } });
    });

    it('matches q on title words and *:*', async () => {
      server = await startCkanFixtureServer({ organizations: 5, datasets: 300 });
      const all = await getJson(server, 'package_search', { q: '*:*', rows: '0' });
      expect(all.result.count).toBe(300);
      const title = server.catalogue.titleOf(0);
      const word = title.split(/\s+/).find((w) => w.length > 5) as string;
      const found = await getJson(server, 'package_search', { q: word, rows: '1000' });
      expect(found.result.count).toBeGreaterThan(0);
      expect(found.result.results.map((d: { name: string }) => d.name)).toContain(server.catalogue.nameOf(0));
    });

    it('sorts by metadata_modified desc/asc and name asc', async () => {
      server = await startCkanFixtureServer({ organizations: 5, datasets: 400 });
      const desc = (
        await getJson(server, 'package_search', { sort: 'metadata_modified desc', rows: '400' })
      ).result.results.map((d: { metadata_modified: string }) => d.metadata_modified);
      expect(desc).toEqual([...desc].sort().reverse());
      const asc = (
        await getJson(server, 'package_search', { sort: 'metadata_modified asc', rows: '400' })
      ).result.results.map((d: { metadata_modified: string }) => d.metadata_modified);
      expect(asc).toEqual([...desc].reverse());
      const names = (await getJson(server, 'package_search', { sort: 'name asc', rows: '400' })).result.results.map(
        (d: { name: string }) => d.name,
      );
      expect(names).toEqual([...names].sort());
      expect((await get(server, 'package_search', { sort: 'popularity desc' })).status).toBe(409);
    });

    it('computes facets when asked', async () => {
      server = await startCkanFixtureServer({ organizations: 5, datasets: 300 });
      const body = await getJson(server, 'package_search', {
        'facet.field': ['organization', 'res_format'],
        rows: '0',
      });
      const orgFacet = body.result.facets.organization as Record<string, number>;
      expect(Object.values(orgFacet).reduce((a, b) => a + b, 0)).toBe(300);
      expect(body.result.search_facets.res_format.items[0]).toEqual(
        expect.objectContaining({ count: expect.any(Number), name: expect.any(String) }),
      );
    });

    it('accepts POST with a JSON body', async () => {
      server = await startCkanFixtureServer({ organizations: 5, datasets: 50, apiPrefix: '/data/api/3/action' });
      expect(server.url).toMatch(/\/data\/api\/3\/action$/);
      const res = await fetch(`${server.url}/package_search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          rows: 5,
          start: 0,
          sort: 'name asc',
          fq: `organization:${server.catalogue.organizations[0].name}`,
        }),
      });
      const body = await res.json();
      expect(body.result.results).toHaveLength(5);
      expect(server.requests.at(-1)).toMatchObject({
        method: 'POST',
        action: 'package_search',
        params: { rows: 5 },
        status: 200,
      });
    });

    it('reflects catalogue mutations (modified, deleted, added datasets)', async () => {
      server = await startCkanFixtureServer({ organizations: 5, datasets: 200 });
      const cat = server.catalogue;
      const since = '2026-03-01T00:00:00Z';
      const at = new Date('2026-03-02T00:00:00Z');
      const fq = `metadata_modified:[${since} TO *]`;
      expect((await getJson(server, 'package_search', { fq })).result.count).toBe(0);
      const modified = cat.modify(3, { at });
      const added = cat.add(2, { at });
      const deleted = cat.delete([0, 1]);
      const body = await getJson(server, 'package_search', { fq, rows: '100' });
      const names = body.result.results.map((d: { name: string }) => d.name).sort();
      expect(names).toEqual(
        [...modified.filter((i) => !deleted.includes(i)), ...added].map((i) => cat.nameOf(i)).sort(),
      );
      expect(body.result.results[0].metadata_modified).toBe('2026-03-02T00:00:00.000000');
      expect((await getJson(server, 'package_search', { rows: '0' })).result.count).toBe(200);
      const gone = await get(server, 'package_show', { id: cat.nameOf(0) });
      expect(gone.status).toBe(404);
    });
  });

  describe('package_show', () => {
    it('shows by name or id; 404 for unknown; 409 when id is missing', async () => {
      server = await startCkanFixtureServer({ organizations: 5, datasets: 50 });
      const name = server.catalogue.nameOf(17);
      const byName = await getJson(server, 'package_show', { id: name });
      expect(byName).toMatchObject({
        success: true,
        result: { name, type: 'dataset', state: 'active', private: false },
      });
      const byId = await getJson(server, 'package_show', { id: byName.result.id });
      expect(byId.result).toEqual(byName.result);
      const search = await getJson(server, 'package_search', { fq: `name:${name}` });
      expect(search.result.results[0]).toEqual(byName.result);
      expect((await get(server, 'package_show', { id: 'does-not-exist' })).status).toBe(404);
      const missing = await get(server, 'package_show');
      expect(missing.status).toBe(409);
      expect(await missing.json()).toMatchObject({ error: { __type: 'Validation Error' } });
    });

    it('answers an unknown action with 400 and a bare string, like CKAN', async () => {
      server = await startCkanFixtureServer({ organizations: 1, datasets: 1 });
      const res = await get(server, 'package_frobnicate');
      expect(res.status).toBe(400);
      expect(await res.json()).toBe('Bad request - Action name not known: package_frobnicate');
    });
  });

  it('is deterministic across servers (byte-identical bodies)', async () => {
    server = await startCkanFixtureServer({ organizations: 12, datasets: 300, seed: 42 });
    const other = await startCkanFixtureServer({ organizations: 12, datasets: 300, seed: 42 });
    try {
      for (const [action, params] of [
        ['package_search', { rows: '300', sort: 'name asc' }],
        ['organization_list', { all_fields: 'true' }],
        ['package_show', { id: server.catalogue.nameOf(5) }],
      ] as const) {
        const a = await (await get(server, action, params)).text();
        const b = await (await get(other, action, params)).text();
        expect(b).toBe(a);
      }
    } finally {
      await other.close();
    }
  });

  describe('faults', () => {
    beforeEach(async () => {
      server = await startCkanFixtureServer({ organizations: 5, datasets: 30 });
    });

    it('the 3rd package_search call returns HTTP 500 twice, then succeeds', async () => {
      server.setFaults({ http500: { actions: ['package_search'], from: 3, times: 2 } });
      const statuses: number[] = [];
      for (let k = 0; k < 6; k++) statuses.push((await get(server, 'package_search')).status);
      expect(statuses).toEqual([200, 200, 500, 500, 200, 200]);
      // other actions are not counted
      expect((await get(server, 'organization_list')).status).toBe(200);
      expect(server.requests.map((r) => r.fault ?? null).slice(0, 6)).toEqual([
        null,
        null,
        'http500',
        'http500',
        null,
        null,
      ]);
    });

    it('every Nth call, or another status', async () => {
      server.setFaults({ http500: { every: 2, status: 503, body: 'Service Unavailable', contentType: 'text/plain' } });
      const statuses: number[] = [];
      for (let k = 0; k < 4; k++) statuses.push((await get(server, 'organization_list')).status);
      expect(statuses).toEqual([200, 503, 200, 503]);
    });

    it('every call returns success:false with HTTP 200', async () => {
      server.setFaults({ successFalse: {} });
      for (const action of ['organization_list', 'package_search', 'package_show']) {
        const res = await get(server, action, { id: server.catalogue.nameOf(0) });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ success: false, error: { __type: 'Internal Error' } });
      }
    });

    it('the 2nd page is truncated JSON', async () => {
      server.setFaults({ truncatedJson: { actions: ['package_search'], from: 2, times: 1 } });
      const first = await get(server, 'package_search', { rows: '10', start: '0' });
      await expect(first.json()).resolves.toBeDefined();
      const second = await get(server, 'package_search', { rows: '10', start: '10' });
      expect(second.status).toBe(200);
      const text = await second.text();
      expect(() => JSON.parse(text)).toThrow();
      expect(text.startsWith('{"help"')).toBe(true);
      const retry = await get(server, 'package_search', { rows: '10', start: '10' });
      expect((await retry.json()).result.results).toHaveLength(10);
    });

    it('truncated JSON can also cut the connection (abort)', async () => {
      server.setFaults({ truncatedJson: { params: { start: 10 }, abort: true } });
      const res = await get(server, 'package_search', { rows: '10', start: '10' });
      await expect(res.text()).rejects.toThrow();
    });

    it('organization_list hangs (never answers) once', async () => {
      server.setFaults({ timeout: { actions: ['organization_list'], times: 1 } });
      await expect(fetch(`${server.url}/organization_list`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
      const ok = await get(server, 'organization_list');
      expect(ok.status).toBe(200);
      expect(server.requests.map((r) => r.fault ?? null)).toEqual(['timeout', null]);
    });

    it('a hanging call does not keep close() waiting', async () => {
      server.setFaults({ timeout: {} });
      const pending = fetch(`${server.url}/package_search`).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 50));
      await server.close();
      expect(String(await pending)).toMatch(/fetch failed/); // TypeError from undici (another realm under jest)
    });

    it('dataset #17 has wrong types', async () => {
      server = await startCkanFixtureServer({
        organizations: 5,
        datasets: 30,
        faults: { wrongTypes: { datasetIndexes: [17] } },
      });
      const body = await getJson(server, 'package_show', { id: server.catalogue.nameOf(17) });
      expect(typeof body.result.resources).toBe('string');
      expect(typeof body.result.metadata_modified).toBe('number');
      expect(typeof body.result.tags).toBe('object');
      expect(Array.isArray(body.result.tags)).toBe(false);
      const page = await getJson(server, 'package_search', { rows: '30', sort: 'name asc' });
      const broken = page.result.results.filter((d: { resources: unknown }) => !Array.isArray(d.resources));
      expect(broken).toHaveLength(1);
      expect(broken[0].name).toBe(server.catalogue.nameOf(17));
    });

    it('a share of calls, deterministically', async () => {
      server.setFaults({ http500: { share: 0.5 } });
      const run = async () => {
        const out: number[] = [];
        for (let k = 0; k < 20; k++) out.push((await get(server, 'site_read')).status);
        return out;
      };
      const first = await run();
      expect(first.filter((s) => s === 500).length).toBeGreaterThan(3);
      expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
      server.setFaults({ http500: { share: 0.5 } });
      expect(await run()).toEqual(first);
    });

    it('adds latency', async () => {
      server.setFaults({ latencyMs: 120 });
      const t0 = Date.now();
      await get(server, 'site_read');
      expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    });
  });

  it('serves a 1000-row page of a 100,000-dataset catalogue (sanity, not timed)', async () => {
    server = await startCkanFixtureServer({ organizations: 120, datasets: 100_000 });
    const body = await getJson(server, 'package_search', {
      rows: '1000',
      start: '50000',
      sort: 'metadata_modified desc',
    });
    expect(body.result.count).toBe(100_000);
    expect(body.result.results).toHaveLength(1000);
  });
});
