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
