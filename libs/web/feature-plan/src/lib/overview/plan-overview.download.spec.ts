import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import type { PlanBlockers } from '@marsad/contracts';
import { history, plan } from '../testing/fixtures';
import { PlanOverviewPage } from './plan-overview.page';

describe('PlanOverviewPage download menu', () => {
  beforeAll(() => {
    // jsdom has no canvas: the chart wrapper then skips drawing.
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });

  it('offers the plan’s activities as CSV, JSON and XLSX, and a link to all open data', async () => {
    TestBed.configureTestingModule({
      imports: [PlanOverviewPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslateService()],
    });
    TestBed.inject(LocaleService).use('fr');
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PlanOverviewPage);
    fixture.detectChanges();
    TestBed.tick();
    const blockers: PlanBlockers = {
      byCategory: [],
      byMeasure: [],
      items: [],
      provenance: { source: 'validated', asOf: null, by: null },
    };
    http.expectOne('/api/v1/plans/PANDO-2021/blockers').flush(blockers);
    http.expectOne('/api/v1/plans/PANDO-2021/history').flush(history([10, 20]));
    http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021').flush(plan());
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const menu = (fixture.nativeElement as HTMLElement).querySelector('[data-plan-download]') as HTMLElement;
    expect(menu.tagName).toBe('DETAILS');
    const links = [...menu.querySelectorAll<HTMLAnchorElement>('a[data-open-data-download]')];
    expect(links.map((a) => [a.dataset['format'], a.getAttribute('href')])).toEqual([
      ['csv', '/api/v1/open-data/plan-activities/download?format=csv'],
      ['json', '/api/v1/open-data/plan-activities/download?format=json'],
      ['xlsx', '/api/v1/open-data/plan-activities/download?format=xlsx'],
    ]);
    expect(menu.querySelector('a[href="/fr/open-data"]')).not.toBeNull();
  });
});
