import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InstitutionMetrics } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { HCP_METRICS } from '../testing/fixtures';
import { ScorecardPage } from './scorecard.page';

describe('ScorecardPage', () => {
  // jsdom has no canvas: the chart wrappers skip drawing, the tables carry the figures.
  beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

  async function render(body: InstitutionMetrics | { status: number }) {
    TestBed.configureTestingModule({
      imports: [ScorecardPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    TestBed.inject(TranslateService).setTranslation('fr', {
      metrics: { scorecard: { rankOf: '{{rank}} sur {{of}}', rankOfTied: '{{rank}} sur {{of}} (ex æquo)' } },
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ScorecardPage);
    fixture.componentRef.setInput('code', 'HCP');
    fixture.detectChanges();
    TestBed.tick();
    const req = http.expectOne('/api/v1/institutions/HCP/metrics');
    if ('status' in body) req.flush({ code: 'NOT_FOUND' }, { status: body.status, statusText: 'Not Found' });
    else req.flush(body);
    http.expectOne('/api/v1/portal/status').flush({
      portalUrl: 'demo',
      schedule: null,
      nextRunAt: null,
      lastGoodRun: null,
      running: null,
      datasets: 0,
      organizations: 0,
      unmappedOrganizations: 0,
    });
    // The reuses of its data: none here (their own tests are below).
    for (const r of http.match((r) => r.url === '/api/v1/reuses'))
      r.flush({
        items: [],
        total: 0,
        page: 1,
        pageSize: 5,
        facets: { themes: [], institutions: [], reuserTypes: [] },
        asOf: '2026-03-01T08:00:00Z',
      });
    // Its places in the Imtiaz award: none here (their own tests are below).
    for (const r of http.match('/api/v1/institutions/HCP/award')) r.flush([]);
    // Its traffic light: its own tests are in scorecard-traffic-light.spec.ts.
    for (const r of http.match('/api/v1/institutions/HCP/traffic-light')) r.flush(null);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the score beside its breakdown (value, weight, points) and the rank with its tie', async () => {
    const el = await render(HCP_METRICS);
    expect(el.querySelector('.sb-score__value')?.textContent?.trim()).toBe('41,3');
    const rows = [...el.querySelectorAll('.sb-table tbody tr')].map((tr) => [
      tr.getAttribute('data-component'),
      ...[...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim()),
    ]);
    expect(rows[0]).toEqual(['openness', '30', '× 30 %', '9']);
    expect(rows[3]).toEqual(['inventory', 'metrics.breakdown.noValueShort', '× 20 %', '0']);
    expect(el.querySelector('.sc-rank strong')?.textContent?.trim()).toBe('2e sur 240 (ex æquo)');
    // Where the score comes from: computed from the harvest, not declared.
    expect(el.querySelector('[data-provenance]')?.textContent).toContain('provenance.automated');
  });

  it('links overdue datasets to the portal in a new tab', async () => {
    const el = await render(HCP_METRICS);
    const link = el.querySelector('table.sc-overdue a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://data.gov.ma/data/dataset/subventions-2022');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('explains missing figures: no portal organisation mapped', async () => {
    const el = await render({
      ...HCP_METRICS,
      portalOrgName: null,
      figures: null,
      rank: null,
      asOf: null,
      history: [],
      overdue: [],
    });
    expect(el.querySelector('msd-empty-state')?.textContent).toContain('metrics.empty.notMappedTitle');
    expect(el.querySelector('msd-score-breakdown')).toBeNull();
  });

  it('explains missing figures: mapped, but no harvest yet', async () => {
    const el = await render({ ...HCP_METRICS, figures: null, rank: null, asOf: null, history: [], overdue: [] });
    expect(el.querySelector('msd-empty-state')?.textContent).toContain('metrics.empty.noHarvestInstitution');
  });

  it('says an unknown administration is not found, without a retry', async () => {
    const el = await render({ status: 404 });
    expect(el.querySelector('.msd-error')?.textContent).toContain('errors.NOT_FOUND');
    expect(el.querySelector('.msd-error button')).toBeNull();
  });
});

describe('ScorecardPage: reuses of its data', () => {
  beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

  const reuse = (id: string, title: string) => ({
    id,
    title: { fr: title },
    description: { fr: 'Description' },
    reuserType: 'startup',
    url: 'https://example.ma',
    origin: 'spontaneous',
    status: 'published',
    datasets: [],
    themes: [],
    institutions: [HCP_METRICS.institution],
    hackathon: null,
    publishedAt: '2026-02-10T09:00:00.000Z',
    createdAt: '2026-02-01T09:00:00.000Z',
    rejectReason: null,
    contactEmail: null,
    isDemo: false,
    version: 1,
  });

  async function render(items: unknown[], total: number) {
    TestBed.configureTestingModule({
      imports: [ScorecardPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ScorecardPage);
    fixture.componentRef.setInput('code', 'HCP');
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne('/api/v1/institutions/HCP/metrics').flush(HCP_METRICS);
    http.expectOne('/api/v1/portal/status').flush(null);
    const req = http.expectOne((r) => r.url === '/api/v1/reuses');
    req.flush({
      items,
      total,
      page: 1,
      pageSize: 5,
      facets: { themes: [], institutions: [], reuserTypes: [] },
      asOf: '2026-03-01T08:00:00Z',
    });
    for (const r of http.match('/api/v1/institutions/HCP/award')) r.flush([]);
    // Its traffic light: its own tests are in scorecard-traffic-light.spec.ts.
    for (const r of http.match('/api/v1/institutions/HCP/traffic-light')) r.flush(null);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { el: fixture.nativeElement as HTMLElement, req };
  }

  it('lists up to five published reuses of its datasets, the total, and links to the filtered showcase', async () => {
    const { el, req } = await render([reuse('r-1', 'Budget citoyen'), reuse('r-2', 'Carte des prix')], 7);
    expect(req.request.params.get('institution')).toBe('HCP');
    expect(req.request.params.get('pageSize')).toBe('5');
    expect(req.request.params.get('status')).toBe('published');
    const section = el.querySelector('[data-scorecard-reuses]') as HTMLElement;
    const links = section.querySelectorAll('[data-scorecard-reuse] a');
    expect(links).toHaveLength(2);
    expect(links[0].getAttribute('href')).toBe('/fr/reuses/r-1');
    expect(links[0].textContent).toContain('Budget citoyen');
    expect(section.querySelector('[data-scorecard-reuse]')?.textContent).toContain('reuses.reuserTypes.startup');
    expect(section.querySelector('[data-scorecard-reuses-total]')?.textContent).toContain('reuses.count');
    expect(section.querySelector('[data-scorecard-reuses-all]')?.getAttribute('href')).toBe(
      '/fr/reuses?institution=HCP',
    );
  });

  it('says when no published reuse uses its data', async () => {
    const { el } = await render([], 0);
    const empty = el.querySelector('[data-scorecard-reuses-empty]') as HTMLElement;
    expect(empty.textContent).toContain('reuses.scorecard.emptyTitle');
    expect(el.querySelector('[data-scorecard-reuses-all]')).toBeNull();
  });
});

describe('ScorecardPage: Imtiaz award honours', () => {
  beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

  async function render(honours: unknown[] | null) {
    TestBed.configureTestingModule({
      imports: [ScorecardPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    TestBed.inject(TranslateService).setTranslation('fr', {
      award: { scorecard: { honour: 'Prix Imtiaz {{year}} : {{rank}} sur {{of}}' } },
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ScorecardPage);
    fixture.componentRef.setInput('code', 'HCP');
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne('/api/v1/institutions/HCP/metrics').flush(HCP_METRICS);
    http.expectOne('/api/v1/portal/status').flush(null);
    for (const r of http.match((r) => r.url === '/api/v1/reuses'))
      r.flush({ items: [], total: 0, page: 1, pageSize: 5, facets: { themes: [], institutions: [], reuserTypes: [] } });
    const award = http.expectOne('/api/v1/institutions/HCP/award');
    if (honours) award.flush(honours);
    else award.flush({ code: 'INTERNAL_ERROR' }, { status: 500, statusText: 'Error' });
    // Its traffic light: its own tests are in scorecard-traffic-light.spec.ts.
    for (const r of http.match('/api/v1/institutions/HCP/traffic-light')) r.flush(null);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('says its places in the award, newest first, the first three highlighted, each linking to its edition', async () => {
    const el = await render([
      { editionId: 'ed-24', year: 2024, title: { fr: 'Prix 2024' }, rank: 5, of: 9, total: 51 },
      { editionId: 'ed-25', year: 2025, title: { fr: 'Prix 2025' }, rank: 1, of: 6, total: 82 },
    ]);
    const lines = [...el.querySelectorAll('[data-scorecard-award]')];
    expect(lines.map((l) => l.querySelector('a')?.textContent?.trim())).toEqual([
      'Prix Imtiaz 2025 : 1er sur 6',
      'Prix Imtiaz 2024 : 5e sur 9',
    ]);
    expect(lines[0].getAttribute('data-podium')).toBe('true');
    expect(lines[0].classList).toContain('sc-honour--podium');
    expect(lines[1].getAttribute('data-podium')).toBe('false');
    expect(lines[0].querySelector('a')?.getAttribute('href')).toBe('/fr/award/ed-25');
  });

  it('shows no line when it has none, or when the call fails', async () => {
    expect((await render([])).querySelector('[data-scorecard-award]')).toBeNull();
    TestBed.resetTestingModule();
    expect((await render(null)).querySelector('[data-scorecard-award]')).toBeNull();
  });
});
