import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { NationalMetrics } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { NATIONAL } from '../testing/fixtures';
import { NationalPage } from './national.page';

describe('NationalPage', () => {
  beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

  async function render(body: NationalMetrics | 'error') {
    TestBed.configureTestingModule({
      imports: [NationalPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(NationalPage);
    fixture.detectChanges();
    TestBed.tick();
    const req = http.expectOne('/api/v1/metrics/national');
    if (body === 'error') req.flush({ code: 'INTERNAL_ERROR' }, { status: 500, statusText: 'Error' });
    else req.flush(body);
    http.expectOne('/api/v1/portal/status').flush({
      portalUrl: 'https://data.gov.ma/data',
      schedule: '30 2 * * *',
      nextRunAt: '2026-11-28T02:30:00.000Z',
      lastGoodRun: null,
      running: null,
      datasets: 200,
      organizations: 3,
      unmappedOrganizations: 0,
    });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { el: fixture.nativeElement as HTMLElement, http, fixture };
  }

  it('shows the headline figures, the ranks and every chart with its table', async () => {
    const { el } = await render(NATIONAL);
    expect(el.querySelector('.sb-score__value')?.textContent?.trim()).toBe('41,3');
    const figures = [...el.querySelectorAll('.met-figure__value')].map((e) =>
      e.textContent?.replace(/\s/g, ' ').trim(),
    );
    expect(figures[0]).toBe('200');
    expect(figures[2]).toBe('50 %');
    expect(figures[4]).toBe('50 %');
    expect(el.querySelectorAll('msd-bar-chart').length).toBe(2); // distribution, by type (no region in the fixture)
    expect(el.querySelectorAll('msd-line-chart').length).toBe(1);
    expect(el.querySelectorAll('table.met-table').length).toBeGreaterThanOrEqual(5);
    // Each figure section is labelled by its heading and names its table's scroll region after the caption.
    for (const id of ['met-dist', 'met-top', 'met-bottom', 'met-type', 'met-history']) {
      const section = el.querySelector(`section[aria-labelledby="${id}"]`) as HTMLElement;
      expect(section.querySelector(`h2#${id}`)).not.toBeNull();
      const scroll = section.querySelector('.msd-table-scroll[role="region"][tabindex="0"]') as HTMLElement;
      expect(scroll.getAttribute('aria-label')).toBe(section.querySelector('caption')?.textContent?.trim());
    }
    expect([...el.querySelectorAll('.met-rank-table .met-rank')].map((e) => e.textContent?.trim())).toEqual([
      '1',
      '2=',
      '2=',
    ]);
    expect(el.querySelector('.met-rank-table a')?.getAttribute('href')).toBe('/fr/metrics/MEF');
    expect(el.querySelector('msd-metrics-source a')?.textContent).toBe('data.gov.ma');
  });

  it('explains that figures appear after the first harvest', async () => {
    const { el } = await render({
      ...NATIONAL,
      figures: null,
      asOf: null,
      history: [],
      top: [],
      bottom: [],
      byType: [],
      distribution: [],
    });
    expect(el.querySelector('msd-empty-state')?.textContent).toContain('metrics.empty.noHarvestNational');
    expect(el.querySelector('msd-empty-state')?.textContent).toContain('metrics.empty.coordinatorsCan');
    expect(el.querySelector('msd-score-breakdown')).toBeNull();
  });

  it('offers a retry when the figures cannot be loaded', async () => {
    const { el, http, fixture } = await render('error');
    const retry = el.querySelector('.msd-error button') as HTMLButtonElement;
    expect(retry).not.toBeNull();
    retry.click();
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne('/api/v1/metrics/national').flush(NATIONAL);
    http.expectOne('/api/v1/portal/status').flush(null);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('.msd-error')).toBeNull();
    expect(el.querySelector('msd-score-breakdown')).not.toBeNull();
  });
});
