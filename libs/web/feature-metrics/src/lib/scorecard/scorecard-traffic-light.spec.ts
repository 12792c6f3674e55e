import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { TrafficLightReport } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { HCP_METRICS } from '../testing/fixtures';
import { ScorecardPage } from './scorecard.page';

const LIGHT: TrafficLightReport = {
  institution: { code: 'HCP' },
  light: 'amber',
  reasons: [{ input: 'publication', light: 'amber', value: 52, threshold: 60 }],
  asOf: '2026-12-05',
  inputs: [
    {
      input: 'plan',
      light: 'green',
      value: 0,
      count: 0,
      of: 4,
      notMeasured: null,
      asOf: '2026-12-05',
      source: { kind: 'plan', planCode: 'PANDO-2021' },
    },
    {
      input: 'reporting',
      light: 'not_measured',
      value: null,
      count: null,
      of: null,
      notMeasured: 'no_closed_round',
      asOf: null,
      source: null,
    },
    {
      input: 'publication',
      light: 'amber',
      value: 52,
      count: null,
      of: null,
      notMeasured: null,
      asOf: '2026-12-04T03:00:00.000Z',
      source: { kind: 'snapshot', day: '2026-12-04' },
    },
  ],
};

describe('ScorecardPage traffic light', () => {
  beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

  async function render(light: TrafficLightReport | null): Promise<HTMLElement> {
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
    for (const r of http.match('/api/v1/portal/status')) r.flush(null);
    for (const r of http.match((r) => r.url === '/api/v1/reuses'))
      r.flush({ items: [], total: 0, page: 1, pageSize: 5 });
    for (const r of http.match('/api/v1/institutions/HCP/award')) r.flush([]);
    const req = http.expectOne('/api/v1/institutions/HCP/traffic-light');
    if (light) req.flush(light);
    else req.flush({ code: 'INTERNAL_ERROR' }, { status: 500, statusText: 'Error' });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows its light with each input, where it comes from and as of when', async () => {
    const el = await render(LIGHT);
    const block = el.querySelector('[data-scorecard-traffic-light]') as HTMLElement;
    expect(block.querySelector('[data-traffic-light]')?.getAttribute('data-traffic-light')).toBe('amber');
    expect(block.querySelector('.msd-tl__label')?.textContent?.trim()).toBe('trafficLight.lights.amber');
    expect([...block.querySelectorAll('[data-traffic-input]')].map((i) => i.getAttribute('data-input-light'))).toEqual([
      'green',
      'not_measured',
      'amber',
    ]);
    expect(block.querySelectorAll('[data-traffic-source]').length).toBe(2);
  });

  it('leaves it out when the call fails', async () => {
    expect((await render(null)).querySelector('[data-scorecard-traffic-light]')).toBeNull();
  });
});
