import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { OpenDataCatalogue, OpenDataDataset, OpenDataFormat } from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { OpenDataPage } from './open-data.page';

const BASE = 'https://marsad.example.ma';

function dataset(id: OpenDataDataset['id'], fr: string, ar: string, modified: string | null): OpenDataDataset {
  const formats: [OpenDataFormat, string][] = [
    ['csv', 'text/csv'],
    ['json', 'application/json'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ];
  return {
    id,
    title: { fr, ar, en: `${fr} (en)` },
    description: { fr: `Description de ${fr}`, ar: `وصف ${ar}`, en: `About ${fr}` },
    modified,
    frequency: id === 'committee-decisions' ? 'irregular' : 'daily',
    theme: 'GOVE',
    columns: [
      { key: 'plan', label: { fr: 'Plan', ar: 'المخطط' } },
      { key: 'source', label: { fr: 'Source', ar: 'المصدر' } },
      { key: 'as_of', label: { fr: 'Données au', ar: 'المعطيات بتاريخ' } },
    ],
    distributions: formats.map(([format, mediaType]) => ({
      format,
      mediaType,
      path: `/api/v1/open-data/${id}/download?format=${format}`,
      url: `${BASE}/api/v1/open-data/${id}/download?format=${format}`,
    })),
  };
}

const CATALOGUE: OpenDataCatalogue = {
  catalogUrl: `${BASE}/api/v1/catalog`,
  publisher: {
    fr: 'Agence de Développement du Digital',
    ar: 'وكالة التنمية الرقمية',
    en: 'Digital Development Agency',
  },
  licence: { id: 'cc-by', title: 'Creative Commons Attribution', url: 'http://www.opendefinition.org/licenses/cc-by' },
  modified: '2026-06-01T10:00:00.000Z',
  datasets: [
    dataset('plan-activities', 'Activités du plan', 'أنشطة المخطط', '2026-06-01T10:00:00.000Z'),
    dataset('committee-decisions', 'Décisions du comité', 'قرارات اللجنة', null),
  ],
};

describe('OpenDataPage', () => {
  function render(locale: 'fr' | 'ar' = 'fr') {
    TestBed.configureTestingModule({
      imports: [OpenDataPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslateService()],
    });
    TestBed.inject(LocaleService).use(locale);
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(OpenDataPage);
    fixture.detectChanges();
    TestBed.tick();
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  async function loaded(locale: 'fr' | 'ar' = 'fr') {
    const page = render(locale);
    page.http.expectOne('/api/v1/open-data').flush(CATALOGUE);
    page.fixture.detectChanges();
    await page.fixture.whenStable();
    page.fixture.detectChanges();
    return page;
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists every dataset with its title, description, last change, frequency and a download per format', async () => {
    const { el } = await loaded();
    expect(el.querySelector('[data-open-data]')).not.toBeNull();
    const items = [...el.querySelectorAll<HTMLElement>('[data-open-data-dataset]')];
    expect(items.map((i) => i.dataset['openDataDataset'])).toEqual(['plan-activities', 'committee-decisions']);
    const [plan, decisions] = items;
    expect(plan.querySelector('h2')?.textContent?.trim()).toBe('Activités du plan');
    expect(plan.textContent).toContain('Description de Activités du plan');
    expect(plan.querySelector('[data-open-data-modified]')?.textContent).toContain('2026');
    expect(plan.querySelector('[data-open-data-frequency]')?.textContent?.trim()).toBe('metrics.frequencies.daily');
    expect(decisions.querySelector('[data-open-data-frequency]')?.textContent?.trim()).toBe(
      'metrics.frequencies.irregular',
    );
    expect(decisions.querySelector('[data-open-data-modified]')?.textContent?.trim()).toBe('openData.noChange');

    const links = [...plan.querySelectorAll<HTMLAnchorElement>('a[data-open-data-download]')];
    expect(links.map((a) => a.dataset['format'])).toEqual(['csv', 'json', 'xlsx']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/api/v1/open-data/plan-activities/download?format=csv',
      '/api/v1/open-data/plan-activities/download?format=json',
      '/api/v1/open-data/plan-activities/download?format=xlsx',
    ]);
    expect(links.every((a) => a.hasAttribute('download'))).toBe(true);
    expect(links[0].getAttribute('aria-label')).toBe('openData.downloadAs');
  });

  it('links the DCAT-AP catalogue and says the licence', async () => {
    const { el } = await loaded();
    expect(el.querySelector('a[data-open-data-catalog]')?.getAttribute('href')).toBe('/api/v1/catalog');
    expect(el.querySelector('.od-licence a')?.getAttribute('href')).toBe(CATALOGUE.licence.url);
  });

  it('shows titles in the reader’s language', async () => {
    const { el } = await loaded('ar');
    const title = el.querySelector('[data-open-data-dataset="plan-activities"] h2');
    expect(title?.textContent?.trim()).toBe('أنشطة المخطط');
  });

  it('offers to try again when the catalogue cannot be read', async () => {
    const { fixture, http, el } = render();
    http.expectOne('/api/v1/open-data').flush({ code: 'INTERNAL' }, { status: 500, statusText: 'Server Error' });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('.msd-error')).not.toBeNull();
    expect(el.querySelectorAll('[data-open-data-dataset]')).toHaveLength(0);
  });
});
