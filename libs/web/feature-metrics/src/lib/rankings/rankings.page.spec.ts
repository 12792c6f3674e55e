import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { HCP, MEF, ranking } from '../testing/fixtures';
import { RankingsPage } from './rankings.page';

describe('RankingsPage', () => {
  async function render(inputs: Record<string, string>) {
    TestBed.configureTestingModule({
      imports: [RankingsPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslateService()],
    });
    TestBed.inject(LocaleService).use('fr');
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RankingsPage);
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    fixture.detectChanges();
    TestBed.tick();
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it('asks for the filtered page, shows shared ranks as "2=" and links each row to its scorecard', async () => {
    const { fixture, http, el } = await render({ type: 'ministry', region: '03', page: '2' });
    const req = http.expectOne((r) => r.url === '/api/v1/metrics/rankings');
    expect(req.request.params.get('type')).toBe('ministry');
    expect(req.request.params.get('region')).toBe('03');
    expect(req.request.params.get('page')).toBe('2');
    req.flush({ items: [ranking(1, false, MEF, 45), ranking(2, true, HCP, 40)], total: 27, page: 2, pageSize: 25 });
    http.expectOne((r) => r.url === '/api/v1/institutions').flush({ items: [], total: 0, page: 1, pageSize: 50 });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    const ranks = [...el.querySelectorAll('tbody .met-rank')].map((td) => td.childNodes[0].textContent?.trim());
    expect(ranks).toEqual(['1', '2=']);
    expect(el.querySelector('tbody tr:nth-child(2) th a')?.getAttribute('href')).toBe('/fr/metrics/HCP');
    // Every administration's name is isolated (bidi), as the interpolated text it is.
    const names = [...el.querySelectorAll('tbody th a')];
    expect(names.every((a) => a.querySelector('bdi')?.textContent === a.textContent?.trim())).toBe(true);
    // Below 600 px each row is a card: every figure keeps its column's name, the score included.
    expect(el.querySelector('table.rk-table')?.classList).toContain('cards-on-phone');
    const score = el.querySelector('tbody tr [data-rank-score]') as HTMLElement;
    expect(score.getAttribute('data-label')).toBe('metrics.score');
    expect(score.textContent?.trim()).toBe('45');
    expect([...el.querySelectorAll('tbody tr:first-child td')].every((td) => td.hasAttribute('data-label'))).toBe(true);
  });

  it('builds export links that carry the filters (and not the page)', async () => {
    const { fixture, http, el } = await render({ type: 'region', region: '04', page: '3' });
    http.expectOne((r) => r.url === '/api/v1/metrics/rankings').flush({ items: [], total: 0, page: 3, pageSize: 25 });
    http.expectOne((r) => r.url === '/api/v1/institutions').flush({ items: [], total: 0, page: 1, pageSize: 50 });
    fixture.detectChanges();
    await fixture.whenStable();
    const hrefs = [...el.querySelectorAll('a.rk-export__link')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      '/api/v1/metrics/rankings/export?format=csv&type=region&region=04',
      '/api/v1/metrics/rankings/export?format=xlsx&type=region&region=04',
    ]);
  });

  it('exports everything when nothing is filtered, and says the list is empty', async () => {
    const { fixture, http, el } = await render({});
    http.expectOne((r) => r.url === '/api/v1/metrics/rankings').flush({ items: [], total: 0, page: 1, pageSize: 25 });
    http.expectOne((r) => r.url === '/api/v1/institutions').flush({ items: [], total: 0, page: 1, pageSize: 50 });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('a.rk-export__link')?.getAttribute('href')).toBe(
      '/api/v1/metrics/rankings/export?format=csv',
    );
    expect(el.querySelector('msd-empty-state')?.textContent).toContain('metrics.rankings.emptyNone');
  });
});
