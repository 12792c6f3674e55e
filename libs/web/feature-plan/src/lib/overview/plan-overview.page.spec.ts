import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { measure, plan } from '../testing/fixtures';
import { PlanOverviewPage } from './plan-overview.page';

describe('PlanOverviewPage', () => {
  let fixture: ComponentFixture<PlanOverviewPage>;
  let http: HttpTestingController;

  beforeAll(() => {
    // jsdom has no canvas: the chart wrapper then skips drawing.
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });

  async function render(inputs: Record<string, string> = {}): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [PlanOverviewPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('fr', {
      filters: { emptyTitle: 'Aucune activité ne correspond à ces filtres', clear: 'Effacer les filtres' },
      status: { delayed: 'En retard' },
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PlanOverviewPage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    TestBed.tick();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('asks the API for the plan and renders each measure with its number, title, lead and status', async () => {
    const el = await render();
    const req = http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021');
    expect(req.request.params.keys()).toEqual([]);
    req.flush(plan());
    await fixture.whenStable();

    const cards = Array.from(el.querySelectorAll('.measure-card'));
    expect(cards).toHaveLength(2);
    expect(cards[0].querySelector('.measure-card__number')?.textContent?.trim()).toBe('1');
    expect(cards[0].querySelector('.measure-card__title a')?.textContent?.trim()).toBe('Mesure numéro 1');
    expect(cards[0].querySelector('.measure-card__title a')?.getAttribute('href')).toBe('/fr/measures/m-1');
    expect(cards[1].querySelector('.measure-card__title a')?.textContent?.trim()).toBe('Moderniser le portail');
    expect(cards[1].textContent).toContain('Agence de Développement du Digital');
    expect(cards[1].querySelector('msd-status-chip')?.textContent).toContain('En retard');
    // Overall figure, formatted for fr-MA, and the demo banner.
    expect(el.querySelector('.overview__big')?.textContent?.replace(/\s/g, '')).toBe('42,5%');
    expect(el.querySelector('msd-demo-badge')).not.toBeNull();
    // The chart's figures are also available as a table.
    expect(el.querySelectorAll('.overview__figures tbody tr')).toHaveLength(2);
  });

  it('sends the filters from the query string to the API', async () => {
    await render({
      status: 'delayed',
      health: 'late',
      lead: 'ADD',
      institution: 'HCP',
      involvement: 'contributor',
      dueBefore: '2022-12-31',
    });
    const req = http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021');
    expect(req.request.params.get('status')).toBe('delayed');
    expect(req.request.params.get('health')).toBe('late');
    expect(req.request.params.get('lead')).toBe('ADD');
    expect(req.request.params.get('institution')).toBe('HCP');
    expect(req.request.params.get('involvement')).toBe('contributor');
    expect(req.request.params.get('dueBefore')).toBe('2022-12-31');
    req.flush(plan({ measures: [measure(2)] }));
    await fixture.whenStable();
  });

  it('ignores malformed filter values', async () => {
    await render({ status: 'exploded', dueBefore: 'tomorrow' });
    const req = http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021');
    expect(req.request.params.keys()).toEqual([]);
    req.flush(plan());
    await fixture.whenStable();
  });

  it('shows an empty state that clears the filters when nothing matches', async () => {
    const el = await render({ status: 'cancelled' });
    http.expectOne((r) => r.url === '/api/v1/plans/PANDO-2021').flush(plan({ measures: [] }));
    await fixture.whenStable();

    const empty = el.querySelector('msd-empty-state');
    expect(empty?.textContent).toContain('Aucune activité ne correspond à ces filtres');
    expect(el.querySelectorAll('.measure-card')).toHaveLength(0);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (empty?.querySelector('button') as HTMLButtonElement).click();
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: {} }));
  });

  it('shows the translated error code when the API fails', async () => {
    const el = await render();
    http
      .expectOne((r) => r.url === '/api/v1/plans/PANDO-2021')
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: 'x', fields: [], requestId: 'r' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();
    expect(el.querySelector('.msd-error')?.textContent).toContain('errors.NOT_FOUND');
  });
});
