import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CoverageReport } from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { share, sharesOf } from './coverage-math';
import { CoveragePage } from './coverage.page';

const REPORT: CoverageReport = {
  total: 8, withRod: 2, withGdd: 1, withBoth: 1,
  byType: [
    { type: 'commune', total: 4, withRod: 1, withGdd: 0, withBoth: 0 },
    { type: 'ministry', total: 4, withRod: 1, withGdd: 1, withBoth: 1 },
  ],
  byRegion: [{ region: { code: '03', name: { ar: 'فاس-مكناس', fr: 'Fès-Meknès', en: 'Fès-Meknès' }, type: 'region' }, total: 4, withRod: 1, withGdd: 0, withBoth: 0 }],
  vacancies: { total: 7, items: [{ institution: { code: 'HCP', name: { ar: 'المندوبية', fr: 'Haut-Commissariat au Plan', en: 'HCP' }, type: 'ministry' }, missing: ['ROD', 'GDD'] }] },
  appointmentsByMonth: [{ month: '2026-01', rod: 2, gdd: 1 }],
};

describe('coverage shares', () => {
  it('computes shares as 0–100 with one decimal, and 0 for an empty total', () => {
    expect(share(1, 3)).toBe(33.3);
    expect(share(0, 0)).toBe(0);
    expect(sharesOf({ total: 8, withRod: 2, withGdd: 1, withBoth: 1 })).toMatchObject({ rodShare: 25, gddShare: 12.5, bothShare: 12.5 });
  });
});

describe('CoveragePage', () => {
  // jsdom has no canvas: the chart wrapper skips drawing, the tables carry the figures.
  beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

  it('shows the headline shares and the figures as tables', async () => {
    TestBed.configureTestingModule({
      imports: [CoveragePage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslateService()],
    });
    TestBed.inject(LocaleService).use('fr');
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CoveragePage);
    fixture.componentRef.setInput('type', 'ministry');
    fixture.detectChanges();
    TestBed.tick();
    const req = http.expectOne((r) => r.url === '/api/v1/coverage');
    expect(req.request.params.get('type')).toBe('ministry');
    req.flush(REPORT);
    http.expectOne((r) => r.url === '/api/v1/institutions').flush({ items: [], total: 0, page: 1, pageSize: 50 });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    const el = fixture.nativeElement as HTMLElement;
    const figures = [...el.querySelectorAll('.cov-figure__value')].map((e) => e.textContent?.replace(/\s/g, ' ').trim());
    expect(figures).toEqual(['25 %', '12,5 %', '12,5 %']);
    const tables = el.querySelectorAll('table.cov-table');
    expect(tables.length).toBe(3);
    const typeRows = [...tables[0].querySelectorAll('tbody tr')].map((r) => r.querySelector('th')?.getAttribute('ng-reflect-query-params') ?? r.textContent?.replace(/\s+/g, ' ').trim());
    expect(typeRows[0]).toContain('institutionTypesPlural.ministry');
    expect(typeRows[0]).toContain('1 (25 %)');
    expect(el.querySelector('.cov-vacancies a')?.getAttribute('href')).toBe('/fr/institutions/HCP');
  });
});
